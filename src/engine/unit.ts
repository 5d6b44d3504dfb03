/**
 * A unit's cycle: alert → (staging, 集结) → turnout → travel → on scene (enter, after any precedence wait) → clear
 * (→ transport → hospital handover) → free → return to its station. A returning unit is free and can
 * be sent again from where it is. Units also move up to cover a neighbour's area (backfill), and go
 * out of and back into service with rosters, maintenance and injections.
 */
import { NO_DATA } from './log.ts';
import { sample } from '../random/distributions.ts';
import { scenePlace } from './incident.ts';
import type { Place } from '../geo/travel.ts';
import { hourAt } from '../geo/travel.ts';
import type { Agency } from '../scenario/scenario.ts';
import type { DispatchState, UnitRequest, UnitState, World } from './world.ts';
import { unitArrived } from './incident.ts';
import { agencyRecord, unitFreed } from './agency.ts';
import { reportStatus } from './comms.ts';
import type { IncidentState } from './world.ts';
import * as dmath from '../random/math.ts';
import { recordId } from './kept.ts';

/** Is `u` truly free to be sent now? */
export function isDispatchable(w: World, u: UnitState): boolean {
  if (!u.onDuty || u.outOfService || u.inMaintenance) return false;
  return u.status === 'available' || ((u.status === 'returning' || u.status === 'moving') && w.scenario.dispatch.redispatchReturning);
}

/** Where the unit is at time `tS` (along its route, or where it stands). */
export function positionAt(w: World, u: UnitState, tS: number): Place {
  const trip = u.trip;
  if (!trip) return u.at;
  const f = trip.t1 > trip.t0 ? (tS - trip.t0) / (trip.t1 - trip.t0) : 1;
  if (f <= 0) return trip.from;
  if (f >= 1) return trip.to;
  if (w.travel.graph && !trip.route) trip.route = w.travel.tripRoute(trip.from, trip.to);
  return w.travel.between(trip.from, trip.to, f, trip.route);
}

/** Expected emergency travel time (s) from where the unit is now to the incident (no noise draw). */
export function etaS(w: World, u: UnitState, inc: IncidentState): number {
  const now = w.kernel.now();
  if (u.trip && w.scenario.travel.model === 'matrix') {
    // A matrix knows station → zone times only: finish the way to the station, then go from there.
    return Math.max(0, u.trip.t1 - now) + w.travel.tripS(u.trip.to, scenePlace(w, inc), now, true);
  }
  return w.travel.tripS(positionAt(w, u, now), scenePlace(w, inc), now, true);
}

function isNight(w: World, tS: number): boolean {
  const c = w.scenario.center;
  const h = hourAt(w.scenario.startSecondOfDay, tS);
  return c.dayStartH <= c.nightStartH ? !(h >= c.dayStartH && h < c.nightStartH) : h >= c.nightStartH && h < c.dayStartH;
}

/** Stops the unit where it is now (ends its trip and any pending step). */
function halt(w: World, u: UnitState): void {
  u.timer?.cancel();
  u.timer = null;
  u.at = positionAt(w, u, w.kernel.now());
  u.trip = null;
}

