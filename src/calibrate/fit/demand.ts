/**
 * Demand by incident type: a Poisson log-linear model of counts, rate(type, zone, day, hour) =
 * λ × zone share × hourly factor × weekday factor × month factor (what the scenario's background demand
 * draws), fitted by maximum likelihood — the zone and hour margins directly, weekday and month factors
 * by iterative proportional fitting of the daily counts (Deming & Stephan 1940), month factors only
 * when a whole year is given. Intervals are exact Poisson (Garwood) intervals of the counts behind
 * each factor. Then two checks of the model's assumptions:
 * - overdispersion of the daily counts: Pearson's dispersion statistic against χ²(days − parameters)
 *   and a likelihood-ratio test of the negative binomial (NB2, Cameron & Trivedi 1998) against the
 *   Poisson, on the boundary (p = ½ P(χ²₁ > LR); Self & Liang 1987); the negative binomial's shape k
 *   (profile-likelihood interval) becomes the scenario's gamma day factor when that test rejects at 1%;
 * - independence of the hourly profile from the weekday and from the zone (Pearson χ² on 4-hour blocks),
 *   which the model assumes.
 */
import type { ObservedIncident } from '../observations.ts';
import { civilFromDays, weekdayOf } from '../../scenario/duration.ts';
import { chiSquareSf, lnGamma, poissonInterval } from './special.ts';

/** A relative factor (mean 1 over its levels) with its count and 95% interval. */
export interface Factor {
  n: number;
  factor: number;
  low: number;
  high: number;
}

/** A χ² test result; `sparse` when some expected count is below 1 (the χ² approximation is then rough). */
export interface ChiSquareTest {
  statistic: number;
  df: number;
  p: number;
  sparse: boolean;
}

export interface Dispersion {
  /** Pearson's X² / df of the daily counts (1 for Poisson). */
  index: number;
  pearson: ChiSquareTest;
  /** NB2 shape by maximum likelihood, with its profile-likelihood 95% interval (high may be Infinity). */
  k: { value: number; low: number; high: number } | null;
  lr: number;
  lrP: number;
  model: 'poisson' | 'negative-binomial';
}

export interface DemandFit {
  type: string;
  n: number;
  days: number;
  /** Base rate λ per day (weekday and month factors average 1). */
  ratePerDay: { value: number; low: number; high: number };
  hourly: Factor[];
  /** Monday first; null with fewer than 14 days. */
  weekly: Factor[] | null;
  /** January first; null with less than a year. */
  monthly: Factor[] | null;
  /** Zones in the order given, with their counts and shares. */
  zones: { zone: string; n: number; share: number; low: number; high: number }[];
  /** Null with fewer than 14 days. */
  dispersion: Dispersion | null;
  hourByWeekday: ChiSquareTest | null;
  hourByZone: ChiSquareTest | null;
  /** Daily counts and their fitted means (for the report's chart). */
  daily: { day: number; n: number; expected: number }[];
}

/** Fits the demand of each type over local days [firstDay, lastDay]; `zones` lists the zones to weigh. */
export function fitDemand(incidents: readonly ObservedIncident[], firstDay: number, lastDay: number, zones: readonly string[]): DemandFit[] {
  const types = [...new Set(incidents.map((i) => i.type))].sort();
  return types.map((type) => fitType(type, incidents.filter((i) => i.type === type), firstDay, lastDay, zones));
}

