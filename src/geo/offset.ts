/**
 * How far a set of places sits from the road network — to tell data in another coordinate system
 * (GCJ-02 positions on WGS-84 roads are some hundreds of metres off, all the same way): read in the
 * right system, places that stand beside roads come much closer to them. Pure.
 */
import type { Point } from './point.ts';
import type { RoadNetwork } from './network.ts';
import { cos } from '../random/math.ts';

const M_PER_DEG = 111_195;
/** Grid cells about 300 m on a side: a few segments each in a town, a few hundred cells in a county. */
const CELL_DEG = 300 / M_PER_DEG;

/** Distance (m) from `p` to the segment a–b, on a local plane (exact enough within a town). */
export function toSegmentM(p: Point, a: Point, b: Point, kx: number): number {
  // Plain numbers, no pairs: it runs for every place and nearby road segment, at every start.
  const ax = (a.lon - p.lon) * kx;
  const ay = a.lat - p.lat;
  const dx = (b.lon - p.lon) * kx - ax;
  const dy = b.lat - p.lat - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
  const ex = ax + t * dx;
  const ey = ay + t * dy;
  return Math.sqrt(ex * ex + ey * ey) * M_PER_DEG;
}

/** The network's segments (each two-way road once) bucketed by the grid cells their bounding boxes cover. */
interface SegmentGrid {
  from: Int32Array;
  to: Int32Array;
  lon0: number;
  lat0: number;
  /** Cell width in degrees of longitude (CELL_DEG / kx of the network's mid-latitude). */
  cellLon: number;
  kx: number;
  cols: number;
  rows: number;
  /** Segment indices per cell, row-major. */
  cells: number[][];
  /** Per segment, the last search that tried it (a segment spans several cells). */
  triedBy: Uint32Array;
  searches: number;
}

const grids = new WeakMap<RoadNetwork, SegmentGrid>();

function gridOf(network: RoadNetwork): SegmentGrid {
  const cached = grids.get(network);
  if (cached) return cached;
  const { nodes, edges } = network;
  const from: number[] = [];
  const to: number[] = [];
  // A two-way road is listed twice; once is enough (a one-way road, whichever its direction, once too).
  const listed = new Set<number>();
  for (const e of edges) {
    const key = Math.min(e.from, e.to) * nodes.length + Math.max(e.from, e.to);
    if (listed.has(key)) continue;
    listed.add(key);
    from.push(e.from);
    to.push(e.to);
  }
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    minLon = Math.min(minLon, n.lon);
    maxLon = Math.max(maxLon, n.lon);
    minLat = Math.min(minLat, n.lat);
    maxLat = Math.max(maxLat, n.lat);
  }
  const kx = Math.max(0.01, cos((((minLat + maxLat) / 2) * Math.PI) / 180));
  const cellLon = CELL_DEG / kx;
  // A network spread over a continent gets coarser cells rather than millions of them.
  const scale = Math.max(1, Math.sqrt((((maxLon - minLon) / cellLon + 1) * ((maxLat - minLat) / CELL_DEG + 1)) / 250_000));
  const g: SegmentGrid = { from: Int32Array.from(from), to: Int32Array.from(to), lon0: minLon, lat0: minLat, cellLon: cellLon * scale, kx, cols: 0, rows: 0, cells: [], triedBy: new Uint32Array(from.length), searches: 0 };
  g.cols = Math.floor((maxLon - minLon) / g.cellLon) + 1;
  g.rows = Math.floor((maxLat - minLat) / (CELL_DEG * scale)) + 1;
  g.cells = Array.from({ length: g.cols * g.rows }, () => []);
  const cellLat = CELL_DEG * scale;
  for (let s = 0; s < from.length; s++) {
    const a = nodes[from[s]];
    const b = nodes[to[s]];
    const c0 = Math.floor((Math.min(a.lon, b.lon) - minLon) / g.cellLon);
    const c1 = Math.floor((Math.max(a.lon, b.lon) - minLon) / g.cellLon);
    const r0 = Math.floor((Math.min(a.lat, b.lat) - minLat) / cellLat);
    const r1 = Math.floor((Math.max(a.lat, b.lat) - minLat) / cellLat);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) g.cells[r * g.cols + c].push(s);
  }
  grids.set(network, g);
  return g;
}

/**
 * Distance (m) from `p` to the nearest segment: the grid's cells in growing square rings around the
 * point's cell, until no unvisited cell can hold a nearer segment (the same minimum as trying every
 * segment, for a fraction of the work).
 */
function nearestSegmentM(p: Point, network: RoadNetwork, g: SegmentGrid): number {
  const { nodes } = network;
  const kx = cos((p.lat * Math.PI) / 180);
  const cellLat = g.cellLon * g.kx;
  const pc = Math.floor((p.lon - g.lon0) / g.cellLon);
  const pr = Math.floor((p.lat - g.lat0) / cellLat);
  // A segment outside the square of ring r lies at least r cells away: in metres, on the point's plane.
  const ringM = cellLat * M_PER_DEG * Math.min(1, kx / g.kx);
  const search = ++g.searches;
  let best = Infinity;
  // Rings start at the grid's edge for a point outside it.
  const r0 = Math.max(0, -pc, pc - (g.cols - 1), -pr, pr - (g.rows - 1));
  const rMax = Math.max(pc, g.cols - 1 - pc, pr, g.rows - 1 - pr);
  for (let r = r0; r <= rMax; r++) {
    for (let row = pr - r; row <= pr + r; row++) {
      if (row < 0 || row >= g.rows) continue;
      const edge = row === pr - r || row === pr + r;
      for (let col = pc - r; col <= pc + r; col += edge ? 1 : 2 * r) {
        if (col >= 0 && col < g.cols) {
          for (const s of g.cells[row * g.cols + col]) {
            if (g.triedBy[s] === search) continue;
            g.triedBy[s] = search;
            const d = toSegmentM(p, nodes[g.from[s]], nodes[g.to[s]], kx);
            if (d < best) best = d;
          }
        }
        if (r === 0) break;
      }
    }
    if (best <= r * ringM) break;
  }
  return best;
}

/** Mean distance (m) from `points` to the nearest road segment of `network`. */
export function meanDistanceToRoadsM(points: readonly Point[], network: RoadNetwork): number {
  if (points.length === 0) return 0;
  const g = gridOf(network);
  if (g.from.length === 0) return Infinity;
  let sum = 0;
  for (const p of points) sum += nearestSegmentM(p, network, g);
  return sum / points.length;
}
