/**
 * Working through batch jobs on a set of engine workers — the same loop for Node's worker processes
 * (`pool.ts`) and the browser's Web Workers: each worker takes the next few jobs when it is free (a
 * few per message, fewer as the end nears so the workers finish together), and is sent each
 * variant's scenario once. Results arrive in completion order; each depends on its seed alone.
 */
import type { Scenario } from '../scenario/scenario.ts';
import type { ReplicationResult } from '../worker/api.ts';
import type { Job } from './plan.ts';

/** What the loop needs of a worker: the engine API's batch calls (answered by promise). */
export interface JobWorker {
  api: {
    prepare(key: string, scenario: Scenario): Promise<unknown> | unknown;
    replicateMany(jobs: readonly { key: string; rep: number; seed: number }[]): Promise<ReplicationResult[]> | ReplicationResult[];
  };
}

/** Jobs per message: about a quarter of each worker's share of what is left, between 1 and 8. */
export function chunkSize(remaining: number, workers: number): number {
  return Math.max(1, Math.min(8, Math.floor(remaining / (4 * Math.max(1, workers)))));
}

/**
 * Runs `jobs` on `workers` until done or `stopped()`; `prepared[i]` remembers what worker i holds
 * (keep it across calls to reuse workers). Rejects with the first failure.
 */
export async function workThrough(
  workers: readonly JobWorker[],
  prepared: Map<string, Scenario>[],
  jobs: readonly Job[],
  scenarios: ReadonlyMap<string, Scenario>,
  onResult: (r: ReplicationResult) => void,
  stopped: () => boolean,
): Promise<number> {
  let next = 0;
  let completed = 0;
  let failure: unknown = null;
  const work = async (i: number) => {
    const w = workers[i];
    while (!stopped() && failure === null && next < jobs.length) {
      const take = jobs.slice(next, next + chunkSize(jobs.length - next, workers.length));
      next += take.length;
      for (const job of take) {
        const scenario = scenarios.get(job.variant)!;
        if (prepared[i].get(job.variant) !== scenario) {
          await w.api.prepare(job.variant, scenario);
          prepared[i].set(job.variant, scenario);
        }
      }
      const rs = await w.api.replicateMany(take.map((j) => ({ key: j.variant, rep: j.rep, seed: j.seed })));
      if (stopped()) return;
      for (const r of rs) {
        completed++;
        onResult(r);
      }
    }
  };
  await Promise.all(workers.map((_, i) => work(i).catch((e) => void (failure ??= e))));
  if (failure !== null && !stopped()) throw failure;
  return completed;
}
