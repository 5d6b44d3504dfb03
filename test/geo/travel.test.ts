import { describe, expect, it } from 'vitest';
import { parseRoadGeoJson, RoadGraph } from '../../src/geo/network.ts';
import { TravelModel, hourAt, type Travel } from '../../src/geo/travel.ts';
import { distanceM } from '../../src/geo/distance.ts';

const line = (coords: number[][], props: Record<string, unknown> = {}) => ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } });

describe('road network', () => {
  // A square with a slow short side and a fast long way round, plus a one-way road.
  const fc = {
    type: 'FeatureCollection',
    features: [
      line([[0, 0], [0.01, 0]], { speed_kmh: 10 }),
      line([[0, 0], [0, 0.01], [0.01, 0.01], [0.01, 0]], { speed_kmh: 100 }),
      line([[0.01, 0], [0.02, 0]], { speed_kmh: 50, oneway: 'yes' }),
    ],
  };
  const { network, errors } = parseRoadGeoJson(fc, 'roads', 40);
  const g = new RoadGraph(network!);

  it('parses LineStrings into a graph with shared nodes', () => {
    expect(errors).toEqual([]);
    expect(network!.nodes.length).toBe(5);
  });

  it('finds the fastest path, not the shortest', () => {
    const a = g.nearest({ lon: 0, lat: 0 }).node;
    const b = g.nearest({ lon: 0.01, lat: 0 }).node;
    const slow = distanceM({ lon: 0, lat: 0 }, { lon: 0.01, lat: 0 }) / (10 / 3.6);
    expect(g.time(a, b)).toBeLessThan(slow);
    expect(g.path(a, b).length).toBe(4);
  });

  it('reachableFrom follows the roads forwards, one-way ones included, exactly as the search times them', () => {
    for (let src = 0; src < g.size; src++) {
      const from = g.reachableFrom(src);
      for (let v = 0; v < g.size; v++) expect({ src, v, reached: from[v] === 1 }).toEqual({ src, v, reached: Number.isFinite(g.time(src, v)) });
    }
    const c = g.nearest({ lon: 0.02, lat: 0 }).node;
    expect([...g.reachableFrom(c)].reduce((a, x) => a + x, 0)).toBe(1);
  });

  it('a full search cache drops the search used longest ago, and a dropped search comes back the same', () => {
    const small = new RoadGraph(network!, 2);
    const [a, b, c] = [0, 1, 2].map((v) => small.towards(v));
    // Room for two: asking for 2 dropped 0, the one used longest ago; 1 and 2 are kept.
    expect(small.towards(1)).toBe(b);
    expect(small.towards(2)).toBe(c);
    const again = small.towards(0);
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
    // 0 came back in place of 1, which had waited longest since its last use.
    expect(small.towards(2)).toBe(c);
    expect(small.towards(0)).toBe(again);
    expect(small.towards(1)).not.toBe(b);
  });

  it('a fixed place snaps where any place there snaps, and again where it was moved to', () => {
    const station = { lon: 0.0004, lat: 0.0097 };
    expect(g.nearestFixed(station)).toEqual(g.nearest({ ...station }));
    station.lon = 0.0099;
    station.lat = 0.0003;
    expect(g.nearestFixed(station)).toEqual(g.nearest({ ...station }));
    expect(g.nearestFixed(station).node).not.toBe(g.nearest({ lon: 0.0004, lat: 0.0097 }).node);
  });

  it('respects one-way roads', () => {
    const b = g.nearest({ lon: 0.01, lat: 0 }).node;
    const c = g.nearest({ lon: 0.02, lat: 0 }).node;
    expect(Number.isFinite(g.time(b, c))).toBe(true);
    expect(g.time(c, b)).toBe(Infinity);
  });

  it('rejects what is not a road network', () => {
    expect(parseRoadGeoJson({ type: 'Feature' }, 'roads', 40).errors[0].en).toBe('not a GeoJSON FeatureCollection');
    expect(parseRoadGeoJson({ type: 'FeatureCollection', features: [line([[0, 0]])] }, 'roads', 40).errors[0].path).toBe('roads features[0]');
  });

  it('says every problem with a road network in Chinese as well, with the English unchanged', () => {
    const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
    const cases: [unknown, string, string][] = [
      [{ type: 'Feature' }, 'roads', 'not a GeoJSON FeatureCollection'],
      [fc({ type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] } }), 'roads features[0]', 'a road must be a LineString or MultiLineString'],
      [fc(line([[0, 0]])), 'roads features[0]', 'a line needs at least two [lon, lat] positions'],
      [fc({ ...line([[0, 0], [0, 1]]), properties: { speed_kmh: 0 } }), 'roads features[0].properties.speed_kmh', 'speed must be a number of km/h from 0.1 to 1000, got 0'],
      [fc(line([[0, 0], [0, 100]])), 'roads features[0].geometry.coordinates', 'position 1: latitude 100 is outside −90…90 (are the coordinates projected, or lat/lon swapped?)'],
      [fc(line([[0, 0], [0, 0]])), 'roads', 'the road network has no roads'],
    ];
    for (const [json, path, en] of cases) {
      const [e] = parseRoadGeoJson(json, 'roads', 40).errors;
      expect({ path: e.path, en: e.en }).toEqual({ path, en });
      expect(e.zh).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('travel model', () => {
  const travel: Travel = { model: 'straight', speedKmh: 36, detour: 1.5, emergencyFactor: 1.25, congestion: Array.from({ length: 24 }, (_, h) => (h === 8 ? 2 : 1)), snapM: 1000 };
  const m = new TravelModel({ travel, startSecondOfDay: 7 * 3600 });
  const a = m.place({ lon: 120, lat: 30 });
  const b = m.place({ lon: 120.01, lat: 30 });

  it('straight: distance × detour ÷ speed, scaled by congestion and the emergency factor', () => {
    const base = (distanceM(a, b) * 1.5) / 10;
    expect(m.freeFlowS(a, b)).toBeCloseTo(base, 9);
    expect(m.tripS(a, b, 0, false)).toBeCloseTo(base, 9); // 07:00
    expect(m.tripS(a, b, 3600, false)).toBeCloseTo(2 * base, 9); // 08:00 rush hour
    expect(m.tripS(a, b, 0, true)).toBeCloseTo(base / 1.25, 9);
  });

  it('local hour wraps past midnight', () => {
    expect(hourAt(23 * 3600, 3600)).toBe(0);
    expect(hourAt(0, 86400 * 3 + 3600 * 5)).toBe(5);
  });

  it('matrix: station ↔ zone from the table, zone → zone through the best station', () => {
    const mm = new TravelModel({
      travel: { ...travel, model: 'matrix', matrix: { Z1: { S1: 100, S2: 300 }, Z2: { S1: 250, S2: 50 } } },
      startSecondOfDay: 0,
    });
    const s1 = mm.place({ lon: 0, lat: 0 }, { station: 'S1' });
    const z1 = mm.place({ lon: 0, lat: 0 }, { zone: 'Z1' });
    const z2 = mm.place({ lon: 1, lat: 1 }, { zone: 'Z2' });
    expect(mm.freeFlowS(s1, z2)).toBe(250);
    expect(mm.freeFlowS(z2, s1)).toBe(250);
    expect(mm.freeFlowS(z1, z2)).toBe(350); // via S1 (100 + 250) beats S2 (300 + 50)
  });
});
