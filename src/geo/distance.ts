import type { Point } from './point.ts';
import * as dmath from '../random/math.ts';

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine on the mean Earth radius). */
export function distanceM(a: Point, b: Point): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = dmath.sin(dLat / 2) ** 2 + dmath.cos(a.lat * RAD) * dmath.cos(b.lat * RAD) * dmath.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * dmath.asin(Math.min(1, Math.sqrt(h)));
}

/** Point a fraction `f` (0..1) of the way from `a` to `b`, linearly in degrees (fine at city scale). */
export function lerpPoint(a: Point, b: Point, f: number): Point {
  return { lon: a.lon + (b.lon - a.lon) * f, lat: a.lat + (b.lat - a.lat) * f };
}
