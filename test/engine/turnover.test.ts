import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TurnoverMap, TurnoverSet } from '../../src/engine/turnover.ts';

/** Insertions and deletions over a few keys, long enough for many renewals (one per 1,024 insertions at most). */
const ops = fc.array(fc.tuple(fc.constantFrom('put', 'put', 'drop', 'look'), fc.integer({ min: 0, max: 40 })), { minLength: 2000, maxLength: 6000 });

describe('maps and sets renewed as their keys turn over', () => {
  it('answer as a Map does, in its order, through renewals', () => {
    fc.assert(
      fc.property(ops, (steps) => {
        const ours = new TurnoverMap<number, number>();
        const theirs = new Map<number, number>();
        steps.forEach(([op, key], k) => {
          if (op === 'put') expect(ours.set(key, k)).toBe(ours), theirs.set(key, k);
          else if (op === 'drop') expect(ours.delete(key)).toBe(theirs.delete(key));
          else expect([ours.get(key), ours.has(key)]).toEqual([theirs.get(key), theirs.has(key)]);
          expect(ours.size).toBe(theirs.size);
        });
        expect([...ours.values()]).toEqual([...theirs.values()]);
      }),
      { numRuns: 30 },
    );
  });

  it('answer as a Set does, in its order, through renewals', () => {
    fc.assert(
      fc.property(ops, (steps) => {
        const ours = new TurnoverSet<number>();
        const theirs = new Set<number>();
        for (const [op, key] of steps) {
          if (op === 'put') expect(ours.add(key)).toBe(ours), theirs.add(key);
          else if (op === 'drop') expect(ours.delete(key)).toBe(theirs.delete(key));
          else expect(ours.has(key)).toBe(theirs.has(key));
          expect(ours.size).toBe(theirs.size);
        }
        expect([...ours]).toEqual([...theirs]);
      }),
      { numRuns: 30 },
    );
  });

  it('let keys be deleted while iterating, as a Map does', () => {
    const ours = new TurnoverMap<number, number>();
    for (let k = 0; k < 3000; k++) ours.set(k, k);
    for (let k = 0; k < 2990; k++) ours.delete(k);
    const seen: number[] = [];
    for (const v of ours.values()) {
      seen.push(v);
      ours.delete(v + 1);
    }
    expect(seen).toEqual([2990, 2992, 2994, 2996, 2998]);
  });

  it('are renewed: a copy replaces the table once a thousand or more keys have come in', () => {
    // An iterator taken before the renewal walks the table it started on, without the keys inserted
    // after: the one sign from outside that the Map was copied (and the chain of tables cut).
    const set = new TurnoverSet<number>();
    for (let k = 0; k < 1000; k++) set.add(k);
    const before = set[Symbol.iterator]();
    for (let k = 1000; k < 1100; k++) set.add(k);
    expect([...before].length).toBe(1023);
    expect([...set].length).toBe(1100);
  });
});
