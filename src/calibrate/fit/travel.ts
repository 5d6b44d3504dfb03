/**
 * Travel against the scenario's travel model. For each trip from a unit's station to the scene, the
 * ratio r = observed travel / the model's free-flow time. The model draws travel = free-flow ×
 * congestion[hour] ÷ emergencyFactor × noise, so on the log scale ln r = ln(congestion[h] ÷ ef) + ε:
 * the hourly factors are the geometric means of r in each hour (Student's t intervals on the logs;
 * hours with fewer than 10 trips take the overall factor), and the noise is lognormal with median 1
 * and the pooled within-hour sd of ln r (χ² interval). Factors by zone pair (station's zone → scene
 * zone) are the geometric means of the residuals, each tested against 1 (t test, Bonferroni over the
 * pairs): the scenario format has no per-pair factor, so the report lists the pairs that are off.
 * Trips are used only when the unit started at its station: a unit alerted before it could have
 * driven home from its previous job (at the model's non-emergency speed) is left out, and so are units
 * the scenario does not know.
 */
import type { Scenario } from '../../scenario/scenario.ts';
import { nearestZone } from '../../geo/zones.ts';
import { TravelModel, type Place } from '../../geo/travel.ts';
import { tCdf, tQuantile } from '../../metrics/stats.ts';
import type { History } from '../observations.ts';
import { chiSquareQuantile } from './special.ts';

/** A multiplicative factor (geometric mean) with its count and 95% interval. */
export interface RatioFactor {
  n: number;
  factor: number;
  low: number;
  high: number;
}

export interface TravelFit {
  trips: number;
  excluded: { unknownUnit: number; notAtStation: number; noPlace: number; zeroFreeFlow: number };
  overall: RatioFactor;
  hourly: RatioFactor[];
  /** Lognormal noise: sigma of ln noise with its interval. */
  noiseSigma: { value: number; low: number; high: number };
  /** What the scenario should say: congestion by hour (× its emergency factor) and the noise. */
  congestion: number[];
  emergencyFactor: number;
  pairs: (RatioFactor & { from: string; to: string; p: number; off: boolean })[];
  /** (free-flow s, observed s) of each trip used, for the report's scatter plot. */
  points: [number, number][];
}

function logFactor(logs: readonly number[]): RatioFactor {
  const n = logs.length;
  const m = logs.reduce((a, b) => a + b, 0) / Math.max(1, n);
  if (n < 2) return { n, factor: Math.exp(m), low: NaN, high: NaN };
  const sd = Math.sqrt(logs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1));
  const hw = tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  return { n, factor: Math.exp(m), low: Math.exp(m - hw), high: Math.exp(m + hw) };
}

/** A trip used for the fit: its hour, ln(observed ÷ free-flow), the zones it joined, both times. */
interface Trip {
  hour: number;
  logR: number;
  from: string;
  to: string;
  ff: number;
  obs: number;
}

