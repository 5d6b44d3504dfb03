/**
 * How far a set of places sits from the road network, and whether it sits there all in one
 * direction — the mark of data in another coordinate system (GCJ-02 positions on WGS-84 roads are
 * some hundreds of metres off, all the same way). Pure.
 */
import type { Point } from './point.ts';
import type { RoadGraph } from './network.ts';

/** Mean distance to the nearest road node (m), and the mean displacement vector (m east, m north) and its length. */
export interface Offset {
  meanM: number;
  eastM: number;
  northM: number;
  shiftM: number;
}

const M_PER_DEG_LAT = 111_195;

/** The offset of `points` from the nearest road nodes of `graph`. */
export function offsetFromRoads(points: readonly Point[], graph: RoadGraph): Offset {
  let [sumD, sumE, sumN] = [0, 0, 0];
  for (const p of points) {
    const { node, distanceM } = graph.nearest(p);
    const q = graph.network.nodes[node];
    sumD += distanceM;
    sumE += (p.lon - q.lon) * M_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180);
    sumN += (p.lat - q.lat) * M_PER_DEG_LAT;
  }
  const n = Math.max(1, points.length);
  const [eastM, northM] = [sumE / n, sumN / n];
  return { meanM: sumD / n, eastM, northM, shiftM: Math.hypot(eastM, northM) };
}

/** The compass direction (N, NE, E, …) of a displacement. */
export function compass(eastM: number, northM: number): string {
  const names = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];
  const deg = ((Math.atan2(eastM, northM) * 180) / Math.PI + 360) % 360;
  return names[Math.round(deg / 45) % 8];
}
