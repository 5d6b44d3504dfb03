/**
 * Findings (评估发现): for every indicator that missed its target, the evidence — which incidents,
 * agency, unit, time, how far from target, and where the misses concentrate — tagged 整改项 (must
 * fix), 不足项 (deficiency) or 改进项 (improvement), ranked by how much they cost the score. Pure
 * data: the words are written in `src/report/format.ts`.
 */
import type { IndicatorResult, Rubric, Sample, ScoreResult } from './score.ts';

export type FindingTag = 'must-fix' | 'deficiency' | 'improvement';

export interface Finding {
  tag: FindingTag;
  indicator: string;
  /** Score points the miss costs the overall score (for ranking). */
  cost: number;
  /** Items behind the indicator, and how many of them missed the target. */
  n: number;
  over: number;
  /** Items over target, worst first (at most five). */
  evidence: Sample[];
  /** Where the misses concentrate: a channel or an agency carrying most of them, with its count. */
  concentration: { channel?: { name: string; count: number }; agency?: { id: string; count: number } };
}

function tagFor(r: IndicatorResult): FindingTag {
  if (r.score === 0 || (r.spec.critical && r.score !== null && r.score < 100 && r.value! >= r.zeroAt)) return 'must-fix';
  if (r.score !== null && r.score < 60) return 'deficiency';
  return 'improvement';
}

/** The value of `key` most of the misses share (at least `min` and 60% of them), or none. */
function mostShared(bad: readonly Sample[], key: (s: Sample) => string | undefined, min: number): { value: string; count: number } | undefined {
  const m = new Map<string, number>();
  for (const s of bad) {
    const k = key(s);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  const top = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return top && top[1] >= Math.max(min, 0.6 * bad.length) ? { value: top[0], count: top[1] } : undefined;
}

const CHANNELS = new Set(['phone', 'platform', 'radio']);

/** Findings from a score, ranked by their cost to the overall score. */
export function findings(result: ScoreResult, rubric: Rubric): Finding[] {
  const groupWeights = rubric.groups;
  const present = Object.entries(result.groups).filter(([g, v]) => v !== null && groupWeights[g as keyof typeof groupWeights] > 0);
  const gsum = present.reduce((a, [g]) => a + groupWeights[g as keyof typeof groupWeights], 0);
  const out: Finding[] = [];
  for (const r of result.indicators) {
    if (r.score === null || r.score >= 100 || r.value === null) continue;
    const inGroup = result.indicators.filter((x) => x.spec.group === r.spec.group && x.score !== null && x.spec.weight > 0);
    const wsum = inGroup.reduce((a, x) => a + x.spec.weight, 0);
    const cost = gsum > 0 && wsum > 0 ? ((100 - r.score) * (r.spec.weight / wsum) * groupWeights[r.spec.group]) / gsum : 0;
    const bad = r.samples.filter((s) => s.value > r.spec.target).sort((a, b) => b.value - a.value || ((a.incident ?? '') < (b.incident ?? '') ? -1 : (a.incident ?? '') > (b.incident ?? '') ? 1 : 0));
    const channel = mostShared(bad, (s) => (s.note && CHANNELS.has(s.note) ? s.note : undefined), 1);
    const agency = mostShared(bad, (s) => s.agency, 2);
    out.push({
      tag: tagFor(r),
      indicator: r.spec.id,
      cost,
      n: r.n,
      over: bad.length,
      evidence: bad.slice(0, 5),
      concentration: { ...(channel && { channel: { name: channel.value, count: channel.count } }), ...(agency && { agency: { id: agency.value, count: agency.count } }) },
    });
  }
  const order: Record<FindingTag, number> = { 'must-fix': 0, deficiency: 1, improvement: 2 };
  return out.sort((a, b) => b.cost - a.cost || order[a.tag] - order[b.tag] || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}
