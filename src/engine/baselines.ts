/**
 * The benchmark's baselines through simjs's own API, with no model: timers scheduled as simjs's
 * examples do (`Entity.setTimer(d).done(fn)`, delivered by `Sim.step`), the kernel adapter's timers,
 * and simjs's M/M/c — customers through a first-come-first-served `Facility` of c servers. The
 * engine's figures are judged against these, measured in the same run. simjs itself is loaded by
 * `kernel.ts` alone.
 */
import { createKernel, Simjs } from './kernel.ts';
import * as dmath from '../random/math.ts';

type Sim = InstanceType<typeof Simjs.Sim>;
type EntityCtor = new (sim: Sim, name?: string) => object;

/** A bare simjs entity (simjs calls `start` when it is added). */
const Clock = class extends (Simjs.Entity as unknown as EntityCtor) {
  start() {}
};

/** Deterministic, allocation-free uniforms in [0, 1) (xorshift32), so a baseline measures simjs alone. */
function uniforms(): () => number {
  let x = 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/**
 * Runs `chains` self-rescheduling no-op timers (gaps 0–100 s) through `schedule` until `events` have
 * fired; `drain` runs the queue. Returns the events run.
 */
function timerChains(events: number, chains: number, schedule: (delayS: number, fn: () => void) => void, drain: (done: () => boolean) => void): number {
  const u = uniforms();
  let n = 0;
  const tick = () => {
    n++;
    if (n < events) schedule(u() * 100, tick);
  };
  for (let i = 0; i < chains; i++) schedule(u() * 100, tick);
  drain(() => n >= events);
  return n;
}

/** The kernel adapter alone: `events` no-op timers through {@link createKernel}. */
export function adapterTimerWorkload(events: number, chains = 1000): number {
  const k = createKernel();
  return timerChains(events, chains, (d, fn) => void k.after(d, fn), (done) => {
    while (!done() && k.nextTime() < Infinity) k.advanceTo(k.nextTime());
  });
}

/** The raw kernel's timer rate: `events` no-op timers scheduled through simjs's own API. */
export function rawTimerWorkload(events: number, chains = 1000): number {
  const sim = new Simjs.Sim();
  const entity = sim.addEntity(Clock, 'raw');
  return timerChains(events, chains, (d, fn) => void entity.setTimer(d).done(fn), (done) => {
    while (!done() && sim.step());
  });
}

/**
 * simjs's own M/M/c: Poisson arrivals at `ratePerS`, exponential service of mean `meanServiceS` at a
 * FCFS `Facility` of `servers`, until `customers` have been served. Returns the customers served.
 */
export function rawMmcWorkload(customers: number, servers: number, ratePerS: number, meanServiceS: number): number {
  const sim = new Simjs.Sim();
  const facility = new Simjs.Facility('servers', Simjs.Facility.FCFS, servers);
  const entity = sim.addEntity(Clock, 'customers');
  const u = uniforms();
  // The same logarithm the engine's exponential draws use.
  const exp = (mean: number) => -dmath.log(1 - u()) * mean;
  let served = 0;
  const done = () => void served++;
  const arrive = () => {
    entity.useFacility(facility, exp(meanServiceS)).done(done);
    entity.setTimer(exp(1 / ratePerS)).done(arrive);
  };
  entity.setTimer(exp(1 / ratePerS)).done(arrive);
  while (served < customers && sim.step());
  return served;
}