function fitType(type: string, incs: readonly ObservedIncident[], firstDay: number, lastDay: number, zoneIds: readonly string[]): DemandFit {
  const days = lastDay - firstDay + 1;
  const n = incs.length;
  const dayList = Array.from({ length: days }, (_, i) => firstDay + i);
  const y = dayList.map(() => 0);
  for (const i of incs) y[i.day - firstDay]++;
  const withWeekly = days >= 14;
  const withMonthly = days >= 365;
  const { lambda, weekly, monthly } = ipf(y, dayList, withWeekly, withMonthly);
  const expected = dayList.map((d) => lambda * weekly[weekdayOf(d)] * monthly[civilFromDays(d).month - 1]);

  const [lo, hi] = poissonInterval(n);
  const hourCounts = countBy(incs, (i) => i.hour, 24);
  const hourly = hourCounts.map((c) => factorOf(c, 24 / Math.max(1, n)));
  // Weekday (month) factor intervals: the level's count over its expected share at the fitted factor.
  const levelFactors = (counts: number[], fitted: number[]) => counts.map((c, k) => ({ ...factorOf(c, c > 0 ? fitted[k] / c : 0), factor: fitted[k] }));
  const wCounts = dayList.reduce((acc, d, k) => ((acc[weekdayOf(d)] += y[k]), acc), Array(7).fill(0) as number[]);
  const mCounts = dayList.reduce((acc, d, k) => ((acc[civilFromDays(d).month - 1] += y[k]), acc), Array(12).fill(0) as number[]);
  const zoneCounts = new Map<string, number>();
  for (const i of incs) if (i.zone !== null) zoneCounts.set(i.zone, (zoneCounts.get(i.zone) ?? 0) + 1);
  const allZones = [...zoneIds, ...[...zoneCounts.keys()].filter((z) => !zoneIds.includes(z)).sort()];
  const zoned = [...zoneCounts.values()].reduce((a, b) => a + b, 0);
  const zones = allZones.map((zone) => {
    const c = zoneCounts.get(zone) ?? 0;
    const [a, b] = poissonInterval(c);
    return { zone, n: c, share: zoned ? c / zoned : 0, low: zoned ? a / zoned : 0, high: zoned ? b / zoned : 0 };
  });
  return {
    type,
    n,
    days,
    ratePerDay: { value: lambda, low: (lambda * lo) / Math.max(n, 1e-300), high: n > 0 ? (lambda * hi) / n : hi / days },
    hourly,
    weekly: withWeekly ? levelFactors(wCounts, weekly) : null,
    monthly: withMonthly ? levelFactors(mCounts, monthly) : null,
    zones,
    dispersion: withWeekly ? dispersion(y, expected, 1 + (withWeekly ? 6 : 0) + (withMonthly ? 11 : 0)) : null,
    hourByWeekday: withWeekly ? independence(incs, (i) => String(i.weekday)) : null,
    hourByZone: zoneCounts.size > 1 ? independence(incs.filter((i) => i.zone !== null), (i) => i.zone!) : null,
    daily: dayList.map((d, k) => ({ day: d, n: y[k], expected: expected[k] })),
  };
}

function countBy<T>(xs: readonly T[], key: (x: T) => number, size: number): number[] {
  const out = Array(size).fill(0) as number[];
  for (const x of xs) out[key(x)]++;
  return out;
}

/** A factor of `count × scale` with the count's Garwood interval scaled alike. */
function factorOf(count: number, scale: number): Factor {
  const [a, b] = poissonInterval(count);
  return { n: count, factor: count * scale, low: a * scale, high: b * scale };
}

/**
 * Poisson log-linear MLE of daily counts y_d = λ · w[weekday(d)] · m[month(d)] by iterative proportional
 * fitting; the factors are scaled to average 1 over their 7 (12) levels, as the scenario normalises them.
 * Levels never seen in the window keep factor 1.
 */
export function ipf(y: readonly number[], dayList: readonly number[], withWeekly: boolean, withMonthly: boolean): { lambda: number; weekly: number[]; monthly: number[] } {
  const w = Array(7).fill(1) as number[];
  const m = Array(12).fill(1) as number[];
  const wd = dayList.map(weekdayOf);
  const mo = dayList.map((d) => civilFromDays(d).month - 1);
  const total = y.reduce((a, b) => a + b, 0);
  let lambda = total / dayList.length;
  const step = (f: number[], level: number[], other: (k: number) => number) => {
    const obs = Array(f.length).fill(0) as number[];
    const exp = Array(f.length).fill(0) as number[];
    const seen = Array(f.length).fill(false) as boolean[];
    level.forEach((l, k) => {
      obs[l] += y[k];
      exp[l] += lambda * other(k);
      seen[l] = true;
    });
    for (let l = 0; l < f.length; l++) if (seen[l] && exp[l] > 0) f[l] = obs[l] / exp[l];
  };
  for (let it = 0; it < 200 && total > 0; it++) {
    const before = [...w, ...m];
    if (withWeekly) step(w, wd, (k) => m[mo[k]]);
    if (withMonthly) step(m, mo, (k) => w[wd[k]]);
    // Average 1 over the levels (the scenario's normalisation); λ takes the scale.
    for (const f of [w, m]) {
      const mean = f.reduce((a, b) => a + b, 0) / f.length;
      for (let l = 0; l < f.length; l++) f[l] /= mean;
    }
    const fitted = dayList.reduce((a, _, k) => a + w[wd[k]] * m[mo[k]], 0);
    lambda = total / fitted;
    if ([...w, ...m].every((v, i) => Math.abs(v - before[i]) < 1e-12)) break;
  }
  return { lambda, weekly: w, monthly: m };
}

/** NB2 log-likelihood of counts y with means mu and shape k (Var = μ + μ²/k). */
export function nbLogLik(y: readonly number[], mu: readonly number[], k: number): number {
  let ll = 0;
  for (let d = 0; d < y.length; d++) {
    if (mu[d] <= 0) continue;
    ll += lnGamma(y[d] + k) - lnGamma(k) - lnGamma(y[d] + 1) + k * Math.log(k / (k + mu[d])) + y[d] * Math.log(mu[d] / (k + mu[d]));
  }
  return ll;
}

