/**
 * Goodness of fit of a fitted family: the Kolmogorov–Smirnov distance and the Anderson–Darling
 * statistic, with p-values by parametric bootstrap (Stute, González Manteiga & Presedo Quindimil
 * 1993): the parameters were estimated from the same data, so the textbook tables (which assume
 * known parameters) would be far too lenient. Each resample is drawn from the fit, rounded to the
 * data's resolution (CAD exports keep whole seconds), refitted, and its statistics computed the same
 * way; the resamples' estimates also give the parameters' standard errors and percentile intervals.
 */
import { quantileSorted } from 'd3';
import type { Rng } from '../../random/streams.ts';
import { cdf, draw, fitFamily, moments, namedParams, type Params } from './families.ts';
import type { Steps } from '../steps.ts';

/** KS distance sup |F̂ₙ − F| of sorted positive `xs` from the fitted `p`. */
export function ksDistance(p: Params, sorted: readonly number[]): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(p, sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Anderson–Darling A² of sorted `xs` against the fitted `p` (tails weighted; Anderson & Darling 1954). */
export function andersonDarling(p: Params, sorted: readonly number[]): number {
  const n = sorted.length;
  const clamp = (f: number) => Math.min(1 - 1e-15, Math.max(1e-300, f));
  let s = 0;
  for (let i = 0; i < n; i++) {
    const lo = clamp(cdf(p, sorted[i]));
    const hi = clamp(cdf(p, sorted[n - 1 - i]));
    s += (2 * i + 1) * (Math.log(lo) + Math.log(1 - hi));
  }
  return -n - s / n;
}

/** What a parametric bootstrap of a fit gives. */
export interface Bootstrap {
  /** Resamples drawn. */
  resamples: number;
  ksP: number;
  adP: number;
  /** Per parameter (mean, sd and the family's own): the estimates' sd and 2.5% / 97.5% percentiles. */
  params: Record<string, { se: number; low: number; high: number }>;
}

/** Rounds to a multiple of `resolution` (0: no rounding). */
export const roundTo = (x: number, resolution: number) => (resolution > 0 ? Math.round(x / resolution) * resolution : x);

/**
 * Parametric bootstrap of the fit `p` of `n` positive values with statistics `ks` and `ad`:
 * `resamples` samples of n drawn from p, rounded to `resolution`, values that round to 0 dropped
 * (as the data's zeros are), refitted by maximum likelihood; it pauses every ten resamples (see steps.ts).
 */
export function* bootstrapSteps(p: Params, n: number, ks: number, ad: number, resolution: number, resamples: number, rng: Rng): Steps<Bootstrap> {
  let ksAbove = 0;
  let adAbove = 0;
  const est: Record<string, number[]> = {};
  let used = 0;
  for (let b = 0; b < resamples; b++) {
    if (b % 10 === 9) yield;
    const xs: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = roundTo(draw(p, rng), resolution);
      if (x > 0) xs.push(x);
    }
    xs.sort((a, c) => a - c);
    if (xs.length < 2 || xs[0] === xs[xs.length - 1]) continue;
    used++;
    const q = fitFamily(p.family, xs);
    if (ksDistance(q, xs) >= ks) ksAbove++;
    if (andersonDarling(q, xs) >= ad) adAbove++;
    for (const [k, v] of Object.entries({ ...moments(q), ...namedParams(q) })) (est[k] ??= []).push(v);
  }
  const params: Bootstrap['params'] = {};
  for (const [k, vs] of Object.entries(est)) {
    const m = vs.reduce((a, v) => a + v, 0) / vs.length;
    const se = Math.sqrt(vs.reduce((a, v) => a + (v - m) ** 2, 0) / Math.max(1, vs.length - 1));
    vs.sort((a, c) => a - c);
    params[k] = { se, low: quantileSorted(vs, 0.025)!, high: quantileSorted(vs, 0.975)! };
  }
  return { resamples: used, ksP: (1 + ksAbove) / (1 + used), adP: (1 + adAbove) / (1 + used), params };
}
