/**
 * A unit's cycle: alert → turnout → travel → on scene → clear (→ transport → hospital handover) →
 * free → return to station. A returning unit is free and can be sent again from where it is.
 */
import { sample } from '../random/distributions.ts';
import type { Place } from '../geo/travel.ts';
import { hourAt } from '../geo/travel.ts';
import type { DispatchState, IncidentState, UnitRequest, UnitState, World } from './world.ts';
import { unitArrived } from './incident.ts';
import { unitFreed } from './agency.ts';

/** Can the center's agency command send this unit now? */
export function isDispatchable(w: World, u: UnitState): boolean {
  if (!u.onDuty || u.outOfService) return false;
  return u.status === 'available' || (u.status === 'returning' && w.scenario.dispatch.redispatchReturning);
}

/** Where the unit is at time `tS` (along its trip, in a straight-line view, or where it stands). */
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
    // A matrix knows station → zone times only: finish the way home, then go from there.
    return Math.max(0, u.trip.t1 - now) + w.travel.tripS(u.home, inc.place, now, true);
  }
  return w.travel.tripS(positionAt(w, u, now), inc.place, now, true);
}

function isNight(w: World, tS: number): boolean {
  const c = w.scenario.center;
  const h = hourAt(w.scenario.startSecondOfDay, tS);
  return c.dayStartH <= c.nightStartH ? !(h >= c.dayStartH && h < c.nightStartH) : h >= c.nightStartH && h < c.dayStartH;
}

/** Commits `u` to `req`: the agency command alerts it after its alert delay, then it turns out. */
export function alertUnit(w: World, u: UnitState, req: UnitRequest, mutualAid: boolean): void {
  const now = w.kernel.now();
  const inc = req.incident;
  const wasReturning = u.status === 'returning';
  if (wasReturning) {
    w.stats.redispatchedReturning++;
    u.timer?.cancel();
    u.at = positionAt(w, u, now);
    u.trip = null;
  }
  const id = `dsp-${String(++w.counters.dispatch).padStart(6, '0')}`;
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
    },
    incident: inc,
    unit: u,
  };
  inc.dispatches.push(d);
  if (mutualAid) inc.rec.mutualAidUnits++;
  u.dispatch = d;
  u.dispatches++;
  u.status = 'alerted';
  u.busySince = now;
  const rng = u.rng;
  const alertS = Math.max(0, sample(u.agency.alertDelay, rng));
  u.timer = w.kernel.after(alertS, () => {
    const t = w.kernel.now();
    d.rec.tAlert = t;
    if (inc.rec.tFirstDispatch === null) inc.rec.tFirstDispatch = t;
    w.logging && w.emit('unit.alert', { incident: inc.rec.incidentId, unit: u.def.id, agency: u.agency.id, detail: `dispatch=${id}${mutualAid ? ' mutual_aid=1' : ''}${wasReturning ? ' from=road' : ''}` });
    // A unit already on the road needs no turnout.
    const turnoutS = wasReturning && u.at !== u.home ? 0 : Math.max(0, sample(isNight(w, t) ? u.def.turnoutNight : u.def.turnoutDay, rng));
    u.timer = w.kernel.after(turnoutS, () => {
      const t0 = w.kernel.now();
      d.rec.tEnroute = t0;
      u.status = 'enroute';
      const travelS = w.travel.tripS(u.at, inc.place, t0, true, u.travelRng);
      u.trip = { from: u.at, to: inc.place, t0, t1: t0 + travelS };
      w.logging && w.emit('unit.enroute', { incident: inc.rec.incidentId, unit: u.def.id, agency: u.agency.id, detail: `eta=${(t0 + travelS).toFixed(3)}` });
      u.timer = w.kernel.after(travelS, () => {
        d.rec.tArrive = w.kernel.now();
        d.rec.travelS = travelS;
        u.status = 'onscene';
        u.at = inc.place;
        u.trip = null;
        u.timer = null;
        w.logging && w.emit('unit.arrive', { incident: inc.rec.incidentId, unit: u.def.id, agency: u.agency.id });
        unitArrived(w, inc, u.agency.id);
      });
    });
  });
}

