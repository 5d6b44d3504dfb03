/**
 * Fitting one duration quantity (call handling, turnout, on-scene work, …) and choosing its form.
 * The criterion, stated in the report:
 * 1. zeros: a duration of 0 fits neither family; when more than 1% of the values are 0 the
 *    empirical distribution is used, otherwise the zeros are left out of the parametric fits and counted
 *    (for turnout, zeros are units already on the road and are always left out: the model does that);
 * 2. lognormal and gamma are fitted by maximum likelihood; the one with the lower AIC (Akaike 1974;
 *    both have two parameters, so the higher likelihood) is the candidate;
 * 3. the candidate is kept unless its Anderson–Darling test rejects at 1% (p-value by parametric
 *    bootstrap); then the empirical distribution is used, since the data say neither family holds;
 * 4. fewer than 10 values: the empirical distribution, flagged as thin.
 * Intervals: 95% percentile intervals of the parametric bootstrap for a parametric form (without
 * resamples: Wald intervals from the inverse Fisher information and the delta method); for the
 * empirical form, Student's t for the mean and the χ² interval for the sd.
 */
import { quantileSorted } from 'd3';
import type { Dist } from '../../random/distributions.ts';
import { stream } from '../../random/streams.ts';
import { tQuantile } from '../../metrics/stats.ts';
import { asymptoticSe, FAMILIES, fitFamily, logLik, moments, namedParams, quantile, toDist, type Family, type Params } from './families.ts';
import { andersonDarling, bootstrapSteps, ksDistance, type Bootstrap } from './gof.ts';
import { finish, type Steps } from '../steps.ts';
import { chiSquareQuantile } from './special.ts';

/** Why the form was chosen. */
export type Choice = 'aic' | 'rejected' | 'zeros' | 'few';

/** A parameter with its standard error and 95% interval. */
export interface Estimate {
  name: string;
  value: number;
  se: number;
  low: number;
  high: number;
}

/** One candidate family's fit and its goodness of fit. */
export interface Candidate {
  family: Family;
  params: Record<string, number>;
  logLik: number;
  aic: number;
  ks: number;
  ksP: number;
  ad: number;
  adP: number;
  /** Theoretical vs observed quantiles, at most 120 points (for the QQ plot). */
  qq: [number, number][];
}

/** A fitted duration quantity. */
export interface DurationFit {
  /** Values observed (zeros included). */
  n: number;
  zeros: number;
  form: Family | 'empirical';
  choice: Choice;
  dist: Dist;
  /** mean, sd (and the family's own parameters for a parametric form), with intervals. */
  estimates: Estimate[];
  candidates: Candidate[];
  /** The observed values, sorted (for histograms and the validation). */
  sorted: number[];
}

export interface FitOptions {
  /** Bootstrap resamples for the p-values and intervals (0: none; p-values then NaN). */
  resamples: number;
  seed: number;
  /**
   * Zeros mean something else and are left out whatever their share (turnout: a unit already on the
   * road leaves at once, which the model does by itself).
   */
  dropZeros?: boolean;
  /** The values' resolution (s) when known (60 for stamps to the minute); else 1 for whole seconds, 0 for finer. */
  resolutionS?: number;
}

/** Fits a duration quantity named `key` (its bootstrap draws come from the stream of that name). */
export function fitDuration(key: string, values: readonly number[], o: FitOptions): DurationFit | null {
  return finish(fitDurationSteps(key, values, o));
}

