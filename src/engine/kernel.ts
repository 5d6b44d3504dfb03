/**
 * The one place that loads simjs. simjs@2.0.3 is a browserify bundle that only assigns `window.Sim`
 * (and in a worker or Node `window` does not exist), so `simjs-window.ts`, imported just before it,
 * lends a `window`, and the previous state is restored here once simjs has loaded. Everything else
 * in the engine speaks to the event queue through the small typed {@link Kernel} surface below.
 */
import { before } from './simjs-window.ts';
import 'simjs';

type SimRequest = {
  deliverAt: number;
  cancelled: boolean;
  cancel(): unknown;
  deliver(): void;
  done(fn: () => void): SimRequest;
};
type SimQueue = { data: QueueEntry[]; order: number; remove(): QueueEntry | null; greater(a: QueueEntry, b: QueueEntry): boolean };
/** A step's callback with its arguments' types erased (see {@link Kernel.call}). */
type Step = (a: unknown, b: unknown, c: unknown) => void;
/** What the engine puts in simjs's event queue: the fields `PQueue` orders by, and the callback with its arguments. */
type QueueEntry = { deliverAt: number; order: number; cancelled: boolean; fn: Step; a: unknown; b: unknown; c: unknown };
type SimInstance = {
  simTime: number;
  queue: SimQueue;
  step(): boolean;
  addEntity(klass: unknown, name?: string): SimEntity;
};
type SimEntity = { setTimer(durationS: number): SimRequest; useFacility(facility: SimFacility, durationS: number): SimRequest; time(): number };
type SimFacility = object;

/** The parts of simjs's namespace linkdrill uses: the simulator, entities and (for a baseline) facilities. */
interface SimjsNamespace {
  Sim: new () => SimInstance;
  Entity: new (sim: SimInstance, name?: string) => SimEntity;
  Facility: (new (name: string, discipline?: string, servers?: number) => SimFacility) & { FCFS: string };
}

const g = globalThis as unknown as { window?: { Sim?: SimjsNamespace } };
const loaded = g.window!.Sim;
if (!loaded) throw new Error('simjs did not register window.Sim');
if (!before.hadWindow) delete g.window;
else if (before.window) before.window.Sim = before.sim as SimjsNamespace | undefined;

/** simjs's own classes, typed to the parts the engine uses. */
export const Simjs: SimjsNamespace = loaded;
const { Sim } = loaded;

/** A scheduled callback that can be cancelled before it fires. */
export interface Timer {
  /** Simulation time (s) at which the callback runs. */
  readonly at: number;
  cancel(): void;
}

/**
 * A discrete-event clock over simjs's priority queue. Events at equal times run in the order they
 * were scheduled (simjs orders ties by insertion), which keeps runs reproducible. A step scheduled
 * with no delay (a caller answered at once, a plan with no preparation time) waits in a plain
 * first-in-first-out line instead of the heap: it runs after the event that scheduled it and after
 * everything scheduled for the same time before it, exactly where the heap would have put it (its
 * insertion number comes from the heap's own counter), without the heap's work.
 */
export interface Kernel {
  /** Current simulation time (s). */
  now(): number;
  /** Runs `fn` after `delayS` seconds (≥ 0). */
  after(delayS: number, fn: () => void): Timer;
  /**
   * Runs `fn(a, b, c)` after `delayS` seconds: the same as `after(delayS, () => fn(a, b, c))` —
   * scheduled at the same place in the same order — without a closure and its context to allocate
   * (the steps every call and incident go through use it).
   */
  call<A, B, C = undefined>(delayS: number, fn: (a: A, b: B, c: C) => void, a: A, b: B, c?: C): Timer;
  /**
   * Runs every event due at or before `tS`, then sets the clock to `tS`. Unlike simjs's
   * `simulate(endTime)`, which removes and drops the first event past `endTime`, this only peeks at
   * the head of the queue, so a run advanced in many steps equals one run to the end.
   */
  advanceTo(tS: number): void;
  /** Time of the next pending event, or `Infinity` when the queue is empty. */
  nextTime(): number;
  /** Number of events delivered so far, zero-delay steps included (cancelled ones excluded). */
  delivered(): number;
}

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
    readonly fn: Step,
    readonly a: unknown,
    readonly b: unknown,
    readonly c: unknown,
  ) {}
  get at(): number {
    return this.deliverAt;
  }
  cancel(): void {
    this.cancelled = true;
  }
}