/** The incident no longer needs `u`: recall it if still coming, else clear it (and transport). */
export function clearUnit(w: World, u: UnitState, transport: boolean): void {
  const d = u.dispatch!;
  const now = w.kernel.now();
  d.rec.tClear = now;
  if (u.status === 'alerted' || u.status === 'enroute') {
    u.timer?.cancel();
    u.timer = null;
    u.at = positionAt(w, u, now);
    u.trip = null;
    w.logging && w.emit('unit.cancel', { incident: d.incident.rec.incidentId, unit: u.def.id, agency: u.agency.id });
    becomeFree(w, u);
    return;
  }
  w.logging && w.emit('unit.clear', { incident: d.incident.rec.incidentId, unit: u.def.id, agency: u.agency.id });
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
  w.logging && w.emit('unit.transport', { incident: d.incident.rec.incidentId, unit: u.def.id, agency: u.agency.id, detail: `hospital=${best.id}` });
  u.timer = w.kernel.after(travelS, () => {
    u.status = 'hospital';
    u.at = best;
    u.trip = null;
    w.logging && w.emit('unit.hospital', { incident: d.incident.rec.incidentId, unit: u.def.id, agency: u.agency.id, detail: `hospital=${best.id}` });
    const handoverS = Math.max(0, sample(best.handover, u.rng));
    u.timer = w.kernel.after(handoverS, () => becomeFree(w, u));
  });
}

/** The unit is free for a new dispatch: it takes a queued request, or heads home. */
function becomeFree(w: World, u: UnitState): void {
  const now = w.kernel.now();
  const d = u.dispatch!;
  d.rec.tAvailable = now;
  u.busyS += now - u.busySince;
  u.dispatch = null;
  u.timer = null;
  w.sinks.dispatch?.(d.rec);
  w.logging && w.emit('unit.return', { unit: u.def.id, agency: u.agency.id, detail: `dispatch=${d.rec.dispatchId}` });
  if (u.at === u.home) {
    u.status = 'available';
  } else {
    u.status = 'returning';
    const travelS = w.travel.tripS(u.at, u.home, now, false, u.travelRng);
    u.trip = { from: u.at, to: u.home, t0: now, t1: now + travelS };
    u.timer = w.kernel.after(travelS, () => arriveHome(w, u));
  }
  if (isDispatchable(w, u)) unitFreed(w, u);
  else if (u.status === 'available') goOffIfDue(w, u);
}

function arriveHome(w: World, u: UnitState): void {
  u.status = 'available';
  u.at = u.home;
  u.trip = null;
  u.timer = null;
  w.logging && w.emit('unit.back', { unit: u.def.id, agency: u.agency.id });
  if (!goOffIfDue(w, u) && isDispatchable(w, u)) unitFreed(w, u);
}

/** An idle unit whose roster or status says off goes out of service. */
function goOffIfDue(w: World, u: UnitState): boolean {
  if (u.status === 'available' && (!u.onDuty || u.outOfService)) {
    u.status = 'off';
    w.logging && w.emit('unit.offduty', { unit: u.def.id, agency: u.agency.id, detail: u.outOfService ? 'reason=out_of_service' : 'reason=roster' });
    return true;
  }
  return false;
}

/** Applies a duty change (roster hour or injected service state) to `u`. */
export function setDuty(w: World, u: UnitState, onDuty: boolean, outOfService: boolean): void {
  u.onDuty = onDuty;
  u.outOfService = outOfService;
  const shouldWork = onDuty && !outOfService;
  if (!shouldWork) {
    goOffIfDue(w, u);
    return;
  }
  if (u.status === 'off') {
    u.status = 'available';
    w.logging && w.emit('unit.onduty', { unit: u.def.id, agency: u.agency.id });
    unitFreed(w, u);
  }
}
