/**
 * The linkage score: how well the linkage worked in a run, 0–100, from six sub-scores made of
 * indicators, each with a target and the source of that target. An indicator scores 100 at or under
 * its target and falls linearly to 0 at its zero point (twice the target unless it says otherwise);
 * over incidents (or other items) and replications it is taken at the 90th percentile unless it
 * says otherwise. Pure: records in, numbers out. Defaults are overridable per scenario (`scoring:`).
 */
import { quantileOfSorted } from './stats.ts';
import type { RunRecords } from '../engine/records.ts';
import { defaultRubric, measure } from './indicators.ts';
import { IndicatorTally, type Misses } from './tally.ts';
import { SCORE_GROUPS, type ReportLimits, type ScoringOverrides } from '../scenario/scoring.ts';
import { SOURCES, type Source } from './sources.ts';
import { reportLimits } from './reporting.ts';

export type { Source };

export const GROUPS = SCORE_GROUPS;
export type Group = (typeof GROUPS)[number];

/** How an indicator's items are summed up: a percentile, or the mean (a share, for 0/1 items). */
export type Aggregate = { kind: 'percentile'; p: number } | { kind: 'mean' };

/** One measured item behind an indicator, with what a finding needs to point at it. */
export interface Sample {
  value: number;
  rep: number;
  incident?: string;
  agency?: string;
  unit?: string;
  /** Simulation time (s) the item refers to. */
  t?: number;
  /** A short extra fact (e.g. the channel of an order). */
  note?: string;
}

/** Facts about the run that records alone do not carry. */
export interface ScoreContext {
  durationS: number;
  /** Agency id → kind and tier. */
  agencies: Record<string, { kind: string; tier: number }>;
}

/** The facts a score needs from a scenario (or from a run folder's `run.json`). */
export function scoreContext(scenario: { durationS: number; agencies: readonly { id: string; kind: string; tier: number }[] }): ScoreContext {
  // Agency ids are the user's words: a null-prototype record, so `constructor` is an id like any other.
  const agencies = Object.create(null) as ScoreContext['agencies'];
  for (const a of scenario.agencies) agencies[a.id] = { kind: a.kind, tier: a.tier };
  return { durationS: scenario.durationS, agencies };
}

export interface IndicatorSpec {
  id: string;
  group: Group;
  name: { zh: string; en: string };
  /** `s` seconds, `share` (0–1), or `ratio` (a time over its limit: 1 = exactly at the limit). */
  unit: 's' | 'share' | 'ratio';
  target: number;
  /** Value at which the score reaches 0 (default: target × the rubric's zeroAtMultiple). */
  zeroAt?: number;
  aggregate: Aggregate;
  weight: number;
  /** Missing it (score 0) forces the rating to U. */
  critical: boolean;
  /** Where the target comes from (for a changed target: the default's source, see `changed`). */
  source: Source;
  /** The scenario changed the target, zero point or percentile: the target is then the plan's own. */
  changed?: boolean;
  /** What one item is, for findings: "incidents", "orders", … */
  items: { zh: string; en: string };
}

export interface Rubric {
  /** Sub-score weights (their sum need not be 100). */
  groups: Record<Group, number>;
  indicators: IndicatorSpec[];
  zeroAtMultiple: number;
  /** Which agency kinds count as fire and as EMS for the NFPA indicators. */
  kinds: { fire: string[]; ems: string[] };
  /** Incident types that are fire suppression incidents (B4–B7). */
  fireIncidents: string[];
  /** Call channels of the 120 line (A2). */
  emsChannels: string[];
  /** Report time limits by grade and stage (E1), the profile's name and its source. */
  reporting: { name: string; limits: ReportLimits; source: Source };
}

