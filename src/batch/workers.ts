/**
 * How many worker processes a batch's work pays for, when the user has not said.
 *
 * Each worker compiles the engine afresh (V8 shares no compiled code between processes): its first
 * few dozen replications run several times slower than the rest, while the optimising compiler
 * works on threads beside it. One worker alone does that compiling on an idle core; workers that
 * fill every core take it from each other. So a second worker only pays on enough work. Measured
 * end to end on 2 cores (`linkdrill batch scenarios/default.yaml --variants baseline`, medians of 3,
 * 1 worker against 2): 200 replications, 3.8 s against 4.3 s; 300, 4.7 s against 4.5 s; 550, 7.8 s
 * against 6.7 s. The default county's replication is estimated at about 4,400 events, so the two
 * break even at about 1.3 million; two replications of the calls-only M/M/5 (1.4 million events
 * each) take 9.6 s on 1 worker and 6.2 s on 2.
 */
import { estimateWork } from '../engine/estimate.ts';
import type { Scenario } from '../scenario/scenario.ts';

/** A worker's start, in estimated events of steady work (see above: half the break-even of two). */
export const WORKER_START_EVENTS = 700_000;

/**
 * The number of workers, at most `most`, that `events` of estimated work pays for. The k-th worker
 * takes `events / (k·(k−1))` off the time of k−1 (perfect sharing), and is started only when that
 * is at least one worker's start.
 */
export function workersFor(events: number, most: number): number {
  let k = 1;
  while (k < most && events >= WORKER_START_EVENTS * (k + 1) * k) k++;
  return k;
}

/** The estimated events of `reps` replications of each scenario. */
export function batchWork(scenarios: readonly Scenario[], reps: number): number {
  return scenarios.reduce((sum, s) => sum + estimateWork(s).events * reps, 0);
}
