/**
 * Zone geometry: centroids, outer rings and holes of GeoJSON zones, the zone a point falls in (or the
 * nearest), and uniform points inside a zone's polygon. Pure; positions are WGS-84 degrees.
 */
import type { Rng } from '../random/streams.ts';
import type { Point } from './point.ts';
import { distanceM } from './distance.ts';
import type { Problem, Words } from './import/problem.ts';

/** A problem with a zone's geometry: where in it (`coordinates[0][3]`) and what, in both languages. */
export type GeometryProblem = Problem;

/** Why `p` is not a [lon, lat] position in degrees, in both languages, or `null` when it is one. */
export function positionProblem(p: unknown): Words | null {
  if (!Array.isArray(p) || p.length < 2) return { zh: '必须是一个位置 [lon, lat]（经度，纬度）', en: 'must be a position [lon, lat]' };
  const [lon, lat] = p as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    const got = JSON.stringify(p).slice(0, 60);
    return { zh: `必须是由两个数组成的位置 [lon, lat]；实际为 ${got}`, en: `must be a position [lon, lat] of two numbers; got ${got}` };
  }
  if (lon < -180 || lon > 180) return { zh: `经度 ${lon} 超出 −180…180（坐标是否为投影坐标，或经纬度写反了？）`, en: `longitude ${lon} is outside −180…180 (are the coordinates projected, or lat/lon swapped?)` };
  if (lat < -90 || lat > 90) return { zh: `纬度 ${lat} 超出 −90…90（坐标是否为投影坐标，或经纬度写反了？）`, en: `latitude ${lat} is outside −90…90 (are the coordinates projected, or lat/lon swapped?)` };
  return null;
}

/**
 * The first problem with a zone's GeoJSON geometry (a Point, Polygon or MultiPolygon of WGS-84
 * positions, each ring of at least three), or `null` when {@link centroid} and {@link outerRing} can
 * use it. Pure.
 */
export function zoneGeometryProblem(g: unknown): GeometryProblem | null {
  if (g === null || typeof g !== 'object' || Array.isArray(g)) return { path: '', zh: '必须是 Point、Polygon 或 MultiPolygon', en: 'must be a Point, Polygon or MultiPolygon' };
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  const ring = (r: unknown, at: string): GeometryProblem | null => {
    if (!Array.isArray(r) || r.length < 3) return { path: at, zh: '环至少需要三个位置', en: 'a ring needs at least three positions' };
    for (let i = 0; i < r.length; i++) {
      const m = positionProblem(r[i]);
      if (m) return { path: `${at}[${i}]`, ...m };
    }
    return null;
  };
  const polygon = (p: unknown, at: string): GeometryProblem | null => {
    if (!Array.isArray(p) || p.length === 0) return { path: at, zh: '多边形需要一个外环', en: 'a polygon needs an outer ring' };
    for (let i = 0; i < p.length; i++) {
      const m = ring(p[i], `${at}[${i}]`);
      if (m) return m;
    }
    return null;
  };
  if (type === 'Point') {
    const m = positionProblem(coordinates);
    return m ? { path: 'coordinates', ...m } : null;
  }
  if (type === 'Polygon') return polygon(coordinates, 'coordinates');
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return { path: 'coordinates', zh: 'MultiPolygon 至少需要一个多边形', en: 'a MultiPolygon needs at least one polygon' };
    for (let i = 0; i < coordinates.length; i++) {
      const m = polygon(coordinates[i], `coordinates[${i}]`);
      if (m) return m;
    }
    return null;
  }
  const got = JSON.stringify(type);
  return { path: 'type', zh: `必须是 Point、Polygon 或 MultiPolygon；实际为 ${got ?? '空'}`, en: `must be a Point, Polygon or MultiPolygon; got ${got ?? 'nothing'}` };
}

/** The outer ring of a Polygon (the largest polygon's, for a MultiPolygon). */
export function outerRing(g: { type: string; coordinates: unknown } | undefined): [number, number][] | null {
  if (!g) return null;
  if (g.type === 'Polygon') return (g.coordinates as [number, number][][])[0].map(([x, y]) => [x, y]);
  if (g.type === 'MultiPolygon') {
    const polys = g.coordinates as [number, number][][][];
    const sorted = [...polys].sort((a, b) => b[0].length - a[0].length);
    return sorted[0][0].map(([x, y]) => [x, y]);
  }
  return null;
}

/** The holes (inner rings) of a Polygon, or of a MultiPolygon's largest polygon; [] where there are none. */
export function holes(g: { type: string; coordinates: unknown } | undefined): [number, number][][] {
  if (!g) return [];
  const poly =
    g.type === 'Polygon'
      ? (g.coordinates as [number, number][][])
      : g.type === 'MultiPolygon'
        ? [...(g.coordinates as [number, number][][][])].sort((a, b) => b[0].length - a[0].length)[0]
        : null;
  return poly ? poly.slice(1).map((ring) => ring.map(([x, y]) => [x, y] as [number, number])) : [];
}

/** Is the point inside the ring and outside every hole? */
export function insideArea(ring: readonly [number, number][], hs: readonly (readonly [number, number][])[], x: number, y: number): boolean {
  return insideRing(ring, x, y) && !hs.some((h) => insideRing(h, x, y));
}

/** Centroid of a Point or the area-weighted centroid of a (Multi)Polygon's outer rings, in degrees. */
export function centroid(g: { type: string; coordinates: unknown } | undefined): Point | null {
  if (!g) return null;
  if (g.type === 'Point') {
    const [lon, lat] = g.coordinates as number[];
    return Number.isFinite(lon) && Number.isFinite(lat) ? { lon, lat } : null;
  }
  const polys = g.type === 'Polygon' ? [g.coordinates as number[][][]] : g.type === 'MultiPolygon' ? (g.coordinates as number[][][][]) : null;
  if (!polys) return null;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const poly of polys) {
    const ring = poly[0];
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  if (a === 0) {
    const ring = polys[0][0];
    return { lon: ring[0][0], lat: ring[0][1] };
  }
  return { lon: cx / (3 * a), lat: cy / (3 * a) };
}

/** The zone whose polygon holds `p`, else the zone whose centroid is nearest to it. */
export function nearestZone<Z extends Point & { polygon?: [number, number][]; holes?: [number, number][][] }>(zones: readonly Z[], p: Point): Z | undefined {
  const holding = zones.find((z) => z.polygon && insideArea(z.polygon, z.holes ?? [], p.lon, p.lat));
  if (holding) return holding;
  let best: Z | undefined;
  let bestD = Infinity;
  for (const z of zones) {
    const d = distanceM(z, p);
    if (d < bestD) {
      bestD = d;
      best = z;
    }
  }
  return best;
}

/** Even-odd rule: is (x, y) inside the ring? */
export function insideRing(ring: readonly [number, number][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A uniform point inside the ring (and outside its holes) by rejection from its bounding box (null after 64 misses). */
export function pointInPolygon(ring: readonly [number, number][], rng: Rng, hs: readonly (readonly [number, number][])[] = []): { lon: number; lat: number } | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  for (let k = 0; k < 64; k++) {
    const x = x0 + (x1 - x0) * rng();
    const y = y0 + (y1 - y0) * rng();
    if (insideArea(ring, hs, x, y)) return { lon: x, lat: y };
  }
  return null;
}
