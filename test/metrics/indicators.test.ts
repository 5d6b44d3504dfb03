/**
 * Every indicator of the default rubric on a small made-up record set, its value and score worked
 * out by hand (percentiles of type 7, as d3 and R's default compute them: for n sorted items the
 * p-quantile sits at index (n − 1)·p, interpolated). Each test also puts in an item the indicator
 * must leave out, so a measure that takes too much fails.
 */
import { describe, expect, it } from 'vitest';
import { resolveRubric, scoreRuns, type IndicatorResult, type Rubric } from '../../src/metrics/score.ts';
import { INDICATOR_IDS } from '../../src/scenario/scoring.ts';
import { INDICATORS } from '../../src/metrics/indicators.ts';
import type { RunRecords } from '../../src/engine/records.ts';
import { agency, call, ctx, dispatch, incident, records, unit } from './builders.ts';

function score(id: string, r: RunRecords, rubric?: Rubric): IndicatorResult {
  return scoreRuns([{ rep: 1, records: r }], ctx, rubric ?? resolveRubric()).indicators.find((i) => i.spec.id === id)!;
}
/** The indicator's value, score and number of items. */
const check = (id: string, r: RunRecords, value: number, scoreValue: number, n: number, rubric?: Rubric) => {
  const res = score(id, r, rubric);
  expect(res.n).toBe(n);
  expect(res.value).toBeCloseTo(value, 9);
  expect(res.score).toBeCloseTo(scoreValue, 6);
};

describe('the rubric lists every indicator once, each with a source naming document, edition and clause', () => {
  it('ids match the loader’s list, and every source is filled in', () => {
    expect(INDICATORS.map((x) => x.spec.id)).toEqual([...INDICATOR_IDS]);
    for (const { spec } of INDICATORS) {
      expect(spec.source.ref.length).toBeGreaterThan(0);
      expect(spec.source.says.zh.length + spec.source.says.en.length).toBeGreaterThan(10);
      if (spec.source.kind !== 'plan') expect(spec.source.edition).not.toBe('');
    }
  });
});

describe('A: alarm handling', () => {
  it('A1 answer time p90 over calls on the emergency line: waits 2…20 s → 18.2 s, score 78.67 (a call on the non-emergency line left out)', () => {
    const calls = Array.from({ length: 10 }, (_, k) => call(`c${k}`, 2 * (k + 1)));
    calls.push(call('ne', 100, { line: 'nonEmergency', kind: 'consult', incidentId: '' }));
    check('A1', records({ calls }), 18.2, (100 * (30 - 18.2)) / 15, 10);
  });

  it('A2 answer time p95 over 120 calls: 4, 6, 8, 12 s → 11.4 s, score 86 (a 110 call left out)', () => {
    const calls = [4, 6, 8, 12].map((w, k) => call(`c${k}`, w, { channel: '120' }));
    calls.push(call('p', 60, { channel: '110' }));
    check('A2', records({ calls }), 11.4, 86, 4);
  });

  it('A3 answer to first order p90: 40, 50, 90 s → 82 s, score 63.33 (an incident never ordered left out)', () => {
    const incidents = [40, 50, 90].map((d, k) => incident(`i${k}`, { tAnswered: 100, tFirstOrder: 100 + d }));
    incidents.push(incident('none', { tFirstOrder: null }));
    check('A3', records({ incidents }), 82, (100 * (120 - 82)) / 60, 3);
  });

  it('A4 share given a wrong level at first: 1 of 5 → 0.2, score 50 (an incident never verified left out)', () => {
    const incidents = [0, 1, 2, 3].map((k) => incident(`i${k}`));
    incidents.push(incident('wrong', { levelTrue: 'III', levelInitial: 'IV' }), incident('unverified', { levelInitial: null }));
    check('A4', records({ incidents }), 0.2, 50, 5);
  });

  it('A5 mean time under-graded over incidents that were: 300 and 1500 s → 900 s, score 50', () => {
    const incidents = [incident('a', { underGradedS: 300 }), incident('b', { underGradedS: 1500 }), incident('c')];
    check('A5', records({ incidents }), 900, 50, 2);
  });
});

