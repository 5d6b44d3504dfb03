/** Summary statistics of a run's records: the long-format rows of `summary.csv`. */
import { quantileSorted } from 'd3';
import type { RunRecords } from '../engine/records.ts';
import * as dmath from '../random/math.ts';
import { span } from './measures.ts';

export interface SummaryRow {
  metric: string;
  value: number;
}

/**
 * The finite values of `values`, ascending. A typed array sorts numbers natively, where an array
 * calls a comparator per pair (a busy run sorts hundreds of thousands of times per summary).
 */
export function sortedFinite(values: readonly number[]): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (const v of values) if (Number.isFinite(v)) out[n++] = v;
  return (n === out.length ? out : out.slice(0, n)).sort();
}

/** The `p`-quantile of ascending `sorted` (d3's quantileSorted, which reads only length and indices). */
export const quantileOfSorted = (sorted: Float64Array, p: number): number => quantileSorted(sorted as unknown as number[], p)!;

/** n, mean, p50, p90 of a sample (NaN-free: empty samples give n = 0 and no other rows). */
export function describe(name: string, values: number[]): SummaryRow[] {
  const xs = sortedFinite(values);
  const rows: SummaryRow[] = [{ metric: `${name}_n`, value: xs.length }];
  if (xs.length === 0) return rows;
  rows.push(
    { metric: `${name}_mean`, value: xs.reduce((a, b) => a + b, 0) / xs.length },
    { metric: `${name}_p50`, value: quantileOfSorted(xs, 0.5) },
    { metric: `${name}_p90`, value: quantileOfSorted(xs, 0.9) },
  );
  return rows;
}

/** Seconds from the center's first order to each agency of `tier` to its command receiving it. */
export function notificationLatencies(r: RunRecords, tier: number): number[] {
  return r.agencies.filter((a) => a.tier === tier && a.channel !== 'mutual_aid').map((a) => span(a.tOrdered, a.tNotified));
}

/** `to − from` where both steps happened, onto `out` (a run's many steps that never happened make no item). */
function pushSpan(out: number[], from: number | null, to: number | null): void {
  if (from !== null && to !== null) out.push(to - from);
}

/** Every summary metric of one replication, in a fixed order. */
export function summarise(r: RunRecords): SummaryRow[] {
  // One pass over each kind of record, reading fields directly: a busy run has hundreds of thousands.
  const inc = r.incidents;
  let closed = 0;
  let unreported = 0;
  let waited = 0;
  let graded = 0;
  let gradedRight = 0;
  let queued = 0;
  let lost = 0;
  let escalations = 0;
  let reported = 0;
  let posts = 0;
  let refused = 0;
  const processing: number[] = [];
  const callToArrival: number[] = [];
  const response: number[] = [];
  const fullResponse: number[] = [];
  const coordination: number[] = [];
  const report: number[] = [];
  const control: number[] = [];
  for (const i of inc) {
    if (i.tClosed !== null) closed++;
    if (i.tAnswered === null) unreported++;
    if (i.queuedRequests > 0) waited++;
    if (i.gradeInitial !== null) {
      graded++;
      if (i.gradeInitial === i.gradeTrue) gradedRight++;
    }
    queued += i.queuedRequests;
    lost += i.lostRequests;
    escalations += i.escalations;
    if (i.tReported !== null) reported++;
    if (i.tCommandPost !== null) posts++;
    refused += i.ordersRefused;
    pushSpan(processing, i.tFirstCall, i.tFirstOrder);
    pushSpan(callToArrival, i.tFirstCall, i.tFirstArrival);
    pushSpan(response, i.tOccur, i.tFirstArrival);
    pushSpan(fullResponse, i.tFirstOrder, i.tFullResponse);
    if (i.coordinationWaitS > 0) coordination.push(i.coordinationWaitS);
    pushSpan(report, i.tPlan, i.tReported);
    pushSpan(control, i.tOccur, i.tControlled);
  }
  let duplicate = 0;
  let abandoned = 0;
  const answerWait: number[] = [];
  for (const c of r.calls) {
    if (c.duplicate) duplicate++;
    if (c.abandoned) abandoned++;
    pushSpan(answerWait, c.tArrive, c.tAnswer);
  }
  let mutualAid = 0;
  const orderToAlert: number[] = [];
  const turnout: number[] = [];
  for (const d of r.dispatches) {
    if (d.mutualAid) mutualAid++;
    pushSpan(orderToAlert, d.tOrder, d.tAlert);
    pushSpan(turnout, d.tAlert, d.tEnroute);
  }
  const rows: SummaryRow[] = [
    { metric: 'incidents', value: inc.length },
    { metric: 'incidents_closed', value: closed },
    { metric: 'incidents_unreported', value: unreported },
    { metric: 'incidents_waited_for_unit', value: waited },
    { metric: 'calls', value: r.calls.length },
    { metric: 'calls_duplicate', value: duplicate },
    { metric: 'calls_abandoned', value: abandoned },
    { metric: 'abandon_rate', value: r.calls.length ? abandoned / r.calls.length : 0 },
    { metric: 'grading_correct_share', value: graded ? gradedRight / graded : 0 },
    { metric: 'dispatches', value: r.dispatches.length },
    { metric: 'mutual_aid_dispatches', value: mutualAid },
    { metric: 'requests_queued', value: queued },
    { metric: 'requests_lost', value: lost },
    ...describe('answer_wait_s', answerWait),
    ...describe('processing_s', processing),
    ...describe('call_to_arrival_s', callToArrival),
    ...describe('response_s', response),
    ...describe('full_response_s', fullResponse),
    ...describe('order_to_alert_s', orderToAlert),
    ...describe('turnout_s', turnout),
    ...describe('travel_s', r.dispatches.map((d) => d.travelS ?? NaN)),
    ...describe('unit_utilization', r.units.map((u) => u.utilization)),
    { metric: 'escalations', value: escalations },
    { metric: 'incidents_reported_upward', value: reported },
    { metric: 'command_posts', value: posts },
    { metric: 'orders_refused', value: refused },
    ...describe('coordination_wait_s', coordination),
    ...describe('report_s', report),
    ...describe('control_s', control),
    ...[1, 2, 3].flatMap((tier) => describe(`notification_tier${tier}_s`, notificationLatencies(r, tier))),
  ];
  return rows;
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; ~15 significant digits). */
export function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return dmath.log(Math.PI / dmath.sin(Math.PI * x)) - lnGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * dmath.log(2 * Math.PI) + (x + 0.5) * dmath.log(t) - t + dmath.log(a);
}

