import { describe, expect, it } from 'vitest';
import { dayMultiplier, nextArrival } from '../../src/engine/demand.ts';
import { stream } from '../../src/random/streams.ts';
import { civilFromDays, daysFromCivil, weekdayOf } from '../../src/scenario/duration.ts';

/** Arrival counts per local day over `days` days of a stream with a flat profile. */
function dailyCounts(ratePerDay: number, days: number, mult: ((d: number) => number) | undefined, seed: number): number[] {
  const rng = stream(seed, 'arrivals');
  const counts = Array(days).fill(0);
  let t = 0;
  for (;;) {
    t = nextArrival(t, ratePerDay / 86400, Array(24).fill(1), 0, rng, mult);
    if (t >= days * 86400) return counts;
    counts[Math.floor(t / 86400)]++;
  }
}

describe('calendar', () => {
  it('civilFromDays inverts daysFromCivil and weekdays are Monday-first', () => {
    for (const [y, m, d] of [[1970, 1, 1], [2024, 2, 29], [2026, 6, 1], [1999, 12, 31], [2100, 3, 1]]) {
      expect(civilFromDays(daysFromCivil(y, m, d))).toEqual({ year: y, month: m, day: d });
    }
    expect(weekdayOf(daysFromCivil(2024, 1, 1))).toBe(0); // a Monday
    expect(weekdayOf(daysFromCivil(2026, 5, 31))).toBe(6); // a Sunday
  });
});

describe('demand over days: weekly, monthly and random day factors', () => {
  const monday = daysFromCivil(2024, 1, 1);

  it('a day-of-week factor of 0 gives no arrivals that day, and factors scale the others', () => {
    const weekly = [2, 1, 1, 1, 1, 1, 0].map((x) => (x * 7) / 7);
    const mult = dayMultiplier({ weekly, monthly: null, dayFactor: null }, monday, stream(1, 'day'));
    const counts = dailyCounts(40, 7 * 30, mult, 3);
    const byDow = [0, 1, 2, 3, 4, 5, 6].map((k) => counts.filter((_, d) => d % 7 === k).reduce((a, b) => a + b, 0));
    expect(byDow[6]).toBe(0);
    // Monday's expected total is 2 × 40 × 30 = 2400, Tuesday's 1200: within 4 Poisson sd.
    expect(Math.abs(byDow[0] - 2400)).toBeLessThan(4 * Math.sqrt(2400));
    expect(Math.abs(byDow[1] - 1200)).toBeLessThan(4 * Math.sqrt(1200));
  });

  it('monthly factors follow the calendar month of each local day', () => {
    const monthly = [3, ...Array(11).fill(1)];
    const mult = dayMultiplier({ weekly: null, monthly, dayFactor: null }, monday, stream(1, 'day'))!;
    expect(mult(0)).toBe(3); // 1 January
    expect(mult(31)).toBe(1); // 1 February
  });

  it('a gamma day factor (mean 1, shape k) makes daily counts negative binomial: variance μ + μ²/k', () => {
    const k = 5;
    const mu = 50;
    const mult = dayMultiplier({ weekly: null, monthly: null, dayFactor: { dist: 'gamma', shape: k, scale: 1 / k } }, monday, stream(2, 'day'));
    const days = 600;
    const counts = dailyCounts(mu, days, mult, 4);
    const mean = counts.reduce((a, b) => a + b, 0) / days;
    const variance = counts.reduce((a, x) => a + (x - mean) ** 2, 0) / (days - 1);
    // Mean: sd of the mean is sqrt((μ + μ²/k) / days) ≈ 0.96.
    expect(Math.abs(mean - mu)).toBeLessThan(4 * Math.sqrt((mu + (mu * mu) / k) / days));
    // Variance 550 against Poisson's 50; its sampling sd here is about 40 (kurtosis of the gamma mixture), so ±3.7 sd.
    expect(variance).toBeGreaterThan(400);
    expect(variance).toBeLessThan(700);
    // Without the day factor the same rate is Poisson: variance ≈ mean.
    const flat = dailyCounts(mu, days, undefined, 4);
    const fm = flat.reduce((a, b) => a + b, 0) / days;
    const fv = flat.reduce((a, x) => a + (x - fm) ** 2, 0) / (days - 1);
    expect(fv / fm).toBeLessThan(1.3);
  });
});
