/** Demand fits on generated incident lists with known rates: month and weekday factors, dispersion. */
import { describe, expect, it } from 'vitest';
import { fitDemand, ipf } from '../../src/calibrate/fit/demand.ts';
import type { ObservedIncident } from '../../src/calibrate/observations.ts';
import { civilFromDays, daysFromCivil, weekdayOf } from '../../src/scenario/duration.ts';
import { stream, type Rng } from '../../src/random/streams.ts';
import { standardGamma } from '../../src/random/distributions.ts';
import { chiSquareSf } from '../../src/calibrate/fit/special.ts';

/** A Poisson draw by counting exponential gaps in one unit of time. */
function poisson(mean: number, rng: Rng): number {
  let n = 0;
  let t = -Math.log(1 - rng()) / mean;
  while (t < 1) {
    n++;
    t += -Math.log(1 - rng()) / mean;
  }
  return n;
}

const MONTHLY = [0.8, 0.8, 0.9, 1, 1, 1.1, 1.3, 1.3, 1.1, 1, 0.9, 0.8];
const WEEKLY = [1, 1, 1, 1, 1.1, 1.3, 0.6];

/** A year of incidents at `lambda` per day × month × weekday factors (× a gamma day factor of shape k). */
function year(lambda: number, k: number | null, seed: number): { incidents: ObservedIncident[]; first: number; last: number } {
  const rng = stream(seed, 'year');
  const first = daysFromCivil(2024, 1, 1);
  const last = daysFromCivil(2024, 12, 31);
  const mMean = MONTHLY.reduce((a, b) => a + b, 0) / 12;
  const wMean = WEEKLY.reduce((a, b) => a + b, 0) / 7;
  const incidents: ObservedIncident[] = [];
  for (let day = first; day <= last; day++) {
    const { month } = civilFromDays(day);
    const mu = lambda * (MONTHLY[month - 1] / mMean) * (WEEKLY[weekdayOf(day)] / wMean) * (k ? standardGamma(k, rng) / k : 1);
    const n = poisson(mu, rng);
    for (let i = 0; i < n; i++) {
      const hour = Math.floor(rng() * 24);
      incidents.push({ id: `${day}-${i}`, type: 'x', zone: rng() < 0.7 ? 'A' : 'B', grade: null, lon: null, lat: null, tCall: day * 86400 + hour * 3600, tAnswer: null, tCallEnd: null, day, hour, weekday: weekdayOf(day), month, dispatches: [] });
    }
  }
  return { incidents, first, last };
}

describe('demand over a year', () => {
  it('recovers month (seasonal) and weekday factors, and finds no overdispersion in Poisson counts', () => {
    const { incidents, first, last } = year(30, null, 1);
    const [d] = fitDemand(incidents, first, last, ['A', 'B']);
    expect(d.days).toBe(366);
    const mMean = MONTHLY.reduce((a, b) => a + b, 0) / 12;
    // Each month's factor against the truth: z on the count scale, summed as χ²(12).
    const x2 = d.monthly!.reduce((a, m, i) => {
      const truth = MONTHLY[i] / mMean;
      return a + ((m.factor - truth) / (m.factor / Math.sqrt(m.n))) ** 2;
    }, 0);
    expect(chiSquareSf(x2, 12)).toBeGreaterThan(0.001);
    const wMean = WEEKLY.reduce((a, b) => a + b, 0) / 7;
    const w2 = d.weekly!.reduce((a, w, i) => a + ((w.factor - WEEKLY[i] / wMean) / (w.factor / Math.sqrt(w.n))) ** 2, 0);
    expect(chiSquareSf(w2, 7)).toBeGreaterThan(0.001);
    // Not blind: a flat week is far off.
    const flat = d.weekly!.reduce((a, w) => a + ((w.factor - 1) / (w.factor / Math.sqrt(w.n))) ** 2, 0);
    expect(chiSquareSf(flat, 7)).toBeLessThan(1e-6);
    expect(d.ratePerDay.low).toBeLessThan(30);
    expect(d.ratePerDay.high).toBeGreaterThan(30);
    expect(d.dispersion!.model).toBe('poisson');
    expect(d.zones.map((z) => z.zone)).toEqual(['A', 'B']);
    expect(Math.abs(d.zones[0].share - 0.7)).toBeLessThan(0.02);
  });

  it('finds overdispersion where a gamma day factor drives the counts, with k in its interval', () => {
    const { incidents, first, last } = year(30, 8, 2);
    const [d] = fitDemand(incidents, first, last, []);
    expect(d.dispersion!.model).toBe('negative-binomial');
    expect(d.dispersion!.k!.low).toBeLessThan(8);
    expect(d.dispersion!.k!.high).toBeGreaterThan(8);
  });

  it('iterative proportional fitting reproduces the totals of each weekday and month', () => {
    const days = Array.from({ length: 400 }, (_, i) => daysFromCivil(2024, 1, 1) + i);
    const rng = stream(3, 'ipf');
    const y = days.map(() => Math.floor(rng() * 20));
    const { lambda, weekly, monthly } = ipf(y, days, true, true);
    for (let w = 0; w < 7; w++) {
      const idx = days.map((d, i) => (weekdayOf(d) === w ? i : -1)).filter((i) => i >= 0);
      const fitted = idx.reduce((a, i) => a + lambda * weekly[w] * monthly[civilFromDays(days[i]).month - 1], 0);
      expect(fitted).toBeCloseTo(idx.reduce((a, i) => a + y[i], 0), 6);
    }
    expect(weekly.reduce((a, b) => a + b, 0) / 7).toBeCloseTo(1, 12);
  });
});