/** The default rubric with a scenario's changes applied (the loader has checked them). */
export function resolveRubric(o: ScoringOverrides = {}): Rubric {
  const r = defaultRubric();
  if (o.groups) for (const g of GROUPS) if (o.groups[g] !== undefined) r.groups[g] = o.groups[g]!;
  if (o.zeroAtMultiple !== undefined) r.zeroAtMultiple = o.zeroAtMultiple;
  if (o.kinds?.fire) r.kinds.fire = o.kinds.fire.slice();
  if (o.kinds?.ems) r.kinds.ems = o.kinds.ems.slice();
  if (o.fireIncidents) r.fireIncidents = o.fireIncidents.slice();
  if (o.emsChannels) r.emsChannels = o.emsChannels.slice();
  r.reporting = reportLimits(o.reporting, SOURCES.plan);
  for (const spec of r.indicators) {
    if (spec.id === 'E1') spec.source = r.reporting.source;
    const x = o.indicators?.[spec.id];
    if (!x) continue;
    if (x.target !== undefined || x.zeroAt !== undefined || x.percentile !== undefined) spec.changed = true;
    if (x.target !== undefined) spec.target = x.target;
    if (x.zeroAt !== undefined) spec.zeroAt = x.zeroAt;
    else if (x.target !== undefined && spec.zeroAt !== undefined && spec.zeroAt <= x.target) spec.zeroAt = undefined;
    if (x.weight !== undefined) spec.weight = x.weight;
    if (x.percentile !== undefined) spec.aggregate = { kind: 'percentile', p: x.percentile / 100 };
    if (x.critical !== undefined) spec.critical = x.critical;
  }
  return r;
}

