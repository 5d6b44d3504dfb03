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
