/**
 * Road graph for the `network` travel model: built from GeoJSON LineStrings, searched with Dijkstra's
 * algorithm. Shortest paths are by free-flow time; congestion multiplies every edge of an hour alike,
 * so it scales a trip's time without changing its path.
 */
import type { Point } from './point.ts';
import { distanceM } from './distance.ts';
import { positionProblem } from './zones.ts';
import { NOT_FEATURE_COLLECTION, type Problem } from './import/problem.ts';
import * as dmath from '../random/math.ts';

/** Road graph for the `network` travel model (built from GeoJSON LineStrings). */
export interface RoadNetwork {
  nodes: Point[];
  /** Directed edges; a two-way road gives two. */
  edges: { from: number; to: number; lengthM: number; speedKmh: number; access?: boolean }[];
}

type Position = [number, number, ...number[]];

/** Road speeds accepted (km/h): a road slower than walking pace or faster than any vehicle is a typo. */
export const MIN_SPEED_KMH = 0.1;
export const MAX_SPEED_KMH = 1000;

/** Builds a graph from a GeoJSON FeatureCollection of LineString / MultiLineString roads. */
export function parseRoadGeoJson(json: unknown, where: string, defaultSpeedKmh: number): { network?: RoadNetwork; errors: Problem[] } {
  const errors: Problem[] = [];
  const fc = json as { type?: string; features?: unknown[] };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { errors: [{ path: where, ...NOT_FEATURE_COLLECTION }] };
  }
  const nodes: Point[] = [];
  const index = new Map<string, number>();
  const edges: RoadNetwork['edges'] = [];
  const nodeOf = (p: Position): number => {
    const key = `${p[0].toFixed(6)},${p[1].toFixed(6)}`;
    let i = index.get(key);
    if (i === undefined) {
      i = nodes.length;
      nodes.push({ lon: p[0], lat: p[1] });
      index.set(key, i);
    }
    return i;
  };
  fc.features.forEach((f, fi) => {
    const at = `${where} features[${fi}]`;
    const feat = f as { geometry?: { type?: string; coordinates?: unknown }; properties?: Record<string, unknown> };
    const g = feat?.geometry;
    const lines: Position[][] =
      g?.type === 'LineString' ? [g.coordinates as Position[]] : g?.type === 'MultiLineString' && Array.isArray(g.coordinates) ? (g.coordinates as Position[][]) : [];
    if (lines.length === 0) {
      errors.push({ path: at, zh: '道路必须是 LineString 或 MultiLineString', en: 'a road must be a LineString or MultiLineString' });
      return;
    }
    const props = (feat.properties !== null && typeof feat.properties === 'object' ? feat.properties : {}) as Record<string, unknown>;
    const own = (k: string) => (Object.hasOwn(props, k) ? props[k] : undefined);
    const written = own('speed_kmh') ?? own('speedKmh') ?? own('maxspeed');
    const speed = written === undefined || written === null ? defaultSpeedKmh : typeof written === 'number' || typeof written === 'string' ? Number(written) : NaN;
    // A speed near zero makes a trip last for ever; the same range the scenario's speedKmh allows.
    if (!(speed >= MIN_SPEED_KMH && speed <= MAX_SPEED_KMH)) {
      const got = typeof written === 'number' ? String(written) : JSON.stringify(written);
      errors.push({ path: `${at}.properties.speed_kmh`, zh: `车速必须是 ${MIN_SPEED_KMH} 到 ${MAX_SPEED_KMH} 之间的数（km/h）；实际为 ${got}`, en: `speed must be a number of km/h from ${MIN_SPEED_KMH} to ${MAX_SPEED_KMH}, got ${got}` });
      return;
    }
    const oneway = props.oneway === true || props.oneway === 'yes' || props.oneway === 1;
    // Controlled-access roads (expressways) carry traffic but no place can join them directly.
    const access = !(props.access === 'no' || props.access === false || props.motorway === true);
    for (const line of lines) {
      if (!Array.isArray(line) || line.length < 2) {
        errors.push({ path: at, zh: '线至少需要两个 [lon, lat] 位置', en: 'a line needs at least two [lon, lat] positions' });
        return;
      }
      const bad = line.findIndex((p) => positionProblem(p) !== null);
      if (bad >= 0) {
        const why = positionProblem(line[bad])!;
        errors.push({ path: `${at}.geometry.coordinates`, zh: `第 ${bad} 个位置：${why.zh}`, en: `position ${bad}: ${why.en}` });
        return;
      }
      for (let k = 1; k < line.length; k++) {
        const a = nodeOf(line[k - 1]);
        const b = nodeOf(line[k]);
        if (a === b) continue;
        const lengthM = distanceM(nodes[a], nodes[b]);
        edges.push({ from: a, to: b, lengthM, speedKmh: speed, access });
        if (!oneway) edges.push({ from: b, to: a, lengthM, speedKmh: speed, access });
      }
    }
  });
  if (errors.length) return { errors };
  if (nodes.length < 2) return { errors: [{ path: where, zh: '路网中没有道路', en: 'the road network has no roads' }] };
  return { network: { nodes, edges }, errors };
}

