import { describe, expect, it } from 'vitest';
import { histogramModel } from '../../src/report/svg.ts';

describe('report charts', () => {
  it('a histogram’s count axis is ticked in whole numbers, even with two items', () => {
    for (const values of [[70, 470], [5], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]]) {
      const m = histogramModel(values, 300);
      expect(m.yTicks.length).toBeGreaterThanOrEqual(2);
      for (const t of m.yTicks) expect(Number.isInteger(Number(t.label))).toBe(true);
    }
  });
});
