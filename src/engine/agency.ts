/**
 * Agency commands (联动单位指挥机构): receive the center's order over their channel, pick units
 * (nearest available by travel time, as the center's picture of the units has it; mutual aid from
 * neighbours when none can arrive within the rule's time), and keep a queue of requests nothing could
 * serve, ordered by grade then time, which the next freed unit of the type takes. An order that
 * reaches a unit no longer free is refused and sent again.
 */
import { scenePlace } from './incident.ts';
import type { Agency, ResponseLine } from '../scenario/scenario.ts';
import { sample } from '../random/distributions.ts';
import type { IncidentState, UnitRequest, UnitState, World } from './world.ts';
import { alertUnit, etaS, isDispatchable, moveUp } from './unit.ts';
import { sendToAgency } from './comms.ts';
import { RequestQueue } from './resources/request-queue.ts';
import type { AgencyRecord } from './records.ts';
import type { Refusal } from './refusal.ts';

/** The incident's record of `agency`'s part, made on first use (`line`: the plan line that brings it). */
export function agencyRecord(inc: IncidentState, agency: Agency, line?: ResponseLine): AgencyRecord {
  const agencies = (inc.agencies ??= new Map());
  let r = agencies.get(agency.id);
  if (!r) {
    r = { incidentId: inc.rec.incidentId, agency: agency.id, tier: agency.tier, tOrdered: null, tNotified: null, channel: '', tFirstArrival: null, units: 0, waitsFor: line?.after ?? '' };
    agencies.set(agency.id, r);
  }
  return r;
}

/** The center orders the units of one plan line from `agency`'s command. */
export function sendOrder(w: World, inc: IncidentState, agency: Agency, line: ResponseLine): void {
  const tOrder = w.kernel.now();
  const rec = agencyRecord(inc, agency, line);
  if (rec.tOrdered === null) rec.tOrdered = tOrder;
  w.logging && w.emit('order.send', { incident: inc.rec.incidentId, agency: agency.id }, { unitType: line.unitType, count: line.count });
  sendToAgency(w, agency, (channel, delayS) => {
    if (rec.tNotified === null) {
      rec.tNotified = w.kernel.now();
      rec.channel = channel;
    }
    w.logging && w.emit('order.receive', { incident: inc.rec.incidentId, agency: agency.id }, { unitType: line.unitType, count: line.count, channel, delayS });
    for (let k = 0; k < line.count; k++) {
      if (!inc.open) return;
      fill(w, { seq: ++w.counters.request, incident: inc, agency, line, channel, tOrder, tQueued: NaN });
    }
  });
}

/**
 * Nearest unit of `agencyId` and `type` the center believes free, with its ETA (travel only), or
 * null. Rosters and maintenance are planned, so known; anything else (own duties, a breakdown) the
 * center learns from the unit's status report. Without status reports it sees the truth.
 */
export function nearestUnit(w: World, agencyId: string, type: string, inc: IncidentState): { unit: UnitState; etaS: number } | null {
  const pool = w.pools.get(agencyId)?.get(type);
  if (!pool) return null;
  let best: UnitState | null = null;
  let bestEta = Infinity;
  const believed = w.scenario.center.statusReports !== null;
  const now = w.kernel.now();
  const to = scenePlace(w, inc);
  // Units standing at the same place (a station) share one travel-time computation.
  let lastPlace: unknown = null;
  let lastEta = 0;
  for (let i = 0; i < pool.length; i++) {
    const u = pool[i];
    if (believed ? !(u.believedFree && u.onDuty && !u.inMaintenance) : !isDispatchable(w, u)) continue;
    let eta: number;
    const standing = believed ? u.believedAt : u.trip === null ? u.at : null;
    if (standing !== null) {
      if (standing !== lastPlace) {
        lastPlace = standing;
        lastEta = w.travel.tripS(standing, to, now, true);
      }
      eta = lastEta;
    } else eta = etaS(w, u, inc);
    // Ties go to the unit listed first.
    if (eta < bestEta) {
      bestEta = eta;
      best = u;
    }
  }
  return best ? { unit: best, etaS: bestEta } : null;
}

/** Sends `u` to `req`, unless it is no longer free: then the order is refused and tried again. */
function tryAlert(w: World, u: UnitState, req: UnitRequest, mutualAid: boolean): void {
  if (isDispatchable(w, u)) {
    alertUnit(w, u, req, mutualAid);
    afterAlert(w, req.agency, req.line.unitType);
    return;
  }
  const sr = w.scenario.center.statusReports!;
  u.believedFree = false; // the unit says so on the radio
  req.incident.rec.ordersRefused++;
  w.logging && w.emit('order.refused', { incident: req.incident.rec.incidentId, unit: u.def.id, agency: u.agency.id }, { status: u.status });
  w.kernel.after(Math.max(0, sample(sr.refusalDelay, u.rng)), () => {
    if (req.incident.open) fill(w, req);
  });
}

/**
 * A decision sends one particular unit to `inc` (the room chose it): its agency is ordered and the
 * unit alerted at once, without the usual choice of the nearest. Returns why not (data), or null.
 */
