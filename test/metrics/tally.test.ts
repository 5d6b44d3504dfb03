/**
 * A pooled score keeps each indicator's items summed up instead of the items: its misses must be
 * exactly what sorting every item would give (the worst five, with ties by incident id and then
 * arrival; the counts by channel and agency), and adding replications one at a time must give the
 * score of all of them at once.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IndicatorTally } from '../../src/metrics/tally.ts';
import { ScoreAccumulator, scoreRuns, type Sample } from '../../src/metrics/score.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { loadFile } from '../helpers.ts';

const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261129);

/** The items over target as a full sort finds them (what findings did before tallies). */
function reference(samples: Sample[], target: number) {
  const bad = samples
    .filter((s) => s.value > target)
    .sort((a, b) => b.value - a.value || ((a.incident ?? '') < (b.incident ?? '') ? -1 : (a.incident ?? '') > (b.incident ?? '') ? 1 : 0));
  const count = (key: (s: Sample) => string | undefined) => {
    const m = new Map<string, number>();
    for (const s of bad) {
      const k = key(s);
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  return {
    over: bad.length,
    worst: bad.slice(0, 5),
    channels: count((s) => (s.note && ['phone', 'platform', 'radio'].includes(s.note) ? s.note : undefined)),
    agencies: count((s) => s.agency),
  };
}

const sample = fc.record({
  value: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 30, noNaN: true }), fc.constantFrom(Infinity, NaN)),
  rep: fc.constant(1),
  incident: fc.option(fc.constantFrom('inc-1', 'inc-2', 'inc-3'), { nil: undefined }),
  agency: fc.option(fc.constantFrom('A', 'B', ''), { nil: undefined }),
  note: fc.option(fc.constantFrom('phone', 'platform', 'radio', 'IV→III'), { nil: undefined }),
  t: fc.integer({ min: 0, max: 9 }),
});

describe('indicator tally', () => {
  it('keeps exactly the worst five misses, in sort order, and counts them by channel and agency', () => {
    fc.assert(
      fc.property(fc.array(fc.array(sample), { maxLength: 4 }), fc.integer({ min: 0, max: 20 }), (batches, target) => {
        const t = new IndicatorTally(target);
        for (const b of batches) t.add(b);
        const ref = reference(batches.flat(), target);
        expect(t.values).toEqual(batches.flat().map((s) => s.value));
        expect(t.misses.over).toBe(ref.over);
        expect(t.misses.worst).toEqual(ref.worst);
        // The same items, by identity: ties keep their arrival order.
        t.misses.worst.forEach((s, k) => expect(s).toBe(ref.worst[k]));
        expect(new Map([...t.misses.channels].sort())).toEqual(new Map([...ref.channels].sort()));
        expect(new Map([...t.misses.agencies].sort())).toEqual(new Map([...ref.agencies].sort()));
      }),
      { numRuns: 2000, seed },
    );
  });

  it("adds parts' tallies into exactly the tally of all their items, in order, and sorts a tally's values once", () => {
    fc.assert(
      fc.property(fc.array(fc.array(sample), { maxLength: 5 }), fc.integer({ min: 0, max: 20 }), (batches, target) => {
        const whole = new IndicatorTally(target);
        const parts = batches.map((b) => {
          whole.add(b);
          const t = new IndicatorTally(target);
          t.add(b);
          return t;
        });
        const pooled = new IndicatorTally(target);
        for (const p of parts) pooled.absorb(p);
        expect(pooled.values).toEqual(whole.values);
        expect(pooled.misses.over).toBe(whole.misses.over);
        // The same items, by identity, and the counts in the order their keys first came.
        expect(pooled.misses.worst.length).toBe(whole.misses.worst.length);
        pooled.misses.worst.forEach((s, k) => expect(s).toBe(whole.misses.worst[k]));
        expect([...pooled.misses.channels]).toEqual([...whole.misses.channels]);
        expect([...pooled.misses.agencies]).toEqual([...whole.misses.agencies]);
        expect(Array.from(pooled.sorted())).toEqual(Array.from(Float64Array.from(whole.values).sort()));
        expect(pooled.sorted()).toBe(pooled.sorted());
      }),
      { numRuns: 2000, seed },
    );
    expect(() => new IndicatorTally(5).absorb(new IndicatorTally(6))).toThrow(RangeError);
  });

  it('replications added one at a time score as all of them at once, and each alone as itself', () => {
    const s = loadFile('test/fixtures/small.yaml');
    const runs = [1, 2, 3].map((rep) => ({ rep, records: simulate(s, 20 + rep, { log: false }).records }));
    const ctx = { durationS: s.durationS, agencies: Object.fromEntries(s.agencies.map((a) => [a.id, { kind: a.kind, tier: a.tier }])) };
    const acc = new ScoreAccumulator(ctx);
    for (const r of runs) expect(acc.addAndScore(r.rep, r.records)).toEqual(scoreRuns([r], ctx));
    expect(acc.result()).toEqual(scoreRuns(runs, ctx));
  });
});
