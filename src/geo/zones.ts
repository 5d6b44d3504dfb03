/**
 * Zone geometry: centroids and outer rings of GeoJSON zones, the zone nearest a point, and uniform
 * points inside a zone's polygon. Pure; positions are WGS-84 degrees.
 */
import type { Rng } from '../random/streams.ts';
import type { Point } from './point.ts';
import { distanceM } from './distance.ts';

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

/** The zone whose centroid is nearest to `p`. */
export function nearestZone<Z extends Point>(zones: readonly Z[], p: Point): Z | undefined {
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

/** A uniform point inside the ring by rejection from its bounding box (null after 64 misses). */
export function pointInPolygon(ring: readonly [number, number][], rng: Rng): { lon: number; lat: number } | null {
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
    if (insideRing(ring, x, y)) return { lon: x, lat: y };
  }
  return null;
}