export function sendUnit(w: World, inc: IncidentState, u: UnitState): Refusal | null {
  if (!inc.open) return { code: 'incident-closed', incident: inc.rec.incidentId };
  if (!isDispatchable(w, u)) return { code: 'unit-not-free', unit: u.def.id, status: u.status };
  const now = w.kernel.now();
  const rec = agencyRecord(inc, u.agency);
  if (rec.tOrdered === null) rec.tOrdered = now;
  if (rec.tNotified === null) {
    rec.tNotified = now;
    rec.channel = u.agency.channel;
  }
  const line: ResponseLine = { agency: u.agency.id, unitType: u.def.type, count: 1, afterApproval: false, afterDecision: false, handoff: { dist: 'fixed', value: 0 } };
  inc.rec.unitsRequired++;
  if (inc.rec.tFirstOrder === null) inc.rec.tFirstOrder = now;
  w.logging && w.emit('order.send', { incident: inc.rec.incidentId, agency: u.agency.id }, { unitType: u.def.type, count: 1 });
  alertUnit(w, u, { seq: ++w.counters.request, incident: inc, agency: u.agency, line, channel: rec.channel, tOrder: now, tQueued: NaN }, false);
  inc.rec.agenciesRequired = inc.agencies?.size ?? 0;
  return null;
}

/** Finds a unit for a request now, asks for mutual aid, or queues it. */
function fill(w: World, req: UnitRequest): void {
  const type = req.line.unitType;
  const own = nearestUnit(w, req.agency.id, type, req.incident);
  const rule = req.agency.mutualAid;
  if (own && (!rule || own.etaS <= rule.withinS)) {
    tryAlert(w, own.unit, req, false);
    return;
  }
  if (rule) {
    // Nothing is reserved while asking: request and approval take time, and the picture may change.
    const rng = w.streams.get(`agency/${req.agency.id}/mutualaid`);
    const delayS = Math.max(0, sample(rule.requestDelay, rng)) + Math.max(0, sample(rule.approvalDelay, rng));
    w.logging && w.emit('mutualaid.request', { incident: req.incident.rec.incidentId, agency: req.agency.id }, { unitType: type, to: rule.from, ownEtaS: own ? own.etaS : null });
    w.kernel.after(delayS, () => {
      if (!req.incident.open) return;
      let best: { unit: UnitState; etaS: number } | null = null;
      for (const n of rule.from) {
        const c = nearestUnit(w, n, type, req.incident);
        if (c && (!best || c.etaS < best.etaS)) best = c;
      }
      const mine = nearestUnit(w, req.agency.id, type, req.incident);
      if (best && (!mine || best.etaS < mine.etaS)) tryAlert(w, best.unit, req, true);
      else if (mine) tryAlert(w, mine.unit, req, false);
      else waitOrLose(w, req);
    });
    return;
  }
  waitOrLose(w, req);
}

const queueKey = (agencyId: string, type: string) => `${agencyId}|${type}`;

/** A request leaves its incident's list of queued ones once a unit takes it. */
function removeQueued(req: UnitRequest): void {
  const q = req.incident.queued;
  q.splice(q.indexOf(req), 1);
}

function waitOrLose(w: World, req: UnitRequest): void {
  const inc = req.incident;
  const type = req.line.unitType;
  if (w.scenario.dispatch.whenNoneFree === 'lose') {
    inc.rec.lostRequests++;
    w.logging && w.emit('request.lost', { incident: inc.rec.incidentId, agency: req.agency.id }, { unitType: type });
    return;
  }
  req.tQueued = w.kernel.now();
  inc.rec.queuedRequests++;
  const key = queueKey(req.agency.id, type);
  let queue = w.waiting.get(key);
  if (!queue) w.waiting.set(key, (queue = new RequestQueue<UnitRequest>((r) => r.incident.open)));
  const position = queue.push(req, inc.grade);
  inc.queued.push(req);
  w.logging && w.emit('request.queue', { incident: inc.rec.incidentId, agency: req.agency.id }, { unitType: type, position });
}

/** The incident closed: its queued requests leave their queues' counts (the entries go lazily). */
export function forgetRequests(w: World, inc: IncidentState): void {
  for (const req of inc.queued) w.waiting.get(queueKey(req.agency.id, req.line.unitType))?.forget(req);
}

/** The incident was re-graded: its queued requests move to their place for the new grade. */
export function rekeyRequests(w: World, inc: IncidentState): void {
  for (const req of inc.queued) w.waiting.get(queueKey(req.agency.id, req.line.unitType))?.rekey(req, inc.grade);
}

/**
 * A unit just became dispatchable: it takes the head of the queue of the area it serves (its own
 * agency's, or the one it covers) for its type; a unit of an area with a move-up unit covering it
 * sends that unit home.
 */
export function unitFreed(w: World, u: UnitState): boolean {
  for (const agency of u.covering ? [u.covering, u.agency] : [u.agency]) {
    const req = w.waiting.get(queueKey(agency.id, u.def.type))?.pop();
    if (req) {
      removeQueued(req);
      alertUnit(w, u, req, agency !== u.agency);
      return true;
    }
  }
  return false;
}

/**
 * Backfill (联勤联动 move-up): when an agency whose mutual-aid rule asks for it has no unit of a type
 * left, the nearest free unit of that type from a neighbour that keeps one of its own moves up to
 * the agency's station and covers its area until an own unit is free again.
 */
function afterAlert(w: World, agency: Agency, type: string): void {
  if (!agency.mutualAid?.backfill) return;
  const pool = w.pools.get(agency.id)?.get(type) ?? [];
  if (pool.some((u) => isDispatchable(w, u))) return;
  const ownUnit = pool.find((u) => u.covering === null);
  if (!ownUnit) return;
  const station = ownUnit.home;
  let best: UnitState | null = null;
  let bestS = Infinity;
  for (const n of agency.mutualAid.from) {
    const theirs = (w.pools.get(n)?.get(type) ?? []).filter((u) => u.covering === null && u.status === 'available' && isDispatchable(w, u));
    if (theirs.length < 2) continue; // the neighbour keeps one for itself
    for (const u of theirs) {
      const s = w.travel.freeFlowS(u.at, station);
      if (s < bestS) [best, bestS] = [u, s];
    }
  }
  if (best) moveUp(w, best, agency, station);
}
