/**
 * Agency commands (联动单位指挥机构): receive the center's order over their channel, pick units
 * (nearest available by travel time within the agency; mutual aid from neighbours when none can
 * arrive within the rule's time), and keep a queue of requests nothing could serve, ordered by grade
 * then time, which the next freed unit of the type takes.
 */
import type { Agency } from '../scenario/scenario.ts';
import { sample } from '../random/distributions.ts';
import type { IncidentState, UnitRequest, UnitState, World } from './world.ts';
import { alertUnit, etaS, isDispatchable } from './unit.ts';

/** The center orders `count` units of `unitType` from `agency` for `inc`. */
export function sendOrder(w: World, inc: IncidentState, agency: Agency, unitType: string, count: number): void {
  const tOrder = w.kernel.now();
  const rng = w.agencyRng.get(agency)!;
  const delayS = Math.max(0, sample(agency.channelDelay[agency.channel], rng));
  w.logging && w.emit('order.send', { incident: inc.rec.incidentId, agency: agency.id, detail: `type=${unitType} count=${count} channel=${agency.channel}` });
  w.kernel.after(delayS, () => {
    w.logging && w.emit('order.receive', { incident: inc.rec.incidentId, agency: agency.id, detail: `type=${unitType} count=${count} delay=${delayS.toFixed(3)}` });
    for (let k = 0; k < count; k++) {
      if (!inc.open) return;
      const req: UnitRequest = { seq: ++w.counters.request, incident: inc, agency, unitType, tOrder, tQueued: NaN };
      fill(w, req);
    }
  });
}

/** Nearest dispatchable unit of `agency` and `type` for `inc`, with its ETA (travel only), or null. */
export function nearestUnit(w: World, agencyId: string, type: string, inc: IncidentState): { unit: UnitState; etaS: number } | null {
  const pool = w.pools.get(agencyId)?.get(type);
  if (!pool) return null;
  let best: UnitState | null = null;
  let bestEta = Infinity;
  // Units standing at the same station share one travel-time computation.
  let lastHome: unknown = null;
  let lastHomeEta = 0;
  for (const u of pool) {
    if (!isDispatchable(w, u)) continue;
    let eta: number;
    if (u.trip === null && u.at === u.home) {
      if (u.home !== lastHome) {
        lastHome = u.home;
        lastHomeEta = etaS(w, u, inc);
      }
      eta = lastHomeEta;
    } else eta = etaS(w, u, inc);
    // Ties go to the unit listed first in the scenario.
    if (eta < bestEta) {
      bestEta = eta;
      best = u;
    }
  }
  return best ? { unit: best, etaS: bestEta } : null;
}

/** Finds a unit for a request now, asks for mutual aid, or queues it. */
function fill(w: World, req: UnitRequest): void {
  const own = nearestUnit(w, req.agency.id, req.unitType, req.incident);
  const rule = req.agency.mutualAid;
  if (own && (!rule || own.etaS <= rule.withinS)) {
    alertUnit(w, own.unit, req, false);
    return;
  }
  if (rule) {
    // Reserve nothing while asking: the request and approval take time, and the picture may change.
    const delayS = Math.max(0, sample(rule.requestDelay, w.streams.get(`agency/${req.agency.id}/mutualaid`)));
    w.logging && w.emit('mutualaid.request', {
      incident: req.incident.rec.incidentId,
      agency: req.agency.id,
      detail: `type=${req.unitType} to=${rule.from.join(',')} own_eta=${own ? own.etaS.toFixed(1) : 'none'}`,
    });
    w.kernel.after(delayS, () => {
      if (!req.incident.open) return;
      let best: { unit: UnitState; etaS: number } | null = null;
      for (const n of rule.from) {
        const c = nearestUnit(w, n, req.unitType, req.incident);
        if (c && (!best || c.etaS < best.etaS)) best = c;
      }
      const mine = nearestUnit(w, req.agency.id, req.unitType, req.incident);
      if (best && (!mine || best.etaS < mine.etaS)) alertUnit(w, best.unit, req, true);
      else if (mine) alertUnit(w, mine.unit, req, false);
      else waitOrLose(w, req);
    });
    return;
  }
  waitOrLose(w, req);
}

const queueKey = (agencyId: string, type: string) => `${agencyId}|${type}`;

function waitOrLose(w: World, req: UnitRequest): void {
  const inc = req.incident;
  if (w.scenario.dispatch.whenNoneFree === 'lose') {
    inc.rec.lostRequests++;
    w.stats.requestsLost++;
    w.logging && w.emit('request.lost', { incident: inc.rec.incidentId, agency: req.agency.id, detail: `type=${req.unitType}` });
    return;
  }
  req.tQueued = w.kernel.now();
  inc.rec.queuedRequests++;
  w.stats.requestsQueued++;
  const key = queueKey(req.agency.id, req.unitType);
  let list = w.waiting.get(key);
  if (!list) w.waiting.set(key, (list = []));
  // Keep the line ordered by grade (most severe first), then time, then request order.
  let i = list.length;
  while (i > 0 && compareRequests(list[i - 1], req) > 0) i--;
  list.splice(i, 0, req);
  w.logging && w.emit('request.queue', { incident: inc.rec.incidentId, agency: req.agency.id, detail: `type=${req.unitType} position=${i + 1}` });
}

/** Queue order: higher grade first, then earlier queued, then earlier request. */
export function compareRequests(a: UnitRequest, b: UnitRequest): number {
  return b.incident.grade - a.incident.grade || a.tQueued - b.tQueued || a.seq - b.seq;
}

/** A unit just became dispatchable: it takes the head of its agency's queue for its type, if any. */
export function unitFreed(w: World, u: UnitState): boolean {
  const list = w.waiting.get(queueKey(u.agency.id, u.def.type));
  while (list && list.length > 0) {
    const req = list.shift()!;
    if (!req.incident.open) continue;
    alertUnit(w, u, req, false);
    return true;
  }
  return false;
}
