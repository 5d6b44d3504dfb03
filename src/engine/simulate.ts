/**
 * Runs a scenario: `simulate(scenario, seed)` to the end, or `createSimulation` to drive it in steps
 * (`advanceTo`, `inject`) as the exercise mode and the replay do. Pure TypeScript: no DOM, no Node.
 */
import type { Scenario } from '../scenario/scenario.ts';
import { Streams } from '../random/streams.ts';
import { TravelModel, hourAt } from '../geo/travel.ts';
import { createKernel } from './kernel.ts';
import type { LogEvent } from './log.ts';
import type { CallState, IncidentState, Sinks, UnitState, World } from './world.ts';
import { CallTakers } from './resources/call-takers.ts';
import { startDemand } from './demand.ts';
import { setStaffed } from './center.ts';
import { occur } from './incident.ts';
import { refreshDuty, startTasks } from './unit.ts';
import { startComms } from './comms.ts';
import { createDepots, depotRecords } from './stockpile.ts';
import { sealRecord } from './incident.ts';
import type { AgencyRecord, CallRecord, DispatchRecord, IncidentRecord, RunRecords, UnitRecord } from './records.ts';
import { GRADES, type Grade } from '../scenario/schema.ts';
import { nearestZone } from '../geo/zones.ts';

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

/** Something a trainer or a test injects at the current time. */
export type Injection =
  | { kind: 'incident'; type: string; zone?: string; lon?: number; lat?: number; grade?: Grade }
  | { kind: 'unitOutOfService'; unit: string }
  | { kind: 'unitInService'; unit: string };

export interface Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  /** Current simulation time (s). */
  now(): number;
  /** Runs every event up to and including `tS` (clamped to the scenario's duration). */
  advanceTo(tS: number): void;
  /** Applies an injection at the current time; returns the new incident's id where one is made. */
  inject(x: Injection): string | null;
  /** Runs to the end and returns the log and records. Call once. */
  finish(): RunResult;
}