/** Commits `u` to `req`: the agency command alerts it after its alert delay, then it turns out. */
export function alertUnit(w: World, u: UnitState, req: UnitRequest, mutualAid: boolean): void {
  const now = w.kernel.now();
  const inc = req.incident;
  const onRoad = u.status === 'returning' || u.status === 'moving';
  if (onRoad) halt(w, u);
  const n = ++w.counters.dispatch;
  const id = recordId('dsp', n);
  const channel = u.agency === req.agency ? req.channel : 'mutual_aid';
  const d: DispatchState = {
    rec: {
      dispatchId: id,
      incidentId: inc.rec.incidentId,
      unitId: u.def.id,
      agency: u.agency.id,
      unitType: u.def.type,
      mutualAid,
      tOrder: req.tOrder,
      tAlert: null,
      tEnroute: null,
      tArrive: null,
      tClear: null,
      tAvailable: null,
      travelS: null,
      tier: u.agency.tier,
      channel,
      tEnter: null,
      tStaged: null,
    },
    n,
    incident: inc,
    unit: u,
    line: req.line,
  };
  inc.dispatches.push(d);
  if (mutualAid) inc.rec.mutualAidUnits++;
  const arec = agencyRecord(inc, u.agency);
  if (arec.tNotified === null) {
    // A neighbour learns of the incident through the mutual-aid request.
    arec.tOrdered ??= now;
    arec.tNotified = now;
    arec.channel = channel;
  }
  arec.units++;
  inc.rec.agenciesRequired = inc.agencies?.size ?? 0;
  u.dispatch = d;
  u.dispatches++;
  u.status = 'alerted';
  u.busySince = now;
  // The dispatcher knows its own order at once; reports sent before it are stale from now on.
  u.believedFree = false;
  u.reportSeen = u.reportSent;
  reportStatus(w, u);
  const rng = u.rng;
  const alertS = Math.max(0, sample(u.agency.alertDelay, rng));
  u.timer = w.kernel.after(alertS, () => {
    const t = w.kernel.now();
    d.rec.tAlert = t;
    if (inc.rec.tFirstDispatch === null) inc.rec.tFirstDispatch = t;
    w.logging && w.emit('unit.alert', { incident: inc.rec.incidentId, unit: u.def.id, agency: u.agency.id }, { dispatch: id, channel, mutualAid, fromRoad: onRoad });
    // A unit already on the road needs no staging and no turnout.
    const onTheWay = onRoad && u.at !== u.base;
    const stagingS = onTheWay || u.agency.staging === null ? 0 : Math.max(0, sample(u.agency.staging, rng));
    const turnout = () => {
      const turnoutS = onTheWay ? 0 : Math.max(0, sample(isNight(w, t) ? u.def.turnoutNight : u.def.turnoutDay, rng));
      u.timer = w.kernel.call(turnoutS, depart, w, u, d);
    };
    if (stagingS === 0) {
      d.rec.tStaged = t;
      turnout();
      return;
    }
    // 集结: the team assembles before it turns out.
    u.timer = w.kernel.after(stagingS, () => {
      d.rec.tStaged = w.kernel.now();
      w.logging && w.emit('unit.staged', { incident: inc.rec.incidentId, unit: u.def.id, agency: u.agency.id }, { stagingS });
      turnout();
    });
  });
}

/** The unit leaves for the scene and travels there. */
function depart(w: World, u: UnitState, d: DispatchState): void {
  const inc = d.incident;
  const t0 = w.kernel.now();
  d.rec.tEnroute = t0;
  u.status = 'enroute';
  const travelS = w.travel.tripS(u.at, scenePlace(w, inc), t0, true, u.travelRng);
  u.trip = { from: u.at, to: scenePlace(w, inc), t0, t1: t0 + travelS };
  w.logging && w.emit('unit.enroute', { incident: inc.rec.incidentId, unit: u.def.id, agency: u.agency.id }, { etaT: t0 + travelS });
  u.timer = w.kernel.after(travelS, () => arrive(w, u, d, travelS));
}

/** The unit reaches the scene of its dispatch after `travelS` on the road. */
function arrive(w: World, u: UnitState, d: DispatchState, travelS: number): void {
  const inc = d.incident;
  d.rec.tArrive = w.kernel.now();
  d.rec.travelS = travelS;
  u.status = 'onscene';
  u.at = scenePlace(w, inc);
  u.trip = null;
  u.timer = null;
  w.logging && w.emit('unit.arrive', { incident: inc.rec.incidentId, unit: u.def.id, agency: u.agency.id }, NO_DATA);
  unitArrived(w, d);
}

/** Override: a unit on the road to its incident is there now. Returns why not, or null. */
export function arriveNow(w: World, u: UnitState): string | null {
  const d = u.dispatch;
  if (u.status !== 'enroute' || !d || d.rec.tEnroute === null) return u.status === 'alerted' ? 'has not left its station yet' : `is not on its way to an incident (${u.status})`;
  u.timer?.cancel();
  arrive(w, u, d, w.kernel.now() - d.rec.tEnroute);
  return null;
}

