import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanDistanceToRoadsM, toSegmentM } from '../../src/geo/offset.ts';
import type { RoadNetwork } from '../../src/geo/network.ts';
import type { Point } from '../../src/geo/point.ts';
import { cos } from '../../src/random/math.ts';

/** Every segment tried: the definition the grid search must agree with. */
function bruteForceM(points: Point[], net: RoadNetwork): number {
  let sum = 0;
  for (const p of points) {
    const kx = cos((p.lat * Math.PI) / 180);
    let best = Infinity;
    for (const e of net.edges) best = Math.min(best, toSegmentM(p, net.nodes[e.from], net.nodes[e.to], kx));
    sum += best;
  }
  return sum / points.length;
}

const lonLat = (spread: number) => fc.record({ lon: fc.double({ min: 120 - spread, max: 120 + spread, noNaN: true }), lat: fc.double({ min: 30 - spread, max: 30 + spread, noNaN: true }) });

describe('distance from places to the roads', () => {
  it('the grid search finds the same nearest segment as trying every one (places inside, beside and far outside the network)', () => {
    fc.assert(
      fc.property(fc.array(lonLat(0.1), { minLength: 2, maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 80 }), fc.array(lonLat(0.5), { minLength: 1, maxLength: 20 }), (nodes, pairs, points) => {
        const edges = pairs.flatMap(([i, j, twoWay]) => {
          const e = { from: i % nodes.length, to: j % nodes.length, lengthM: 1, speedKmh: 30 };
          return twoWay ? [e, { ...e, from: e.to, to: e.from }] : [e];
        });
        const net: RoadNetwork = { nodes, edges };
        expect(meanDistanceToRoadsM(points, net)).toBe(bruteForceM(points, net));
      }),
      { seed: 20261130, numRuns: 300 },
    );
  });

  it('a place on a road is 0 m from it, one 0.01° north of an east–west road about 1.1 km', () => {
    const net: RoadNetwork = { nodes: [{ lon: 120, lat: 30 }, { lon: 120.1, lat: 30 }], edges: [{ from: 0, to: 1, lengthM: 9600, speedKmh: 40 }] };
    expect(meanDistanceToRoadsM([{ lon: 120.05, lat: 30 }], net)).toBe(0);
    expect(meanDistanceToRoadsM([{ lon: 120.05, lat: 30.01 }], net)).toBeCloseTo(1111.95, 1);
  });
});
