/**
 * The special functions the fits need, from stdlib-js (maintained, tested implementations), under
 * names that say what they compute. Parameters are shape/scale as the scenario format writes them.
 */
import gammainc from '@stdlib/math-base-special-gammainc';
import { incompleteBeta } from '../../metrics/stats.ts';
import gammaln from '@stdlib/math-base-special-gammaln';
import digammaFn from '@stdlib/math-base-special-digamma';
import trigammaFn from '@stdlib/math-base-special-trigamma';
import normCdf from '@stdlib/stats-base-dists-normal-cdf';
import normQuantile from '@stdlib/stats-base-dists-normal-quantile';
import gammaQuantileFn from '@stdlib/stats-base-dists-gamma-quantile';

/** ln Γ(x). */
export const lnGamma = (x: number): number => gammaln(x);
/** ψ(x) = d/dx ln Γ(x). */
export const digamma = (x: number): number => digammaFn(x);
/** ψ′(x). */
export const trigamma = (x: number): number => trigammaFn(x);
/** Standard normal CDF Φ(z). */
export const normalCdf = (z: number): number => normCdf(z, 0, 1);
/** Standard normal quantile Φ⁻¹(p). */
export const normalQuantile = (p: number): number => normQuantile(p, 0, 1);
/** Gamma CDF with `shape` and `scale` at x (the regularised lower incomplete gamma P(shape, x/scale)). */
export const gammaCdf = (x: number, shape: number, scale: number): number => (x <= 0 ? 0 : gammainc(x / scale, shape, true, false));
/** Gamma quantile with `shape` and `scale`. */
export const gammaQuantile = (p: number, shape: number, scale: number): number => gammaQuantileFn(p, shape, 1 / scale);
/** Upper tail P(χ²_df > x). */
export const chiSquareSf = (x: number, df: number): number => (x <= 0 ? 1 : gammainc(x / 2, df / 2, true, true));
/** Quantile of χ²_df. */
export const chiSquareQuantile = (p: number, df: number): number => gammaQuantileFn(p, df / 2, 0.5);

/**
 * Exact (Garwood 1936) two-sided interval for the mean of a Poisson count `n`, from χ² quantiles:
 * [χ²(α/2; 2n)/2, χ²(1−α/2; 2n+2)/2].
 */
export function poissonInterval(n: number, confidence = 0.95): [number, number] {
  const a = 1 - confidence;
  return [n === 0 ? 0 : chiSquareQuantile(a / 2, 2 * n) / 2, chiSquareQuantile(1 - a / 2, 2 * n + 2) / 2];
}

/** Quantile of Beta(a, b) by bisection on the regularised incomplete beta (to 1e-12). */
export function betaQuantile(p: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Exact (Clopper–Pearson 1934) two-sided interval of a binomial share k of n. */
export function binomialInterval(k: number, n: number, confidence = 0.95): [number, number] {
  const a = 1 - confidence;
  return [k === 0 ? 0 : betaQuantile(a / 2, k, n - k + 1), k === n ? 1 : betaQuantile(1 - a / 2, k + 1, n - k)];
}
