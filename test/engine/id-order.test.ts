import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inIdOrder } from '../../src/engine/simulate.ts';

const asStrings = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const ordered = (ids: string[]) => {
  const rows = ids.map((id) => ({ id }));
  inIdOrder(rows, (r) => r.id);
  return rows.map((r) => r.id);
};
const padded = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, '0')}`;

describe('records in id order', () => {
  it('places a shuffled run of counters 1…n by slot, as the string sort would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }).chain((n) => fc.shuffledSubarray([...Array(n).keys()].map((k) => padded('inc', k + 1)), { minLength: n, maxLength: n })), (ids) => {
        expect(ordered(ids)).toEqual(asStrings(ids));
      }),
    );
  });

  it('falls back to the string order for holes, repeats, a millionth id and other forms', () => {
    const cases = [
      [padded('call', 3), padded('call', 1)],
      [padded('dsp', 2), padded('dsp', 2), padded('dsp', 1)],
      ['inc-1000000', padded('inc', 999_999), padded('inc', 2), padded('inc', 1)],
      ['inc-00000a', padded('inc', 1)],
      ['x', 'inc-', padded('inc', 1)],
    ];
    for (const ids of cases) expect(ordered(ids)).toEqual(asStrings(ids));
    const someIds = fc.array(fc.oneof(fc.string(), fc.integer({ min: 0, max: 20 }).map((k) => padded('inc', k))));
    fc.assert(
      fc.property(someIds, (ids) => {
        expect(ordered(ids)).toEqual(asStrings(ids));
      }),
    );
  });
});
