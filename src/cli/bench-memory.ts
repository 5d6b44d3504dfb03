/**
 * What fresh memory costs on this machine. A page of memory a process touches for the first time
 * costs a page fault; on most machines that is a fraction of a microsecond, on some virtual machines
 * (lazily backed guest memory) it is tens of microseconds, and then a program that keeps what it
 * makes — a replication's records — pays more for the memory than for the work. The bench measures
 * the cost per fault here, so that the engine's and the commands' figures can be read with it.
 */

/** Page faults the whole process has taken so far (first touches of pages and the like). */
export const pageFaults = (): number => process.resourceUsage().minorPageFault;

/** The cost of touching fresh memory: microseconds per page fault, and milliseconds per MiB. */
export interface FreshMemory {
  usPerFault: number;
  msPerMiB: number;
}

/**
 * A script for `node --input-type=module -e` that touches 64 MiB of newly allocated memory, one
 * write per 4 KiB page, five times (each a new allocation), and prints the median round as
 * {@link FreshMemory}. It runs in a process of its own: a child started later by the same parent
 * would otherwise count the parent's memory in its own peak (Linux keeps the peak across `exec`).
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
  per.push({ usPerFault: (1000 * ms) / Math.max(1, faults() - f0), msPerMiB: ms / 64 });
}
per.sort((x, y) => x.msPerMiB - y.msPerMiB);
console.log(JSON.stringify(per[2]));
`;