/** Shortest-path oracle over a {@link RoadNetwork}, caching one search per destination node. */
export class RoadGraph {
  private readonly inStart: Int32Array;
  private readonly inFrom: Int32Array;
  private readonly inTimeS: Float64Array;
  /**
   * Searches kept, by destination node (a bounded cache: it would grow as N²), and when each was last
   * used. A hit is an index and a stamp: a run asks for a search at every choice of unit.
   */
  private readonly toCache: ({ timeS: Float64Array; next: Int32Array } | undefined)[];
  private readonly usedAt: Float64Array;
  private useClock = 0;
  private cached = 0;
  /** Where the scenario's fixed places snap to, by point object (see `nearestFixed`). */
  private readonly fixed = new WeakMap<Point, { lon: number; lat: number; node: number; distanceM: number }>();
  /** How many searches the cache keeps: about 64 MiB of them, and never fewer than 16. */
  private readonly cacheLimit: number;
  /** Nodes a place may snap to: those on at least one road with access. */
  private readonly snappable: Uint8Array;
  /** Bucket grid over the snappable nodes, for nearest-node queries without a full scan. */
  private readonly grid: { lon0: number; lat0: number; cellDeg: number; cols: number; rows: number; cells: number[][]; mPerDeg: number };

  /** `cacheSearches`: how many shortest-path searches to keep (default: about 64 MiB of them). */
  constructor(readonly network: RoadNetwork, cacheSearches?: number) {
    const n = network.nodes.length;
    // Reverse adjacency in CSR form: searches run from the destination backwards, so one search
    // answers "how long from every node to here", which is what choosing the nearest unit needs.
    const counts = new Int32Array(n + 1);
    for (const e of network.edges) counts[e.to + 1]++;
    for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
    this.inStart = counts;
    this.cacheLimit = Math.max(1, cacheSearches ?? Math.max(16, Math.floor((64 * 1024 * 1024) / (12 * Math.max(1, n)))));
    this.toCache = new Array(n).fill(undefined);
    this.usedAt = new Float64Array(n);
    this.snappable = new Uint8Array(n);
    for (const e of network.edges) {
      if (e.access === false) continue;
      this.snappable[e.from] = 1;
      this.snappable[e.to] = 1;
    }
    let [lon0, lat0, lon1, lat1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of network.nodes) {
      lon0 = Math.min(lon0, p.lon);
      lat0 = Math.min(lat0, p.lat);
      lon1 = Math.max(lon1, p.lon);
      lat1 = Math.max(lat1, p.lat);
    }
    // About two nodes per cell on average.
    const cellDeg = Math.max(1e-4, Math.sqrt(((lon1 - lon0 || 1e-3) * (lat1 - lat0 || 1e-3)) / Math.max(1, n / 2)));
    const cols = Math.max(1, Math.ceil((lon1 - lon0) / cellDeg) + 1);
    const rows = Math.max(1, Math.ceil((lat1 - lat0) / cellDeg) + 1);
    const cells: number[][] = Array.from({ length: cols * rows }, () => []);
    network.nodes.forEach((p, i) => {
      if (!this.snappable[i]) return;
      const cx = Math.floor((p.lon - lon0) / cellDeg);
      const cy = Math.floor((p.lat - lat0) / cellDeg);
      cells[cy * cols + cx].push(i);
    });
    // Metres per degree of a cell's shorter side (longitude shrinks with latitude).
    const mPerDeg = 111_195 * Math.max(0.05, dmath.cos((Math.max(Math.abs(lat0), Math.abs(lat0 + rows * cellDeg)) * Math.PI) / 180));
    this.grid = { lon0, lat0, cellDeg, cols, rows, cells, mPerDeg };
    this.inFrom = new Int32Array(network.edges.length);
    this.inTimeS = new Float64Array(network.edges.length);
    const fill = counts.slice(0, n);
    for (const e of network.edges) {
      const k = fill[e.to]++;
      this.inFrom[k] = e.from;
      this.inTimeS[k] = e.lengthM / (e.speedKmh / 3.6);
    }
  }

