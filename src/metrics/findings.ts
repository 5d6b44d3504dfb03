/**
 * Findings (评估发现): for every indicator that missed its target, the evidence — which incidents,
 * agency, unit, time, how far from target, and where the misses concentrate — tagged as drill
 * evaluations tag them (AQ/T 9009-2015; GB/T 46792-2025): 不足项 (deficiency, the most serious: the
 * response may fail to protect the public; fix within a set time), 整改项 (rectify: fix before the
 * next drill), 改进项 (improve: worth improving, optional). Ranked by tag, then by how much they
 * cost the score. Pure data: the words are written in `src/report/format.ts`.
 */
import { pointsLost, type IndicatorResult, type Rubric, type Sample, type ScoreResult } from './score.ts';

/** 不足项, 整改项, 改进项 — most serious first. */
export type FindingTag = 'deficiency' | 'rectify' | 'improve';

/** The tags from most to least serious. */
export const FINDING_TAG_ORDER: readonly FindingTag[] = ['deficiency', 'rectify', 'improve'];

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

/**
 * 不足项 where the indicator is at or past its zero point, or a critical one lost more than 40 of its
 * 100 points; 整改项 where any other lost more than 40, or a critical one less; 改进项 otherwise. The
 * cut-offs are this project's convention: the guides define the tags by consequence, and leave the
 * judgement to evaluators.
 */
export function tagFor(r: IndicatorResult): FindingTag {
  if (r.score === 0 || (r.spec.critical && r.score !== null && r.score < 60)) return 'deficiency';
  if (r.spec.critical && r.score !== null && r.score < 100) return 'rectify';
  if (r.score !== null && r.score < 60) return 'rectify';
  return 'improve';
}

/** The key most of the `over` misses share (at least `min` and 60% of them), or none. */
function mostShared(counts: ReadonlyMap<string, number>, over: number, min: number): { value: string; count: number } | undefined {
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return top && top[1] >= Math.max(min, 0.6 * over) ? { value: top[0], count: top[1] } : undefined;
}

/** Findings from a score: the most serious tag first, then by their cost to the overall score. */
export function findings(result: ScoreResult, rubric: Rubric): Finding[] {
  const lost = pointsLost(result, rubric);
  const out: Finding[] = [];
  for (const r of result.indicators) {
    if (r.score === null || r.score >= 100 || r.value === null) continue;
    const cost = lost.get(r.spec.id) ?? 0;
    const m = r.misses;
    const channel = mostShared(m.channels, m.over, 1);
    const agency = mostShared(m.agencies, m.over, 2);
    out.push({
      tag: tagFor(r),
      indicator: r.spec.id,
      cost,
      n: r.n,
      over: m.over,
      evidence: m.worst.slice(),
      concentration: { ...(channel && { channel: { name: channel.value, count: channel.count } }), ...(agency && { agency: { id: agency.value, count: agency.count } }) },
    });
  }
  const order = (t: FindingTag) => FINDING_TAG_ORDER.indexOf(t);
  return out.sort((a, b) => order(a.tag) - order(b.tag) || b.cost - a.cost || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}
