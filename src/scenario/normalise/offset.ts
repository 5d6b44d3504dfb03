/**
 * Warnings for places and layers that sit systematically off the road network: the classic mistake
 * of mixing coordinate systems (stations copied from 高德 or 百度 in GCJ-02/BD-09, roads from
 * OpenStreetMap in WGS-84). A set is flagged when its places are displaced from the roads all in
 * one direction by 100 m or more and reading it in another system would bring it at least twice as
 * close; the warning names that system. Places alone (stations, hospitals, depots) are also flagged
 * when the shift is large (≥ 250 m) and coherent even if no system explains it.
 */
import type { Point } from '../../geo/point.ts';
import type { Travel } from '../../geo/travel.ts';
import type { MapLayer } from '../scenario.ts';
import { RoadGraph } from '../../geo/network.ts';
import { compass, offsetFromRoads } from '../../geo/offset.ts';
import { resolveCrs, wgs84To, type Crs } from '../../geo/import/crs.ts';
import type { NormaliseContext } from './context.ts';

const MAX_POINTS = 400;

/** Up to MAX_POINTS vertices of a layer's geometries, evenly taken. */
function vertices(layer: MapLayer): Point[] {
  const out: Point[] = [];
  const walk = (c: unknown) => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') out.push({ lon: c[0], lat: c[1] as number });
    else c.forEach(walk);
  };
  layer.features.forEach((f) => walk(f.geometry?.coordinates));
  const step = Math.max(1, Math.ceil(out.length / MAX_POINTS));
  return out.filter((_, i) => i % step === 0);
}

const round = (m: number) => Math.round(m / 10) * 10;

/** Records a warning for each set of places or layer that looks like it is in another coordinate system. */
export function checkOffsets(travel: Travel, sets: { stations: Point[]; hospitals: Point[]; depots: Point[]; layers: MapLayer[] }, ctx: NormaliseContext): void {
  if (!travel.network) return;
  const g = new RoadGraph(travel.network);
  const candidates: [string, (p: Point) => Point][] = [
    ...(['GCJ02', 'BD09'] as const).map((name): [string, (p: Point) => Point] => {
      const crs = resolveCrs(name) as Crs;
      return [`read as ${crs.id} (${name === 'GCJ02' ? '高德/腾讯' : '百度'}) they would lie {d} m from them — say crs: ${name} where they are given`, (p) => {
        const [lon, lat] = crs.toWgs84(p.lon, p.lat);
        return { lon, lat };
      }];
    }),
    ...(['GCJ-02', 'BD-09'] as const).map((name): [string, (p: Point) => Point] => [`if the roads were in ${name} they would lie {d} m from them: give travel.network its crs`, (p) => {
      const [lon, lat] = wgs84To(name, p.lon, p.lat);
      return { lon, lat };
    }]),
  ];
  const check = (points: Point[], path: string, placesOnly: boolean) => {
    if (points.length < 3) return;
    const o = offsetFromRoads(points, g);
    if (o.shiftM < 100 || o.shiftM < 0.6 * o.meanM) return;
    const fix = candidates
      .map(([text, f]) => ({ text, d: offsetFromRoads(points.map(f), g).meanM }))
      .filter((c) => c.d <= 0.5 * o.meanM)
      .sort((a, b) => a.d - b.d)[0];
    if (!fix && !(placesOnly && o.shiftM >= 250)) return;
    const head = `${points.length} places lie ${round(o.meanM)} m from the nearest road on average, shifted together about ${round(o.shiftM)} m to the ${compass(o.eastM, o.northM)}: are they in another coordinate system than the roads?`;
    ctx.warn(path, fix ? `${head} ${fix.text.replace('{d}', String(round(fix.d)))}` : head);
  };
  check(sets.stations, 'stations', true);
  check(sets.hospitals, 'hospitals', true);
  check(sets.depots, 'depots', true);
  sets.layers.forEach((l, i) => check(vertices(l), `layers[${i}] (${l.name})`, false));
}