  get size(): number {
    return this.network.nodes.length;
  }

  /**
   * Index of the snappable node nearest to `p`, and its distance in metres. Searches the bucket grid
   * ring by ring and stops once no unvisited cell can hold anything nearer.
   */
  nearest(p: Point): { node: number; distanceM: number } {
    const { lon0, lat0, cellDeg, cols, rows, cells, mPerDeg } = this.grid;
    const cx = Math.min(cols - 1, Math.max(0, Math.floor((p.lon - lon0) / cellDeg)));
    const cy = Math.min(rows - 1, Math.max(0, Math.floor((p.lat - lat0) / cellDeg)));
    let best = -1;
    let bestD = Infinity;
    // Compare by a local planar metric (exact enough at city scale); report the great-circle value.
    const kx = dmath.cos((p.lat * Math.PI) / 180);
    const maxR = Math.max(cols, rows);
    const nodes = this.network.nodes;
    for (let r = 0; r <= maxR; r++) {
      // Anything in ring r is at least (r − 1) cells away from p.
      if (best >= 0 && (r - 1) * cellDeg * mPerDeg > Math.sqrt(bestD) * 111_195) break;
      for (let y = cy - r; y <= cy + r; y++) {
        if (y < 0 || y >= rows) continue;
        const edge = y === cy - r || y === cy + r;
        for (let x = cx - r; x <= cx + r; x += edge ? 1 : 2 * r || 1) {
          if (x < 0 || x >= cols) continue;
          const cell = cells[y * cols + x];
          for (let k = 0; k < cell.length; k++) {
            const i = cell[k];
            const dx = (nodes[i].lon - p.lon) * kx;
            const dy = nodes[i].lat - p.lat;
            const d = dx * dx + dy * dy;
            if (d < bestD || (d === bestD && i < best)) {
              bestD = d;
              best = i;
            }
          }
        }
      }
    }
    if (best < 0) {
      // No road with access at all: fall back to any node.
      let bestM = Infinity;
      nodes.forEach((q, i) => {
        const d = distanceM(p, q);
        if (d < bestM) [bestM, best] = [d, i];
      });
    }
    return { node: best, distanceM: distanceM(p, nodes[best]) };
  }

  /**
   * `nearest(p)` for a point that stays put from run to run (a station, a hospital, a depot of the
   * scenario): worked out once per point object, and again if its coordinates were edited since.
   */
  nearestFixed(p: Point): { node: number; distanceM: number } {
    let hit = this.fixed.get(p);
    if (hit === undefined || hit.lon !== p.lon || hit.lat !== p.lat) {
      hit = { lon: p.lon, lat: p.lat, ...this.nearest(p) };
      this.fixed.set(p, hit);
    }
    return { node: hit.node, distanceM: hit.distanceM };
  }

  /** Free-flow seconds along `path` from its start to each of its nodes. */
  cumulativeTimes(path: readonly number[]): number[] {
    if (path.length === 0) return [];
    // Along a shortest path to its end, time so far = time to the end from the start − from here.
    const toEnd = this.towards(path[path.length - 1]).timeS;
    return path.map((v) => toEnd[path[0]] - toEnd[v]);
  }

