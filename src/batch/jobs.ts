/**
 * Working through batch jobs on a set of engine workers — the same loop for Node worker threads
 * (`pool.ts`) and the browser's Web Workers: each worker takes the next job when it is free, and is
 * sent a variant's scenario once. Results arrive in completion order; each depends on its seed alone.
 */
import type { Scenario } from '../scenario/scenario.ts';
import type { ReplicationResult } from '../worker/api.ts';
import type { Job } from './plan.ts';

/** What the loop needs of a worker: the engine API's two batch calls (answered by promise). */
export interface JobWorker {
  api: {
    prepare(key: string, scenario: Scenario): Promise<unknown> | unknown;
    replicate(key: string, rep: number, seed: number): Promise<ReplicationResult> | ReplicationResult;
  };
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
      const job = jobs[next++];
      const scenario = scenarios.get(job.variant)!;
      if (prepared[i].get(job.variant) !== scenario) {
        await w.api.prepare(job.variant, scenario);
        prepared[i].set(job.variant, scenario);
      }
      const r = await w.api.replicate(job.variant, job.rep, job.seed);
      if (stopped()) return;
      completed++;
      onResult(r);
    }
  };
  await Promise.all(workers.map((_, i) => work(i).catch((e) => void (failure ??= e))));
  if (failure !== null && !stopped()) throw failure;
  return completed;
}
