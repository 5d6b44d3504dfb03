import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeptRecords, recordId } from '../../src/engine/kept.ts';

const asStrings = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
/** Keeps records numbered `numbers` (ids from them unless given), handed on in that order; their ids as put in order. */
const ordered = (numbers: number[], ids = numbers.map((n) => recordId('inc', n))) => {
  const kept = new KeptRecords<{ id: string }>(true);
  numbers.forEach((n, k) => kept.add({ id: ids[k] }, n));
  return kept.inIdOrder((r) => r.id).map((r) => r.id);
};

describe('records in id order', () => {
  it('puts records numbered 1…n, handed on in any order, in the order of their ids', () => {
    const shuffled = fc.integer({ min: 0, max: 300 }).chain((n) => fc.shuffledSubarray([...Array(n).keys()].map((k) => k + 1), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(shuffled, (numbers) => {
        const ids = numbers.map((n) => recordId('inc', n));
        expect(ordered(numbers)).toEqual(asStrings(ids));
      }),
    );
  });

  it('sorts the ids as strings where the numbers are not 1…n once each, or past a million', () => {
    expect(ordered([3, 1])).toEqual([recordId('inc', 1), recordId('inc', 3)]);
    expect(ordered([2, 2, 1], ['dsp-000002', 'dsp-000002b', 'dsp-000001'])).toEqual(['dsp-000001', 'dsp-000002', 'dsp-000002b']);
    // A millionth record: its id sorts between those of the 100,000th and the 100,001st.
    const million = Array.from({ length: 1_000_000 }, (_, k) => 1_000_000 - k);
    const inOrder = ordered(million);
    expect(inOrder.slice(99_999, 100_002)).toEqual(['inc-100000', 'inc-1000000', 'inc-100001']);
    expect(inOrder).toEqual(asStrings(million.map((n) => recordId('inc', n))));
    // Numbers 1…n whose ids do not follow them (another scheme of ids) are sorted by id all the same.
    expect(ordered([1, 2, 3], ['inc-b', 'inc-c', 'inc-a'])).toEqual(['inc-a', 'inc-b', 'inc-c']);
    const someNumbers = fc.array(fc.integer({ min: -2, max: 30 }), { maxLength: 40 });
    fc.assert(
      fc.property(someNumbers, (ns) => {
        const ids = ns.map((n, k) => `${recordId('inc', n)}#${k}`);
        expect(ordered(ns, ids)).toEqual(asStrings(ids));
      }),
    );
  });

  it('counts every record, and keeps none when told not to', () => {
    const kept = new KeptRecords<{ id: string }>(false);
    kept.add({ id: 'a' }, 1);
    kept.add({ id: 'b' }, 2);
    expect(kept.count).toBe(2);
    expect(kept.inIdOrder((r) => r.id)).toEqual([]);
  });
});
