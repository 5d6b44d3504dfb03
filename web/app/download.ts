/** Hands a file to the browser's downloads (the only way the app writes anything). */
export function download(name: string, data: string | Uint8Array, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob([data as BlobPart], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
