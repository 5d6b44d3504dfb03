export async function benchCommand(_argv: string[], io: { out: (s: string) => void }): Promise<number> {
  io.out('bench: todo');
  return 0;
}