/** The incident no longer needs `u`: recall it if still coming, else clear it (and transport). */
export function clearUnit(w: World, u: UnitState, transport: boolean): void {
  const d = u.dispatch!;
  const now = w.kernel.now();
  d.rec.tClear = now;
  if (u.status === 'alerted' || u.status === 'enroute') {
    halt(w, u);
    w.logging && w.emit('unit.cancel', { incident: d.incident.rec.incidentId, unit: u.def.id, agency: u.agency.id }, NO_DATA);
    becomeFree(w, u);
    return;
  }
  // A unit still waiting to enter drops that wait.
  u.timer?.cancel();
  u.timer = null;
  w.logging && w.emit('unit.clear', { incident: d.incident.rec.incidentId, unit: u.def.id, agency: u.agency.id }, NO_DATA);
  if (!transport || w.hospitals.length === 0) {
    becomeFree(w, u);
    return;
  }
  let best = w.hospitals[0];
  let bestS = Infinity;
  for (const h of w.hospitals) {
    const s = w.travel.freeFlowS(u.at, h);
    if (s < bestS) {
      bestS = s;
      best = h;
    }
  }
  u.status = 'transporting';
  const travelS = w.travel.tripS(u.at, best, now, true, u.travelRng);
  u.trip = { from: u.at, to: best, t0: now, t1: now + travelS };
  w.logging && w.emit('unit.transport', { incident: d.incident.rec.incidentId, unit: u.def.id, agency: u.agency.id }, { hospital: best.id });
  u.timer = w.kernel.after(travelS, () => {
    u.status = 'hospital';
    u.at = best;
    u.trip = null;
    w.logging && w.emit('unit.hospital', { incident: d.incident.rec.incidentId, unit: u.def.id, agency: u.agency.id }, { hospital: best.id });
    const handoverS = Math.max(0, sample(best.handover, u.rng));
    u.timer = w.kernel.call(handoverS, becomeFree, w, u);
  });
}

/** Sends `u` on a non-emergency trip to its base; `then` runs on arrival. */
function driveToBase(w: World, u: UnitState, status: 'returning' | 'moving', then: () => void): void {
  const now = w.kernel.now();
  u.status = status;
  const travelS = w.travel.tripS(u.at, u.base, now, false, u.travelRng);
  u.trip = { from: u.at, to: u.base, t0: now, t1: now + travelS };
  u.timer = w.kernel.after(travelS, then);
}

/** The unit is free for a new dispatch: it takes a queued request, or heads to its base. */
function becomeFree(w: World, u: UnitState): void {
  const now = w.kernel.now();
  const d = u.dispatch!;
  d.rec.tAvailable = now;
  u.busyS += now - u.busySince;
  u.dispatch = null;
  u.timer = null;
  w.sinks.dispatch?.(d.rec, d.n);
  w.logging && w.emit('unit.return', { unit: u.def.id, agency: u.agency.id }, { dispatch: d.rec.dispatchId, to: u.base.station ?? '' });
  if (u.at === u.base) u.status = 'available';
  else driveToBase(w, u, 'returning', () => arriveAtBase(w, u));
  reportStatus(w, u);
  if (isDispatchable(w, u)) {
    if (!unitFreed(w, u)) {
      if (u.covering && ownUnitFree(w, u.covering, u.def.type)) releaseCover(w, u);
      else releaseCoverFor(w, u);
    }
  } else if (u.status === 'available') goOffIfDue(w, u);
}

/** Has `agency` a unit of its own of `type` free again? */
function ownUnitFree(w: World, agency: Agency, type: string): boolean {
  return (w.pools.get(agency.id)?.get(type) ?? []).some((x) => x.covering === null && isDispatchable(w, x));
}

function arriveAtBase(w: World, u: UnitState): void {
  const moved = u.status === 'moving';
  u.status = 'available';
  u.at = u.base;
  u.trip = null;
  u.timer = null;
  w.logging && w.emit(moved ? 'unit.cover' : 'unit.back', { unit: u.def.id, agency: u.agency.id }, u.covering ? { covers: u.covering.id } : {});
  reportStatus(w, u);
  if (!goOffIfDue(w, u) && isDispatchable(w, u) && !unitFreed(w, u) && u.covering && ownUnitFree(w, u.covering, u.def.type)) releaseCover(w, u);
}

