/**
 * Runs a scenario: `simulate(scenario, seed)` to the end, or `createSimulation` to drive it in steps
 * (`advanceTo`, `inject`, `snapshot`) as the exercise session and tests do. The same log comes out
 * either way. Pure TypeScript: no DOM, no Node.
 */
import type { Scenario } from '../scenario/scenario.ts';
import type { LogEvent } from './log.ts';
import type { Sinks, World } from './world.ts';
import { createWorld } from './setup.ts';
import { startDuty } from './duty.ts';
import { startDemand } from './demand.ts';
import { startTasks } from './unit.ts';
import { startComms } from './comms.ts';
import { depotRecords } from './stockpile.ts';
import { sealRecord } from './incident.ts';
import { applyInjection, type Injection, type InjectResult } from './inject.ts';
import { snapshot, type WorldSnapshot } from './snapshot.ts';
import type { AgencyRecord, CallRecord, DispatchRecord, IncidentRecord, RunRecords, UnitRecord } from './records.ts';

export type { Injection, InjectResult, Refusal, RefusalCode } from './inject.ts';
export type { WorldSnapshot } from './snapshot.ts';

export interface SimulateOptions {
  /** Keep the event log (default true). */
  log?: boolean;
  /** Keep per-incident/call/dispatch records (default true). Off, memory follows what is active. */
  records?: boolean;
  /** Called with each event as it happens (also when `log` is false). */
  onEvent?: (e: LogEvent) => void;
}

export interface RunResult {
  log: LogEvent[];
  records: RunRecords;
  /** Figures that need no history: events delivered, incidents, etc. */
  counts: { kernelEvents: number; incidents: number; calls: number; dispatches: number; logEvents: number };
}

export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Current simulation time (s). */
  now(): number;
  /** Time of the next pending event (Infinity when nothing is left). */
  nextEventTime(): number;
  /** Runs every event up to and including `tS` (clamped to the scenario's duration). */
  advanceTo(tS: number): void;
  /** Applies an injection at the current time (see `inject.ts`); a refused one changes nothing. */
  inject(x: Injection): InjectResult;
  /** The state now, as plain data. */
  snapshot(): WorldSnapshot;
  /** Runs to the end and returns the log and records. Call once. */
  finish(): RunResult;
}

/** Collects records as they are handed on (or only counts them). */
function recordSinks(keepRecords: boolean) {
  const incidents: IncidentRecord[] = [];
  const calls: CallRecord[] = [];
  const dispatches: DispatchRecord[] = [];
  const agencies: AgencyRecord[] = [];
  const counts = { incidents: 0, calls: 0, dispatches: 0 };
  const sinks: Required<Sinks> = {
    incident: (r) => {
      counts.incidents++;
      if (keepRecords) incidents.push(r);
    },
    call: (r) => {
      counts.calls++;
      if (keepRecords) calls.push(r);
    },
    dispatch: (r) => {
      counts.dispatches++;
      if (keepRecords) dispatches.push(r);
    },
    agency: (r) => {
      if (keepRecords) agencies.push(r);
    },
  };
  return { sinks, incidents, calls, dispatches, agencies, counts };
}

/** Hands on what is still under way at the end (its missing times stay empty) and the units' totals. */
function flush(w: World, sinks: Required<Sinks>): UnitRecord[] {
  const end = w.scenario.durationS;
  for (const inc of w.open.values()) {
    for (const d of inc.dispatches) if (d.unit.dispatch === d) sinks.dispatch(d.rec);
    sealRecord(w, inc);
    sinks.incident(inc.rec);
    for (const a of inc.agencies?.values() ?? []) sinks.agency(a);
  }
  for (const c of w.liveCalls) sinks.call(c.rec);
  return w.units.map((u) => {
    const busyS = u.busyS + (u.dispatch ? end - u.busySince : 0);
    return {
      unitId: u.def.id,
      agency: u.agency.id,
      station: u.def.station,
      type: u.def.type,
      dispatches: u.dispatches,
      busyS,
      utilization: end > 0 ? busyS / end : 0,
      reports: u.reportStats.applied,
      reportsLost: u.reportStats.lost,
      reportLatencyMeanS: u.reportStats.applied ? u.reportStats.latencySumS / u.reportStats.applied : null,
      reportLatencyMaxS: u.reportStats.applied ? u.reportStats.latencyMaxS : null,
    };
  });
}

