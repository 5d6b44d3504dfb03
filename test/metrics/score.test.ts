import { describe, expect, it } from 'vitest';
import { aggregate, indicatorScore, pointsLost, rating, resolveRubric, scoreRuns, type ScoreContext } from '../../src/metrics/score.ts';
import { defaultRubric } from '../../src/metrics/indicators.ts';
import { findings, tagFor } from '../../src/metrics/findings.ts';
import { findingText } from '../../src/report/format.ts';
import { call, empty, incident } from './builders.ts';

const ctx: ScoreContext = { durationS: 86400, agencies: { FIRE: { kind: 'fire', tier: 1 }, ENV: { kind: 'environment', tier: 2 } } };

describe('indicator scoring', () => {
  it('100 at or under the target, 0 at or past the zero point, linear between', () => {
    expect(indicatorScore(10, 15, 30)).toBe(100);
    expect(indicatorScore(15, 15, 30)).toBe(100);
    expect(indicatorScore(22.5, 15, 30)).toBe(50);
    expect(indicatorScore(30, 15, 30)).toBe(0);
    expect(indicatorScore(99, 15, 30)).toBe(0);
    expect(indicatorScore(NaN, 15, 30)).toBeNaN();
  });

  it('aggregates at a percentile (type 7) or the mean; nothing to aggregate gives NaN', () => {
    const xs = Array.from({ length: 11 }, (_, i) => i * 10); // 0..100
    expect(aggregate(xs, { kind: 'percentile', p: 0.9 })).toBe(90);
    expect(aggregate([1, 2, 3, 4], { kind: 'percentile', p: 0.9 })).toBeCloseTo(3.7, 12);
    expect(aggregate([0, 1, 1, 0], { kind: 'mean' })).toBe(0.5);
    expect(aggregate([], { kind: 'mean' })).toBeNaN();
  });

  it('suggested ratings: P ≥ 90, S ≥ 70, M ≥ 50, else U; a missed critical task forces U', () => {
    expect(rating(95, false)).toBe('P');
    expect(rating(90, false)).toBe('P');
    expect(rating(89.9, false)).toBe('S');
    expect(rating(70, false)).toBe('S');
    expect(rating(50, false)).toBe('M');
    expect(rating(49.9, false)).toBe('U');
    expect(rating(99, true)).toBe('U');
  });
});

