/**
 * The two parametric families durations are fitted with, by maximum likelihood: the lognormal
 * (closed form: mean and variance of the logs) and the gamma (shape from ln k − ψ(k) = ln x̄ − mean ln x,
 * solved by Newton's method from Minka's 2002 starting value; scale = x̄ / k). Each family gives its
 * log-likelihood, CDF, quantile function, a sampler and the scenario-format distribution.
 */
import type { Dist } from '../../random/distributions.ts';
import { standardGamma, standardNormal } from '../../random/distributions.ts';
import type { Rng } from '../../random/streams.ts';
import { digamma, gammaCdf, gammaQuantile, lnGamma, normalCdf, normalQuantile, trigamma } from './special.ts';

export type Family = 'lognormal' | 'gamma';
export const FAMILIES: readonly Family[] = ['lognormal', 'gamma'];

/** Fitted parameters: lognormal (mu, sigma of ln x) or gamma (shape, scale in the data's unit). */
export type Params = { family: 'lognormal'; mu: number; sigma: number } | { family: 'gamma'; shape: number; scale: number };

/** Maximum-likelihood fit of `family` to positive values `xs` (at least 2, not all equal). */
export function fitFamily(family: Family, xs: readonly number[]): Params {
  const n = xs.length;
  let sumLog = 0;
  let sum = 0;
  for (const x of xs) {
    sumLog += Math.log(x);
    sum += x;
  }
  const meanLog = sumLog / n;
  if (family === 'lognormal') {
    let ss = 0;
    for (const x of xs) ss += (Math.log(x) - meanLog) ** 2;
    return { family, mu: meanLog, sigma: Math.sqrt(ss / n) };
  }
  const mean = sum / n;
  const s = Math.log(mean) - meanLog;
  const shape = gammaShape(s);
  return { family, shape, scale: mean / shape };
}

/** Solves ln k − ψ(k) = s (s > 0) for the gamma shape k: Newton's method from Minka's approximation. */
export function gammaShape(s: number): number {
  if (!(s > 0)) return 1e6; // all values equal: a spike, as sharp as a gamma gets
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let i = 0; i < 50; i++) {
    const f = Math.log(k) - digamma(k) - s;
    const df = 1 / k - trigamma(k);
    const next = k - f / df;
    const k1 = next > 0 ? next : k / 2;
    if (Math.abs(k1 - k) < 1e-12 * k) return k1;
    k = k1;
  }
  return k;
}

/** Log-likelihood of `xs` under `p`. */
export function logLik(p: Params, xs: readonly number[]): number {
  let ll = 0;
  if (p.family === 'lognormal') {
    const c = -Math.log(p.sigma) - 0.5 * Math.log(2 * Math.PI);
    for (const x of xs) {
      const z = (Math.log(x) - p.mu) / p.sigma;
      ll += c - Math.log(x) - 0.5 * z * z;
    }
    return ll;
  }
  const c = -p.shape * Math.log(p.scale) - lnGamma(p.shape);
  for (const x of xs) ll += c + (p.shape - 1) * Math.log(x) - x / p.scale;
  return ll;
}

/** P(X ≤ x). */
export function cdf(p: Params, x: number): number {
  if (x <= 0) return 0;
  return p.family === 'lognormal' ? normalCdf((Math.log(x) - p.mu) / p.sigma) : gammaCdf(x, p.shape, p.scale);
}

/** The quantile at probability q. */
export function quantile(p: Params, q: number): number {
  return p.family === 'lognormal' ? Math.exp(p.mu + p.sigma * normalQuantile(q)) : gammaQuantile(q, p.shape, p.scale);
}

/** One draw. */
export function draw(p: Params, rng: Rng): number {
  return p.family === 'lognormal' ? Math.exp(p.mu + p.sigma * standardNormal(rng)) : standardGamma(p.shape, rng) * p.scale;
}

/** Mean and standard deviation of the fitted distribution. */
export function moments(p: Params): { mean: number; sd: number } {
  if (p.family === 'lognormal') {
    const mean = Math.exp(p.mu + (p.sigma * p.sigma) / 2);
    return { mean, sd: mean * Math.sqrt(Math.expm1(p.sigma * p.sigma)) };
  }
  return { mean: p.shape * p.scale, sd: Math.sqrt(p.shape) * p.scale };
}

/** The fitted distribution in the scenario's form (lognormal by its mean and sd, as the format writes it). */
export function toDist(p: Params): Dist {
  if (p.family === 'lognormal') return { dist: 'lognormal', ...moments(p) };
  return { dist: 'gamma', shape: p.shape, scale: p.scale };
}

/** The named parameters of a fit (mu, sigma or shape, scale), for tables. */
export function namedParams(p: Params): Record<string, number> {
  return p.family === 'lognormal' ? { mu: p.mu, sigma: p.sigma } : { shape: p.shape, scale: p.scale };
}

/**
 * Asymptotic standard errors of the fit's parameters and of its mean and sd from n values: the
 * inverse Fisher information, carried to the mean and sd by the delta method.
 */
export function asymptoticSe(p: Params, n: number): Record<string, number> {
  if (p.family === 'lognormal') {
    const { mean, sd } = moments(p);
    const s2 = p.sigma * p.sigma;
    const varMu = s2 / n;
    const varSigma = s2 / (2 * n);
    const dLnSd = p.sigma + (p.sigma * Math.exp(s2)) / Math.expm1(s2);
    return {
      mu: Math.sqrt(varMu),
      sigma: Math.sqrt(varSigma),
      mean: mean * Math.sqrt(varMu + p.sigma * p.sigma * varSigma),
      sd: sd * Math.sqrt(varMu + dLnSd * dLnSd * varSigma),
    };
  }
  const { shape: k, scale: th } = p;
  const d = n * (k * trigamma(k) - 1);
  const vk = k / d;
  const vth = (th * th * trigamma(k)) / d;
  const cov = -th / d;
  return {
    shape: Math.sqrt(vk),
    scale: Math.sqrt(vth),
    mean: Math.sqrt((k * th * th) / n),
    sd: Math.sqrt(((th * th) / (4 * k)) * vk + k * vth + th * cov),
  };
}
