/**
 * The one place that loads simjs. simjs@2.0.3 is a browserify bundle that only assigns `window.Sim`
 * (and in a worker or Node `window` does not exist), so a `window` is lent for the import and the
 * previous state restored after. Everything else in the engine speaks to the event queue through the
 * small typed {@link Kernel} surface below.
 */

type SimRequest = {
  deliverAt: number;
  cancelled: boolean;
  cancel(): unknown;
  deliver(): void;
  done(fn: () => void): SimRequest;
};
type SimQueue = { data: QueueEntry[]; remove(): QueueEntry | null; insert(entry: QueueEntry): void };
/** What the engine puts in simjs's event queue: the fields `PQueue` orders by, and the callback. */
type QueueEntry = { deliverAt: number; order: number; cancelled: boolean; fn: () => void };
type SimInstance = {
  simTime: number;
  queue: SimQueue;
  step(): boolean;
  addEntity(klass: unknown, name?: string): SimEntity;
};
type SimEntity = { setTimer(durationS: number): SimRequest; time(): number };

/** The parts of simjs's namespace the kernel uses: the simulator and its entities. */
interface SimjsNamespace {
  Sim: new () => SimInstance;
  Entity: new (sim: SimInstance, name?: string) => SimEntity;
}

const g = globalThis as unknown as { window?: { Sim?: SimjsNamespace } };
const hadWindow = 'window' in g;
const previousWindow = g.window;
const previousSim = previousWindow?.Sim;
if (!hadWindow) g.window = {};
await import('simjs');
const loaded = g.window!.Sim;
if (!loaded) throw new Error('simjs did not register window.Sim');
if (!hadWindow) delete g.window;
else if (previousWindow) previousWindow.Sim = previousSim;

/** simjs's own classes, typed to the parts the engine uses. */
export const Simjs: SimjsNamespace = loaded;
const { Sim, Entity } = loaded;

/** A scheduled callback that can be cancelled before it fires. */
export interface Timer {
  /** Simulation time (s) at which the callback runs. */
  readonly at: number;
  cancel(): void;
}

/**
 * A discrete-event clock over simjs's priority queue. Events at equal times run in the order they
 * were scheduled (simjs orders ties by insertion), which keeps runs reproducible.
 */
export interface Kernel {
  /** Current simulation time (s). */
  now(): number;
  /** Runs `fn` after `delayS` seconds (≥ 0). */
  after(delayS: number, fn: () => void): Timer;
  /**
   * Runs every event due at or before `tS`, then sets the clock to `tS`. Unlike simjs's
   * `simulate(endTime)`, which removes and drops the first event past `endTime`, this only peeks at
   * the head of the queue, so a run advanced in many steps equals one run to the end.
   */
  advanceTo(tS: number): void;
  /** Time of the next pending event, or `Infinity` when the queue is empty. */
  nextTime(): number;
  /** Number of events delivered so far (cancelled ones excluded). */
  delivered(): number;
}

/** A bare simjs entity, for the raw baseline that schedules through simjs's own Entity API. */
const Clock = class extends (Entity as unknown as new (sim: SimInstance, name?: string) => object) {
  start() {}
};

/**
 * A timer as an entry of simjs's event queue (`PQueue`: a binary heap ordered by time, ties by
 * insertion). The engine schedules through the queue directly rather than through
 * `Entity.setTimer(...).done(...)`, which allocates a `Request`, a callback list and an argument
 * check per timer; the clock, the heap and its tie order are simjs's own.
 */
class QueueTimer implements Timer, QueueEntry {
  order = 0;
  cancelled = false;
  constructor(
    readonly deliverAt: number,
    readonly fn: () => void,
  ) {}
  get at(): number {
    return this.deliverAt;
  }
  cancel(): void {
    this.cancelled = true;
  }
}

/** Creates a kernel at time 0 with an empty queue. */
export function createKernel(): Kernel {
  const sim = new Sim();
  let delivered = 0;
  const queue = sim.queue;
  const head = (): QueueEntry | undefined => {
    // Drop cancelled timers at the head so `nextTime` reports a real event.
    while (queue.data.length > 0 && queue.data[0].cancelled) queue.remove();
    return queue.data[0];
  };
  // One event, as simjs's `step()` does it, but never running past a cancelled head.
  const deliverHead = () => {
    const entry = queue.remove()!;
    sim.simTime = entry.deliverAt;
    delivered++;
    entry.cancelled = true;
    entry.fn();
  };
  return {
    now: () => sim.simTime,
    after(delayS, fn) {
      if (!(delayS >= 0) || !Number.isFinite(delayS)) throw new RangeError(`kernel: bad delay ${delayS}`);
      const timer = new QueueTimer(sim.simTime + delayS, fn);
      queue.insert(timer);
      return timer;
    },
    advanceTo(tS) {
      for (let h = head(); h !== undefined && h.deliverAt <= tS; h = head()) deliverHead();
      if (tS > sim.simTime) sim.simTime = tS;
    },
    nextTime() {
      const h = head();
      return h === undefined ? Infinity : h.deliverAt;
    },
    delivered: () => delivered,
  };
}

/** Deterministic, allocation-free gaps (xorshift32, 0–100 s) so a timer baseline measures the queue alone. */
function gapSource(): () => number {
  let x = 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) / 4294967296) * 100;
  };
}

/**
 * Runs `chains` self-rescheduling no-op timers through `schedule` until `events` have fired;
 * `drain` runs the queue. Returns the events run.
 */
function timerChains(events: number, chains: number, schedule: (delayS: number, fn: () => void) => void, drain: (done: () => boolean) => void): number {
  const gap = gapSource();
  let n = 0;
  const tick = () => {
    n++;
    if (n < events) schedule(gap(), tick);
  };
  for (let i = 0; i < chains; i++) schedule(gap(), tick);
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

/**
 * The raw kernel's throughput, for the benchmark's baseline: `events` no-op timers scheduled through
 * simjs's own API (`Entity.setTimer(d).done(fn)`, delivered by `Sim.step`).
 */
export function rawTimerWorkload(events: number, chains = 1000): number {
  const sim = new Sim();
  const entity = sim.addEntity(Clock, 'raw');
  return timerChains(events, chains, (d, fn) => void entity.setTimer(d).done(fn), (done) => {
    while (!done() && sim.step());
  });
}
