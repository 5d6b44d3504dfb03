/**
 * The center's call-takers are an M/M/c queue when calls arrive as a Poisson stream, handling is
 * exponential and nobody hangs up: the mean wait and the probability of waiting must agree with
 * Erlang C. Each replication gives one estimate (after a warm-up); the tolerance is the 99.9%
 * t-interval of the replications' spread, so it follows from the number of samples.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { erlangC, mmcMeanWaitS } from '../../src/metrics/queueing.ts';
import { replicationInterval, tQuantile } from '../../src/metrics/stats.ts';
import { mmcScenario } from './helpers.ts';

const REPS = 16;
const WARMUP_S = 4 * 3600;

function estimate(c: number, ratePerHour: number, meanHandleS: number, hours: number) {
  const scenario = mmcScenario(c, ratePerHour, meanHandleS, hours);
  const waits: number[] = [];
  const pWait: number[] = [];
  let n = 0;
  for (let rep = 0; rep < REPS; rep++) {
    const { records } = simulate(scenario, 1000 + rep, { log: false });
    const calls = records.calls.filter((x) => x.tArrive >= WARMUP_S && x.tAnswer !== null);
    n += calls.length;
    waits.push(calls.reduce((a, x) => a + (x.tAnswer! - x.tArrive), 0) / calls.length);
    pWait.push(calls.filter((x) => x.tAnswer! > x.tArrive).length / calls.length);
  }
  return { waits, pWait, n };
}

describe('call-takers agree with Erlang C (M/M/c)', () => {
  const cases = [
    { c: 3, ratePerHour: 60, meanHandleS: 150, hours: 300 }, // a = 2.5, ρ = 0.83
    { c: 6, ratePerHour: 150, meanHandleS: 120, hours: 150 }, // a = 5, ρ = 0.83
  ];
  for (const k of cases) {
    it(`c=${k.c}, λ=${k.ratePerHour}/h, 1/μ=${k.meanHandleS}s: mean wait and P(wait) within the 99.9% interval`, () => {
      const lambda = k.ratePerHour / 3600;
      const mu = 1 / k.meanHandleS;
      const theoryWait = mmcMeanWaitS(k.c, lambda, mu);
      const theoryP = erlangC(k.c, lambda / mu);
      const { waits, pWait, n } = estimate(k.c, k.ratePerHour, k.meanHandleS, k.hours);
      expect(n).toBeGreaterThan(REPS * 1000);
      const t = tQuantile(0.9995, REPS - 1) / tQuantile(0.975, REPS - 1);
      const w = replicationInterval(waits);
      const p = replicationInterval(pWait);
      expect(Math.abs(w.mean - theoryWait)).toBeLessThan(t * w.halfWidth);
      expect(Math.abs(p.mean - theoryP)).toBeLessThan(t * p.halfWidth);
      // The check has teeth: the intervals are narrow against the quantities they test.
      expect(t * w.halfWidth).toBeLessThan(0.2 * theoryWait);
      expect(t * p.halfWidth).toBeLessThan(0.05);
    });
  }
});
