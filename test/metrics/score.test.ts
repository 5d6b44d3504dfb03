import { describe, expect, it } from 'vitest';
import { aggregate, indicatorScore, rating, resolveRubric, scoreRuns, type ScoreContext } from '../../src/metrics/score.ts';
import { defaultRubric } from '../../src/metrics/indicators.ts';
import { findings } from '../../src/metrics/findings.ts';
import { findingText } from '../../src/report/format.ts';
import type { CallRecord, IncidentRecord, RunRecords } from '../../src/engine/records.ts';

const ctx: ScoreContext = { durationS: 86400, agencies: { FIRE: { kind: 'fire', tier: 1 }, ENV: { kind: 'environment', tier: 2 } } };

function incident(id: string, o: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    incidentId: id, type: 'fire', zone: 'Z', lon: 0, lat: 0, source: 'scripted', gradeTrue: 'IV', gradeInitial: 'IV', gradeFinal: 'IV',
    tOccur: 0, tFirstCall: 10, tAnswered: 12, tVerified: 40, tPlan: 60, tFirstOrder: 60, tFirstDispatch: 70, tFirstArrival: 300, tFullResponse: 300,
    tClosed: 2000, callers: 1, unitsRequired: 1, unitsArrived: 1, agenciesRequired: 1, agenciesArrived: 1, mutualAidUnits: 0, queuedRequests: 0,
    lostRequests: 0, tReported: null, tApproved: null, tExperts: null, tCommandPost: null, tControlled: 300, escalations: 0, coordinationWaitS: 0,
    tiersInvolved: '1', size: null, ordersRefused: 0, duplicateCalls: 0, tSupplied: null, underGradedS: 0, ...o,
  };
}
const call = (id: string, wait: number): CallRecord => ({ callId: id, incidentId: 'i1', channel: '119', tArrive: 100, tAnswer: 100 + wait, tEnd: 200 + wait, abandoned: false, duplicate: false });
const empty = (): RunRecords => ({ incidents: [], calls: [], dispatches: [], units: [], agencies: [], depots: [] });

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

  it('ratings: P ≥ 90, S ≥ 70, M ≥ 50, else U; a missed critical task forces U', () => {
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

  it('reporting to government: never reported within 4 h counts as 4 h, scores 0, and forces U', () => {
    const r = empty();
    r.incidents = [incident('big', { gradeTrue: 'II', gradeFinal: 'II', tPlan: 100, tReported: null })];
    const res = scoreRuns([{ rep: 1, records: r }], ctx);
    const e1 = res.indicators.find((i) => i.spec.id === 'E1')!;
    expect(e1.value).toBe(14400);
    expect(e1.score).toBe(0);
    expect(res.criticalMissed).toEqual(['E1']);
    expect(res.rating).toBe('U');
  });

  it('notification latency by tier runs from the center’s order to the agency command receiving it', () => {
    const r = empty();
    r.incidents = [incident('i1', { tPlan: 100 })];
    r.agencies = [
      { incidentId: 'i1', agency: 'FIRE', tier: 1, tOrdered: 100, tNotified: 110, channel: 'platform', tFirstArrival: 400, units: 1 },
      { incidentId: 'i1', agency: 'ENV', tier: 2, tOrdered: 100, tNotified: 1300, channel: 'phone', tFirstArrival: null, units: 1 },
    ];
    const res = scoreRuns([{ rep: 1, records: r }], ctx);
    expect(res.indicators.find((i) => i.spec.id === 'C1')!.value).toBe(10);
    const c2 = res.indicators.find((i) => i.spec.id === 'C2')!;
    expect(c2.value).toBe(1200);
    expect(c2.score).toBe(0);
    const f = findings(res, defaultRubric()).find((x) => x.indicator === 'C2')!;
    expect(f.tag).toBe('must-fix');
    expect(f.concentration.channel).toEqual({ name: 'phone', count: 1 });
    const en = findingText(f, c2.spec, c2.value!, 8 * 3600, 'en');
    expect(en).toContain('Tier-2 agency notification latency (p90): 20.0 min against a target of 10.0 min');
    expect(en).toContain('i1 (ENV, 08:21)');
    expect(en).toContain('All by phone relay');
    expect(findingText(f, c2.spec, c2.value!, 8 * 3600, 'zh')).toContain('全部经由电话转接');
  });

  it('findings are ranked by what they cost the score', () => {
    const r = empty();
    r.calls = Array.from({ length: 10 }, (_, i) => call(`c${i}`, 20)); // A1 half lost, A2 fully lost
    r.incidents = [incident('i1', { tAnswered: 0, tFirstOrder: 80 })]; // A3: 80 s against 64
    const res = scoreRuns([{ rep: 1, records: r }], ctx);
    const fs = findings(res, defaultRubric());
    expect(fs.map((f) => f.indicator)).toEqual(['A2', 'A1', 'A3']);
    for (let k = 1; k < fs.length; k++) expect(fs[k - 1].cost).toBeGreaterThanOrEqual(fs[k].cost);
  });

  it('a scenario’s rubric changes targets, weights, percentiles and critical flags', () => {
    const rb = resolveRubric({ indicators: { A1: { target: 30, weight: 0, percentile: 50, critical: true } }, groups: { alarm: 0 }, zeroAtMultiple: 3 });
    const a1 = rb.indicators.find((i) => i.id === 'A1')!;
    expect(a1.target).toBe(30);
    expect(a1.weight).toBe(0);
    expect(a1.aggregate).toEqual({ kind: 'percentile', p: 0.5 });
    expect(a1.critical).toBe(true);
    expect(rb.groups.alarm).toBe(0);
    expect(rb.zeroAtMultiple).toBe(3);
  });
});
