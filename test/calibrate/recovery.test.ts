/**
 * Calibration recovers the true parameters of the synthetic county (test/fixtures/cad/truth.yaml)
 * from its CAD export within their sampling error. Each check is |estimate − truth| ≤ z · SE with the
 * SE the fit reports (from the sample size: bootstrap or t), z Bonferroni-corrected over all checks
 * at 1%; joint profiles (hourly, weekday, zone, congestion) by χ² against the truth. A second
 * assertion on each keeps the interval narrow enough to mean something.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { calibrateFixture, truth } from './fixture.ts';
import type { Calibration } from '../../src/calibrate/calibrate.ts';
import { chiSquareSf, normalQuantile } from '../../src/calibrate/fit/special.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';

let c: Calibration;
let s: Scenario;
beforeAll(() => {
  s = truth();
  c = calibrateFixture(s);
});

const CHECKS = 40;
const Z = normalQuantile(1 - 0.01 / (2 * CHECKS));
const est = (key: string, name: string) => {
  const q = c.quantities.find((x) => x.key === key);
  if (!q) throw new Error(`no fit ${key}`);
  const e = q.fit.estimates.find((x) => x.name === name)!;
  return e;
};
function within(key: string, name: string, truthValue: number, maxRelSe = 0.1) {
  const e = est(key, name);
  expect(Math.abs(e.value - truthValue), `${key} ${name}: ${e.value} vs ${truthValue} (se ${e.se})`).toBeLessThanOrEqual(Z * e.se);
  expect(e.se / truthValue).toBeLessThan(maxRelSe);
}

describe('durations are recovered within their sampling error', () => {
  it('call handling (lognormal, mean 75 s, sd 30 s)', () => {
    within('handling/center', 'mean', 75, 0.03);
    within('handling/center', 'sd', 30);
  });

  it('dispatch delay per agency: verification + plan + channel + alerting (means 90, 90, 200 s)', () => {
    // gamma(4, mean 30) + 20 + platform 10 (phone: lognormal mean 120) + 30.
    within('dispatch/FIRE', 'mean', 90);
    within('dispatch/POLICE', 'mean', 90);
    within('dispatch/EMS', 'mean', 200);
  });

  it('turnout by agency, day and night', () => {
    within('turnout/FIRE/day', 'mean', 70);
    within('turnout/FIRE/day', 'sd', 20, 0.15);
    within('turnout/FIRE/night', 'mean', 110);
    within('turnout/FIRE/night', 'sd', 30, 0.15);
    within('turnout/EMS/day', 'mean', 50);
    within('turnout/EMS/day', 'sd', 15);
    within('turnout/EMS/night', 'mean', 80);
    within('turnout/EMS/night', 'sd', 25);
    within('turnout/POLICE/day', 'mean', 40);
    within('turnout/POLICE/day', 'sd', 40 / Math.sqrt(6));
    within('turnout/POLICE/night', 'mean', 55);
    within('turnout/POLICE/night', 'sd', 55 / Math.sqrt(6));
  });

  it('on-scene work by type and hospital handover', () => {
    within('onscene/fire', 'mean', 2400);
    within('onscene/fire', 'sd', 2400 / Math.sqrt(2));
    within('onscene/medical', 'mean', 1500);
    within('onscene/traffic', 'mean', 1800);
    within('onscene/security', 'mean', 1200);
    within('handover/H1', 'mean', 900);
    within('handover/H1', 'sd', 450);
    within('handover/H2', 'mean', 1200);
    within('handover/H2', 'sd', 400);
  });

  it('the chosen family is the true one where the sample is large and the families differ', () => {
    expect(c.quantities.find((q) => q.key === 'handling/center')!.fit.form).toBe('lognormal');
    expect(c.quantities.find((q) => q.key === 'onscene/fire')!.fit.form).toBe('gamma');
    expect(c.quantities.find((q) => q.key === 'onscene/medical')!.fit.form).toBe('lognormal');
  });

  it('transport to hospital: shares 0.7 and 0.3', () => {
    for (const [type, p] of [['medical', 0.7], ['traffic', 0.3]] as const) {
      const t = c.transport.find((x) => x.type === type)!;
      const se = Math.sqrt((p * (1 - p)) / t.attended);
      expect(Math.abs(t.share - p)).toBeLessThanOrEqual(Z * se);
      expect(t.high - t.low).toBeLessThan(0.15);
    }
  });
});

describe('demand is recovered', () => {
  const RATES: Record<string, number> = { fire: 6, medical: 14, traffic: 8, security: 10 };

  it('rates per day within their sampling error (negative binomial for medical: shape 4)', () => {
    for (const d of c.demand) {
      const lambda = RATES[d.type];
      const variance = d.type === 'medical' ? lambda * (1 + lambda / 4) : lambda;
      const se = Math.sqrt(variance / d.days);
      expect(Math.abs(d.ratePerDay.value - lambda), d.type).toBeLessThanOrEqual(Z * se);
      expect(d.ratePerDay.high - d.ratePerDay.low).toBeLessThan(0.5 * lambda);
    }
  });

  it('finds the overdispersed type, and only it; its shape interval holds the truth', () => {
    const model = Object.fromEntries(c.demand.map((d) => [d.type, d.dispersion!.model]));
    expect(model).toEqual({ fire: 'poisson', medical: 'negative-binomial', security: 'poisson', traffic: 'poisson' });
    const k = c.demand.find((d) => d.type === 'medical')!.dispersion!.k!;
    expect(k.low).toBeLessThanOrEqual(4);
    expect(k.high).toBeGreaterThanOrEqual(4);
  });

  it('hourly profiles, weekday factors and zone shares fit the truth (χ², p > 0.001)', () => {
    const chi = (obs: number[], probs: number[]) => {
      const n = obs.reduce((a, b) => a + b, 0);
      const sum = probs.reduce((a, b) => a + b, 0);
      const x2 = obs.reduce((a, o, i) => a + (o - (n * probs[i]) / sum) ** 2 / ((n * probs[i]) / sum), 0);
      return chiSquareSf(x2, obs.length - 1);
    };
    for (const d of c.demand) {
      const b = s.demand.background.find((x) => x.type === d.type)!;
      expect(chi(d.hourly.map((h) => h.n), b.profile), `${d.type} hourly`).toBeGreaterThan(0.001);
      expect(chi(d.zones.map((z) => z.n), b.zoneWeights), `${d.type} zones`).toBeGreaterThan(0.001);
      // Each weekday occurs 4 times in the four weeks; medical's day factor inflates daily counts, so it is left out.
      if (d.type !== 'medical') expect(chi(d.weekly!.map((w) => w.n), b.weekly ?? Array(7).fill(1)), `${d.type} weekly`).toBeGreaterThan(0.001);
    }
  });
});

describe('travel is recovered against the model’s free-flow times', () => {
  it('hourly congestion × the noise median, and the noise sd on the log scale', () => {
    const t = c.travel!;
    const sigma = Math.sqrt(Math.log(1 + 0.25 ** 2));
    const median = Math.exp(-(sigma * sigma) / 2);
    // Each hour's factor against congestion[h] ÷ emergencyFactor × the noise median, as z on the log scale.
    let x2 = 0;
    let df = 0;
    t.hourly.forEach((h, hour) => {
      if (h.n < 10) return;
      const se = (Math.log(h.high) - Math.log(h.low)) / (2 * 1.96);
      x2 += ((Math.log(h.factor) - Math.log((s.travel.congestion[hour] / s.travel.emergencyFactor) * median)) / se) ** 2;
      df++;
    });
    expect(df).toBeGreaterThan(20);
    expect(chiSquareSf(x2, df)).toBeGreaterThan(0.001);
    expect(t.noiseSigma.low).toBeLessThanOrEqual(sigma);
    expect(t.noiseSigma.high).toBeGreaterThanOrEqual(sigma);
    expect(t.pairs.filter((p) => p.off)).toEqual([]);
  });
});