function poissonLogLik(y: readonly number[], mu: readonly number[]): number {
  let ll = 0;
  for (let d = 0; d < y.length; d++) if (mu[d] > 0) ll += y[d] * Math.log(mu[d]) - mu[d] - lnGamma(y[d] + 1);
  return ll;
}

/** Maximises f on [a, b] (unimodal) by golden-section search. */
function goldenMax(f: (x: number) => number, a: number, b: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 200 && b - a > 1e-10; i++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/** Overdispersion of daily counts against their fitted Poisson means (`params` fitted). */
export function dispersion(y: readonly number[], mu: readonly number[], params: number): Dispersion {
  let x2 = 0;
  for (let d = 0; d < y.length; d++) if (mu[d] > 0) x2 += (y[d] - mu[d]) ** 2 / mu[d];
  const df = Math.max(1, y.length - params);
  const pearson = { statistic: x2, df, p: chiSquareSf(x2, df), sparse: mu.some((m) => m < 1) };
  const llP = poissonLogLik(y, mu);
  // The NB likelihood in log k; k beyond 1e8 is Poisson for any count a county records.
  const lnK = goldenMax((t) => nbLogLik(y, mu, Math.exp(t)), Math.log(1e-3), Math.log(1e8));
  const k = Math.exp(lnK);
  const llNb = nbLogLik(y, mu, k);
  const lr = Math.max(0, 2 * (llNb - llP));
  const lrP = lr > 0 ? 0.5 * chiSquareSf(lr, 1) : 1;
  const model = lrP < 0.01 ? 'negative-binomial' : 'poisson';
  // Profile-likelihood interval: where 2(ℓ(k̂) − ℓ(k)) ≤ χ²₁(0.95) = 3.841.
  const inside = (t: number) => 2 * (llNb - nbLogLik(y, mu, Math.exp(t))) <= 3.841458820694124;
  const edge = (from: number, to: number) => {
    if (inside(to)) return to;
    let a = from;
    let b = to;
    for (let i = 0; i < 100; i++) {
      const c = (a + b) / 2;
      if (inside(c)) a = c;
      else b = c;
    }
    return (a + b) / 2;
  };
  const low = Math.exp(edge(lnK, Math.log(1e-3)));
  const highT = edge(lnK, Math.log(1e8));
  return { index: x2 / df, pearson, k: { value: k, low, high: highT >= Math.log(1e8) - 1e-9 ? Infinity : Math.exp(highT) }, lr, lrP, model };
}

/** Pearson χ² of independence between 4-hour blocks of the day and the levels of `level`. */
export function independence(incs: readonly ObservedIncident[], level: (i: ObservedIncident) => string): ChiSquareTest | null {
  const levels = [...new Set(incs.map(level))].sort();
  if (levels.length < 2 || incs.length === 0) return null;
  const table = levels.map(() => Array(6).fill(0) as number[]);
  for (const i of incs) table[levels.indexOf(level(i))][Math.floor(i.hour / 4)]++;
  const rows = table.map((r) => r.reduce((a, b) => a + b, 0));
  const cols = [0, 1, 2, 3, 4, 5].map((c) => table.reduce((a, r) => a + r[c], 0));
  const n = incs.length;
  let x2 = 0;
  let sparse = false;
  table.forEach((r, i) =>
    r.forEach((o, c) => {
      const e = (rows[i] * cols[c]) / n;
      if (e < 1) sparse = true;
      if (e > 0) x2 += (o - e) ** 2 / e;
    }),
  );
  const usedCols = cols.filter((c) => c > 0).length;
  const df = (levels.length - 1) * Math.max(1, usedCols - 1);
  return { statistic: x2, df, p: chiSquareSf(x2, df), sparse };
}

/**
 * The central 95% range of a day's count with mean `mu`: Poisson, or negative binomial with shape `k`
 * (summing the probability mass; counts of a county's day stay small enough).
 */
export function countRange(mu: number, k: number | null): [number, number] {
  if (!(mu > 0)) return [0, 0];
  const logPmf = (y: number) =>
    k === null
      ? y * Math.log(mu) - mu - lnGamma(y + 1)
      : lnGamma(y + k) - lnGamma(k) - lnGamma(y + 1) + k * Math.log(k / (k + mu)) + y * Math.log(mu / (k + mu));
  let cum = 0;
  let low = -1;
  for (let y = 0; y < 100000; y++) {
    cum += Math.exp(logPmf(y));
    if (low < 0 && cum >= 0.025) low = y;
    if (cum >= 0.975) return [low, y];
  }
  return [Math.max(0, low), Infinity];
}
