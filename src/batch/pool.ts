/**
 * A pool of Node worker threads, each running the engine API over comlink, that works through lists
 * of jobs: every worker takes the next job when it is free. Results arrive in completion order;
 * whatever the number of workers, each job's result is the same (it depends on its seed alone).
 */
import { startEngineWorker, type EngineWorker } from '../worker/node-host.ts';
import type { ReplicationResult } from '../worker/api.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { Job } from './plan.ts';

export interface Pool {
  /** Runs `jobs`; resolves when all are done (or the pool was closed: `stopped`). */
  run(jobs: readonly Job[], scenarios: ReadonlyMap<string, Scenario>, onResult: (r: ReplicationResult) => void): Promise<{ completed: number; stopped: boolean }>;
  /** Ends the workers at once; work in flight is dropped and `run` resolves as stopped. */
  close(): Promise<void>;
}

export function createPool(workers: number): Pool {
  const threads: EngineWorker[] = Array.from({ length: Math.max(1, workers) }, () => startEngineWorker());
  // What each worker holds already, by variant name (scenarios are sent once per worker).
  const prepared = threads.map(() => new Map<string, Scenario>());
  let closed = false;
  let closedNow: () => void = () => {};
  const closedSignal = new Promise<void>((resolve) => (closedNow = resolve));
  return {
    async run(jobs, scenarios, onResult) {
      let next = 0;
      let completed = 0;
      let failure: unknown = null;
      const work = async (i: number) => {
        const w = threads[i];
        while (!closed && failure === null && next < jobs.length) {
          const job = jobs[next++];
          const scenario = scenarios.get(job.variant)!;
          if (prepared[i].get(job.variant) !== scenario) {
            await w.api.prepare(job.variant, scenario);
            prepared[i].set(job.variant, scenario);
          }
          const r = await w.api.replicate(job.variant, job.rep, job.seed);
          if (closed) return;
          completed++;
          onResult(r);
        }
      };
      const all = Promise.all(threads.map((_, i) => work(i).catch((e) => void (failure ??= e))));
      // A closed pool's calls in flight never answer: settle on the close itself.
      await Promise.race([all, closedSignal]);
      if (failure !== null && !closed) throw failure;
      return { completed, stopped: closed || completed < jobs.length };
    },
    async close() {
      closed = true;
      await Promise.all(threads.map((w) => w.terminate()));
      closedNow();
    },
  };
}