/** An idle unit whose roster or status says off goes out of service. */
function goOffIfDue(w: World, u: UnitState): boolean {
  if (u.status === 'available' && (!u.onDuty || u.outOfService || u.inMaintenance)) {
    u.status = 'off';
    const reason = u.outOfService ? 'out_of_service' : u.inMaintenance ? 'maintenance' : 'roster';
    w.logging && w.emit('unit.offduty', { unit: u.def.id, agency: u.agency.id }, { reason });
    reportStatus(w, u);
    if (u.covering) releaseCover(w, u);
    return true;
  }
  return false;
}

/** Re-evaluates whether `u` should be in service (roster, injection, maintenance) and acts on it. */
export function refreshDuty(w: World, u: UnitState): void {
  if (!(u.onDuty && !u.outOfService && !u.inMaintenance)) {
    goOffIfDue(w, u);
    return;
  }
  if (u.status === 'off') {
    u.status = 'available';
    w.logging && w.emit('unit.onduty', { unit: u.def.id, agency: u.agency.id }, NO_DATA);
    reportStatus(w, u);
    if (!unitFreed(w, u)) releaseCoverFor(w, u);
  }
}

/** Starts the unit's own duties: at Poisson times an idle unit is taken away for a while. */
export function startTasks(w: World, u: UnitState): void {
  const t = u.def.tasks;
  if (!t || !(t.ratePerDay > 0)) return;
  const rng = w.streams.get(`tasks/${u.def.id}`);
  const next = () => {
    const gap = -dmath.log(1 - rng()) * (86400 / t.ratePerDay);
    const lengthS = Math.max(0, sample(t.duration, rng));
    if (w.kernel.now() + gap >= w.scenario.durationS) return;
    w.kernel.after(gap, () => {
      if (u.status === 'available' && u.at === u.base) {
        u.status = 'tasked';
        w.logging && w.emit('unit.task', { unit: u.def.id, agency: u.agency.id }, NO_DATA);
        reportStatus(w, u);
        u.timer = w.kernel.after(lengthS, () => {
          u.timer = null;
          u.status = 'available';
          w.logging && w.emit('unit.taskdone', { unit: u.def.id, agency: u.agency.id }, NO_DATA);
          reportStatus(w, u);
          if (!goOffIfDue(w, u) && isDispatchable(w, u)) unitFreed(w, u);
        });
      }
      next();
    });
  };
  next();
}

function poolOf(w: World, agencyId: string, type: string): UnitState[] {
  let byType = w.pools.get(agencyId);
  if (!byType) w.pools.set(agencyId, (byType = new Map()));
  let pool = byType.get(type);
  if (!pool) byType.set(type, (pool = []));
  return pool;
}

/** Moves a free unit up to `station` to cover `agency`'s area (backfill). */
export function moveUp(w: World, u: UnitState, agency: Agency, station: Place): void {
  halt(w, u);
  u.covering = agency;
  u.base = station;
  poolOf(w, agency.id, u.def.type).push(u);
  w.logging && w.emit('unit.moveup', { unit: u.def.id, agency: u.agency.id }, { covers: agency.id, to: station.station ?? '' });
  driveToBase(w, u, 'moving', () => arriveAtBase(w, u));
}

/** The covered area has its own unit back: the move-up unit goes home. */
function releaseCover(w: World, u: UnitState): void {
  const cover = u.covering!;
  const pool = poolOf(w, cover.id, u.def.type);
  pool.splice(pool.indexOf(u), 1);
  u.covering = null;
  u.base = u.home;
  w.logging && w.emit('unit.release', { unit: u.def.id, agency: u.agency.id }, { covered: cover.id, to: u.home.station ?? '' });
  if (u.status === 'available' || u.status === 'moving' || u.status === 'returning') {
    halt(w, u);
    if (u.at === u.base) u.status = 'available';
    else driveToBase(w, u, 'returning', () => arriveAtBase(w, u));
  }
}

/** An own unit of `u`'s agency is free again: one idle move-up unit covering that area goes home. */
function releaseCoverFor(w: World, u: UnitState): void {
  if (u.covering) return;
  const pool = w.pools.get(u.agency.id)?.get(u.def.type);
  const cover = pool?.find((x) => x.covering === u.agency && x.dispatch === null);
  if (cover) releaseCover(w, cover);
}