/** Builds a run of `scenario` with `seed` at time 0. */
export function createSimulation(scenario: Scenario, seed: number = scenario.seed, options: SimulateOptions = {}): Simulation {
  const keepLog = options.log ?? true;
  const keepRecords = options.records ?? true;
  const log: LogEvent[] = [];
  const incidents: IncidentRecord[] = [];
  const calls: CallRecord[] = [];
  const dispatches: DispatchRecord[] = [];
  const agencies: AgencyRecord[] = [];
  const kernel = createKernel();
  const travel = new TravelModel(scenario);
  const onEvent = options.onEvent;
  let seq = 0;
  const counts = { incidents: 0, calls: 0, dispatches: 0 };
  const sinks: Sinks = {
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
  const emitting = keepLog || onEvent !== undefined;
  const streams = new Streams(seed);
  const w: World = {
    scenario,
    kernel,
    streams,
    travel,
    units: [],
    unitsById: new Map(),
    pools: new Map(),
    agenciesById: new Map(scenario.agencies.map((a) => [a.id, a])),
    agencyRng: new Map(),
    incidentTypesById: new Map(scenario.incidentTypes.map((t) => [t.id, t])),
    typeRng: new Map(),
    takerRng: streams.get('center/takers'),
    patienceRng: streams.get('center/patience'),
    nonEmergencyRng: streams.get('center/nonemergency'),
    duringCallRng: streams.get('center/during-call'),
    zoneClass: new Map(scenario.zones.map((z) => [z.id, z.class])),
    hospitals: scenario.hospitals.map((h) => ({ ...travel.place(h), id: h.id, handover: h.handover })),
    depots: createDepots({ scenario, travel }),
    channelDown: { platform: 0, phone: 0, radio: 0 },
    heldMessages: [],
    waiting: new Map(),
    takers: new CallTakers<CallState>(),
    nonEmergencyTakers: scenario.center.nonEmergencyTakers ? new CallTakers<CallState>() : null,
    liveCalls: new Set(),
    counters: { incident: 0, call: 0, dispatch: 0, request: 0 },
    open: new Map(),
    sinks,
    logging: emitting,
    emit: (kind, ids, data) => {
      const e = { seq: seq++, t: kernel.now(), kind, ...ids, data } as LogEvent;
      if (keepLog) log.push(e);
      onEvent?.(e);
    },
  };

  for (const a of scenario.agencies) w.agencyRng.set(a, w.streams.get(`agency/${a.id}`));
  for (const t of scenario.incidentTypes) w.typeRng.set(t, w.streams.get(`incident/${t.id}`));
  const stationPlace = new Map(scenario.stations.map((s) => [s.id, travel.place(s, { station: s.id })]));
  scenario.units.forEach((def, index) => {
    const home = stationPlace.get(def.station)!;
    const u: UnitState = {
      def,
      index,
      agency: w.agenciesById.get(def.agency)!,
      home,
      base: home,
      covering: null,
      status: 'available',
      onDuty: true,
      outOfService: false,
      inMaintenance: false,
      believedFree: true,
      believedAt: home,
      reportSent: 0,
      reportSeen: 0,
      reportStats: { applied: 0, lost: 0, latencySumS: 0, latencyMaxS: 0 },
      trip: null,
      at: home,
      dispatch: null,
      rng: w.streams.get(`unit/${def.id}`),
      travelRng: w.streams.get(`travel/${def.id}`),
      reportRng: w.streams.get(`reports/${def.id}`),
      timer: null,
      dispatches: 0,
      busyS: 0,
      busySince: 0,
    };
    w.units.push(u);
    w.unitsById.set(def.id, u);
    let byType = w.pools.get(def.agency);
    if (!byType) w.pools.set(def.agency, (byType = new Map()));
    if (!byType.has(def.type)) byType.set(def.type, []);
    byType.get(def.type)!.push(u);
  });

  // Duty: call-taker staffing and unit rosters change at local hour boundaries.
  const rostered = w.units.filter((u) => u.def.roster !== null);
  const applyHour = () => {
    const h = hourAt(scenario.startSecondOfDay, kernel.now());
    setStaffed(w, scenario.center.callTakers[h], scenario.center.nonEmergencyTakers?.[h] ?? null);
    for (const u of rostered) {
      const on = u.def.roster![h] === 1;
      if (on !== u.onDuty) {
        u.onDuty = on;
        refreshDuty(w, u);
      }
    }
  };
  const scheduleHours = () => {
    const secOfDay = (scenario.startSecondOfDay + kernel.now()) % 86400;
    const next = kernel.now() + (3600 - (secOfDay % 3600));
    if (next < scenario.durationS) {
      kernel.after(next - kernel.now(), () => {
        applyHour();
        scheduleHours();
      });
    }
  };
  applyHour();
  scheduleHours();
  for (const u of w.units) {
    for (const m of u.def.maintenance) {
      if (m.fromS >= scenario.durationS) continue;
      kernel.after(m.fromS, () => {
        u.inMaintenance = true;
        refreshDuty(w, u);
        kernel.after(m.toS - m.fromS, () => {
          u.inMaintenance = false;
          refreshDuty(w, u);
        });
      });
    }
  }
  for (const u of w.units) startTasks(w, u);
  startComms(w);
  startDemand(w);

  let finished = false;
  const sim: Simulation = {
    scenario,
    seed,
    now: () => kernel.now(),
    advanceTo(tS) {
      if (finished) throw new Error('simulation already finished');
      kernel.advanceTo(Math.min(tS, scenario.durationS));
    },
    inject(x) {
      if (finished) throw new Error('simulation already finished');
      switch (x.kind) {
        case 'incident': {
          const type = scenario.incidentTypes.find((t) => t.id === x.type);
          if (!type) throw new RangeError(`inject: unknown incident type "${x.type}"`);
          let zone = x.zone ? scenario.zones.find((z) => z.id === x.zone) : undefined;
          if (x.zone && !zone) throw new RangeError(`inject: unknown zone "${x.zone}"`);
          if (!zone) {
            if (x.lon === undefined || x.lat === undefined) throw new RangeError('inject: give a zone or lon and lat');
            zone = nearestZone(scenario.zones, { lon: x.lon, lat: x.lat })!;
          }
          w.logging && w.emit('inject', {}, { action: 'incident', params: { type: x.type } });
          const inc: IncidentState = occur(w, {
            type: x.type,
            zone: zone.id,
            lon: x.lon ?? zone.lon,
            lat: x.lat ?? zone.lat,
            grade: x.grade ? GRADES.indexOf(x.grade) : null,
            source: 'injected',
          });
          return inc.rec.incidentId;
        }
        case 'unitOutOfService':
        case 'unitInService': {
          const u = w.unitsById.get(x.unit);
          if (!u) throw new RangeError(`inject: unknown unit "${x.unit}"`);
          w.logging && w.emit('inject', { unit: u.def.id, agency: u.agency.id }, { action: x.kind, params: {} });
          u.outOfService = x.kind === 'unitOutOfService';
          refreshDuty(w, u);
          return null;
        }
      }
    },
    finish() {
      if (finished) throw new Error('simulation already finished');
      kernel.advanceTo(scenario.durationS);
      finished = true;
      const end = scenario.durationS;
      // Flush what is still under way at the end: its missing times stay empty.
      for (const inc of w.open.values()) {
        for (const d of inc.dispatches) if (d.unit.dispatch === d) sinks.dispatch!(d.rec);
        sealRecord(w, inc);
        sinks.incident!(inc.rec);
        for (const a of inc.agencies.values()) sinks.agency!(a);
      }
      for (const c of w.liveCalls) sinks.call!(c.rec);
      const units: UnitRecord[] = w.units.map((u) => {
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
      const byId = <T>(key: (r: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
      incidents.sort(byId((r) => r.incidentId));
      calls.sort(byId((r) => r.callId));
      dispatches.sort(byId((r) => r.dispatchId));
      agencies.sort((a, b) => byId<AgencyRecord>((r) => r.incidentId)(a, b) || (a.tNotified ?? Infinity) - (b.tNotified ?? Infinity) || byId<AgencyRecord>((r) => r.agency)(a, b));
      return {
        log,
        records: { incidents, calls, dispatches, units, agencies, depots: depotRecords(w) },
        counts: { kernelEvents: kernel.delivered(), incidents: counts.incidents, calls: counts.calls, dispatches: counts.dispatches, logEvents: seq },
      };
    },
  };
  return sim;
}

/** Runs `scenario` with `seed` to the end. */
export function simulate(scenario: Scenario, seed: number = scenario.seed, options: SimulateOptions = {}): RunResult {
  return createSimulation(scenario, seed, options).finish();
}