describe('B: mobilisation', () => {
  it('B1 ambulance departure p95: turnouts 60, 90, 100, 120, 200 s → 184 s, score 97.78 (a fire dispatch left out)', () => {
    const dispatches = [60, 90, 120, 200, 100].map((t, k) => dispatch(`m${k}`, 'i1', { agency: 'EMS', turnout: t }));
    dispatches.push(dispatch('f', 'i1', { turnout: 500 }));
    check('B1', records({ dispatches }), 184, (100 * (360 - 184)) / 180, 5);
  });

  it('B2 fire turnout p90: 50 and 70 s → 68 s, score 86.67 (an ambulance left out)', () => {
    const dispatches = [dispatch('a', 'i1', { turnout: 50 }), dispatch('b', 'i1', { turnout: 70 }), dispatch('m', 'i1', { agency: 'EMS', turnout: 300 })];
    check('B2', records({ dispatches }), 68, (100 * (120 - 68)) / 60, 2);
  });

  // Fire incidents: u1, u2 urban; s1 suburban; r1 rural; t1 an urban traffic collision.
  const fires = () =>
    records({
      incidents: [
        incident('u1'),
        incident('u2'),
        incident('s1', { zoneClass: 'suburban' }),
        incident('r1', { zoneClass: 'rural' }),
        incident('t1', { type: 'traffic' }),
      ],
      dispatches: [
        // u1: two engines of the first order (arrive 350 and 400 after alerts at 100), one ordered later arriving first, one by mutual aid.
        dispatch('u1a', 'u1', { alert: 100, turnout: 50, travel: 200 }),
        dispatch('u1b', 'u1', { alert: 100, turnout: 50, travel: 250 }),
        dispatch('u1late', 'u1', { tOrder: 90, alert: 95, turnout: 0, travel: 5 }),
        dispatch('u1ma', 'u1', { mutualAid: true, alert: 80, turnout: 0, travel: 10 }),
        // u2: travel 300 and 600.
        dispatch('u2a', 'u2', { alert: 0, turnout: 60, travel: 300 }),
        dispatch('u2b', 'u2', { alert: 0, turnout: 60, travel: 600 }),
        // s1: alert 0 arrives 420; alert 30 arrives 700.
        dispatch('s1a', 's1', { alert: 0, turnout: 60, travel: 360 }),
        dispatch('s1b', 's1', { alert: 30, turnout: 70, travel: 600 }),
        // r1: alert 0 arrives 900.
        dispatch('r1a', 'r1', { alert: 0, turnout: 100, travel: 800 }),
        // t1: a rescue unit at a traffic collision, urban.
        dispatch('t1a', 't1', { alert: 0, turnout: 60, travel: 100, unitType: 'rescue' }),
      ],
    });

  it('B3 urban and suburban: alert to first own fire unit of the first order, p90 over u1 250, u2 360, s1 420, t1 160 → 402 s, score 66 (rural, later orders and mutual aid left out)', () => {
    // sorted 160, 250, 360, 420: index 2.7 → 360 + 0.7 × 60 = 402.
    check('B3', fires(), 402, (100 * (600 - 402)) / 300, 4);
  });

  it('B4 urban fires: first fire unit’s travel p90 over u1 200, u2 300 → 290 s, score 79.17 (the traffic collision left out)', () => {
    check('B4', fires(), 290, (100 * (480 - 290)) / 240, 2);
  });

  it('B5 urban fires with two or more first-order units: the last one’s travel p90 over 250 and 600 → 565 s, score 82.29', () => {
    check('B5', fires(), 565, (100 * (960 - 565)) / 480, 2);
  });

  it('B6 suburban fires: first alert to the last first-alarm unit on scene, p80: 700 s, score 83.33', () => {
    check('B6', fires(), 700, (100 * (1200 - 700)) / 600, 1);
  });

  it('B7 rural fires: the same, p80: 900 s, score 92.86', () => {
    check('B7', fires(), 900, (100 * (1680 - 900)) / 840, 1);
  });
});

