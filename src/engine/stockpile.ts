/**
 * Stockpiles (物资储备): depots of consumables that incidents draw on. Once an incident is under
 * control its work needs its supplies; each comes from the nearest depot that holds enough, by road.
 * Until the last delivery arrives the work goes `shortageFactor` times slower; a depot that runs dry
 * restocks after its delay where the scenario says so.
 */
import { sample } from '../random/distributions.ts';
import { incidentStream, scenePlace } from './incident.ts';
import type { DepotState, IncidentState, World } from './world.ts';
import type { DepotRecord } from './records.ts';

/** Builds the depots' state from the scenario. */
export function createDepots(w: Pick<World, 'scenario' | 'travel'>): DepotState[] {
  return w.scenario.depots.map((d) => {
    const stock = new Map(Object.entries(d.stock));
    return {
      id: d.id,
      place: w.travel.place(d, {}, true),
      stock,
      initial: new Map(stock),
      restocked: new Map([...stock.keys()].map((k) => [k, 0])),
      drawn: new Map([...stock.keys()].map((k) => [k, 0])),
      restock: d.restock,
      restockWaiting: null,
      restockDueAt: Infinity,
    };
  });
}

/**
 * Orders `inc`'s supplies now; returns when the last of them will be on scene (the current time when
 * none are needed, Infinity when some cannot come at all). `onArrive` runs once they are all there.
 */
export function requestSupplies(w: World, inc: IncidentState, size: number, onArrive: () => void): number {
  const now = w.kernel.now();
  const needs = inc.type.supplies;
  if (needs.length === 0) return now;
  const rng = incidentStream(w, inc, `supplies/${inc.type.id}`);
  let last = now;
  let pending = 0;
  const arrived = () => {
    if (--pending === 0) onArrive();
  };
  for (const need of needs) {
    const amount = Math.max(0, sample(need.amount, rng)) * (need.perSize ? size : 1);
    if (amount === 0) continue;
    w.logging && w.emit('supply.request', { incident: inc.rec.incidentId }, { item: need.item, amount });
    const eta = deliver(w, inc, need.item, amount, arrived);
    if (eta === Infinity) {
      w.logging && w.emit('supply.shortage', { incident: inc.rec.incidentId }, { item: need.item, amount });
      return Infinity;
    }
    pending++;
    last = Math.max(last, eta);
  }
  if (pending === 0) return now;
  return last;
}

/** Sends `amount` of `item` from the best depot; returns the arrival time or Infinity. */
function deliver(w: World, inc: IncidentState, item: string, amount: number, arrived: () => void): number {
  const now = w.kernel.now();
  let best: DepotState | null = null;
  let bestS = Infinity;
  for (const d of w.depots) {
    if ((d.stock.get(item) ?? 0) < amount) continue;
    const s = w.travel.freeFlowS(d.place, scenePlace(w, inc));
    if (s < bestS) [best, bestS] = [d, s];
  }
  if (best) {
    best.stock.set(item, best.stock.get(item)! - amount);
    best.drawn.set(item, best.drawn.get(item)! + amount);
    const travelS = w.travel.tripS(best.place, scenePlace(w, inc), now, true);
    w.logging && w.emit('supply.dispatch', { incident: inc.rec.incidentId }, { item, amount, depot: best.id, etaT: now + travelS });
    w.kernel.after(travelS, () => {
      w.logging && w.emit('supply.arrive', { incident: inc.rec.incidentId }, { item, depot: best!.id });
      arrived();
    });
    return now + travelS;
  }
  // Nobody holds enough: the nearest depot that restocks this item sends it once restocked.
  let restocker: DepotState | null = null;
  let rS = Infinity;
  for (const d of w.depots) {
    if (!d.restock || !(d.restock.amount[item] > 0)) continue;
    const s = w.travel.freeFlowS(d.place, scenePlace(w, inc));
    if (s < rS) [restocker, rS] = [d, s];
  }
  if (!restocker) return Infinity;
  const d = restocker;
  w.logging && w.emit('supply.shortage', { incident: inc.rec.incidentId }, { item, amount, waitFor: d.id });
  // One restock at a time per depot: the first shortage orders it, later ones wait for the same one.
  const send = () => {
    const have = d.stock.get(item) ?? 0;
    if (have < amount && d.restock!.amount[item] > 0) {
      // Still short after this restock: wait for the next.
      waitForRestock(w, d, send);
      return;
    }
    d.stock.set(item, have - amount);
    d.drawn.set(item, (d.drawn.get(item) ?? 0) + amount);
    const travelS = w.travel.tripS(d.place, scenePlace(w, inc), w.kernel.now(), true);
    w.logging && w.emit('supply.dispatch', { incident: inc.rec.incidentId }, { item, amount, depot: d.id, etaT: w.kernel.now() + travelS });
    w.kernel.after(travelS, () => {
      w.logging && w.emit('supply.arrive', { incident: inc.rec.incidentId }, { item, depot: d.id });
      arrived();
    });
  };
  const restockAt = waitForRestock(w, d, send);
  // The work plans on the delivery leaving when the restock lands.
  return restockAt + w.travel.tripS(d.place, scenePlace(w, inc), restockAt, true);
}

/** Queues `then` for the depot's restock, ordering one if none is under way; returns its time. */
function waitForRestock(w: World, d: DepotState, then: () => void): number {
  if (d.restockWaiting) {
    d.restockWaiting.push(then);
    return d.restockDueAt;
  }
  d.restockWaiting = [then];
  const delayS = Math.max(0, sample(d.restock!.delay, w.streams.get(`depot/${d.id}`)));
  d.restockDueAt = w.kernel.now() + delayS;
  w.kernel.after(delayS, () => {
    for (const [k, v] of Object.entries(d.restock!.amount)) {
      d.stock.set(k, (d.stock.get(k) ?? 0) + v);
      d.restocked.set(k, (d.restocked.get(k) ?? 0) + v);
      if (!d.initial.has(k)) d.initial.set(k, 0);
      if (!d.drawn.has(k)) d.drawn.set(k, 0);
    }
    w.logging && w.emit('depot.restock', {}, { depot: d.id });
    const waiting = d.restockWaiting!;
    d.restockWaiting = null;
    for (const f of waiting) f();
  });
  return d.restockDueAt;
}

/**
 * When work needing `workS` seconds at full speed, started at `t0`, ends if it runs `factor` times
 * slower until `suppliedAt` (pure).
 */
export function workEnd(t0: number, workS: number, suppliedAt: number, factor: number): number {
  if (suppliedAt <= t0 || factor === 1) return t0 + workS;
  const slowPart = (suppliedAt - t0) / factor;
  if (slowPart >= workS || !Number.isFinite(suppliedAt)) return t0 + workS * factor;
  return suppliedAt + (workS - slowPart);
}

/** The depots' accounts at the end of a run. */
export function depotRecords(w: World): DepotRecord[] {
  return w.depots.flatMap((d) =>
    [...d.initial.keys()].sort().map((item) => ({
      depot: d.id,
      item,
      initial: d.initial.get(item)!,
      restocked: d.restocked.get(item) ?? 0,
      drawn: d.drawn.get(item) ?? 0,
      final: d.stock.get(item) ?? 0,
    })),
  );
}
