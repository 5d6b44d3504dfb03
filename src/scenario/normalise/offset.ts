/**
 * Warnings for places and layers that look like they are in another coordinate system than the
 * roads — the classic mistake of stations copied from 高德 or 百度 (GCJ-02, BD-09) onto an
 * OpenStreetMap network (WGS-84), or the reverse. A set of at least three places (stations,
 * hospitals, depots, a layer's vertices) is flagged when it lies 30 m or more from the roads on
 * average and reading it in GCJ-02 or BD-09 (or the roads in it) would bring it at least twice as
 * close; the warning names that system.
 */
import type { Point } from '../../geo/point.ts';
import type { Travel } from '../../geo/travel.ts';
import type { RoadNetwork } from '../../geo/network.ts';
import type { MapLayer } from '../scenario.ts';
import { meanDistanceToRoadsM } from '../../geo/offset.ts';
import { resolveCrs, wgs84To, type Crs } from '../../geo/import/crs.ts';
import type { NormaliseContext } from './context.ts';
import type { Words } from '../errors.ts';

const MAX_POINTS = 200;

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
const asPoint = ([lon, lat]: [number, number]): Point => ({ lon, lat });

/** Each system a set might really be in: how to read it, and what to tell the user. */
const CANDIDATES: { move: (p: Point) => Point; advice: (d: number) => Words }[] = [
  ...(['GCJ02', 'BD09'] as const).map((name) => {
    const crs = resolveCrs(name) as Crs;
    const maps = name === 'GCJ02' ? '高德/腾讯' : '百度';
    return {
      move: (p: Point) => asPoint(crs.toWgs84(p.lon, p.lat)),
      advice: (d: number) => ({ zh: `若按 ${crs.id}（${maps}）读取，它们距道路将为 ${d} 米——请在给出它们的地方写明 crs: ${name}`, en: `read as ${crs.id} (${maps}) they would lie ${d} m from them — say crs: ${name} where they are given` }),
    };
  }),
  ...(['GCJ-02', 'BD-09'] as const).map((name) => ({
    move: (p: Point) => asPoint(wgs84To(name, p.lon, p.lat)),
    advice: (d: number) => ({ zh: `若道路按 ${name} 读取，它们距道路将为 ${d} 米——请给出 travel.network 的 crs: ${name.replace('-', '')}`, en: `if the roads were read as ${name} they would lie ${d} m from them — give travel.network crs: ${name.replace('-', '')}` }),
  })),
];

/** Records a warning for each set of places or layer that looks like it is in another coordinate system. */
export function checkOffsets(travel: Travel, sets: { stations: Point[]; hospitals: Point[]; depots: Point[]; layers: MapLayer[] }, ctx: NormaliseContext): void {
  const net = travel.network;
  if (!net) return;
  const check = (points: Point[], path: string) => {
    if (points.length < 3) return;
    // The same places against the same roads (a variant that moves none) give the same answer.
    const cache = ctx.cache;
    const warning = cache ? cache.memoOn(net, `offset ${path} ${JSON.stringify(points.map((p) => [String(p.lon), String(p.lat)]))}`, () => offsetWarning(points, net)) : offsetWarning(points, net);
    if (warning !== null) ctx.warn(path, warning);
  };
  check(sets.stations, 'stations');
  check(sets.hospitals, 'hospitals');
  check(sets.depots, 'depots');
  sets.layers.forEach((l, i) => check(vertices(l), `layers[${i}] (${l.name})`));
}

/** The warning for a set of places that looks like it is in another coordinate system than the roads, or `null`. */
function offsetWarning(points: Point[], net: RoadNetwork): Words | null {
  const given = meanDistanceToRoadsM(points, net);
  if (given < 30) return null;
  const fix = CANDIDATES.map((c) => ({ advice: c.advice, d: meanDistanceToRoadsM(points.map(c.move), net) }))
    .filter((c) => c.d <= 0.5 * given)
    .sort((a, b) => a.d - b.d)[0];
  if (!fix) return null;
  const advice = fix.advice(round(fix.d));
  return {
    zh: `${points.length} 个地点距最近的道路平均 ${round(given)} 米：它们与道路的坐标系不同吗？${advice.zh}`,
    en: `${points.length} places lie ${round(given)} m from the nearest road on average: are they in another coordinate system than the roads? ${advice.en}`,
  };
}