describe('C: linkage', () => {
  it('C1 tier-1 notification latency p90: 10, 30, 130 s → 110 s, score 16.67 (a mutual-aid notice left out)', () => {
    const agencies = [10, 30, 130].map((d, k) => agency(`i${k}`, 'FIRE', { tOrdered: 100, tNotified: 100 + d }));
    agencies.push(agency('ma', 'FIRE', { channel: 'mutual_aid', tOrdered: 100, tNotified: 900 }));
    check('C1', records({ agencies }), 110, (100 * (120 - 110)) / 60, 3);
  });

  it('C2 tier-2 latency p90: one notice of 1200 s against 600 → score 0', () => {
    check('C2', records({ agencies: [agency('i', 'ENV', { tOrdered: 100, tNotified: 1300, channel: 'phone' }), agency('i', 'FIRE')] }), 1200, 0, 1);
  });

  it('C3 tier-3 latency p90: 600 and 3000 s → 2760 s, score 46.67', () => {
    const agencies = [agency('a', 'RC', { tOrdered: 0, tNotified: 600 }), agency('b', 'RC', { tOrdered: 0, tNotified: 3000 })];
    check('C3', records({ agencies }), 2760, (100 * (3600 - 2760)) / 1800, 2);
  });

  it('C4 spread of first arrivals of tier-1 agencies ordered together: 600 and 1000 s → 960 s, score 40; agencies the plan has wait, or ordered later, left out', () => {
    const r = records({
      incidents: [incident('i1', { tFirstOrder: 60 }), incident('i2', { tFirstOrder: 60 })],
      agencies: [
        agency('i1', 'FIRE', { tFirstArrival: 300 }),
        agency('i1', 'POLICE', { tFirstArrival: 900 }),
        agency('i1', 'EMS', { tFirstArrival: 2000, waitsFor: 'fire' }),
        agency('i1', 'TRAFFIC', { tOrdered: 500, tFirstArrival: 3000 }),
        agency('i2', 'FIRE', { tFirstArrival: 200 }),
        agency('i2', 'EMS', { tFirstArrival: 1200 }),
        agency('i2', 'ENV', { tFirstArrival: 5000 }),
      ],
    });
    check('C4', r, 960, 40, 2);
  });

  it('C5 mutual aid, order to arrival p90: 900 and 1500 s → 1440 s, score 80 (own units left out)', () => {
    const dispatches = [dispatch('a', 'i', { mutualAid: true, tOrder: 0, alert: 100, turnout: 0, travel: 800 }), dispatch('b', 'i', { mutualAid: true, tOrder: 0, alert: 200, turnout: 0, travel: 1300 }), dispatch('own', 'i')];
    check('C5', records({ dispatches }), 1440, 80, 2);
  });

  it('C6 coordination wait p90 over incidents that waited: 300 and 900 s → 840 s, score 60', () => {
    const incidents = [incident('a', { coordinationWaitS: 300 }), incident('b', { coordinationWaitS: 900 }), incident('c')];
    check('C6', records({ incidents }), 840, 60, 2);
  });
});

describe('D: command', () => {
  it('D1 command post set-up from when it was ordered, p90: 1200 and 2400 s → 2280 s, score 73.33 (no post: left out)', () => {
    const incidents = [incident('a', { tCommandPostOrdered: 300, tCommandPost: 1500 }), incident('b', { tCommandPostOrdered: 1000, tCommandPost: 3400 }), incident('c')];
    check('D1', records({ incidents }), 2280, (100 * (3600 - 2280)) / 1800, 2);
  });

  it('D2 experts convened after the plan, p90: 3000 and 4200 s → 4080 s, score 86.67', () => {
    const incidents = [incident('a', { tPlan: 0, tExperts: 3000 }), incident('b', { tPlan: 0, tExperts: 4200 }), incident('c')];
    check('D2', records({ incidents }), 4080, (100 * (7200 - 4080)) / 3600, 2);
  });
});