/**
 * Puts records in the order of their ids as strings. Ids are a prefix and a counter padded to six
 * digits (`inc-000042`), so while they all have one length that order is the counter's, and each
 * record goes straight to its slot; records are handed on as they finish, far from that order. Ids
 * of mixed lengths (a millionth incident), of another form, or not numbered 1…n are sorted as strings.
 */
export function inIdOrder<T>(rows: T[], id: (r: T) => string): void {
  const n = rows.length;
  if (n < 2) return;
  const first = id(rows[0]);
  const cut = first.lastIndexOf('-') + 1;
  const width = first.length;
  const prefix = first.slice(0, cut);
  const slots: (T | undefined)[] = new Array<T | undefined>(n);
  let placed = 0;
  for (const r of rows) {
    const s = id(r);
    const k = s.length === width && s.startsWith(prefix) ? digits(s, cut) : -1;
    const at = k - 1;
    if (k < 1 || at >= n || slots[at] !== undefined) {
      placed = -1;
      break;
    }
    slots[at] = r;
    placed++;
  }
  if (placed === n) {
    for (let i = 0; i < n; i++) rows[i] = slots[i]!;
    return;
  }
  rows.sort((a, b) => {
    const x = id(a);
    const y = id(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** The whole number written in `s` from `from` on, or -1 if anything there is not a digit. */
function digits(s: string, from: number): number {
  let v = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return from < s.length ? v : -1;
}

/** Builds a run of `scenario` with `seed` at time 0. */
export function createSimulation(scenario: Scenario, seed: number = scenario.seed, options: SimulateOptions = {}): Simulation {
  const keepLog = options.log ?? true;
  const onEvent = options.onEvent;
  const log: LogEvent[] = [];
  let seq = 0;
  const rec = recordSinks(options.records ?? true);
  const w = createWorld(
    scenario,
    seed,
    rec.sinks,
    keepLog || onEvent !== undefined
      ? (t, kind, ids, data) => {
          // One shape for every event (absent ids stay undefined): cheaper to make than a spread.
          const e = { seq: seq++, t, kind, incident: ids.incident, unit: ids.unit, agency: ids.agency, data } as LogEvent;
          if (keepLog) log.push(e);
          onEvent?.(e);
        }
      : null,
  );
  startDuty(w);
  for (const u of w.units) startTasks(w, u);
  startComms(w);
  startDemand(w);

  let finished = false;
  const live = () => {
    if (finished) throw new Error('simulation already finished');
  };
  return {
    scenario,
    seed,
    now: () => w.kernel.now(),
    nextEventTime: () => w.kernel.nextTime(),
    advanceTo(tS) {
      live();
      w.kernel.advanceTo(Math.min(tS, scenario.durationS));
    },
    inject(x) {
      live();
      return applyInjection(w, x);
    },
    snapshot() {
      live();
      return snapshot(w);
    },
    finish() {
      live();
      w.kernel.advanceTo(scenario.durationS);
      finished = true;
      const units = flush(w, rec.sinks);
      const byId = <T>(key: (r: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
      inIdOrder(rec.incidents, (r) => r.incidentId);
      inIdOrder(rec.calls, (r) => r.callId);
      inIdOrder(rec.dispatches, (r) => r.dispatchId);
      rec.agencies.sort((a, b) => byId<AgencyRecord>((r) => r.incidentId)(a, b) || (a.tNotified ?? Infinity) - (b.tNotified ?? Infinity) || byId<AgencyRecord>((r) => r.agency)(a, b));
      return {
        log,
        records: { incidents: rec.incidents, calls: rec.calls, dispatches: rec.dispatches, units, agencies: rec.agencies, depots: depotRecords(w) },
        counts: { kernelEvents: w.kernel.delivered(), incidents: rec.counts.incidents, calls: rec.counts.calls, dispatches: rec.counts.dispatches, logEvents: seq },
      };
    },
  };
}

/** Runs `scenario` with `seed` to the end. */
export function simulate(scenario: Scenario, seed: number = scenario.seed, options: SimulateOptions = {}): RunResult {
  return createSimulation(scenario, seed, options).finish();
}
