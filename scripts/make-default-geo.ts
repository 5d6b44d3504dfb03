/**
 * Generates the geography of the bundled default scenario (a fictional county, 清江县): its zones as
 * Voronoi polygons around settlement centres, and a road network of a jittered grid of local roads
 * and arterials plus an expressway with interchanges, and a flood variant of the roads with the
 * county seat's low-lying streets closed. Deterministic: run it again and the files are
 * the same. Usage: npx tsx scripts/make-default-geo.ts
 */
import { writeFileSync } from 'node:fs';
import { Delaunay } from 'd3';
import { stream } from '../src/random/streams.ts';

const rng = stream(20260601, 'default-geo');
const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** Settlements: id, name, centre, population (sum ≈ 300,000). */
export const ZONES: [string, string, number, number, number][] = [
  ['CG-E', '城关镇·城东', 120.965, 31.685, 34000],
  ['CG-W', '城关镇·城西', 120.935, 31.683, 30000],
  ['CG-S', '城关镇·城南', 120.95, 31.668, 28000],
  ['CG-N', '城关镇·城北', 120.952, 31.7, 26000],
  ['KFQ', '经济开发区', 121.02, 31.705, 30000],
  ['HGY', '化工园区', 121.065, 31.6, 6000],
  ['LG', '临港镇', 121.115, 31.745, 25000],
  ['GQ', '港区', 121.145, 31.715, 3000],
  ['DQ', '东桥镇', 120.85, 31.755, 28000],
  ['XH', '西湖镇', 120.84, 31.6, 22000],
  ['NT', '南塘镇', 120.975, 31.57, 20000],
  ['BA', '北岸镇', 121.0, 31.785, 18000],
  ['R-NW', '西北农村片区', 120.88, 31.7, 8000],
  ['R-SW', '西南农村片区', 120.9, 31.575, 8000],
  ['R-SE', '东南农村片区', 121.08, 31.66, 8000],
  ['R-NE', '东北农村片区', 121.06, 31.77, 8000],
];

const LON0 = 120.8;
const LAT0 = 31.54;
const COLS = 16;
const ROWS = 14;
const DLON = 0.024;
const DLAT = 0.02;
const bounds: [number, number, number, number] = [LON0 - 0.01, LAT0 - 0.01, LON0 + (COLS - 1) * DLON + 0.01, LAT0 + (ROWS - 1) * DLAT + 0.01];

function zonesGeoJson() {
  const pts = ZONES.map((z) => [z[2], z[3]] as [number, number]);
  const vor = Delaunay.from(pts).voronoi(bounds);
  return {
    type: 'FeatureCollection',
    features: ZONES.map((z, i) => ({
      type: 'Feature',
      properties: { id: z[0], name: z[1], population: z[4] },
      geometry: { type: 'Polygon', coordinates: [vor.cellPolygon(i).map(([x, y]) => [round(x), round(y)])] },
    })),
  };
}

function roadsGeoJson() {
  const node: [number, number][][] = [];
  for (let r = 0; r < ROWS; r++) {
    node.push([]);
    for (let c = 0; c < COLS; c++) {
      const jitter = () => (rng() - 0.5) * 0.006;
      node[r].push([round(LON0 + c * DLON + jitter()), round(LAT0 + r * DLAT + jitter())]);
    }
  }
  const inTown = ([x, y]: [number, number]) => Math.abs(x - 120.95) < 0.03 && Math.abs(y - 31.685) < 0.025;
  const features: object[] = [];
  const road = (a: [number, number], b: [number, number], speed: number, name: string, access = true) =>
    features.push({
      type: 'Feature',
      properties: access ? { name, speed_kmh: speed } : { name, speed_kmh: speed, access: 'no' },
      geometry: { type: 'LineString', coordinates: [a, b] },
    });
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const a = node[r][c];
      const links: [[number, number], boolean][] = [];
      if (c + 1 < COLS) links.push([node[r][c + 1], r % 4 === 1]);
      if (r + 1 < ROWS) links.push([node[r + 1][c], c % 4 === 2]);
      for (const [b, arterial] of links) {
        // About one local segment in twelve is missing (rivers, fields): the grid is not a lattice.
        if (!arterial && rng() < 0.08) continue;
        const speed = inTown(a) && inTown(b) ? 30 : arterial ? 60 : 40;
        road(a, b, speed, arterial ? '干线公路' : '乡镇道路');
      }
    }
  }
  // The county seat's own street grid (~600 m blocks), tied to the county roads that cross it.
  const town: [number, number][][] = [];
  for (let r = 0; r <= 10; r++) {
    town.push([]);
    for (let c = 0; c <= 10; c++) town[r].push([round(120.92 + c * 0.006), round(31.66 + r * 0.005)]);
  }
  for (let r = 0; r <= 10; r++) {
    for (let c = 0; c <= 10; c++) {
      if (c < 10) road(town[r][c], town[r][c + 1], r % 5 === 0 ? 40 : 30, '城区道路');
      if (r < 10) road(town[r][c], town[r + 1][c], c % 5 === 0 ? 40 : 30, '城区道路');
    }
  }
  for (const row of node) for (const p of row) {
    if (p[0] < 120.915 || p[0] > 120.985 || p[1] < 31.655 || p[1] > 31.715) continue;
    let best = town[0][0];
    let bestD = Infinity;
    for (const trow of town) for (const q of trow) {
      const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
      if (d < bestD) [best, bestD] = [q, d];
    }
    road(p, best, 30, '城区道路');
  }
  // Expressway from south-west to north-east, with interchanges to the nearest grid node.
  const hw: [number, number][] = [];
  for (let k = 0; k <= 12; k++) hw.push([round(LON0 + 0.005 + k * 0.03), round(LAT0 + 0.025 + k * 0.0195)]);
  for (let k = 1; k < hw.length; k++) road(hw[k - 1], hw[k], 100, '沿江高速', false);
  for (let k = 0; k < hw.length; k += 3) {
    let best = node[0][0];
    let bestD = Infinity;
    for (const row of node) for (const p of row) {
      const d = (p[0] - hw[k][0]) ** 2 + (p[1] - hw[k][1]) ** 2;
      if (d < bestD) [best, bestD] = [p, d];
    }
    road(hw[k], best, 50, '高速互通');
  }
  return { type: 'FeatureCollection', features };
}

writeFileSync('scenarios/geo/default-zones.geojson', JSON.stringify(zonesGeoJson()) + '\n');
const roads = roadsGeoJson();
writeFileSync('scenarios/geo/default-roads.geojson', JSON.stringify(roads) + '\n');

/** The low-lying south-east of the county seat under water (城市内涝): its inner streets are closed. */
const FLOODED: [number, number, number, number] = [120.949, 31.659, 120.981, 31.679];
const inBox = ([x, y]: number[], [x0, y0, x1, y1]: number[]) => x > x0 && x < x1 && y > y0 && y < y1;
const flood = {
  type: 'FeatureCollection',
  features: (roads.features as { geometry: { coordinates: number[][] } }[]).filter((f) => !f.geometry.coordinates.every((p) => inBox(p, FLOODED))),
};
writeFileSync('scenarios/geo/flood-roads.geojson', JSON.stringify(flood) + '\n');
console.log(`zones: ${ZONES.length}, population ${ZONES.reduce((a, z) => a + z[4], 0)}; road segments: ${roads.features.length} (${flood.features.length} in the flood variant)`);