  /** Free-flow seconds from every node to `dest` (Infinity where unreachable), and each node's next hop. */
  towards(dest: number): { timeS: Float64Array; next: Int32Array } {
    const hit = this.toCache[dest];
    this.usedAt[dest] = ++this.useClock;
    if (hit !== undefined) return hit;
    const n = this.size;
    const timeS = new Float64Array(n).fill(Infinity);
    const next = new Int32Array(n).fill(-1);
    const done = new Uint8Array(n);
    // Binary heap of (time, node); lazy deletion.
    const heapT: number[] = [];
    const heapN: number[] = [];
    const push = (t: number, v: number) => {
      let i = heapT.length;
      heapT.push(t);
      heapN.push(v);
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heapT[p] < t || (heapT[p] === t && heapN[p] <= v)) break;
        heapT[i] = heapT[p];
        heapN[i] = heapN[p];
        i = p;
      }
      heapT[i] = t;
      heapN[i] = v;
    };
    const pop = (): [number, number] => {
      const t = heapT[0];
      const v = heapN[0];
      const lt = heapT.pop()!;
      const lv = heapN.pop()!;
      if (heapT.length > 0) {
        let i = 0;
        const len = heapT.length;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= len) break;
          const r = l + 1;
          const c = r < len && (heapT[r] < heapT[l] || (heapT[r] === heapT[l] && heapN[r] < heapN[l])) ? r : l;
          if (heapT[c] > lt || (heapT[c] === lt && heapN[c] >= lv)) break;
          heapT[i] = heapT[c];
          heapN[i] = heapN[c];
          i = c;
        }
        heapT[i] = lt;
        heapN[i] = lv;
      }
      return [t, v];
    };
    timeS[dest] = 0;
    push(0, dest);
    while (heapT.length > 0) {
      const [t, v] = pop();
      if (done[v]) continue;
      done[v] = 1;
      for (let k = this.inStart[v]; k < this.inStart[v + 1]; k++) {
        const u = this.inFrom[k];
        const cand = t + this.inTimeS[k];
        if (cand < timeS[u]) {
          timeS[u] = cand;
          next[u] = v;
          push(cand, u);
        }
      }
    }
    if (this.cached >= this.cacheLimit) this.evictLeastRecent();
    this.cached++;
    return (this.toCache[dest] = { timeS, next });
  }

  /** Drops the search used longest ago (a scan, paid only when a full cache misses). */
  private evictLeastRecent(): void {
    let oldest = -1;
    for (let v = 0; v < this.toCache.length; v++) {
      if (this.toCache[v] !== undefined && (oldest < 0 || this.usedAt[v] < this.usedAt[oldest])) oldest = v;
    }
    this.toCache[oldest] = undefined;
    this.cached--;
  }

  /** Free-flow seconds from node `a` to node `b`. */
  time(a: number, b: number): number {
    return this.towards(b).timeS[a];
  }

  /** Node indices of the shortest path from `a` to `b` (inclusive), or `[]` when unreachable. */
  path(a: number, b: number): number[] {
    const { timeS, next } = this.towards(b);
    if (!Number.isFinite(timeS[a])) return [];
    const out = [a];
    for (let v = a; v !== b; ) {
      v = next[v];
      out.push(v);
    }
    return out;
  }

  /** Which nodes can be reached from `src` along the roads (1) or not (0): one breadth-first search. */
  reachableFrom(src: number): Uint8Array {
    const n = this.size;
    const out = new Uint8Array(n);
    const start = new Int32Array(n + 1);
    for (const e of this.network.edges) start[e.from + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const to = new Int32Array(this.network.edges.length);
    const fill = start.slice(0, n);
    for (const e of this.network.edges) to[fill[e.from]++] = e.to;
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    out[src] = 1;
    queue[tail++] = src;
    while (head < tail) {
      const v = queue[head++];
      for (let k = start[v]; k < start[v + 1]; k++) {
        const u = to[k];
        if (!out[u]) {
          out[u] = 1;
          queue[tail++] = u;
        }
      }
    }
    return out;
  }

  /** Number of nodes reachable to `dest` — for the loader's connectivity check. */
  reachableCount(dest: number): number {
    let c = 0;
    for (const t of this.towards(dest).timeS) if (Number.isFinite(t)) c++;
    return c;
  }
}
