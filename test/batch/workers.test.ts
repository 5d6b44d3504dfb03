import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchWork, WORKER_START_EVENTS, workersFor } from '../../src/batch/workers.ts';
import { loadScenarioFile } from '../../src/cli/io.ts';
import { ROOT } from '../helpers.ts';
import { join } from 'node:path';

const scenario = (rel: string) => {
  const r = loadScenarioFile(join(ROOT, rel));
  if (!r.ok) throw new Error(rel);
  return r.value;
};

describe('workers a batch pays for', () => {
  it('adds the k-th worker once the time it takes off, events / (k·(k−1)), is a worker’s start', () => {
    const e = WORKER_START_EVENTS;
    expect(workersFor(0, 8)).toBe(1);
    expect(workersFor(2 * e - 1, 8)).toBe(1);
    expect(workersFor(2 * e, 8)).toBe(2);
    expect(workersFor(6 * e - 1, 8)).toBe(2);
    expect(workersFor(6 * e, 8)).toBe(3);
    expect(workersFor(12 * e, 8)).toBe(4);
    expect(workersFor(Infinity, 8)).toBe(8);
    expect(workersFor(1e12, 1)).toBe(1);
  });

  it('never fewer than 1 nor more than the cores, and never fewer for more work', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 0, max: 1e12, noNaN: true }), fc.integer({ min: 1, max: 64 }), (a, b, most) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const k = workersFor(lo, most);
        expect(k).toBeGreaterThanOrEqual(1);
        expect(k).toBeLessThanOrEqual(most);
        expect(workersFor(hi, most)).toBeGreaterThanOrEqual(k);
      }),
    );
  });

  it('keeps the default county’s batches of a few hundred replications on one worker, and gives two calls-only M/M/5 replications two', () => {
    const county = scenario('scenarios/default.yaml');
    // Measured on 2 cores: 200 replications take longer on 2 workers than on 1, 550 are faster on 2.
    expect(workersFor(batchWork([county], 200), 2)).toBe(1);
    expect(workersFor(batchWork([county], 550), 2)).toBe(2);
    expect(workersFor(batchWork([scenario('scenarios/bench/mm5-calls.yaml')], 2), 2)).toBe(2);
  });
});
