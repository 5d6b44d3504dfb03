/** Written durations and distributions in normalised form: seconds, and {@link Dist} objects. Pure. */
import type { Dist } from '../../random/distributions.ts';
import { MAX_SECONDS, parseDuration } from '../duration.ts';
import type { DistInput } from '../schema.ts';
import type { Words } from '../errors.ts';

/** Seconds in a written duration (NaN when it is not one; the schema has refused those already). */
export const secs = (d: number | string): number => parseDuration(d) ?? NaN;

/** Weights that are all zero (callers that say it their own way compare against this very object). */
export const WEIGHTS_ALL_ZERO: Words = { zh: '权重不能全为零', en: 'weights must not all be zero' };

/** Why `weights` cannot be drawn from (all zero: {@link WEIGHTS_ALL_ZERO}, or so large their sum overflows), or `null`. */
export function weightsProblem(weights: readonly number[]): Words | null {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === Infinity) return { zh: '权重过大：其总和不是有限数（请按比例缩小）', en: 'weights are too large: their sum is not a finite number (scale them down)' };
  return total > 0 ? null : WEIGHTS_ALL_ZERO;
}

const MEAN_POSITIVE: Words = { zh: 'mean（均值）必须大于 0', en: 'mean must be positive' };

/** Largest ratio of a lognormal's sd to its mean: beyond it a draw can overflow to infinity. */
export const MAX_LOGNORMAL_CV = 1000;

/** A written distribution in normalised form, or what is wrong with it in both languages (`'en' in r`). */
export function normaliseDist(d: DistInput): Dist | Words {
  if (typeof d === 'number' || typeof d === 'string') return { dist: 'fixed', value: secs(d) };
  switch (d.dist) {
    case 'fixed':
      return { dist: 'fixed', value: secs(d.value) };
    case 'exponential': {
      const mean = secs(d.mean);
      return mean > 0 ? { dist: 'exponential', mean } : MEAN_POSITIVE;
    }
    case 'lognormal': {
      const mean = secs(d.mean);
      const sd = secs(d.sd);
      if (!(mean > 0)) return MEAN_POSITIVE;
      if (sd <= MAX_LOGNORMAL_CV * mean) return { dist: 'lognormal', mean, sd };
      return {
        zh: `sd（标准差）不得超过均值的 ${MAX_LOGNORMAL_CV} 倍（更宽的对数正态分布会抽出大得无法表示的数）；实际 sd 为 ${sd}，均值为 ${mean}`,
        en: `sd must be at most ${MAX_LOGNORMAL_CV} times the mean (a wider lognormal draws numbers too large to hold); got sd ${sd} for mean ${mean}`,
      };
    }
    case 'gamma': {
      if ((d.scale === undefined) === (d.mean === undefined)) return { zh: 'gamma 分布须给出 scale 或 mean 之一（连同 shape）', en: 'give a gamma either scale or mean (with shape)' };
      const scale = d.scale !== undefined ? secs(d.scale) : secs(d.mean!) / d.shape;
      if (!(scale > 0)) return { zh: 'scale 必须大于 0', en: 'scale must be positive' };
      if (scale === Infinity) return { zh: 'scale（mean ÷ shape）大得无法表示；请给更大的 shape', en: 'scale (mean ÷ shape) is too large to hold; give a larger shape' };
      if (d.shape * scale <= MAX_SECONDS) return { dist: 'gamma', shape: d.shape, scale };
      return { zh: `其均值（shape × scale）不得超过 ${MAX_SECONDS}`, en: `its mean (shape × scale) must be at most ${MAX_SECONDS}` };
    }
    case 'triangular': {
      const [min, mode, max] = [secs(d.min), secs(d.mode), secs(d.max)];
      return min <= mode && mode <= max ? { dist: 'triangular', min, mode, max } : { zh: '需要 min ≤ mode ≤ max', en: 'needs min ≤ mode ≤ max' };
    }
    case 'uniform': {
      const [min, max] = [secs(d.min), secs(d.max)];
      return min <= max ? { dist: 'uniform', min, max } : { zh: '需要 min ≤ max', en: 'needs min ≤ max' };
    }
    case 'empirical': {
      const values = d.values.map(secs);
      const weights = d.weights ?? values.map(() => 1);
      if (weights.length !== values.length) return { zh: `有 ${values.length} 个取值（values），却有 ${weights.length} 个权重（weights）`, en: `has ${values.length} values but ${weights.length} weights` };
      return weightsProblem(weights) ?? { dist: 'empirical', values, weights };
    }
  }
}
