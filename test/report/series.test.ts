/**
 * The report's one-pass summaries of a busy run — callers waiting over time, the largest incidents,
 * the sorted finite values — against the plain definitions they replace: the same numbers, bit for
 * bit, on made-up data full of ties.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binnedMean, occupancySeries } from '../../src/report/svg.ts';
import { largestIncidents } from '../../src/report/aar/timeline.ts';
import { sortedFinite } from '../../src/metrics/stats.ts';
import { DigestBuilder, emergencyWaits } from '../../src/report/digest.ts';
import { call, empty, incident } from '../metrics/builders.ts';

/** The number waiting at each change, as tuples: the definition. */
function occupancyTuples(intervals: readonly [number, number][]): [number, number][] {
  const live = intervals.filter(([a, b]) => b > a);
  const s = live.map(([a]) => a).sort((x, y) => x - y);
  const e = live.map(([, b]) => b).sort((x, y) => x - y);
  const out: [number, number][] = [[0, 0]];
  let n = 0;
  for (let i = 0, j = 0; i < s.length || j < e.length; ) {
    const end = j < e.length && !(i < s.length && s[i] < e[j]);
    const t = end ? e[j++] : s[i++];
    n += end ? -1 : 1;
    if (out[out.length - 1][0] === t) out[out.length - 1][1] = n;
    else out.push([t, n]);
  }
  return out;
}

/** Time averages over bins, read off a tuple series: the definition. */
function binnedTuples(series: readonly [number, number][], endS: number, binS: number): [number, number][] {
  const out: [number, number][] = [];
  for (let b0 = 0; b0 < endS; b0 += binS) {
    const b1 = Math.min(endS, b0 + binS);
    let area = 0;
    series.forEach(([t, level], j) => {
      const a = Math.max(b0, t);
      const b = Math.min(b1, j + 1 < series.length ? series[j + 1][0] : b1);
      if (b > a) area += (b - a) * level;
    });
    out.push([b0, area / (b1 - b0)]);
  }
  return out;
}

// Times on a coarse grid, so that starts and ends coincide often; some intervals end before they start.
const time = fc.oneof(fc.integer({ min: 0, max: 40 }).map((k) => k * 7.5), fc.double({ min: 0, max: 300, noNaN: true }));
const intervals = fc.array(fc.tuple(time, time), { maxLength: 60 });

describe('callers waiting over time', () => {
  it('are the step series and bin means of the definition', () => {
    fc.assert(
      fc.property(intervals, fc.constantFrom(300, 310.5), fc.constantFrom(7.5, 30, 100), (xs, endS, binS) => {
        const series = occupancySeries(xs.map(([a]) => a), xs.map(([, b]) => b));
        const tuples = occupancyTuples(xs);
        expect([...series.t]).toEqual(tuples.map(([t]) => t));
        expect([...series.level]).toEqual(tuples.map(([, n]) => n));
        expect(binnedMean(series, endS, binS)).toEqual(binnedTuples(tuples, endS, binS));
      }),
    );
  });

  it('start at nobody waiting, and changes at the same time make one step', () => {
    const s = occupancySeries([0, 10, 10, 5], [10, 20, 10, 10]);
    // [10, 10] counts for nothing; at 10 two callers leave and one comes.
    expect([...s.t]).toEqual([0, 5, 10, 20]);
    expect([...s.level]).toEqual([1, 2, 1, 0]);
    expect(binnedMean(s, 20, 10)).toEqual([[0, 1.5], [10, 1]]);
  });
});

describe('the report digest’s callers waiting', () => {
  it('are the emergency line’s callers, each until answered, else until it hung up, else until the run ended', () => {
    const r = {
      ...empty(),
      calls: [
        call('c1', 5),
        call('c2', 0, { tArrive: 200, tAnswer: null, tEnd: 260, abandoned: true }),
        call('c3', 0, { tArrive: 300, tAnswer: null, tEnd: null }),
        call('c4', 8, { line: 'nonEmergency', kind: 'consult' }),
      ],
    };
    const b = new DigestBuilder(86400);
    b.add(r);
    const { arrive, leave } = b.result().waits;
    expect([...arrive]).toEqual([100, 200, 300]);
    expect([...leave]).toEqual([105, 260, 86400]);
    // Of their own length, not views of arrays sized for every call.
    expect(arrive.buffer.byteLength).toBe(3 * 8);
    // The app's System state view draws the same callers, up to the end it replays to.
    const app = emergencyWaits(r.calls, 400);
    expect([...app.arrive]).toEqual([100, 200, 300]);
    expect([...app.leave]).toEqual([105, 260, 400]);
  });
});

describe('the largest incidents', () => {
  it('are the first k of the stable sort by units, agencies and time', () => {
    const inc = fc.record({ unitsRequired: fc.integer({ min: 0, max: 3 }), agenciesRequired: fc.integer({ min: 0, max: 2 }), tOccur: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(inc, { maxLength: 30 }), fc.integer({ min: 0, max: 5 }), (xs, k) => {
        const r = { ...empty(), incidents: xs.map((x, n) => incident(`inc-${n}`, x)) };
        const sorted = [...r.incidents]
          .filter((i) => i.unitsRequired > 0)
          .sort((a, b) => b.unitsRequired - a.unitsRequired || b.agenciesRequired - a.agenciesRequired || a.tOccur - b.tOccur)
          .slice(0, k);
        expect(largestIncidents(r, k).map((i) => i.incidentId)).toEqual(sorted.map((i) => i.incidentId));
      }),
    );
  });

  it('are none for a k below 1 or not a number', () => {
    const r = { ...empty(), incidents: [incident('inc-1'), incident('inc-2')] };
    for (const k of [0, -1, NaN]) expect(largestIncidents(r, k)).toEqual([]);
  });
});

describe('sorted finite values', () => {
  it('leave out what is not finite and sort the rest as numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(NaN, Infinity, -Infinity, -0))), (xs) => {
        const want = xs.filter((v) => Number.isFinite(v)).sort((a, b) => a - b || (Object.is(a, -0) ? -1 : Object.is(b, -0) ? 1 : 0));
        expect([...sortedFinite(xs)]).toEqual(want);
      }),
    );
  });
});
