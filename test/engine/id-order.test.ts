import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeptRecords, recordId, recordNumber } from '../../src/engine/kept.ts';

const asStrings = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
/** Keeps records numbered `numbers` (ids from them unless given), handed on in that order; their ids as put in order. */
const ordered = (numbers: number[], ids = numbers.map((n) => recordId('inc', n))) => {
  const kept = new KeptRecords<{ id: string }>(true, 'inc', (r) => r.id);
  numbers.forEach((n, k) => kept.add({ id: ids[k] }, n));
  return kept.inIdOrder().map((r) => r.id);
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
    // Ids of the right form that name other numbers, or another kind, are sorted too.
    expect(ordered([1, 2, 3], ['inc-000003', 'inc-000001', 'inc-000002'])).toEqual(['inc-000001', 'inc-000002', 'inc-000003']);
    expect(ordered([1, 2], ['inc-000002', 'dsp-000001'])).toEqual(['dsp-000001', 'inc-000002']);
    expect(ordered([2, 1], ['inc-000001', 'inc-000002'])).toEqual(['inc-000001', 'inc-000002']);
    // Each part of the form counts: the prefix, the dash, the first and the last digits.
    expect(ordered([1, 2], ['inc-000001', 'dsp-000002'])).toEqual(['dsp-000002', 'inc-000001']);
    expect(ordered([1, 2], ['inc_000001', 'inc-000002'])).toEqual(['inc-000002', 'inc_000001']);
    expect(ordered([1, 2], ['inc-100001', 'inc-000002'])).toEqual(['inc-000002', 'inc-100001']);
    expect(ordered([1, 2], ['inc-000011', 'inc-000002'])).toEqual(['inc-000002', 'inc-000011']);
    // Ids of the right form whose numbers repeat, or fall outside 1…n, are sorted too.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 6 }), (ns) => {
        expect(ordered(ns)).toEqual(asStrings(ns.map((n) => recordId('inc', n))));
      }),
    );
    const someNumbers = fc.array(fc.integer({ min: -2, max: 30 }), { maxLength: 40 });
    fc.assert(
      fc.property(someNumbers, (ns) => {
        const ids = ns.map((n, k) => `${recordId('inc', n)}#${k}`);
        expect(ordered(ns, ids)).toEqual(asStrings(ids));
      }),
    );
  });

  it('counts every record, and keeps none when told not to', () => {
    const kept = new KeptRecords<{ id: string }>(false, 'inc', (r) => r.id);
    kept.add({ id: 'a' }, 1);
    kept.add({ id: 'b' }, 2);
    expect(kept.count).toBe(2);
    expect(kept.inIdOrder()).toEqual([]);
  });

  it('makes an id as the number padded to six digits, and reads the number back only from such an id', () => {
    fc.assert(
      fc.property(fc.constantFrom('inc', 'call', 'dsp') as fc.Arbitrary<'inc' | 'call' | 'dsp'>, fc.oneof(fc.integer({ min: 1, max: 3_000_000 }), fc.integer(), fc.double()), (prefix, n) => {
        expect(recordId(prefix, n)).toBe(`${prefix}-${String(n).padStart(6, '0')}`);
        if (Number.isSafeInteger(n) && n >= 1) expect(recordNumber(prefix, recordId(prefix, n))).toBe(n);
      }),
    );
    for (const id of ['inc-42', 'inc-0000042', 'inc-00004x', 'inc-', 'dsp-000042', 'inc-000042 ', 'inc--00042'] as const) expect(recordNumber('inc', id)).toBeNull();
    // Ids of numbers that are negative or not whole are not read back either.
    for (const n of [1e21, -1, 0.5]) expect(recordNumber('inc', recordId('inc', n))).toBeNull();
    expect(recordNumber('inc', 'inc-000042')).toBe(42);
    expect(recordNumber('inc', 'inc-1234567')).toBe(1_234_567);
  });
});