describe('scoring hand-made records', () => {
  it('call answer time at the target scores 100, at twice the target 0', () => {
    const r = empty();
    r.calls = Array.from({ length: 10 }, (_, i) => call(`c${i}`, 15)); // every wait exactly 15 s
    const at = scoreRuns([{ rep: 1, records: r }], ctx);
    const a1 = at.indicators.find((i) => i.spec.id === 'A1')!;
    expect(a1.value).toBe(15);
    expect(a1.score).toBe(100);
    r.calls = Array.from({ length: 10 }, (_, i) => call(`c${i}`, 30));
    expect(scoreRuns([{ rep: 1, records: r }], ctx).indicators.find((i) => i.spec.id === 'A1')!.score).toBe(0);
  });

  it('empty sets score nothing and no NaN appears: sub-scores without data drop out of the total', () => {
    const res = scoreRuns([{ rep: 1, records: empty() }], ctx);
    expect(res.score).toBeNull();
    expect(res.rating).toBeNull();
    for (const i of res.indicators) {
      expect(i.n).toBe(0);
      expect(i.value).toBeNull();
      expect(i.score).toBeNull();
    }
    const r = empty();
    r.calls = [call('c', 5)];
    const only = scoreRuns([{ rep: 1, records: r }], ctx);
    expect(only.groups.alarm).toBe(100);
    expect(only.groups.outcome).toBeNull();
    expect(only.score).toBe(100);
    expect(JSON.stringify(only, (_k, v) => (typeof v === 'number' && Number.isNaN(v) ? 'NaN!' : v))).not.toContain('NaN!');
  });

  it('notification latency by tier runs from the center’s order to the agency command receiving it', () => {
    const r = empty();
    r.incidents = [incident('i1', { tPlan: 100 })];
    r.agencies = [
      { incidentId: 'i1', agency: 'FIRE', tier: 1, tOrdered: 100, tNotified: 110, channel: 'platform', tFirstArrival: 400, units: 1, waitsFor: '' },
      { incidentId: 'i1', agency: 'ENV', tier: 2, tOrdered: 100, tNotified: 1300, channel: 'phone', tFirstArrival: null, units: 1, waitsFor: '' },
    ];
    const res = scoreRuns([{ rep: 1, records: r }], ctx);
    expect(res.indicators.find((i) => i.spec.id === 'C1')!.value).toBe(10);
    const c2 = res.indicators.find((i) => i.spec.id === 'C2')!;
    expect(c2.value).toBe(1200);
    expect(c2.score).toBe(0);
    const f = findings(res, defaultRubric()).find((x) => x.indicator === 'C2')!;
    expect(f.tag).toBe('deficiency');
    expect(f.concentration.channel).toEqual({ name: 'phone', count: 1 });
    const en = findingText(f, c2.spec, c2.value!, 8 * 3600, 'en');
    expect(en).toContain('Tier-2 agency notification latency (p90): 20.0 min against a target of 10.0 min');
    expect(en).toContain('i1 (ENV, 08:21)');
    expect(en).toContain('All by phone relay');
    expect(findingText(f, c2.spec, c2.value!, 8 * 3600, 'zh')).toContain('全部经由电话转接');
    // Pooled over replications, incident numbers repeat: each case then names its replication.
    expect(findingText(f, c2.spec, c2.value!, 8 * 3600, 'en', undefined, true)).toContain('i1 (rep 1, ENV, 08:21)');
    expect(findingText(f, c2.spec, c2.value!, 8 * 3600, 'zh', undefined, true)).toContain('i1（重复 1，ENV，08:21）');
  });

  it('findings: 不足项 (at the zero point) before 整改项 (score under 60) before 改进项, each ranked by what it costs the score', () => {
    const r = empty();
    r.calls = Array.from({ length: 10 }, (_, i) => call(`c${i}`, 20, { channel: '120' })); // A1 20 s: score 66.7 (改进项); A2 20 s vs 10: score 0 (不足项)
    r.incidents = [
      incident('i1', { tAnswered: 0, tFirstOrder: 100 }), // A3 100 s vs 60: score 33.3 (整改项)
      incident('i2', { tAnswered: 0, tFirstOrder: 100, underGradedS: 700 }), // A5 700 s vs 600: score 83.3 (改进项)
    ];
    const res = scoreRuns([{ rep: 1, records: r }], ctx);
    const fs = findings(res, defaultRubric());
    expect(fs.map((f) => [f.indicator, f.tag])).toEqual([
      ['A2', 'deficiency'],
      ['A3', 'rectify'],
      ['A1', 'improve'],
      ['A5', 'improve'],
    ]);
    expect(fs[2].cost).toBeGreaterThan(fs[3].cost);
  });

  it('a critical indicator is never a mere 改进项: a small miss is a 整改项, a large one (or the zero point) a 不足项', () => {
    const rb = resolveRubric({ indicators: { A1: { critical: true } } });
    const a1 = (wait: number) => {
      const r = empty();
      r.calls = Array.from({ length: 10 }, (_, i) => call(`c${i}`, wait));
      return scoreRuns([{ rep: 1, records: r }], ctx, rb).indicators.find((i) => i.spec.id === 'A1')!;
    };
    expect(a1(16).score).toBeGreaterThan(90);
    expect(tagFor(a1(16))).toBe('rectify');
    expect(tagFor(a1(24))).toBe('deficiency'); // score 40
    expect(tagFor(a1(30))).toBe('deficiency'); // score 0
  });

  it('the points each indicator costs add up to what the total lost, and a met target costs nothing', () => {
    const r = empty();
    r.calls = Array.from({ length: 10 }, (_, i) => call(`c${i}`, 20, { channel: '120' }));
    r.incidents = [incident('i1', { tAnswered: 0, tFirstOrder: 100 })];
    const rb = defaultRubric();
    const res = scoreRuns([{ rep: 1, records: r }], ctx, rb);
    const lost = pointsLost(res, rb);
    const sum = [...lost.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(100 - res.score!, 9);
    // Alarm (weight 15) and outcome (15, all met) have data: alarm's A1 (3, score 66.7), A2 (2, 0), A3 (3, 33.3), A4 (2, 100).
    expect(lost.get('A2')).toBeCloseTo(((100 * 2) / 10) * 0.5, 9);
    expect(lost.get('A1')).toBeCloseTo((((100 - 200 / 3) * 3) / 10) * 0.5, 9);
    expect(lost.get('F1')).toBe(0);
    expect(lost.get('C1')).toBe(0);
  });

  it('a scenario’s rubric changes targets, weights, percentiles and critical flags', () => {
    const rb = resolveRubric({ indicators: { A1: { target: 30, weight: 0, percentile: 50, critical: true } }, groups: { alarm: 0 }, zeroAtMultiple: 3 });
    const a1 = rb.indicators.find((i) => i.id === 'A1')!;
    expect(a1.target).toBe(30);
    expect(a1.weight).toBe(0);
    expect(a1.aggregate).toEqual({ kind: 'percentile', p: 0.5 });
    expect(a1.critical).toBe(true);
    expect(a1.changed).toBe(true);
    expect(rb.indicators.find((i) => i.id === 'A2')!.changed).toBeUndefined();
    expect(rb.groups.alarm).toBe(0);
    expect(rb.zeroAtMultiple).toBe(3);
  });
});
