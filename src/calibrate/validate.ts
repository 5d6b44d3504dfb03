/**
 * Validation against history: the same measures taken of the observed history and of R simulated
 * replications of the same period, then each observed measure set against the replications' spread.
 *
 * Under the model, the observed history is one more replication. So for each measure (a quantile or
 * mean of response times per agency and zone class, turnout, travel, dispatch delay, call handling,
 * on-scene work; incidents per day and per hour of day; unit utilisation), the observed value o is
 * compared with the replications' mean m and sd s by Student's t prediction interval for a new
 * observation, m ± t(R−1) · s · √(1 + 1/R), and its two-sided p-value. The distance of whole
 * distributions is the Kolmogorov–Smirnov D of the observed sample from the pooled simulated one,
 * set against each replication's D from the pool of the others (one-sided). Where more than half the
 * replications share one value (a rarely used unit's utilisation of 0, a count of a scripted incident),
 * there is no spread for t: the observed value is judged by its rank among them instead, exact for one
 * more replication whatever the distribution (at best 2/(R+1)). A measure is "off" where
 * Holm's step-down procedure (Holm 1979) over every measure rejects at the family-wise level α, so
 * a correct model is called off in at most α of validations; the report says by how much.
 */
import { quantileSorted } from 'd3';
import type { Scenario } from '../scenario/scenario.ts';
import { tCdf, tQuantile } from '../metrics/stats.ts';
import type { RunRecords } from '../engine/records.ts';
import type { History } from './observations.ts';
import { buildHistory, dispatchDelays, handlingTimes } from './observations.ts';
import { rowsFromRecords } from './cad/records.ts';
import { dateOfDay } from './cad/rows.ts';

/** One measure of one history. */
export interface Measure {
  /** e.g. "response_p90", "turnout_ks". */
  metric: string;
  /** e.g. "FIRE · urban", "fire", "07". */
  group: string;
  value: number;
  /** Values behind it (for KS and the observed quantile's interval). */
  sample?: number[];
  /** Which tail a p-value looks at: KS distances only matter when larger. */
  oneSided?: boolean;
}

/** An observed measure against the replications. */
export interface Comparison {
  metric: string;
  group: string;
  observed: number;
  /** Distribution-free 95% interval of an observed quantile (order statistics), else NaN. */
  observedLow: number;
  observedHigh: number;
  n: number;
  simMean: number;
  simSd: number;
  /** 95% prediction interval of one more replication. */
  low: number;
  high: number;
  p: number;
  off: boolean;
}

export interface ValidationOptions {
  /** Family-wise error rate of the "off" calls (Holm). */
  alpha: number;
  /** Zone id → class; zones not listed are "other". Without classes, only "all". */
  zoneClasses: Record<string, string> | null;
}

const q = (sorted: readonly number[], p: number) => quantileSorted(sorted as number[], p) ?? NaN;

