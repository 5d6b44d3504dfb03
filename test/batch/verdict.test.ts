import { describe, expect, it } from 'vitest';
import { effectOf, holm, KPI_UNIT, minDifferences, verdicts, verdictText } from '../../src/batch/verdict.ts';
import { compare, pairedPValue } from '../../src/batch/plan.ts';
import { KPI_COLUMNS, type Kpi } from '../../src/metrics/kpis.ts';
import type { ReplicationResult } from '../../src/worker/api.ts';

describe('reading a comparison', () => {
  it('Holm: p-values times (m − rank), kept monotone, capped at 1; NaN stays out of the family', () => {
    // Hand-computed: sorted 0.01, 0.02, 0.04 with m = 3 → 0.03, 0.04, 0.04.
    expect(holm([0.04, 0.01, NaN, 0.02])).toEqual([0.04, 0.03, NaN, 0.04]);
    expect(holm([0.5, 0.9])).toEqual([1, 1]);
  });
  it('a paired t-test gives p = 1 for equal pairs, small p for a steady shift', () => {
    expect(pairedPValue([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(pairedPValue([2.1, 3, 4.05, 5], [1, 2, 3, 4])).toBeLessThan(0.001);
    // n = 4, d = [1, 3, −1, 1]: mean 1, sd 1.633, t = 1.2247, df 3 → p ≈ 0.308 (tables: t = 1.2247 at df 3).
    expect(pairedPValue([2, 5, 2, 5], [1, 2, 3, 4])).toBeCloseTo(0.308, 3);
  });
  it('pairs that all differ by the same amount are evidence only as strong as their signs: p = 2^(1−n), not 0', () => {
    expect(pairedPValue([3, 4], [2, 3])).toBe(0.5);
    expect(pairedPValue([3, 4, 5, 6, 7, 8, 9, 10], [2, 3, 4, 5, 6, 7, 8, 9])).toBe(2 ** -7);
    // Two replications with one more escalation each: no verdict, and no interval claimed to exclude 0.
    const two = (variant: string, escalations: number): ReplicationResult[] =>
      [1, 2].map((rep) => ({ variant, rep, seed: rep, rating: 'S', kpis: Object.fromEntries(KPI_COLUMNS.map((c) => [c, c === 'escalations' ? escalations : 10 + rep])) as Record<Kpi, number> }));
    const row = compare([...two('baseline', 0), ...two('more', 1)], ['baseline', 'more']).find((r) => r.variant === 'more' && r.metric === 'escalations')!;
    expect([row.diffMean, row.pValue, row.effect, row.significant]).toEqual([1, 0.5, 'none', null]);
  });
  it('minimum differences that matter come by unit of measure, and can be overridden', () => {
    expect(KPI_UNIT.turnout_s_p90).toBe('s');
    expect(KPI_UNIT.score_alarm).toBe('points');
    expect(KPI_UNIT.abandon_rate).toBe('share');
    expect(KPI_UNIT.escalations).toBe('count');
    const m = minDifferences({ response_s_p90: 30 });
    expect(m.turnout_s_p90).toBe(10);
    expect(m.response_s_p90).toBe(30);
  });
  it('a real but tiny change (+0.37 s turnout) is negligible, not a headline', () => {
    expect(effectOf('turnout_s_p90', 0.37, 0.001, 10)).toBe('negligible');
    expect(effectOf('turnout_s_p90', -30, 0.001, 10)).toBe('better');
    expect(effectOf('score', -2, 0.001, 1)).toBe('worse');
    expect(effectOf('score', 5, 0.2, 1)).toBe('none');
  });

  const rows = (variant: string, shift: Partial<Record<Kpi, number>>): ReplicationResult[] =>
    Array.from({ length: 8 }, (_, k) => ({
      variant,
      rep: k + 1,
      seed: k + 1,
      rating: 'S',
      kpis: Object.fromEntries(KPI_COLUMNS.map((c) => [c, 100 + ((k * 7) % 5) + (shift[c] ?? 0) + (shift[c] ? (k % 2) * 0.1 : 0)])) as Record<Kpi, number>,
    }));

  it('a stated verdict per variant, and plainly "no change" when nothing matters', () => {
    const data = [...rows('baseline', {}), ...rows('faster', { response_s_p90: -60, turnout_s_p90: 0.37, score: 3 }), ...rows('same', {})];
    const cmp = compare(data, ['baseline', 'faster', 'same']);
    const [faster, same] = verdicts(cmp, ['baseline', 'faster', 'same']);
    expect(faster.better.sort()).toEqual(['response_s_p90', 'score']);
    expect(faster.negligible).toEqual(['turnout_s_p90']);
    expect(faster.worse).toEqual([]);
    expect(verdictText(faster, 'en')).toMatch(/^better on 2 KPIs; score \+3\.0 ± \d\.\d$/);
    expect(verdictText(same, 'en')).toBe('no KPI changed by an amount that matters (score +0.0 ± 0.0)');
    expect(verdictText(same, 'zh')).toBe('没有指标出现值得关注的变化（总分 +0.0 ± 0.0）');
    expect(cmp.find((r) => r.variant === 'faster' && r.metric === 'turnout_s_p90')!.significant).toBe(true);
  });
});
