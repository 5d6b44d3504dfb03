/**
 * How many worker processes a batch's work pays for, when the user has not said.
 *
 * Each worker compiles the engine afresh (V8 shares no compiled code between processes), at two
 * costs: its own first few dozen replications run several times slower than the rest, and the
 * optimising compiler keeps threads beside it busy. Alone, a worker does that compiling on an idle
 * core; workers that fill every core take it from each other's replications. Measured on 2 cores,
 * 200 replications of the default county on one worker: the engine's thread used 2.7 s of CPU where
 * its replications at full speed take 2.0 s, and the compiler's threads 1.5 s more. The default
 * county's replication is estimated at about 4,400 events and takes about 10 ms when warm, so those
 * are about 0.35 and 0.65 million events of work.
 *
 * With those two costs the time of k workers on c cores is the longer of the machine's share of all
 * the CPU work and one worker's own share: max((W + k·(m + h)) / c, W / k + m). This model puts the
 * break-even of 2 workers on 2 cores at 3 s of work, about 300 of the county's replications, where
 * it was measured end to end (`linkdrill batch scenarios/default.yaml --variants baseline`, medians
 * of 3: 200 replications 3.8 s on 1 worker and 4.3 s on 2; 300, 4.7 s and 4.5 s; 550, 7.8 s and
 * 6.7 s), and gives two calls-only M/M/5 replications (1.4 million events each) 2 workers, which
 * took 9.6 s on 1 and 6.2 s on 2.
 */
import { estimateWork } from '../engine/estimate.ts';
import type { Scenario } from '../scenario/scenario.ts';

/** A worker's own slower first replications, in estimated events of steady work. */
export const WARM_UP_EVENTS = 350_000;
/** The CPU its optimising compiler's threads take, in estimated events of steady work. */
export const COMPILE_EVENTS = 650_000;

/**
 * The model's time of `k` workers on `cores` cores for `events` of work in `jobs` equal jobs, in
 * events (see above): a worker's share is whole jobs, so past `jobs / 2` workers some get no more.
 */
export function batchTime(events: number, k: number, cores: number, jobs = Infinity): number {
  const share = Number.isFinite(jobs) ? (Math.ceil(jobs / k) * events) / jobs : events / k;
  return Math.max((events + k * (WARM_UP_EVENTS + COMPILE_EVENTS)) / cores, share + WARM_UP_EVENTS);
}

/**
 * The number of workers, 1 to `cores` and no more than `jobs`, for `events` of work in `jobs` equal
 * jobs: the fewest whose time is within 5% of the shortest. A worker that would buy less is not
 * worth its process, its memory and its results' messages (all of which the model leaves out).
 */
export function workersFor(events: number, cores: number, jobs = Infinity): number {
  const most = Math.max(1, Math.min(cores, jobs));
  if (!Number.isFinite(events)) return most;
  let shortest = Infinity;
  for (let k = 1; k <= most; k++) shortest = Math.min(shortest, batchTime(events, k, cores, jobs));
  let k = 1;
  while (batchTime(events, k, cores, jobs) > 1.05 * shortest) k++;
  return k;
}

/** The estimated events of `reps` replications of each scenario. */
export function batchWork(scenarios: readonly Scenario[], reps: number): number {
  return scenarios.reduce((sum, s) => sum + estimateWork(s).events * reps, 0);
}

/** The estimated events of `jobs`, each a replication of its variant's scenario in `scenarios`. */
export function jobsWork(jobs: readonly { variant: string }[], scenarios: ReadonlyMap<string, Scenario>): number {
  const each = new Map<string, number>();
  let sum = 0;
  for (const j of jobs) {
    let e = each.get(j.variant);
    if (e === undefined) each.set(j.variant, (e = estimateWork(scenarios.get(j.variant)!).events));
    sum += e;
  }
  return sum;
}
