import { describe, expect, it } from 'vitest';
import { fitFamily, gammaShape, logLik, moments, type Params } from '../../src/calibrate/fit/families.ts';
import { andersonDarling, ksDistance } from '../../src/calibrate/fit/gof.ts';
import { fitDuration } from '../../src/calibrate/fit/duration.ts';
import { binomialInterval, poissonInterval } from '../../src/calibrate/fit/special.ts';
import { digamma } from '../../src/calibrate/fit/special.ts';
import { stream } from '../../src/random/streams.ts';
import { standardGamma, standardNormal } from '../../src/random/distributions.ts';

describe('families and their statistics', () => {
  it('the gamma shape solves ln k − ψ(k) = s', () => {
    for (const k of [0.3, 1, 2.5, 40]) expect(gammaShape(Math.log(k) - digamma(k))).toBeCloseTo(k, 8);
  });

  it('maximum likelihood maximises the likelihood (a nudge of either parameter lowers it)', () => {
    const rng = stream(5, 'x');
    const xs = Array.from({ length: 500 }, () => standardGamma(3, rng) * 20);
    for (const family of ['lognormal', 'gamma'] as const) {
      const p = fitFamily(family, xs);
      const ll = logLik(p, xs);
      const nudged: Params[] = p.family === 'lognormal' ? [{ ...p, mu: p.mu * 1.01 }, { ...p, sigma: p.sigma * 1.01 }] : [{ ...p, shape: p.shape * 1.01 }, { ...p, scale: p.scale * 1.01 }];
      for (const q of nudged) expect(logLik(q, xs)).toBeLessThan(ll);
    }
    // The gamma MLE's mean is the sample mean, exactly.
    expect(moments(fitFamily('gamma', xs)).mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 9);
  });

  it('KS and Anderson–Darling match hand-worked values (standard exponential, four points)', () => {
    const xs = [0.2, 0.5, 1.1, 2.3];
    const exp1 = { family: 'gamma' as const, shape: 1, scale: 1 };
    expect(ksDistance(exp1, xs)).toBeCloseTo(0.18126924692201818, 12);
    expect(andersonDarling(exp1, xs)).toBeCloseTo(0.19235629685886657, 10);
  });

  it('exact intervals: Garwood for counts, Clopper–Pearson for shares (published values)', () => {
    // Garwood 95% for 10 events: 4.795 – 18.390; Clopper–Pearson 95% for 3 of 10: 0.0667 – 0.6525.
    const [a, b] = poissonInterval(10);
    expect([a, b].map((x) => Number(x.toFixed(3)))).toEqual([4.795, 18.39]);
    const [c, d] = binomialInterval(3, 10);
    expect([c, d].map((x) => Number(x.toFixed(4)))).toEqual([0.0667, 0.6525]);
  });
});

describe('choosing a duration’s form', () => {
  const opts = { resamples: 99, seed: 3 };

  it('keeps the family the data come from, with an interval that holds the true mean', () => {
    const rng = stream(7, 'ln');
    const xs = Array.from({ length: 400 }, () => Math.round(Math.exp(4 + 0.5 * standardNormal(rng))));
    const f = fitDuration('t', xs, opts)!;
    expect(f.form).toBe('lognormal');
    expect(f.choice).toBe('aic');
    const mean = f.estimates.find((e) => e.name === 'mean')!;
    const truth = Math.exp(4 + 0.125);
    expect(mean.low).toBeLessThan(truth);
    expect(mean.high).toBeGreaterThan(truth);
  });

  it('falls back to the empirical distribution when Anderson–Darling rejects both families', () => {
    const rng = stream(8, 'mix');
    // Two well-separated modes: neither a lognormal nor a gamma.
    const xs = Array.from({ length: 600 }, () => Math.round(rng() < 0.5 ? 30 + 3 * standardNormal(rng) : 300 + 20 * standardNormal(rng)));
    const f = fitDuration('m', xs, opts)!;
    expect(f.choice).toBe('rejected');
    expect(f.form).toBe('empirical');
    expect(f.candidates.every((k) => k.adP <= 0.01)).toBe(true);
    expect(f.dist.dist).toBe('empirical');
  });

  it('zeros: over 1% makes the form empirical; for turnout they are left out and counted', () => {
    const rng = stream(9, 'z');
    const xs = [...Array.from({ length: 300 }, () => Math.round(standardGamma(6, rng) * 10)), ...Array(15).fill(0)];
    expect(fitDuration('z', xs, opts)!.choice).toBe('zeros');
    const t = fitDuration('z', xs, { ...opts, dropZeros: true })!;
    expect(t.form).not.toBe('empirical');
    expect(t.zeros).toBe(15);
  });

  it('too few values: empirical, flagged', () => {
    const f = fitDuration('few', [10, 20, 30], opts)!;
    expect([f.form, f.choice]).toEqual(['empirical', 'few']);
    expect(fitDuration('none', [], opts)).toBeNull();
  });
});

describe('asymptotic standard errors', () => {
  it('agree with the spread of estimates over many samples (lognormal and gamma)', async () => {
    const { asymptoticSe } = await import('../../src/calibrate/fit/families.ts');
    const rng = stream(11, 'se');
    for (const family of ['lognormal', 'gamma'] as const) {
      const draw = () => (family === 'lognormal' ? Math.exp(3 + 0.6 * standardNormal(rng)) : standardGamma(2.5, rng) * 30);
      const n = 200;
      const est: Record<string, number[]> = { mean: [], sd: [] };
      for (let k = 0; k < 400; k++) {
        const m = moments(fitFamily(family, Array.from({ length: n }, draw)));
        est.mean.push(m.mean);
        est.sd.push(m.sd);
      }
      const p = fitFamily(family, Array.from({ length: 20000 }, draw));
      const se = asymptoticSe(p, n);
      for (const k of ['mean', 'sd']) {
        const xs = est[k];
        const mu = xs.reduce((a, b) => a + b, 0) / xs.length;
        const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mu) ** 2, 0) / (xs.length - 1));
        // The sd of 400 estimates is itself known to about ±3.5% (1/√(2·399)); allow 4 of those plus the O(1/n) bias.
        expect(Math.abs(sd / se[k] - 1), `${family} ${k}`).toBeLessThan(0.2);
      }
    }
  });
});