/** The trips that started at the unit's station, and how many were left out and why. */
function collectTrips(history: History, scenario: Scenario, model: TravelModel): { trips: Trip[]; excluded: TravelFit['excluded'] } {
  const unitStation = new Map(scenario.units.map((u) => [u.id, u.station]));
  const stationPlace = new Map<string, Place>();
  const stationZone = new Map<string, string>();
  for (const s of scenario.stations) {
    stationPlace.set(s.id, model.place(s, { station: s.id }));
    stationZone.set(s.id, nearestZone(scenario.zones, s)?.id ?? '');
  }
  const zoneById = new Map(scenario.zones.map((z) => [z.id, z]));
  const excluded = { unknownUnit: 0, notAtStation: 0, noPlace: 0, zeroFreeFlow: 0 };
  // Each unit's jobs in alert order, to tell whether it could be home when alerted.
  const jobs = history.incidents.flatMap((inc) => inc.dispatches.filter((d) => d.tAlert !== null && d.unit !== null).map((d) => ({ inc, d })));
  jobs.sort((a, b) => a.d.tAlert! - b.d.tAlert!);
  const lastFree = new Map<string, { t: number; at: Place }>();
  const trips: Trip[] = [];
  for (const { inc, d } of jobs) {
    const station = unitStation.get(d.unit!);
    const z = inc.zone !== null ? zoneById.get(inc.zone) : undefined;
    const at = inc.lon !== null && inc.lat !== null ? { lon: inc.lon, lat: inc.lat } : z;
    const scene = at ? model.place(at, { zone: inc.zone ?? undefined }) : null;
    const prev = lastFree.get(d.unit!);
    if (scene && d.tClear !== null) lastFree.set(d.unit!, { t: d.tAvailable ?? d.tClear, at: scene });
    if (d.tEnroute === null || d.tArrive === null) continue;
    const home = station === undefined ? undefined : stationPlace.get(station);
    if (!home) {
      excluded.unknownUnit++;
      continue;
    }
    if (!scene) {
      excluded.noPlace++;
      continue;
    }
    if (prev && prev.t + model.tripS(prev.at, home, prev.t, false) > d.tAlert!) {
      excluded.notAtStation++;
      continue;
    }
    const ff = model.freeFlowS(home, scene);
    const obs = d.tArrive - d.tEnroute;
    if (!(ff > 0) || !(obs > 0)) {
      excluded.zeroFreeFlow++;
      continue;
    }
    const hour = Math.floor((((d.tEnroute + history.offsetS) % 86400) + 86400) % 86400 / 3600);
    trips.push({ hour, logR: Math.log(obs / ff), from: stationZone.get(station!)!, to: inc.zone ?? '', ff, obs });
  }
  return { trips, excluded };
}

/** Fits travel factors of `history` against `scenario`'s travel model; null without usable trips. */
export function fitTravel(history: History, scenario: Scenario): TravelFit | null {
  const { trips, excluded } = collectTrips(history, scenario, new TravelModel(scenario));
  if (trips.length < 2) return null;
  const overall = logFactor(trips.map((t) => t.logR));
  const hourly = Array.from({ length: 24 }, (_, h) => logFactor(trips.filter((t) => t.hour === h).map((t) => t.logR)));
  const hourLog = hourly.map((f) => Math.log(f.n >= 10 ? f.factor : overall.factor));
  const resid = trips.map((t) => t.logR - hourLog[t.hour]);
  const usedHours = hourly.filter((f) => f.n >= 10).length;
  const df = Math.max(1, trips.length - Math.max(1, usedHours));
  const sigma = Math.sqrt(resid.reduce((a, r) => a + r * r, 0) / df);
  const pairsKey = new Map<string, number[]>();
  trips.forEach((t, i) => {
    const k = `${t.from}\u0000${t.to}`;
    const xs = pairsKey.get(k);
    if (xs) xs.push(resid[i]);
    else pairsKey.set(k, [resid[i]]);
  });
  const tested = [...pairsKey.entries()].filter(([, xs]) => xs.length >= 5);
  const pairs = tested.map(([k, xs]) => {
    const [from, to] = k.split('\u0000');
    const f = logFactor(xs);
    const m = Math.log(f.factor);
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
    const tStat = sd > 0 ? m / (sd / Math.sqrt(xs.length)) : 0;
    const p = 2 * (1 - tCdf(Math.abs(tStat), xs.length - 1));
    return { ...f, from, to, p, off: p < 0.01 / tested.length };
  });
  pairs.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  const ef = scenario.travel.emergencyFactor;
  return {
    trips: trips.length,
    excluded,
    overall,
    hourly,
    noiseSigma: { value: sigma, low: sigma * Math.sqrt(df / chiSquareQuantile(0.975, df)), high: sigma * Math.sqrt(df / chiSquareQuantile(0.025, df)) },
    congestion: hourLog.map((l) => Math.exp(l) * ef),
    emergencyFactor: ef,
    pairs,
    points: trips.map((t) => [t.ff, t.obs]),
  };
}
