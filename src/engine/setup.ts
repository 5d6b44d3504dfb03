/**
 * A run's world at time 0: the kernel, the named random streams, the travel model, every unit at its
 * station, the agencies' and incident types' streams, call-takers, depots — nothing scheduled yet.
 */
import type { Scenario } from '../scenario/scenario.ts';
import { Streams } from '../random/streams.ts';
import { TravelModel } from '../geo/travel.ts';
import { createKernel } from './kernel.ts';
import type { EventData, EventIds, EventKind } from './log.ts';
import type { CallState, Sinks, UnitState, World } from './world.ts';
import { CallTakers } from './resources/call-takers.ts';
import { TurnoverMap, TurnoverSet } from './turnover.ts';
import { createDepots } from './stockpile.ts';

/** Logs an event: `emit(t, kind, ids, data)`, or null when nobody listens. */
export type Emitter = (<K extends EventKind>(t: number, kind: K, ids: EventIds, data: EventData[K]) => void) | null;

/** Builds the world of a run of `scenario` with `seed`. */
export function createWorld(scenario: Scenario, seed: number, sinks: Sinks, emit: Emitter): World {
  const kernel = createKernel();
  const travel = new TravelModel(scenario);
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
    hospitals: scenario.hospitals.map((h) => ({ ...travel.place(h, {}, true), id: h.id, handover: h.handover })),
    depots: createDepots({ scenario, travel }),
    channelDown: { platform: 0, phone: 0, radio: 0 },
    injectedDown: new Set(),
    heldMessages: [],
    waiting: new Map(),
    takers: new CallTakers<CallState>(),
    nonEmergencyTakers: scenario.center.nonEmergencyTakers ? new CallTakers<CallState>() : null,
    liveCalls: new TurnoverSet(),
    counters: { incident: 0, call: 0, dispatch: 0, request: 0, inject: 0 },
    open: new TurnoverMap(),
    named: new Map(),
    background: [],
    sinks,
    logging: emit !== null,
    emit: emit ? (kind, ids, data) => emit(kernel.now(), kind, ids, data) : () => {},
  };
  for (const a of scenario.agencies) w.agencyRng.set(a, streams.get(`agency/${a.id}`));
  for (const t of scenario.incidentTypes) w.typeRng.set(t, streams.get(`incident/${t.id}`));
  const stationPlace = new Map(scenario.stations.map((s) => [s.id, travel.place(s, { station: s.id }, true)]));
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
      rng: streams.lazy('unit/', def.id),
      travelRng: streams.lazy('travel/', def.id),
      reportRng: streams.lazy('reports/', def.id),
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
  return w;
}
