/** Written durations and distributions in normalised form: seconds, and {@link Dist} objects. Pure. */
import type { Dist } from '../../random/distributions.ts';
import { parseDuration } from '../duration.ts';
import type { DistInput } from '../schema.ts';

/** Seconds in a written duration (NaN when it is not one; the schema has refused those already). */
export const secs = (d: number | string): number => parseDuration(d) ?? NaN;

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
      return mean > 0 ? { dist: 'lognormal', mean, sd: secs(d.sd) } : 'mean must be positive';
    }
    case 'gamma': {
      if ((d.scale === undefined) === (d.mean === undefined)) return 'give a gamma either scale or mean (with shape)';
      const scale = d.scale !== undefined ? secs(d.scale) : secs(d.mean!) / d.shape;
      return scale > 0 ? { dist: 'gamma', shape: d.shape, scale } : 'scale must be positive';
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
      if (!(weights.reduce((a, b) => a + b, 0) > 0)) return 'weights must not all be zero';
      return { dist: 'empirical', values, weights };
    }
  }
}
