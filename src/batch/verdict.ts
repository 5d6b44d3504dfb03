/**
 * Reading a comparison: which differences from the baseline are real and large enough to matter.
 * Real — a paired t-test per KPI, adjusted for testing many KPIs at once by Holm's step-down method
 * (family: one variant's KPIs against the baseline). Large enough — each KPI carries a minimum
 * difference that matters (practical significance), with defaults per unit of measure. Then one
 * verdict per variant: "better on 5 KPIs, worse on 1; score +2.1 ± 0.8", or plainly no change. Pure.
 */
import { HIGHER_IS_BETTER, KPI_COLUMNS, type Kpi } from '../metrics/kpis.ts';

/** Unit of measure of a KPI: seconds, score points, a share (0–1), or a count per run. */
export type KpiUnit = 's' | 'points' | 'share' | 'count';

export const KPI_UNIT: Record<Kpi, KpiUnit> = Object.fromEntries(
  KPI_COLUMNS.map((k) => [k, k.startsWith('score') ? 'points' : /_s_|_s$/.test(k) ? 's' : k === 'abandon_rate' || k === 'unit_utilization_mean' ? 'share' : 'count']),
) as Record<Kpi, KpiUnit>;

/**
 * Smallest difference that matters, per unit: 10 s of time (well under a turnout target of 60–80 s),
 * 1 score point, 1 percentage point of a share, 1 of a count per day.
 */
export const MIN_DIFF_BY_UNIT: Record<KpiUnit, number> = { s: 10, points: 1, share: 0.01, count: 1 };

/** The minimum difference that matters for each KPI (defaults by unit, then the overrides). */
export function minDifferences(overrides: Partial<Record<Kpi, number>> = {}): Record<Kpi, number> {
  return Object.fromEntries(KPI_COLUMNS.map((k) => [k, overrides[k] ?? MIN_DIFF_BY_UNIT[KPI_UNIT[k]]])) as Record<Kpi, number>;
}

/**
 * Holm's step-down adjustment: adjusted p-values, in the input's order (NaN stays NaN and does not
 * count towards the family's size). Rejecting where adjusted p < α controls the family-wise error at α.
 */
export function holm(ps: readonly number[]): number[] {
  const idx = ps.map((p, i) => [p, i] as const).filter(([p]) => Number.isFinite(p)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const m = idx.length;
  const out = ps.map(() => NaN);
  let running = 0;
  idx.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}

/** What a KPI's difference says: better or worse (real and large enough), too small to matter, or no evidence. */
export type Effect = 'better' | 'worse' | 'negligible' | 'none';

/** The effect of a difference, given its Holm-adjusted p-value and the KPI's minimum that matters. */
export function effectOf(metric: Kpi, diffMean: number, pHolm: number, minDiff: number, alpha = 0.05): Effect {
  if (!(pHolm < alpha) || !Number.isFinite(diffMean)) return 'none';
  if (Math.abs(diffMean) < minDiff) return 'negligible';
  return HIGHER_IS_BETTER.has(metric) === diffMean > 0 ? 'better' : 'worse';
}

/** A variant's verdict against the baseline. */
export interface VariantVerdict {
  variant: string;
  better: Kpi[];
  worse: Kpi[];
  /** Real differences too small to matter. */
  negligible: Kpi[];
  /** Paired score difference and its 95% half-width (NaN where not known). */
  scoreDiff: number;
  scoreHalfWidth: number;
}

/** One verdict per variant (the baseline has none), from the rows of `compare`. */
export function verdicts(rows: readonly { variant: string; metric: Kpi; diffMean: number; diffLow: number; diffHigh: number; effect: Effect | null }[], variantOrder: readonly string[]): VariantVerdict[] {
  return variantOrder.slice(1).map((variant) => {
    const mine = rows.filter((r) => r.variant === variant);
    const score = mine.find((r) => r.metric === 'score');
    return {
      variant,
      better: mine.filter((r) => r.effect === 'better').map((r) => r.metric),
      worse: mine.filter((r) => r.effect === 'worse').map((r) => r.metric),
      negligible: mine.filter((r) => r.effect === 'negligible').map((r) => r.metric),
      scoreDiff: score?.diffMean ?? NaN,
      scoreHalfWidth: score ? (score.diffHigh - score.diffLow) / 2 : NaN,
    };
  });
}

const signed = (x: number, digits: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(digits);

/** The verdict as a sentence: "better on 5 KPIs, worse on 1; score +2.1 ± 0.8", or that nothing changed. */
export function verdictText(v: VariantVerdict, lang: 'zh' | 'en'): string {
  const score = Number.isFinite(v.scoreDiff)
    ? Number.isFinite(v.scoreHalfWidth)
      ? `${lang === 'zh' ? '总分' : 'score'} ${signed(v.scoreDiff, 1)} ± ${v.scoreHalfWidth.toFixed(1)}`
      : `${lang === 'zh' ? '总分' : 'score'} ${signed(v.scoreDiff, 1)}`
    : '';
  const b = v.better.length;
  const w = v.worse.length;
  if (b === 0 && w === 0) {
    const none = lang === 'zh' ? '没有指标出现值得关注的变化' : 'no KPI changed by an amount that matters';
    if (!score) return none;
    return lang === 'zh' ? `${none}（${score}）` : `${none} (${score})`;
  }
  const parts =
    lang === 'zh'
      ? [b ? `${b} 项指标改善` : '', w ? `${w} 项指标变差` : ''].filter(Boolean).join('，')
      : [b ? `better on ${b} KPI${b > 1 ? 's' : ''}` : '', w ? `worse on ${w}${b ? '' : ` KPI${w > 1 ? 's' : ''}`}` : ''].filter(Boolean).join(', ');
  return score ? `${parts}${lang === 'zh' ? '；' : '; '}${score}` : parts;
}
