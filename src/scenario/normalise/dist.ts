/** Written durations and distributions in normalised form: seconds, and {@link Dist} objects. Pure. */
import type { Dist } from '../../random/distributions.ts';
import { MAX_SECONDS, parseDuration } from '../duration.ts';
import type { DistInput } from '../schema.ts';

/** Seconds in a written duration (NaN when it is not one; the schema has refused those already). */
export const secs = (d: number | string): number => parseDuration(d) ?? NaN;

/** Why `weights` cannot be drawn from (all zero, or so large their sum overflows), or `null`. */
export function weightsProblem(weights: readonly number[]): string | null {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === Infinity) return 'weights are too large: their sum is not a finite number (scale them down)';
  return total > 0 ? null : 'weights must not all be zero';
}

/** Largest ratio of a lognormal's sd to its mean: beyond it a draw can overflow to infinity. */
export const MAX_LOGNORMAL_CV = 1000;

/** A written distribution in normalised form, or the message saying what is wrong with it. */
export function normaliseDist(d: DistInput): Dist | string {
  if (typeof d === 'number' || typeof d === 'string') return { dist: 'fixed', value: secs(d) };
  switch (d.dist) {
    case 'fixed':
      return { dist: 'fixed', value: secs(d.value) };
    case 'exponential': {
      const mean = secs(d.mean);
      return mean > 0 ? { dist: 'exponential', mean } : 'mean must be positive';
    }
    case 'lognormal': {
      const mean = secs(d.mean);
      const sd = secs(d.sd);
      if (!(mean > 0)) return 'mean must be positive';
      return sd <= MAX_LOGNORMAL_CV * mean ? { dist: 'lognormal', mean, sd } : `sd must be at most ${MAX_LOGNORMAL_CV} times the mean (a wider lognormal draws numbers too large to hold); got sd ${sd} for mean ${mean}`;
    }
    case 'gamma': {
      if ((d.scale === undefined) === (d.mean === undefined)) return 'give a gamma either scale or mean (with shape)';
      const scale = d.scale !== undefined ? secs(d.scale) : secs(d.mean!) / d.shape;
      if (!(scale > 0)) return 'scale must be positive';
      if (scale === Infinity) return 'scale (mean ÷ shape) is too large to hold; give a larger shape';
      return d.shape * scale <= MAX_SECONDS ? { dist: 'gamma', shape: d.shape, scale } : `its mean (shape × scale) must be at most ${MAX_SECONDS}`;
    }
    case 'triangular': {
      const [min, mode, max] = [secs(d.min), secs(d.mode), secs(d.max)];
      return min <= mode && mode <= max ? { dist: 'triangular', min, mode, max } : 'needs min ≤ mode ≤ max';
    }
    case 'uniform': {
      const [min, max] = [secs(d.min), secs(d.max)];
      return min <= max ? { dist: 'uniform', min, max } : 'needs min ≤ max';
    }
    case 'empirical': {
      const values = d.values.map(secs);
      const weights = d.weights ?? values.map(() => 1);
      if (weights.length !== values.length) return `has ${values.length} values but ${weights.length} weights`;
      return weightsProblem(weights) ?? { dist: 'empirical', values, weights };
    }
  }
}
