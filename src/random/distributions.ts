import type { Rng } from './streams.ts';
import * as dmath from './math.ts';

/**
 * A random quantity in normalised form (what the scenario loader produces). Parameters are in the
 * quantity's own unit (seconds for durations, counts for counts).
 */
export type Dist =
  | { dist: 'fixed'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'lognormal'; mean: number; sd: number }
  | { dist: 'gamma'; shape: number; scale: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: number[]; weights: number[] };

/** The mean of a distribution, exactly. */
export function distMean(d: Dist): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'exponential':
      return d.mean;
    case 'lognormal':
      return d.mean;
    case 'gamma':
      return d.shape * d.scale;
    case 'triangular':
      return (d.min + d.mode + d.max) / 3;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'empirical': {
      const w = d.weights.reduce((a, b) => a + b, 0);
      return d.values.reduce((a, v, i) => a + v * d.weights[i], 0) / w;
    }
  }
}

/** The variance of a distribution, exactly (for tests of spread and for calibration). */
export function distVariance(d: Dist): number {
  switch (d.dist) {
    case 'fixed':
      return 0;
    case 'exponential':
      return d.mean * d.mean;
    case 'lognormal':
      return d.sd * d.sd;
    case 'gamma':
      return d.shape * d.scale * d.scale;
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'empirical': {
      const m = distMean(d);
      const w = d.weights.reduce((x, y) => x + y, 0);
      return d.values.reduce((a, v, i) => a + d.weights[i] * (v - m) ** 2, 0) / w;
    }
  }
}

/** One standard normal draw (Box–Muller; uses two uniforms, keeps no cached pair). */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng(); // (0, 1]: log stays finite
  const u2 = rng();
  return Math.sqrt(-2 * dmath.log(u1)) * dmath.cos(2 * Math.PI * u2);
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the shape < 1 boost. */
export function standardGamma(shape: number, rng: Rng): number {
  if (shape < 1) return standardGamma(shape + 1, rng) * dmath.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (dmath.log(u) < 0.5 * x * x + d - d * v + d * dmath.log(v)) return d * v;
  }
}

/** Index drawn with probability proportional to `weights` (all ≥ 0, sum > 0). */
export function pickIndex(weights: readonly number[], rng: Rng, total?: number): number {
  const sum = total ?? weights.reduce((a, b) => a + b, 0);
  let u = rng() * sum;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  // Rounding can leave u ≥ 0 after the loop: return the last index with weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
  return weights.length - 1;
}

/** The underlying normal's parameters of each lognormal, worked out once (a run draws thousands). */
const normals = new WeakMap<Dist, { mean: number; sd: number; mu: number; sigma: number }>();

/** μ and σ of the normal whose exponential has the lognormal's mean and sd. */
function underlyingNormal(d: Extract<Dist, { dist: 'lognormal' }>): { mu: number; sigma: number } {
  let n = normals.get(d);
  // Worked out again if the Dist was edited since.
  if (n === undefined || n.mean !== d.mean || n.sd !== d.sd) {
    const s2 = dmath.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
    n = { mean: d.mean, sd: d.sd, mu: dmath.log(d.mean) - s2 / 2, sigma: Math.sqrt(s2) };
    normals.set(d, n);
  }
  return n;
}

/** One draw from `d`. Never negative for the duration-type parameters the schema allows. */
export function sample(d: Dist, rng: Rng): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'exponential':
      return -d.mean * dmath.log(1 - rng());
    case 'lognormal': {
      if (d.sd === 0) return d.mean;
      const n = underlyingNormal(d);
      return dmath.exp(n.mu + n.sigma * standardNormal(rng));
    }
    case 'gamma':
      return standardGamma(d.shape, rng) * d.scale;
    case 'triangular': {
      const { min, mode, max } = d;
      if (max === min) return min;
      const u = rng();
      const f = (mode - min) / (max - min);
      return u < f
        ? min + Math.sqrt(u * (max - min) * (mode - min))
        : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }
    case 'uniform':
      return d.min + (d.max - d.min) * rng();
    case 'empirical':
      return d.values[pickIndex(d.weights, rng)];
  }
}

/** A fixed value as a distribution. */
export const fixed = (value: number): Dist => ({ dist: 'fixed', value });