/** Every measure of a history of `days` days starting at local day `firstDay`. */
export function measure(h: History, scenario: Scenario, o: ValidationOptions): Measure[] {
  const out: Measure[] = [];
  const add = (metric: string, group: string, values: number[], kinds: ('p50' | 'p90' | 'mean' | 'ks')[]) => {
    const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
    if (xs.length === 0) return;
    for (const k of kinds) {
      if (k === 'ks') out.push({ metric: `${metric}_ks`, group, value: NaN, sample: xs, oneSided: true });
      else out.push({ metric: `${metric}_${k}`, group, value: k === 'mean' ? xs.reduce((a, b) => a + b, 0) / xs.length : q(xs, k === 'p50' ? 0.5 : 0.9), sample: xs });
    }
  };
  const classOf = (zone: string | null) => (o.zoneClasses ? (zone !== null ? o.zoneClasses[zone] ?? 'other' : 'other') : null);
  const agencies = scenario.agencies.map((a) => a.id);
  for (const a of agencies) {
    const resp = new Map<string, number[]>();
    const turnout: number[] = [];
    const travel: number[] = [];
    for (const i of h.incidents) {
      const mine = i.dispatches.filter((d) => d.agency === a);
      const first = Math.min(...mine.map((d) => d.tArrive ?? Infinity));
      if (Number.isFinite(first)) {
        for (const g of ['all', classOf(i.zone)]) if (g !== null) resp.set(g, [...(resp.get(g) ?? []), first - i.tCall]);
      }
      for (const d of mine) {
        if (d.tAlert !== null && d.tEnroute !== null) turnout.push(d.tEnroute - d.tAlert);
        if (d.tEnroute !== null && d.tArrive !== null) travel.push(d.tArrive - d.tEnroute);
      }
    }
    for (const [g, xs] of resp) add('response', g === 'all' ? a : `${a} · ${g}`, xs, ['p50', 'p90', 'mean', 'ks']);
    add('turnout', a, turnout, ['p50', 'p90', 'ks']);
    add('travel', a, travel, ['p50', 'p90', 'ks']);
  }
  for (const [a, xs] of dispatchDelays(h).samples) add('dispatch', a, xs, ['p50', 'p90']);
  add('handling', 'center', handlingTimes(h), ['p50', 'p90']);
  const types = scenario.incidentTypes.map((t) => t.id);
  for (const t of types) {
    const incs = h.incidents.filter((i) => i.type === t);
    out.push({ metric: 'incidents_per_day', group: t, value: incs.length / h.days });
    const work = incs.flatMap((i) => {
      const arrive = Math.min(...i.dispatches.map((d) => d.tArrive ?? Infinity));
      const clear = Math.max(...i.dispatches.filter((d) => d.tArrive !== null).map((d) => d.tClear ?? -Infinity));
      return Number.isFinite(arrive) && Number.isFinite(clear) ? [clear - arrive] : [];
    });
    add('onscene', t, work, ['mean']);
  }
  const perHour = Array(24).fill(0) as number[];
  for (const i of h.incidents) perHour[i.hour]++;
  perHour.forEach((n, hour) => out.push({ metric: 'incidents_per_hour', group: String(hour).padStart(2, '0'), value: n / h.days }));
  // Utilisation: each agency's units busy (alert → free again) within the period, over units × period.
  const periodStart = h.firstDay * 86400 - h.offsetS;
  const periodEnd = periodStart + h.days * 86400;
  for (const a of agencies) {
    const units = scenario.units.filter((u) => u.agency === a).length;
    if (units === 0) continue;
    let busy = 0;
    for (const i of h.incidents) {
      for (const d of i.dispatches) {
        if (d.agency !== a || d.tAlert === null) continue;
        const end = d.tAvailable ?? d.tClear ?? d.tArrive;
        if (end !== null) busy += Math.max(0, Math.min(end, periodEnd) - Math.max(d.tAlert, periodStart));
      }
    }
    out.push({ metric: 'utilisation', group: a, value: busy / (units * (periodEnd - periodStart)) });
  }
  return out;
}

/** KS distance between two sorted samples. */
export function ksTwoSample(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i], b[j]);
    while (i < a.length && a[i] <= x) i++;
    while (j < b.length && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

const mergeSorted = (xs: readonly (readonly number[])[]) => xs.flat().sort((a, b) => a - b);

/** Compares the observed measures with those of the replications (same keys); Holm decides what is off. */
export function compareMeasures(observed: readonly Measure[], sims: readonly (readonly Measure[])[], alpha: number): Comparison[] {
  const key = (m: Measure) => `${m.metric}\u0000${m.group}`;
  const simBy = sims.map((ms) => new Map(ms.map((m) => [key(m), m])));
  const rows: Comparison[] = [];
  for (const m of observed) {
    const k = key(m);
    const reps = simBy.map((s) => s.get(k));
    let values: number[];
    let obs = m.value;
    if (m.metric.endsWith('_ks')) {
      // D of the observed sample from the pooled replications, and of each replication from the others.
      const samples = reps.map((r) => r?.sample ?? []);
      if (samples.filter((s) => s.length > 0).length < 2 || !m.sample) continue;
      obs = ksTwoSample(m.sample, mergeSorted(samples));
      values = samples.map((s, i) => (s.length ? ksTwoSample(s, mergeSorted(samples.filter((_, j) => j !== i))) : NaN)).filter(Number.isFinite);
    } else {
      // A measure a replication lacks (no arrivals of that agency there) counts as missing, not 0.
      values = reps.map((r) => r?.value ?? NaN).filter(Number.isFinite);
    }
    if (values.length < 2 || !Number.isFinite(obs)) continue;
    const R = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / (R - 1));
    const scale = sd * Math.sqrt(1 + 1 / R);
    const tq = tQuantile(0.975, R - 1);
    let p: number;
    if (mostlyOneValue(values)) p = rankP(obs, values, m.oneSided === true);
    else {
      const t = (obs - mean) / scale;
      p = m.oneSided ? 1 - tCdf(t, R - 1) : 2 * (1 - tCdf(Math.abs(t), R - 1));
    }
    const [oLow, oHigh] = m.sample && /_p(50|90)$/.test(m.metric) ? quantileInterval(m.sample, m.metric.endsWith('p50') ? 0.5 : 0.9) : [NaN, NaN];
    // Distances, durations, counts and shares are never negative: neither is the interval.
    rows.push({ metric: m.metric, group: m.group, observed: obs, observedLow: oLow, observedHigh: oHigh, n: m.sample?.length ?? 0, simMean: mean, simSd: sd, low: Math.max(0, mean - tq * scale), high: mean + tq * scale, p, off: false });
  }
  holm(rows, alpha);
  return rows;
}

