import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmcMeanWaitS, solveHypercube } from '../../src/metrics/queueing.ts';

describe('closed forms', () => {
  it('Erlang B and C match hand-computed values', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12); // (1/2) / (1 + 1 + 1/2)
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12); // M/M/1: P(wait) = ρ
    expect(mmcMeanWaitS(1, 0.5, 1)).toBeCloseTo(1, 12); // M/M/1: Wq = ρ/(μ−λ)
  });

  it('hypercube with one unit is M/M/1/1 (loss) and M/M/1 (queue)', () => {
    const loss = solveHypercube({ lambdaPerS: [0.5], muPerS: 1, preference: [[0]], mode: 'loss' });
    expect(loss.workload[0]).toBeCloseTo(0.5 / 1.5, 12);
    const queue = solveHypercube({ lambdaPerS: [0.5], muPerS: 1, preference: [[0]], mode: 'queue' });
    expect(queue.workload[0]).toBeCloseTo(0.5, 12);
  });

  it('hypercube loss probability is Erlang B whatever the preferences', () => {
    const s = solveHypercube({ lambdaPerS: [0.3, 0.5, 0.7], muPerS: 0.5, preference: [[0, 1, 2], [1, 2, 0], [2, 1, 0]], mode: 'loss' });
    expect(s.allBusy).toBeCloseTo(erlangB(3, 1.5 / 0.5), 12);
    // Total workload equals the carried load a(1 − B).
    expect(s.workload.reduce((a, b) => a + b, 0)).toBeCloseTo(3 * (1 - erlangB(3, 3)), 12);
    expect(s.dispatchFraction.flat().reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('hypercube queue mode: total workload is the offered load and P(all busy) is Erlang C', () => {
    const s = solveHypercube({ lambdaPerS: [0.4, 0.4], muPerS: 0.5, preference: [[0, 1], [1, 0]], mode: 'queue' });
    expect(s.workload.reduce((a, b) => a + b, 0)).toBeCloseTo(0.8 / 0.5, 12);
    expect(s.allBusy).toBeCloseTo(erlangC(2, 1.6), 12);
    // Symmetric zones and preferences: symmetric answers.
    expect(s.workload[0]).toBeCloseTo(s.workload[1], 12);
  });
});

import { pairedInterval, replicationInterval, tCdf, tQuantile } from '../../src/metrics/stats.ts';

describe('Student t and intervals', () => {
  it('t quantiles match published tables', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062047, 6);
    expect(tQuantile(0.975, 10)).toBeCloseTo(2.228138852, 8);
    expect(tQuantile(0.995, 5)).toBeCloseTo(4.032142984, 8);
    expect(tQuantile(0.9995, 19)).toBeCloseTo(3.883405852, 6);
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.962339, 5);
    expect(tQuantile(0.025, 10)).toBeCloseTo(-2.228138852, 8);
    expect(tCdf(0, 7)).toBeCloseTo(0.5, 12);
  });

  it('a replication interval and a paired interval computed by hand', () => {
    // xs = 1..5: mean 3, sd √2.5, half-width t(0.975, 4)·sd/√5 = 2.776445·0.707107 = 1.963243
    const r = replicationInterval([1, 2, 3, 4, 5]);
    expect(r.mean).toBe(3);
    expect(r.halfWidth).toBeCloseTo(1.963243, 5);
    // Pairs (a − b) = 1, 1, 2, 2: mean 1.5, sd 0.57735, t(0.975, 3) = 3.182446 → ±0.918693
    const p = pairedInterval([3, 4, 6, 7], [2, 3, 4, 5]);
    expect(p.mean).toBe(1.5);
    expect(p.low).toBeCloseTo(1.5 - 0.918693, 5);
    expect(p.high).toBeCloseTo(1.5 + 0.918693, 5);
    expect(pairedInterval([1, 2, 3], [1, 2, 3])).toEqual({ n: 3, mean: 0, low: 0, high: 0 });
  });
});
