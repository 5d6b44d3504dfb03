/**
 * How far a set of places sits from the road network — to tell data in another coordinate system
 * (GCJ-02 positions on WGS-84 roads are some hundreds of metres off, all the same way): read in the
 * right system, places that stand beside roads come much closer to them. Pure.
 */
import type { Point } from './point.ts';
import type { RoadNetwork } from './network.ts';
import { cos } from '../random/math.ts';

const M_PER_DEG = 111_195;

/** Distance (m) from `p` to the segment a–b, on a local plane (exact enough within a town). */
function toSegmentM(p: Point, a: Point, b: Point, kx: number): number {
  const [ax, ay] = [(a.lon - p.lon) * kx, a.lat - p.lat];
  const [bx, by] = [(b.lon - p.lon) * kx, b.lat - p.lat];
  const [dx, dy] = [bx - ax, by - ay];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
  const [ex, ey] = [ax + t * dx, ay + t * dy];
  return Math.sqrt(ex * ex + ey * ey) * M_PER_DEG;
}

/** Mean distance (m) from `points` to the nearest road segment of `network`. */
export function meanDistanceToRoadsM(points: readonly Point[], network: RoadNetwork): number {
  if (points.length === 0) return 0;
  const { nodes, edges } = network;
  let sum = 0;
  for (const p of points) {
    const kx = cos((p.lat * Math.PI) / 180);
    let best = Infinity;
    for (const e of edges) {
      if (e.from > e.to && edges.length > 1) continue; // a two-way road is listed twice; once is enough
      const d = toSegmentM(p, nodes[e.from], nodes[e.to], kx);
      if (d < best) best = d;
    }
    sum += best;
  }
  return sum / points.length;
}
