/**
 * A pool of Node worker processes, each running the engine API over comlink, that works through
 * lists of jobs (`jobs.ts`), reusable from one list to the next.
 */
import { startEngineWorker, type EngineWorker } from '../worker/node-host.ts';
import type { ReplicationResult } from '../worker/api.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { Job } from './plan.ts';
import { workThrough } from './jobs.ts';

export interface Pool {
  /** Runs `jobs`; resolves when all are done (or the pool was closed: `stopped`). */
  run(jobs: readonly Job[], scenarios: ReadonlyMap<string, Scenario>, onResult: (r: ReplicationResult) => void): Promise<{ completed: number; stopped: boolean }>;
  /** Starts more workers, up to `workers` in all (a pool started before its jobs were known). */
  grow(workers: number): void;
  /** How many worker processes the pool has started. */
  readonly size: number;
  /** Ends the workers at once; work in flight is dropped and `run` resolves as stopped. */
  close(): Promise<void>;
}

export function createPool(workers: number): Pool {
  const threads: EngineWorker[] = [];
  // What each worker holds already, by variant name (scenarios are sent once per worker).
  const prepared: Map<string, Scenario>[] = [];
  const grow = (n: number) => {
    while (threads.length < Math.max(1, n)) {
      threads.push(startEngineWorker());
      prepared.push(new Map());
    }
  };
  grow(workers);
  let closed = false;
  let closedNow: () => void = () => {};
  const closedSignal = new Promise<void>((resolve) => (closedNow = resolve));
  return {
    async run(jobs, scenarios, onResult) {
      let completed = 0;
      const all = workThrough(threads, prepared, jobs, scenarios, (r) => {
        completed++;
        onResult(r);
      }, () => closed);
      // A closed pool's calls in flight never answer: settle on the close itself; a worker that
      // died never answers either: fail with its reason.
      await Promise.race([all, closedSignal, ...threads.map((w) => w.died)]);
      return { completed, stopped: closed || completed < jobs.length };
    },
    grow(n) {
      if (!closed) grow(n);
    },
    get size() {
      return threads.length;
    },
    async close() {
      closed = true;
      await Promise.all(threads.map((w) => w.terminate()));
      closedNow();
    },
  };
}