/** The aggregate of `values` (NaN when there are none); `sorted` gives them ascending, where they are at hand sorted. */
export function aggregate(values: readonly number[], how: Aggregate, sorted: () => Float64Array = () => Float64Array.from(values).sort()): number {
  if (values.length === 0) return NaN;
  if (how.kind === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
  // Sorted natively (see stats.ts sortedFinite).
  return quantileOfSorted(sorted(), how.p);
}

/** 100 at or under `target`, 0 at or over `zeroAt`, linear between. */
export function indicatorScore(value: number, target: number, zeroAt: number): number {
  if (!Number.isFinite(value)) return NaN;
  if (value <= target) return 100;
  if (value >= zeroAt) return 0;
  return (100 * (zeroAt - value)) / (zeroAt - target);
}

export interface IndicatorResult {
  spec: IndicatorSpec;
  zeroAt: number;
  n: number;
  value: number | null;
  score: number | null;
  /** Every item's value (for the charts), in replication order. */
  values: readonly number[];
  /** The items over target, summed up for findings. */
  misses: Misses;
}

/**
 * Score points each indicator costs the total: (100 − its score) × its share of its group's weight ×
 * its group's share of the weights present. Met targets and indicators without data cost 0; the
 * points lost add up to 100 − the total.
 */
export function pointsLost(result: Pick<ScoreResult, 'indicators' | 'groups'>, rubric: Pick<Rubric, 'groups'>): Map<string, number> {
  const present = GROUPS.filter((g) => result.groups[g] !== null && rubric.groups[g] > 0);
  const gsum = present.reduce((a, g) => a + rubric.groups[g], 0);
  const out = new Map<string, number>();
  for (const r of result.indicators) {
    const inGroup = result.indicators.filter((x) => x.spec.group === r.spec.group && x.score !== null && x.spec.weight > 0);
    const wsum = inGroup.reduce((a, x) => a + x.spec.weight, 0);
    const counted = r.score !== null && r.spec.weight > 0 && present.includes(r.spec.group) && gsum > 0 && wsum > 0;
    out.set(r.spec.id, counted ? ((100 - r.score!) * (r.spec.weight / wsum) * rubric.groups[r.spec.group]) / gsum : 0);
  }
  return out;
}

export interface ScoreResult {
  indicators: IndicatorResult[];
  groups: Record<Group, number | null>;
  score: number | null;
  rating: 'P' | 'S' | 'M' | 'U' | null;
  /** Critical indicators that scored 0. */
  criticalMissed: string[];
}

/**
 * The suggested rating: P ≥ 90, S ≥ 70, M ≥ 50, else U; a missed critical task forces U. The
 * letters are HSEEP's (performed without / with some / with major challenges, unable); the cut-offs
 * are this project's convention — exercise evaluation guides leave the rating to the evaluators.
 */
export function rating(score: number, criticalMissed: boolean): 'P' | 'S' | 'M' | 'U' {
  if (criticalMissed) return 'U';
  return score >= 90 ? 'P' : score >= 70 ? 'S' : score >= 50 ? 'M' : 'U';
}

/** Scores one or more replications together (their items pooled). */
export function scoreRuns(runs: readonly { rep: number; records: RunRecords }[], ctx: ScoreContext, rubric: Rubric = defaultRubric()): ScoreResult {
  const pooled = new ScoreAccumulator(ctx, rubric);
  for (const r of runs) pooled.add(r.rep, r.records);
  return pooled.result();
}

/**
 * A score pooled over replications added one at a time, so a run need not hold every replication's
 * records: each is measured once, on arrival, into a tally per indicator, and only the tallies'
 * values and misses are kept. A single replication is its own pool (its values neither copied nor
 * sorted again); from the second on, each replication's tallies are added to the pool's. Adding in
 * rep order gives exactly {@link scoreRuns} over the same replications.
 */
export class ScoreAccumulator {
  /** Per indicator: the first replication's tally while it is the only one, then the pool's. */
  private readonly pools: { tally: IndicatorTally; own: boolean }[] = [];

  constructor(
    readonly ctx: ScoreContext,
    readonly rubric: Rubric = defaultRubric(),
  ) {}

  /** Adds one replication's items to the pool; returns its own tallies. */
  add(rep: number, records: RunRecords): IndicatorTally[] {
    const first = this.pools.length === 0;
    return this.rubric.indicators.map((spec, k) => {
      const t = new IndicatorTally(spec.target);
      t.add(measure(spec.id, { r: records, rep, ctx: this.ctx, rubric: this.rubric }));
      if (first) this.pools[k] = { tally: t, own: false };
      else {
        const pool = this.pools[k];
        if (!pool.own) {
          const whole = new IndicatorTally(spec.target);
          whole.absorb(pool.tally);
          this.pools[k] = { tally: whole, own: true };
        }
        this.pools[k].tally.absorb(t);
      }
      return t;
    });
  }

  /** Adds one replication's items to the pool and returns that replication's own score (the same as `scoreRuns` of it alone). */
  addAndScore(rep: number, records: RunRecords): ScoreResult {
    return scoreFromTallies(this.add(rep, records), this.rubric);
  }

  /** The pooled score of everything added so far. */
  result(): ScoreResult {
    return scoreFromTallies(
      this.rubric.indicators.map((spec, k) => this.pools[k]?.tally ?? new IndicatorTally(spec.target)),
      this.rubric,
    );
  }
}

/** Indicator scores, sub-scores, the total and the rating from each indicator's tally. */
function scoreFromTallies(tallies: readonly IndicatorTally[], rubric: Rubric): ScoreResult {
  const indicators: IndicatorResult[] = rubric.indicators.map((spec, k) => {
    const t = tallies[k];
    const zeroAt = spec.zeroAt ?? spec.target * rubric.zeroAtMultiple;
    const value = aggregate(t.values, spec.aggregate, () => t.sorted());
    const score = indicatorScore(value, spec.target, zeroAt);
    return { spec, zeroAt, n: t.values.length, value: Number.isFinite(value) ? value : null, score: Number.isFinite(score) ? score : null, values: t.values, misses: t.misses };
  });
  const groups = {} as Record<Group, number | null>;
  for (const g of GROUPS) {
    const xs = indicators.filter((i) => i.spec.group === g && i.score !== null && i.spec.weight > 0);
    const w = xs.reduce((a, i) => a + i.spec.weight, 0);
    groups[g] = w > 0 ? xs.reduce((a, i) => a + i.spec.weight * i.score!, 0) / w : null;
  }
  const present = GROUPS.filter((g) => groups[g] !== null && rubric.groups[g] > 0);
  const wsum = present.reduce((a, g) => a + rubric.groups[g], 0);
  const score = wsum > 0 ? present.reduce((a, g) => a + rubric.groups[g] * groups[g]!, 0) / wsum : null;
  const criticalMissed = indicators.filter((i) => i.spec.critical && i.score === 0).map((i) => i.spec.id);
  return { indicators, groups, score, rating: score === null ? null : rating(score, criticalMissed.length > 0), criticalMissed };
}