/** Regularised incomplete beta I_x(a, b) (continued fraction, as in Numerical Recipes §6.4). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = dmath.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * dmath.log(x) + b * dmath.log(1 - x));
  const cf = (xx: number, aa: number, bb: number) => {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((aa + bb) * xx) / (aa + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    let h = d;
    for (let m = 1; m <= 300; m++) {
      const m2 = 2 * m;
      let num = (m * (bb - m) * xx) / ((aa + m2 - 1) * (aa + m2));
      d = 1 + num * d;
      c = 1 + num / c;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = Math.abs(c) < tiny ? tiny : c;
      h *= d * c;
      num = (-(aa + m) * (aa + bb + m) * xx) / ((aa + m2) * (aa + m2 + 1));
      d = 1 + num * d;
      c = 1 + num / c;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = Math.abs(c) < tiny ? tiny : c;
      const del = d * c;
      h *= del;
      if (Math.abs(del - 1) < 1e-15) break;
    }
    return h;
  };
  return x < (a + 1) / (a + b + 2) ? (front * cf(x, a, b)) / a : 1 - (front * cf(1 - x, b, a)) / b;
}

/** Student's t cumulative distribution function with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Student's t quantile: the t with P(T ≤ t) = p, by bisection on the CDF (to ~1e-12). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) return NaN;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-12 * Math.max(1, hi); k++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Mean, sample sd and a two-sided confidence half-width (t-based) of independent replications. */
export function replicationInterval(xs: readonly number[], confidence = 0.95): { n: number; mean: number; sd: number; halfWidth: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1)) : NaN;
  const halfWidth = n > 1 ? tQuantile(1 - (1 - confidence) / 2, n - 1) * (sd / Math.sqrt(n)) : NaN;
  return { n, mean, sd, halfWidth };
}

/** The differences a[i] − b[i] of the pairs where both are finite numbers (a replication without the figure has none). */
export function pairedDifferences(a: readonly number[], b: readonly number[]): number[] {
  const d: number[] = [];
  for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i])) d.push(a[i] - b[i]);
  return d;
}

/**
 * Two-sided p-value of n paired differences that are all the same non-zero amount: the sign test's
 * 2^(1−n) (a t-test has no spread to stand on there and would say 0).
 */
export const sameShiftP = (n: number): number => Math.min(1, 2 ** (1 - n));

/**
 * Two-sided 95% interval of the mean difference of paired samples (a − b), by Student's t. Differences
 * all the same non-zero amount give that amount where the sign test is sure at 95% (n ≥ 6), else no
 * interval (NaN).
 */
export function pairedInterval(a: readonly number[], b: readonly number[]): { n: number; mean: number; low: number; high: number } {
  const d = pairedDifferences(a, b);
  if (d.length === 0) return { n: 0, mean: NaN, low: NaN, high: NaN };
  // Identical pairs (common random numbers on an unchanged variant) differ by nothing, with certainty.
  if (d.every((x) => x === 0)) return { n: d.length, mean: 0, low: 0, high: 0 };
  const r = replicationInterval(d);
  const hw = r.n > 1 ? (r.sd === 0 ? (sameShiftP(r.n) < 0.05 ? 0 : NaN) : r.halfWidth) : NaN;
  return { n: r.n, mean: r.mean, low: r.mean - hw, high: r.mean + hw };
}
