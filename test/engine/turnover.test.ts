import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TurnoverMap, TurnoverSet } from '../../src/engine/turnover.ts';

/**
 * Insertions and deletions over a few keys: 3,000 steps or more, two in three of them insertions, so
 * each run goes through at least one renewal (one per 1,024 insertions while few keys are held).
 */
const ops = fc.array(fc.tuple(fc.constantFrom('put', 'put', 'put', 'put', 'drop', 'look'), fc.integer({ min: 0, max: 40 })), { minLength: 3000, maxLength: 6000 });
const runs = { numRuns: 25, endOnFailure: true };

/**
 * For a TurnoverMap and a TurnoverSet each given keys 0…held−1: the keys an iterator taken then
 * yields once keys held…held+more−1 have been added.
 */
function seenAfterAdding(held: number, more: number): [number, number] {
  const map = new TurnoverMap<number, number>();
  const set = new TurnoverSet<number>();
  const count = (add: (k: number) => void, iterate: () => Iterator<number>) => {
    for (let k = 0; k < held; k++) add(k);
    const it = iterate();
    for (let k = held; k < held + more; k++) add(k);
    let n = 0;
    while (!it.next().done) n++;
    return n;
  };
  return [count((k) => map.set(k, k), () => map.values()), count((k) => set.add(k), () => set[Symbol.iterator]())];
}

describe('maps and sets renewed as their keys turn over', () => {
  it('answer as a Map does, in its order, through renewals', () => {
    fc.assert(
      fc.property(ops, (steps) => {
        const ours = new TurnoverMap<number, number>();
        const theirs = new Map<number, number>();
        steps.forEach(([op, key], k) => {
          if (op === 'put') {
            expect(ours.set(key, k)).toBe(ours);
            theirs.set(key, k);
          } else if (op === 'drop') expect(ours.delete(key)).toBe(theirs.delete(key));
          else expect([ours.get(key), ours.has(key)]).toEqual([theirs.get(key), theirs.has(key)]);
          expect(ours.size).toBe(theirs.size);
        });
        expect([...ours.values()]).toEqual([...theirs.values()]);
      }),
      runs,
    );
  });

  it('answer as a Set does, in its order, through renewals', () => {
    fc.assert(
      fc.property(ops, (steps) => {
        const ours = new TurnoverSet<number>();
        const theirs = new Set<number>();
        for (const [op, key] of steps) {
          if (op === 'put') {
            expect(ours.add(key)).toBe(ours);
            theirs.add(key);
          } else if (op === 'drop') expect(ours.delete(key)).toBe(theirs.delete(key));
          else expect(ours.has(key)).toBe(theirs.has(key));
          expect(ours.size).toBe(theirs.size);
        }
        expect([...ours]).toEqual([...theirs]);
      }),
      runs,
    );
  });

  it('let keys be deleted while iterating, after renewals, as a Map does', () => {
    const ours = new TurnoverMap<number, number>();
    const theirs = new Map<number, number>();
    const seen = (m: TurnoverMap<number, number> | Map<number, number>) => {
      for (let k = 0; k < 5000; k++) m.set(k % 60, k);
      const out: number[] = [];
      for (const v of m.values()) {
        out.push(v);
        m.delete((v % 60) + 1);
      }
      return out;
    };
    expect(seen(ours)).toEqual(seen(theirs));
  });

  // An iterator taken before a renewal walks the copy it started on, without the keys inserted
  // after: from outside, the one sign that the Map or Set was copied (and its tables cut loose).
  it('are copied once a thousand keys or more have come in', () => {
    expect(seenAfterAdding(1000, 100)).toEqual([1023, 1023]);
  });

  it('are not copied before they have taken in as many keys as they hold', () => {
    // 5,000 keys held: the next 1,500 insertions are fewer than that, so no copy, and an iterator
    // sees every key added meanwhile, as a Map's or Set's does.
    expect(seenAfterAdding(5000, 1500)).toEqual([6500, 6500]);
  });
});