describe('E: information and reporting', () => {
  it('E1 (national profile, 1 h for a first report): 0.5 and a report missing 22.6 h → p90 20.4× the limit, score 0, critical; routine calls and limits not yet passed left out', () => {
    const r = records({
      incidents: [
        incident('reported', { gradeInitial: 'II', gradeFinal: 'II', tAnswered: 100, tReported: 1900 }),
        incident('missing', { gradeInitial: null, gradeFinal: 'IV', tGraded: 5000, tReported: null }),
        incident('routine'),
        incident('late-in-run', { gradeInitial: 'IV', gradeFinal: 'IV', tAnswered: 86000, tReported: null }),
      ],
    });
    const missing = (86400 - 5000) / 3600;
    const value = 0.5 + 0.9 * (missing - 0.5);
    check('E1', r, value, 0, 2);
    const res = scoreRuns([{ rep: 1, records: r }], ctx);
    expect(res.criticalMissed).toEqual(['E1']);
    expect(res.rating).toBe('U');
  });

  it('E1 (Henan profile, 重大: 15 min first, 35 min written): 600 s and 2520 s → 0.667 and 1.2, p90 1.147× the limit, score 95.11', () => {
    const r = records({ incidents: [incident('a', { gradeInitial: 'II', gradeFinal: 'II', tAnswered: 0, tReported: 600, tReportUpdate: 2520 })] });
    const value = 600 / 900 + 0.9 * (2520 / 2100 - 600 / 900);
    check('E1', r, value, (100 * (4 - value)) / 3, 2, resolveRubric({ reporting: 'henan' }));
  });

  it('E2 mean status-report latency over units that report: 40 and 120 s → 80 s, score 66.67', () => {
    const units = [unit('a', { reportLatencyMeanS: 40 }), unit('b', { reportLatencyMeanS: 120 }), unit('c')];
    check('E2', records({ units }), 80, (100 * (120 - 80)) / 60, 2);
  });

  it('E3 share of orders refused: 1 refusal and 19 dispatches → 0.05, score 62.5', () => {
    const dispatches = Array.from({ length: 19 }, (_, k) => dispatch(`d${k}`, 'i'));
    check('E3', records({ incidents: [incident('i', { ordersRefused: 1 })], dispatches }), 0.05, 62.5, 20);
  });
});

describe('F: outcome', () => {
  it('F1 share of incidents with units that waited for one: 1 of 10 → 0.1, score 66.67 (an incident settled by phone left out)', () => {
    const incidents = Array.from({ length: 10 }, (_, k) => incident(`i${k}`, { queuedRequests: k === 0 ? 1 : 0 }));
    incidents.push(incident('phone', { unitsRequired: 0 }));
    check('F1', records({ incidents }), 0.1, 66.666666667, 10);
  });

  it('F2 share not controlled among incidents with two hours left: 1 of 20 → 0.05, score 55.56 (one in the last two hours left out)', () => {
    const incidents = Array.from({ length: 20 }, (_, k) => incident(`i${k}`, { tControlled: k === 0 ? null : 300 }));
    incidents.push(incident('late', { tOccur: 86400 - 3600, tControlled: null }));
    check('F2', records({ incidents }), 0.05, (100 * (0.1 - 0.05)) / 0.09, 20);
  });

  it('F3 urban and suburban: first call to first ambulance on scene, mean of 600 and 1500 s → 1050 s, score 83.33 (rural left out)', () => {
    const r = records({
      incidents: [incident('u', { tFirstCall: 100 }), incident('s', { tFirstCall: 100, zoneClass: 'suburban' }), incident('r', { tFirstCall: 100, zoneClass: 'rural' })],
      agencies: [agency('u', 'EMS', { tFirstArrival: 700 }), agency('s', 'EMS', { tFirstArrival: 1600 }), agency('r', 'EMS', { tFirstArrival: 2500 }), agency('u', 'FIRE', { tFirstArrival: 200 })],
    });
    check('F3', r, 1050, (100 * (1800 - 1050)) / 900, 2);
  });

  it('F4 rural: the same: 2400 s, score 66.67', () => {
    const r = records({ incidents: [incident('r', { tFirstCall: 100, zoneClass: 'rural' }), incident('u', { tFirstCall: 100 })], agencies: [agency('r', 'EMS', { tFirstArrival: 2500 }), agency('u', 'EMS', { tFirstArrival: 700 })] });
    check('F4', r, 2400, (100 * (3600 - 2400)) / 1800, 1);
  });
});
