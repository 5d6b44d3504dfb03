import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallTakers } from '../../src/engine/resources/call-takers.ts';
import { RequestQueue } from '../../src/engine/resources/request-queue.ts';
import { RoadGraph, parseRoadGeoJson } from '../../src/geo/network.ts';

describe('call-takers as a resource', () => {
  it('a caller takes a free position at once only when nobody waits; the line is first come, first served', () => {
    const t = new CallTakers<{ id: number; gone: boolean }>();
    t.staffed = 1;
    const a = { id: 1, gone: false };
    const b = { id: 2, gone: false };
    const c = { id: 3, gone: false };
    expect(t.request(a)).toBe(true);
    expect(t.request(b)).toBe(false);
    expect(t.request(c)).toBe(false);
    expect(t.next()).toBeNull(); // no position free yet
    t.release();
    expect(t.next()).toBe(b);
    expect(t.busy).toBe(1);
    t.staffed = 2;
    expect(t.next()).toBe(c);
    expect(t.waiting).toBe(0);
  });

  it('callers who hung up are skipped when their turn comes, and a new caller still queues behind the line', () => {
    const t = new CallTakers<{ id: number; gone: boolean }>();
    t.staffed = 1;
    t.request({ id: 0, gone: false });
    const gone = { id: 1, gone: false };
    const stays = { id: 2, gone: false };
    t.request(gone);
    t.request(stays);
    gone.gone = true;
    t.release();
    expect(t.next()).toBe(stays);
    expect(t.next()).toBeNull();
  });
});

type Req = { seq: number; tQueued: number; grade: number; open: boolean };

describe('the request queue is a heap keyed by (−grade, time queued, request number)', () => {
  const make = () => new RequestQueue<Req>((r) => r.open);

  it('pops exactly the order a sorted list gives, for any mix of pushes, re-grades, closes and pops', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('push' as const), grade: fc.integer({ min: 0, max: 3 }), dt: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ k: fc.constant('rekey' as const), pick: fc.nat(), grade: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ k: fc.constant('close' as const), pick: fc.nat() }),
      fc.record({ k: fc.constant('pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const q = make();
        const model: Req[] = [];
        let seq = 0;
        let t = 0;
        const order = (a: Req, b: Req) => b.grade - a.grade || a.tQueued - b.tQueued || a.seq - b.seq;
        for (const o of ops) {
          if (o.k === 'push') {
            t += o.dt;
            const r: Req = { seq: ++seq, tQueued: t, grade: o.grade, open: true };
            const pos = q.push(r, r.grade);
            model.push(r);
            const live = model.filter((x) => x.open).sort(order);
            expect(pos).toBe(live.indexOf(r) + 1);
          } else if (o.k === 'rekey' && model.length) {
            const r = model[o.pick % model.length];
            r.grade = o.grade;
            q.rekey(r, o.grade);
          } else if (o.k === 'close' && model.length) {
            model[o.pick % model.length].open = false;
          } else if (o.k === 'pop') {
            const want = model.filter((x) => x.open).sort(order)[0] ?? null;
            expect(q.pop()).toBe(want);
            if (want) model.splice(model.indexOf(want), 1);
          }
          expect(q.size).toBe(model.filter((x) => x.open).length);
        }
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});

describe('road graph search cache', () => {
  it('a cache bounded to two searches answers exactly as an unbounded one', () => {
    const coords = Array.from({ length: 8 }, (_, i) => [120 + i * 0.01, 30 + (i % 2) * 0.01]);
    const fcoll = { type: 'FeatureCollection', features: coords.slice(1).map((c, i) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [coords[i], c] } })) };
    const net = parseRoadGeoJson(fcoll, 'roads', 40).network!;
    const small = new RoadGraph(net, 2);
    const big = new RoadGraph(net);
    for (let round = 0; round < 3; round++) {
      for (let a = 0; a < 8; a++) for (let b = 7; b >= 0; b--) expect(small.time(a, b)).toBe(big.time(a, b));
    }
  });
});
