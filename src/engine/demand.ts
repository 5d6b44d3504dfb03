/**
 * Demand: background Poisson arrivals per incident type with an hourly profile, plus scripted and
 * historical incidents at fixed times. Background streams draw from their own random streams.
 */
import type { Rng } from '../random/streams.ts';
import { pickIndex } from '../random/distributions.ts';
import { hourAt } from '../geo/travel.ts';
import type { BackgroundState, World } from './world.ts';
import { occur } from './incident.ts';
import { pointInPolygon } from '../geo/zones.ts';

/**
 * Next arrival time after `tS` of a non-homogeneous Poisson process whose rate is constant within
 * each local hour (`ratePerS × profile[hour]`), by inversion of the integrated rate: exact, and one
 * uniform per arrival. Returns Infinity when the rate is zero everywhere, or when the arrival would
 * come after `horizonS` (the search stops there: a tiny rate would otherwise walk hour by hour for ever).
 */
export function nextArrival(tS: number, ratePerS: number, profile: readonly number[], startSecondOfDay: number, rng: Rng, horizonS = Infinity): number {
  if (!(ratePerS > 0) || profile.every((p) => p === 0)) return Infinity;
  let need = -Math.log(1 - rng());
  let t = tS;
  for (;;) {
    if (t >= horizonS) return Infinity;
    const h = hourAt(startSecondOfDay, t);
    const secOfDay = (((startSecondOfDay + t) % 86400) + 86400) % 86400;
    const segEnd = t + ((h + 1) * 3600 - secOfDay);
    const rate = ratePerS * profile[h];
    const capacity = rate * (segEnd - t);
    if (capacity >= need) return t + need / rate;
    need -= capacity;
    t = segEnd;
  }
}

/** Starts every demand process of the scenario. */
export function startDemand(w: World): void {
  const s = w.scenario;
  s.demand.background.forEach((b, i) => {
    const bg: BackgroundState = { def: b, index: i, rng: w.streams.get(`demand/${i}/${b.type}`), placeRng: w.streams.get(`demand/${i}/${b.type}/place`), factor: 1, timer: null };
    w.background.push(bg);
    scheduleNext(w, bg);
  });
  for (const f of s.demand.fixed) {
    w.kernel.after(f.t, () => occur(w, { type: f.type, zone: f.zone, lon: f.lon, lat: f.lat, grade: f.grade, source: f.source, name: f.source === 'scripted' && f.name ? f.name : undefined, pin: f.pin ? f.name : undefined, size: f.size, callers: f.callers }));
  }
}

/** Schedules a background stream's next incident at its rate × factor now. */
function scheduleNext(w: World, bg: BackgroundState): void {
  const s = w.scenario;
  const b = bg.def;
  const ratePerS = (b.ratePerDay / 86400) * bg.factor;
  const total = b.zoneWeights.reduce((a, x) => a + x, 0);
  const t = nextArrival(w.kernel.now(), ratePerS, b.profile, s.startSecondOfDay, bg.rng, s.durationS);
  bg.timer = null;
  if (t >= s.durationS) return;
  bg.timer = w.kernel.after(t - w.kernel.now(), () => {
    const z = s.zones[pickIndex(b.zoneWeights, bg.placeRng, total)];
    const p = z.polygon ? pointInPolygon(z.polygon, bg.placeRng) ?? z : z;
    occur(w, { type: b.type, zone: z.id, lon: p.lon, lat: p.lat, grade: null, source: 'background' });
    scheduleNext(w, bg);
  });
}

/**
 * Multiplies the rate of the background streams (of one incident type, or all) by `factor` from now
 * on. A Poisson process forgets its past, so the pending arrival is simply drawn again at the new rate.
 */
export function setDemandFactor(w: World, factor: number, type?: string): void {
  for (const bg of w.background) {
    if (type !== undefined && bg.def.type !== type) continue;
    bg.factor = factor;
    bg.timer?.cancel();
    scheduleNext(w, bg);
  }
}
