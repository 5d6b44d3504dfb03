/**
 * Demand: background Poisson arrivals per incident type with an hourly profile, plus scripted and
 * historical incidents at fixed times, and calls that need no unit. Each stream draws from its own
 * random stream.
 */
import type { Background, NonEmergencyStream } from '../scenario/scenario.ts';
import type { Rng } from '../random/streams.ts';
import { pickIndex, sample } from '../random/distributions.ts';
import { civilFromDays, weekdayOf } from '../scenario/duration.ts';
import { hourAt } from '../geo/travel.ts';
import type { BackgroundState, World } from './world.ts';
import { occur } from './incident.ts';
import { nonEmergencyArrives } from './center.ts';
import { pointInPolygon } from '../geo/zones.ts';
import * as dmath from '../random/math.ts';

/**
 * Next arrival time after `tS` of a non-homogeneous Poisson process whose rate is constant within
 * each local hour (`ratePerS × profile[hour] × dayMultiplier(local day index)`, the day index
 * counting local days from the start's), by inversion of the integrated rate: exact, and one
 * uniform per arrival. Returns Infinity when the rate is zero everywhere, or when the arrival would
 * come after `horizonS` (the end of the run; by default 800 days on).
 */
export function nextArrival(tS: number, ratePerS: number, profile: readonly number[], startSecondOfDay: number, rng: Rng, dayMultiplier?: (dayIndex: number) => number, horizonS = tS + 800 * 86400): number {
  if (!(ratePerS > 0) || profile.every((p) => p === 0)) return Infinity;
  let need = -dmath.log(1 - rng());
  let t = tS;
  // Hour by hour up to the horizon: a tiny rate, or a day multiplier of zero for a long stretch (a
  // month without demand), would otherwise walk on for ever.
  while (t < horizonS) {
    const h = hourAt(startSecondOfDay, t);
    const secOfDay = (((startSecondOfDay + t) % 86400) + 86400) % 86400;
    const segEnd = t + ((h + 1) * 3600 - secOfDay);
    const rate = dayMultiplier ? ratePerS * profile[h] * dayMultiplier(Math.floor((startSecondOfDay + t) / 86400)) : ratePerS * profile[h];
    const capacity = rate * (segEnd - t);
    if (capacity >= need) return t + need / rate;
    need -= capacity;
    t = segEnd;
  }
  return Infinity;
}

/**
 * The multiplier of each local day (index from the start's day) from a stream's day-of-week and
 * monthly factors and its random day factor (drawn once per day, in day order, from `rng`), or
 * `undefined` when the stream has none of them (the rate is then the profile's alone).
 */
export function dayMultiplier(b: Pick<Background, 'weekly' | 'monthly' | 'dayFactor'>, startDayNumber: number, rng: Rng): ((dayIndex: number) => number) | undefined {
  if (!b.weekly && !b.monthly && !b.dayFactor) return undefined;
  const drawn: number[] = [];
  return (dayIndex) => {
    const day = startDayNumber + dayIndex;
    let m = 1;
    if (b.weekly) m *= b.weekly[weekdayOf(day)];
    if (b.monthly) m *= b.monthly[civilFromDays(day).month - 1];
    if (b.dayFactor) {
      while (drawn.length <= dayIndex) drawn.push(Math.max(0, sample(b.dayFactor, rng)));
      m *= drawn[dayIndex];
    }
    return m;
  };
}

/** Calls that need no unit: a Poisson stream with its hourly profile, on its own random stream. */
function startNonEmergency(w: World, n: NonEmergencyStream): void {
  const s = w.scenario;
  const rng = w.streams.get(`nonemergency/${n.id}`);
  const ratePerS = n.ratePerDay / 86400;
  const next = () => {
    const t = nextArrival(w.kernel.now(), ratePerS, n.profile, s.startSecondOfDay, rng);
    if (t >= s.durationS) return;
    w.kernel.after(t - w.kernel.now(), () => {
      nonEmergencyArrives(w, n);
      next();
    });
  };
  next();
}

/** Starts every demand process of the scenario. */
export function startDemand(w: World): void {
  const s = w.scenario;
  s.demand.background.forEach((b, i) => {
    // Day factors draw from their own stream, so switching them on leaves the arrival draws aligned.
    const perDay = dayMultiplier(b, s.startDayNumber, w.streams.get(`demand/${i}/${b.type}/day`));
    const bg: BackgroundState = { def: b, totalWeight: b.zoneWeights.reduce((a, x) => a + x, 0), rng: w.streams.get(`demand/${i}/${b.type}`), placeRng: w.streams.get(`demand/${i}/${b.type}/place`), factor: 1, timer: null, perDay };
    w.background.push(bg);
    scheduleNext(w, bg);
  });
  for (const n of s.demand.nonEmergency) startNonEmergency(w, n);
  for (const f of s.demand.fixed) {
    w.kernel.after(f.t, () => occur(w, { type: f.type, zone: f.zone, lon: f.lon, lat: f.lat, grade: f.grade, source: f.source, name: f.source === 'scripted' && f.name ? f.name : undefined, pin: f.pin ? f.name : undefined, size: f.size, callers: f.callers }));
  }
}

/** Schedules a background stream's next incident at its rate × factor now. */
function scheduleNext(w: World, bg: BackgroundState): void {
  const s = w.scenario;
  const b = bg.def;
  const ratePerS = (b.ratePerDay / 86400) * bg.factor;
  const t = nextArrival(w.kernel.now(), ratePerS, b.profile, s.startSecondOfDay, bg.rng, bg.perDay, s.durationS);
  bg.timer = null;
  if (t >= s.durationS) return;
  bg.timer = w.kernel.call(t - w.kernel.now(), backgroundIncident, w, bg);
}

/** A background stream's incident happens now, in a zone drawn by weight; the next is scheduled. */
function backgroundIncident(w: World, bg: BackgroundState): void {
  const b = bg.def;
  const z = w.scenario.zones[pickIndex(b.zoneWeights, bg.placeRng, bg.totalWeight)];
  const p = z.polygon ? pointInPolygon(z.polygon, bg.placeRng, z.holes) ?? z : z;
  occur(w, { type: b.type, zone: z.id, lon: p.lon, lat: p.lat, grade: null, source: 'background' });
  scheduleNext(w, bg);
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