/**
 * `PQueue.insert` of simjs@2.0.3, step for step — the entry takes the queue's next insertion number,
 * joins the end and rises past every parent `greater` than it — without its argument check, which
 * builds two `arguments` objects for every event scheduled.
 */
function insert(queue: SimQueue, entry: QueueEntry): void {
  entry.order = queue.order++;
  const a = queue.data;
  let index = a.length;
  a.push(entry);
  while (index > 0) {
    const parent = Math.floor((index - 1) / 2);
    if (!queue.greater(a[parent], entry)) break;
    a[index] = a[parent];
    index = parent;
  }
  a[index] = entry;
}

/** Creates a kernel at time 0 with an empty queue. */
export function createKernel(): Kernel {
  const sim = new Sim();
  let delivered = 0;
  const queue = sim.queue;
  // Zero-delay steps, in the order scheduled (all due at the time they were scheduled).
  let now: QueueTimer[] = [];
  let nowHead = 0;
  const heapHead = (): QueueEntry | undefined => {
    // Drop cancelled timers at the head so `nextTime` reports a real event.
    while (queue.data.length > 0 && queue.data[0].cancelled) queue.remove();
    return queue.data[0];
  };
  const nowFront = (): QueueTimer | undefined => {
    while (nowHead < now.length && now[nowHead].cancelled) nowHead++;
    if (nowHead === now.length && nowHead > 0) {
      now = [];
      nowHead = 0;
    }
    return now[nowHead];
  };
  /** The next event: the earlier of the heap's head and the line's front (ties by insertion number). */
  const next = (): QueueEntry | undefined => {
    const h = heapHead();
    const n = nowFront();
    if (n === undefined) return h;
    if (h === undefined || n.deliverAt < h.deliverAt || (n.deliverAt === h.deliverAt && n.order < h.order)) return n;
    return h;
  };
  // One event, as simjs's `step()` does it, but never running past a cancelled head.
  const deliver = (entry: QueueEntry) => {
    if (entry === now[nowHead]) nowHead++;
    else queue.remove();
    sim.simTime = entry.deliverAt;
    delivered++;
    entry.cancelled = true;
    entry.fn(entry.a, entry.b, entry.c);
  };
  const schedule = (delayS: number, timer: QueueTimer): QueueTimer => {
    if (delayS === 0) {
      timer.order = queue.order++;
      now.push(timer);
    } else insert(queue, timer);
    return timer;
  };
  const checked = (delayS: number): number => {
    if (!(delayS >= 0) || !Number.isFinite(delayS)) throw new RangeError(`kernel: bad delay ${delayS}`);
    return delayS;
  };
  return {
    now: () => sim.simTime,
    after(delayS, fn) {
      return schedule(checked(delayS), new QueueTimer(sim.simTime + delayS, fn as Step, undefined, undefined, undefined));
    },
    call(delayS, fn, a, b, c) {
      return schedule(checked(delayS), new QueueTimer(sim.simTime + delayS, fn as Step, a, b, c));
    },
    advanceTo(tS) {
      for (let e = next(); e !== undefined && e.deliverAt <= tS; e = next()) deliver(e);
      if (tS > sim.simTime) sim.simTime = tS;
    },
    nextTime() {
      const e = next();
      return e === undefined ? Infinity : e.deliverAt;
    },
    delivered: () => delivered,
  };
}