/** {@link fitDuration}, pausing within its bootstraps (see steps.ts). */
export function* fitDurationSteps(key: string, values: readonly number[], o: FitOptions): Steps<DurationFit | null> {
  const all = values.filter((v) => Number.isFinite(v) && v >= 0).sort((a, b) => a - b);
  if (all.length === 0) return null;
  const zeros = all.filter((v) => v === 0).length;
  const pos = all.filter((v) => v > 0);
  const used = o.dropZeros ? pos : all;
  const resolution = o.resolutionS ?? (all.every((v) => Number.isInteger(v)) ? 1 : 0);
  const candidates: Candidate[] = [];
  const boots = new Map<Family, Bootstrap>();
  if (pos.length >= 10 && pos[0] < pos[pos.length - 1]) {
    for (const family of FAMILIES) {
      const p = fitFamily(family, pos);
      const ks = ksDistance(p, pos);
      const ad = andersonDarling(p, pos);
      const ll = logLik(p, pos);
      const b = o.resamples > 0 ? yield* bootstrapSteps(p, pos.length, ks, ad, resolution, o.resamples, stream(o.seed, `calibrate/${key}/${family}`)) : null;
      if (b) boots.set(family, b);
      candidates.push({ family, params: namedParams(p), logLik: ll, aic: 4 - 2 * ll, ks, ksP: b?.ksP ?? NaN, ad, adP: b?.adP ?? NaN, qq: qqPoints(p, pos) });
    }
  }
  const best = candidates.length ? candidates.reduce((a, c) => (c.aic < a.aic ? c : a)) : null;
  let choice: Choice;
  if (used.length < 10 || !best) choice = 'few';
  else if (!o.dropZeros && zeros > 0.01 * all.length) choice = 'zeros';
  // A Monte Carlo test rejects at level α when p ≤ α (exact for (B + 1)·α whole; B ≥ 99 reaches 1%).
  else if (best.adP <= 0.01) choice = 'rejected';
  else choice = 'aic';
  if (choice === 'aic' && best) {
    const p = paramsOf(best);
    const b = boots.get(best.family);
    const m = moments(p);
    const named = { ...m, ...namedParams(p) };
    // Bootstrap standard errors and percentile intervals; without resamples, asymptotic (Wald) ones.
    const wald = asymptoticSe(p, pos.length);
    const estimates = Object.entries(named).map(([name, value]) => {
      const bs = b?.params[name];
      return bs ? { name, value, se: bs.se, low: bs.low, high: bs.high } : { name, value, se: wald[name], low: value - 1.959963984540054 * wald[name], high: value + 1.959963984540054 * wald[name] };
    });
    return { n: all.length, zeros, form: best.family, choice, dist: toDist(p), estimates, candidates, sorted: all };
  }
  return { n: all.length, zeros, form: 'empirical', choice, dist: empiricalDist(used), estimates: sampleEstimates(used), candidates, sorted: all };
}

function paramsOf(c: Candidate): Params {
  return c.family === 'lognormal' ? { family: 'lognormal', mu: c.params.mu, sigma: c.params.sigma } : { family: 'gamma', shape: c.params.shape, scale: c.params.scale };
}

/** Up to 120 (theoretical, observed) quantile pairs at plotting positions (i − ½)/n. */
function qqPoints(p: Params, sorted: readonly number[]): [number, number][] {
  const n = sorted.length;
  const step = Math.max(1, Math.floor(n / 120));
  const out: [number, number][] = [];
  for (let i = 0; i < n; i += step) out.push([quantile(p, (i + 0.5) / n), sorted[i]]);
  return out;
}

/** The empirical distribution: the values themselves, or 50 equally weighted quantiles of them. */
export function empiricalDist(sorted: number[]): Dist {
  if (sorted.length <= 50) return { dist: 'empirical', values: sorted.slice(), weights: sorted.map(() => 1) };
  const values = Array.from({ length: 50 }, (_, i) => quantileSorted(sorted, (i + 0.5) / 50)!);
  return { dist: 'empirical', values, weights: values.map(() => 1) };
}

/** Sample mean (Student's t interval) and sd (χ² interval) of the values. */
export function sampleEstimates(sorted: readonly number[]): Estimate[] {
  const n = sorted.length;
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return [{ name: 'mean', value: mean, se: NaN, low: NaN, high: NaN }];
  const sd = Math.sqrt(sorted.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const se = sd / Math.sqrt(n);
  const t = tQuantile(0.975, n - 1);
  const sdLow = sd * Math.sqrt((n - 1) / chiSquareQuantile(0.975, n - 1));
  const sdHigh = sd * Math.sqrt((n - 1) / chiSquareQuantile(0.025, n - 1));
  return [
    { name: 'mean', value: mean, se, low: mean - t * se, high: mean + t * se },
    { name: 'sd', value: sd, se: sd / Math.sqrt(2 * (n - 1)), low: sdLow, high: sdHigh },
  ];
}
