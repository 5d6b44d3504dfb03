import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchTime, batchWork, COMPILE_EVENTS, jobsWork, WARM_UP_EVENTS, workersFor } from '../../src/batch/workers.ts';
import { estimateWork } from '../../src/engine/estimate.ts';
import { loadScenarioFile } from '../../src/cli/io.ts';
import { ROOT } from '../helpers.ts';

const scenario = (rel: string) => {
  const r = loadScenarioFile(join(ROOT, rel));
  if (!r.ok) throw new Error(rel);
  return r.value;
};

describe('workers a batch pays for', () => {
  it('on 2 cores, one worker’s time W + m equals two’s W/2 + m + h at W = 2h, and the second is taken once it saves 5%', () => {
    const even = 2 * COMPILE_EVENTS;
    expect(batchTime(even, 1, 2)).toBe(even + WARM_UP_EVENTS);
    expect(batchTime(even, 2, 2)).toBe(even + WARM_UP_EVENTS);
    expect(workersFor(even, 2)).toBe(1);
    for (let w = 0; w <= 4e6; w += 1e4) expect(workersFor(w, 2)).toBe(1.05 * batchTime(w, 2, 2) <= batchTime(w, 1, 2) ? 2 : 1);
  });

  it('uses more of a larger machine for the same work, since the compiling then has idle cores', () => {
    const work = 500_000;
    expect(workersFor(work, 2)).toBe(1);
    expect(workersFor(work, 8)).toBeGreaterThan(1);
    expect(workersFor(Infinity, 8)).toBe(8);
    expect(workersFor(0, 8)).toBe(1);
    expect(workersFor(1e12, 1)).toBe(1);
  });

  it('never fewer than 1 nor more than the cores or the jobs, and never fewer for more work', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e11, noNaN: true }), fc.double({ min: 0, max: 1e11, noNaN: true }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 500 }), (a, b, cores, jobs) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const k = workersFor(lo, cores, jobs);
        expect(k).toBeGreaterThanOrEqual(1);
        expect(k).toBeLessThanOrEqual(Math.min(cores, jobs));
        expect(workersFor(hi, cores, jobs)).toBeGreaterThanOrEqual(k);
      }),
    );
  });

  it('counts whole jobs: a worker that would get no fewer jobs than with one less is not started', () => {
    // 20 long jobs on 16 cores: 10 workers take 2 jobs each, as 14 would.
    expect(workersFor(1e11, 16, 20)).toBe(10);
    expect(workersFor(1e11, 64, 20)).toBe(20);
    expect(workersFor(1e11, 64, 3)).toBe(3);
  });

  it('weighs jobs by their variant’s estimate', () => {
    const county = scenario('scenarios/default.yaml');
    const small = scenario('test/fixtures/small.yaml');
    const scenarios = new Map([['a', county], ['b', small]]);
    const jobs = [{ variant: 'a' }, { variant: 'b' }, { variant: 'a' }];
    expect(jobsWork(jobs, scenarios)).toBeCloseTo(2 * estimateWork(county).events + estimateWork(small).events, 6);
    expect(jobsWork([], scenarios)).toBe(0);
  });

  it('on 2 cores keeps the default county’s batch of 200 on one worker and gives 550 two, as measured; two calls-only M/M/5 replications get two', () => {
    const county = scenario('scenarios/default.yaml');
    expect(workersFor(batchWork([county], 200), 2)).toBe(1);
    expect(workersFor(batchWork([county], 550), 2)).toBe(2);
    expect(workersFor(batchWork([scenario('scenarios/bench/mm5-calls.yaml')], 2), 2)).toBe(2);
  });
});
