import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundRecords } from '../../src/metrics/round.ts';
import type { RunRecords } from '../../src/engine/records.ts';

/**
 * The rounding's contract: a fraction as `Number(x.toFixed(3))`; integers (−0 too), NaN, ±∞ and the
 * rest as they are. The files write −0 as 0 and ±∞ as an empty cell; the rounding has always left
 * both as they are.
 */
const asTheFilesRound = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && !Number.isInteger(x) ? Number(x.toFixed(3)) : x);

const value = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -1e6, max: 1e6 }),
  fc.integer().map((k) => k / 2000),
  fc.integer(),
  fc.constantFrom(-0, 0.0005, 1.0005, -2.0015, 2 ** 53, Infinity, -Infinity, NaN),
  fc.constant(null),
  fc.string(),
  fc.boolean(),
);
const record = fc.dictionary(fc.constantFrom('tOccur', 'tClosed', 'callers', 'incidentId', 'utilization', 'travelS', 'open'), value);
const records = fc.record({
  incidents: fc.array(record, { maxLength: 6 }),
  calls: fc.array(record, { maxLength: 6 }),
  dispatches: fc.array(record, { maxLength: 6 }),
  units: fc.array(record, { maxLength: 6 }),
  agencies: fc.array(record, { maxLength: 6 }),
  depots: fc.array(record, { maxLength: 6 }),
}) as unknown as fc.Arbitrary<RunRecords>;

/** Records as text that tells −0, NaN and ±∞ apart, and a number from text (some generated records have no prototype). */
const canon = (r: unknown) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'number' ? `#${Object.is(v, -0) ? '-0' : String(v)}` : v));

const expected = (r: RunRecords) =>
  Object.fromEntries(Object.entries(r).map(([kind, xs]) => [kind, (xs as object[]).map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, asTheFilesRound(v)])))]));

describe('roundRecords', () => {
  it('rounds every number of every record as the files do, records of one kind with different fields included', () => {
    fc.assert(
      fc.property(records, (r) => {
        const before = canon(r);
        const want = canon(expected(r));
        expect(canon(roundRecords(r))).toBe(want);
        // A copy leaves the records as they were; in place, they become the copy.
        expect(canon(r)).toBe(before);
        expect(canon(roundRecords(r, true))).toBe(want);
        expect(canon(r)).toBe(want);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps −0, and the sign toFixed gives a fraction that rounds to zero', () => {
    const [x] = roundRecords({ incidents: [{ a: -0, b: -0.0001, c: 0.0004 }], calls: [], dispatches: [], units: [], agencies: [], depots: [] } as unknown as RunRecords).incidents as unknown as Record<string, number>[];
    expect(Object.is(x.a, -0)).toBe(true);
    expect(Object.is(x.b, Number((-0.0001).toFixed(3)))).toBe(true);
    expect(Object.is(x.c, 0)).toBe(true);
  });
});
