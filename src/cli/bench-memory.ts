/**
 * What fresh memory costs on this machine. A page of memory a process touches for the first time
 * costs a page fault, whose price varies widely between machines (virtual machines whose memory is
 * backed lazily charge the most). Where it is high, a program that keeps what it makes — a
 * replication's records — pays more for the memory than for the work. The bench measures the price
 * here, so that the engine's and the commands' figures can be read with it.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Page faults the whole process has taken so far (first touches of pages and the like). Written out
 * again in the scripts the bench runs in processes of their own (here and in `bench.ts`), which
 * cannot import it.
 */
export const pageFaults = (): number => process.resourceUsage().minorPageFault;

/** The cost of touching fresh memory, per page fault and per MiB, and the memory a fault brings in. */
export interface FreshMemory {
  usPerFault: number;
  msPerMiB: number;
  kibPerFault: number;
}

/**
 * A script for `node --input-type=module -e` that touches 64 MiB of newly allocated memory, one
 * write per 4 KiB, five times (each a new allocation), and prints the median round as
 * {@link FreshMemory}, or null where the system counts no page faults.
 * It runs in a process of its own: a child the bench starts later counts in its own peak memory
 * what the bench process held when it started the child, and the probe's 64 MiB must not be that.
 */
export const FRESH_MEMORY_JS = `
const faults = () => process.resourceUsage().minorPageFault;
const per = [];
for (let r = 0; r < 5; r++) {
  const f0 = faults();
  const t0 = process.hrtime.bigint();
  const a = new Float64Array(64 * 2 ** 17);
  for (let i = 0; i < a.length; i += 512) a[i] = 1;
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const n = faults() - f0;
  per.push(n > 0 ? { usPerFault: (1000 * ms) / n, msPerMiB: ms / 64, kibPerFault: 65536 / n } : null);
}
const ok = per.filter((x) => x !== null).sort((x, y) => x.msPerMiB - y.msPerMiB);
console.log(JSON.stringify(ok.length === per.length ? ok[2] : null));
`;

/** Counts the line feeds of the file at `path`, a MiB at a time (the bench must not hold the file). */
export function countLines(path: string): number {
  const buf = Buffer.alloc(2 ** 20);
  const fd = openSync(path, 'r');
  let n = 0;
  try {
    for (let got = readSync(fd, buf); got > 0; got = readSync(fd, buf)) for (let i = 0; i < got; i++) if (buf[i] === 10) n++;
  } finally {
    closeSync(fd);
  }
  return n;
}
