import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { MAX_SEED, seedsFit, stream, seedProblem, Streams } from '../../src/random/streams.ts';
import { distMean, distVariance, sample, type Dist } from '../../src/random/distributions.ts';

describe('random streams', () => {
  it('the generators give their reference values', () => {
    // seedrandom README: `seedrandom('hello.')` (ARC4) → 0.9282578795792454
    expect(seedrandom('hello.')()).toBe(0.9282578795792454);
    // Baagøe's Alea, which the streams use: seed "ii" → 0.7371923720929772, 0.9694351863581687
    // (the same values other independent implementations of the algorithm test against).
    const alea = seedrandom.alea('ii');
    expect(alea()).toBe(0.7371923720929772);
    expect(alea()).toBe(0.9694351863581687);
  });

  it('seedsFit: consecutive seeds stay at or below MAX_SEED, judged without rounding past 2^53', () => {
    expect(seedsFit(MAX_SEED, 1)).toBe(true);
    // MAX_SEED + 2 - 1 rounds back to MAX_SEED in floating point: the naive check let 2 replications share a seed.
    expect(seedsFit(MAX_SEED, 2)).toBe(false);
    expect(seedsFit(MAX_SEED - 1, 2)).toBe(true);
    expect(seedsFit(MAX_SEED - 1, 3)).toBe(false);
    expect(seedsFit(0, 0)).toBe(false);
  });

  it('a stream depends on seed and name only, and names are independent', () => {
    const a = stream(1, 'demand');
    const b = stream(1, 'demand');
    const c = stream(1, 'travel');
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    const s = new Streams(1);
    expect(s.get('demand')).toBe(s.get('demand'));
  });

  it('a lazy stream is seeded at its first draw and draws what `get` would, sharing its state', () => {
    const s = new Streams(7);
    const seeded: string[] = [];
    const get = s.get.bind(s);
    s.get = (name: string) => (seeded.push(name), get(name));
    const lazy = s.lazy('unit/', 'E1');
    expect(seeded).toEqual([]);
    const first = lazy();
    expect(seeded).toEqual(['unit/E1']);
    const ref = stream(7, 'unit/E1');
    expect(first).toBe(ref());
    // One stream, whichever way it is reached.
    expect(s.get('unit/E1')()).toBe(ref());
    expect(lazy()).toBe(ref());
  });

  it('0 is a valid seed; fractions, negatives and unsafe integers are not', () => {
    expect(seedProblem(0)).toBeNull();
    expect(stream(0, 'x')()).not.toBe(stream(1, 'x')());
    expect(seedProblem(1.5)?.en).toMatch(/integer/);
    expect(seedProblem(-1)?.en).toMatch(/between/);
    expect(seedProblem(2 ** 60)?.en).toMatch(/between/);
    expect(() => stream(-3, 'x')).toThrow(RangeError);
    expect(() => stream(-3, 'x')).toThrow(`seed must be between 0 and ${MAX_SEED}, got -3`);
  });

  it('every seed problem says it in Chinese too, with the English unchanged', () => {
    const cases: [unknown, string][] = [
      [1.5, 'seed must be an integer, got 1.5'],
      ['7', 'seed must be an integer, got 7'],
      [-1, `seed must be between 0 and ${MAX_SEED}, got -1`],
      [2 ** 60, `seed must be between 0 and ${MAX_SEED}, got ${2 ** 60}`],
    ];
    for (const [seed, en] of cases) {
      const p = seedProblem(seed)!;
      expect(p.en).toBe(en);
      expect(p.zh).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('distributions', () => {
  const n = 40_000;
  const dists: Dist[] = [
    { dist: 'exponential', mean: 90 },
    { dist: 'lognormal', mean: 120, sd: 60 },
    { dist: 'gamma', shape: 9, scale: 10 },
    { dist: 'gamma', shape: 0.5, scale: 4 },
    { dist: 'triangular', min: 10, mode: 20, max: 60 },
    { dist: 'uniform', min: 5, max: 15 },
    { dist: 'empirical', values: [1, 2, 10], weights: [1, 1, 2] },
  ];
  for (const d of dists) {
    it(`${d.dist} draws have the right mean and spread (each within 5 standard errors of ${n} draws)`, () => {
      const rng = stream(99, `${d.dist}/${JSON.stringify(d)}`);
      const xs = Array.from({ length: n }, () => sample(d, rng));
      const mean = xs.reduce((a, b) => a + b, 0) / n;
      const sq = xs.map((x) => (x - mean) ** 2);
      const variance = sq.reduce((a, b) => a + b, 0) / (n - 1);
      expect(Math.abs(mean - distMean(d))).toBeLessThan((5 * Math.sqrt(variance)) / Math.sqrt(n));
      // The sample variance's standard error, from the spread of the squared deviations themselves.
      const sdSq = Math.sqrt(sq.reduce((a, x) => a + (x - variance) ** 2, 0) / (n - 1));
      expect(Math.abs(variance - distVariance(d))).toBeLessThan((5 * sdSq) / Math.sqrt(n));
      // …and the check can tell a wrong spread apart: a variance off by a fifth fails it.
      expect(Math.abs(variance - 1.2 * distVariance(d))).toBeGreaterThan((5 * sdSq) / Math.sqrt(n));
      expect(xs.every((x) => x >= 0)).toBe(true);
    });
  }
  it('fixed is fixed', () => {
    expect(sample({ dist: 'fixed', value: 7 }, stream(1, 'f'))).toBe(7);
  });

  it('a lognormal edited in place draws with its new parameters (what is worked out once follows the edit)', () => {
    const d: Dist = { dist: 'lognormal', mean: 100, sd: 50 };
    const first = sample(d, stream(3, 'ln'));
    Object.assign(d, { mean: 200, sd: 100 });
    const second = sample(d, stream(3, 'ln'));
    // Same uniform draws, mean and sd doubled: the same σ, μ + ln 2, so exactly twice the draw.
    expect(second / first).toBeCloseTo(2, 12);
    Object.assign(d, { sd: 0 });
    expect(sample(d, stream(3, 'ln'))).toBe(200);
  });
});