/**
 * Whether more than half the replications share one value (all equal; a rarely used unit's 0; a
 * scripted incident's count): no spread a t interval could stand on, which would call anything else off.
 */
function mostlyOneValue(values: readonly number[]): boolean {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Math.max(...counts.values()) * 2 > values.length;
}

/**
 * p-value of `obs` by its rank among R replications (exact for one more replication, whatever the
 * distribution): (1 + those at least as far out) / (R + 1), doubled for two sides, at most 1.
 */
function rankP(obs: number, values: readonly number[], oneSided: boolean): number {
  const above = values.filter((v) => v >= obs).length;
  const below = values.filter((v) => v <= obs).length;
  const R = values.length;
  return oneSided ? (1 + above) / (R + 1) : Math.min(1, (2 * (1 + Math.min(above, below))) / (R + 1));
}

/** Marks `off` by Holm's step-down procedure at family-wise level `alpha`. */
export function holm(rows: Comparison[], alpha: number): void {
  const order = rows.map((r, i) => i).sort((a, b) => rows[a].p - rows[b].p);
  for (let k = 0; k < order.length; k++) {
    if (rows[order[k]].p > alpha / (order.length - k)) break;
    rows[order[k]].off = true;
  }
}

/**
 * Distribution-free 95% interval of the p-quantile of a sorted sample: the order statistics at
 * n·p ∓ 1.96 √(n p (1 − p)) (normal approximation to the binomial count below the quantile).
 */
export function quantileInterval(sorted: readonly number[], p: number): [number, number] {
  const n = sorted.length;
  const half = 1.959963984540054 * Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(n * p - half));
  const hi = Math.min(n - 1, Math.ceil(n * p + half));
  return [sorted[lo], sorted[hi]];
}

/** A validation's result, as the report and CSV show it. */
export interface Validation {
  source: { name: string; kind: 'cad' | 'run'; rows: number; dropped: number };
  scenario: { name: string; title: string };
  firstDay: number;
  lastDay: number;
  days: number;
  seeds: number[];
  alpha: number;
  zoneClasses: boolean;
  observedIncidents: number;
  simulatedIncidents: number[];
  comparisons: Comparison[];
}

/**
 * The observed history against the replications' records (each a run of `scenario` over the same
 * period, starting at absolute second `startAbs`).
 */
export function validate(observed: History, sims: readonly RunRecords[], scenario: Scenario, startAbs: number, seeds: number[], source: Validation['source'], o: ValidationOptions): Validation {
  const simHistories = sims.map((r) => buildHistory(rowsFromRecords(r, startAbs), observed.offsetS));
  const obs = measure(observed, scenario, o);
  const simMeasures = simHistories.map((h) => measure({ ...h, firstDay: observed.firstDay, lastDay: observed.lastDay, days: observed.days }, scenario, o));
  return {
    source,
    scenario: { name: scenario.name, title: scenario.title },
    firstDay: observed.firstDay,
    lastDay: observed.lastDay,
    days: observed.days,
    seeds,
    alpha: o.alpha,
    zoneClasses: o.zoneClasses !== null,
    observedIncidents: observed.incidents.length,
    simulatedIncidents: simHistories.map((h) => h.incidents.length),
    comparisons: compareMeasures(obs, simMeasures, o.alpha),
  };
}

/** The scenario as written, moved to run over the history's whole local days. */
export function overPeriod(raw: Record<string, unknown>, firstDay: number, days: number, offsetS: number): Record<string, unknown> {
  const sign = offsetS < 0 ? '-' : '+';
  const a = Math.abs(offsetS);
  const offset = `${sign}${String(Math.floor(a / 3600)).padStart(2, '0')}:${String(Math.floor((a % 3600) / 60)).padStart(2, '0')}`;
  return { ...raw, start: `${dateOfDay(firstDay)}T00:00:00${offset}`, duration: days * 86400 };
}
