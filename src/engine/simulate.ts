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
import { sealRecord } from './incident-end.ts';
import { applyInjection, type Injection, type InjectResult } from './inject.ts';
import { snapshot, type WorldSnapshot } from './snapshot.ts';
import { KeptRecords } from './kept.ts';
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
  const incidents = new KeptRecords<IncidentRecord>(keepRecords, 'inc', (r) => r.incidentId);
  const calls = new KeptRecords<CallRecord>(keepRecords, 'call', (r) => r.callId);
  const dispatches = new KeptRecords<DispatchRecord>(keepRecords, 'dsp', (r) => r.dispatchId);
  const agencies: AgencyRecord[] = [];
  const sinks: Required<Sinks> = {
    incident: (r, n) => incidents.add(r, n),
    call: (r, n) => calls.add(r, n),
    dispatch: (r, n) => dispatches.add(r, n),
    agency: (r) => {
      if (keepRecords) agencies.push(r);
    },
  };
  return { sinks, incidents, calls, dispatches, agencies };
}

/** Hands on what is still under way at the end (its missing times stay empty) and the units' totals. */
function flush(w: World, sinks: Required<Sinks>): UnitRecord[] {
  const end = w.scenario.durationS;
  for (const inc of w.open.values()) {
    for (const d of inc.dispatches) if (d.unit.dispatch === d) sinks.dispatch(d.rec, d.n);
    sealRecord(w, inc);
    sinks.incident(inc.rec, inc.n);
    for (const a of inc.agencies?.values() ?? []) sinks.agency(a);
  }
  for (const c of w.liveCalls) sinks.call(c.rec, c.n);
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
      rec.agencies.sort((a, b) => byId<AgencyRecord>((r) => r.incidentId)(a, b) || (a.tNotified ?? Infinity) - (b.tNotified ?? Infinity) || byId<AgencyRecord>((r) => r.agency)(a, b));
      return {
        log,
        records: {
          incidents: rec.incidents.inIdOrder(),
          calls: rec.calls.inIdOrder(),
          dispatches: rec.dispatches.inIdOrder(),
          units,
          agencies: rec.agencies,
          depots: depotRecords(w),
        },
        counts: { kernelEvents: w.kernel.delivered(), incidents: rec.incidents.count, calls: rec.calls.count, dispatches: rec.dispatches.count, logEvents: seq },
      };
    },
  };
}

/** Runs `scenario` with `seed` to the end. */
export function simulate(scenario: Scenario, seed: number = scenario.seed, options: SimulateOptions = {}): RunResult {
  return createSimulation(scenario, seed, options).finish();
}
