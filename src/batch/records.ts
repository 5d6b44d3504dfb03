/**
 * Replications that return their records (for measures a KPI row does not hold, as validate-history
 * needs): one scenario, many seeds, on engine worker threads over the same worker API as batches.
 * Results come back in seed order whatever the number of workers.
 */
import type { Scenario } from '../scenario/scenario.ts';
import type { RunRecords } from '../engine/records.ts';
import { startEngineWorker } from '../worker/node-host.ts';

/** The replications were stopped by `signal` before they were all done. */
export class RecordsAborted extends Error {}

/**
 * Runs `scenario` once per seed on `workers` threads; `onDone(done, total)` reports progress. When
 * `signal` aborts, the workers are ended and it rejects with {@link RecordsAborted}.
 */
export async function simulateRecords(scenario: Scenario, seeds: readonly number[], workers: number, onDone?: (done: number, total: number) => void, signal?: AbortSignal): Promise<RunRecords[]> {
  const threads = Array.from({ length: Math.max(1, Math.min(workers, seeds.length)) }, () => startEngineWorker());
  const out: RunRecords[] = new Array(seeds.length);
  let next = 0;
  let done = 0;
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(new RecordsAborted());
    signal?.addEventListener('abort', () => reject(new RecordsAborted()), { once: true });
  });
  aborted.catch(() => {});
  // A worker that died (or the abort) ends the wait: its answer would never come.
  const answer = <T>(w: (typeof threads)[number], p: Promise<T>): Promise<T> => Promise.race([p, w.died, aborted]);
  try {
    await Promise.all(
      threads.map(async (w) => {
        await answer(w, w.api.prepare('history', scenario));
        while (next < seeds.length) {
          const i = next++;
          out[i] = await answer(w, w.api.records('history', seeds[i]));
          onDone?.(++done, seeds.length);
        }
      }),
    );
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return out;
}
