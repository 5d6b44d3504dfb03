/**
 * A pool of Node worker threads, each running the engine API over comlink, that works through a list
 * of jobs: every worker takes the next job when it is free. Results arrive in completion order;
 * whatever the number of workers, each job's result is the same (it depends on its seed alone).
 */
import { startEngineWorker, type EngineWorker } from '../worker/node-host.ts';
import type { ReplicationResult } from '../worker/api.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { Job } from './plan.ts';

export interface PoolRun {
  /** Resolves when every job is done, or after `stop()` once the workers are gone. */
  done: Promise<{ completed: number; stopped: boolean }>;
  /** Stops handing out jobs and ends the workers at once (results in flight are dropped). */
  stop(): Promise<void>;
}

export function runPool(jobs: readonly Job[], scenarios: ReadonlyMap<string, Scenario>, workers: number, onResult: (r: ReplicationResult) => void): PoolRun {
  const pool: EngineWorker[] = Array.from({ length: Math.max(1, Math.min(workers, jobs.length || 1)) }, () => startEngineWorker());
  let next = 0;
  let completed = 0;
  let stopped = false;
  const worker = async (w: EngineWorker) => {
    const prepared = new Set<string>();
    while (!stopped && next < jobs.length) {
      const job = jobs[next++];
      if (!prepared.has(job.variant)) {
        await w.api.prepare(job.variant, scenarios.get(job.variant)!);
        prepared.add(job.variant);
      }
      const r = await w.api.replicate(job.variant, job.rep, job.seed);
      if (stopped) return;
      completed++;
      onResult(r);
    }
  };
  const terminateAll = () => Promise.all(pool.map((w) => w.terminate())).then(() => undefined);
  let failure: unknown = null;
  // A stopped pool's calls in flight never answer: `done` settles on the stop itself.
  let stoppedNow: () => void = () => {};
  const stopSignal = new Promise<{ completed: number; stopped: boolean }>((resolve) => {
    stoppedNow = () => resolve({ completed, stopped: true });
  });
  const all = Promise.all(
    pool.map((w) =>
      worker(w).catch((e) => {
        if (!stopped) {
          failure = e;
          stopped = true;
        }
      }),
    ),
  )
    .then(terminateAll)
    .then(() => {
      if (failure) throw failure;
      return { completed, stopped: completed < jobs.length };
    });
  return {
    done: Promise.race([all, stopSignal]),
    async stop() {
      stopped = true;
      await terminateAll();
      stoppedNow();
    },
  };
}
