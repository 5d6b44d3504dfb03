/**
 * Generates the geography of the bundled default scenario (a fictional county, 清江县, ~300,000
 * people on ~1,000 km²): a compact county seat of ~18 km² (four quarters), a development zone, a
 * chemical park, a port and five town centres as built-up blocks, and the rural land between them
 * as Voronoi cells around village seeds, each with the blocks it surrounds cut out as holes; a road
 * network of a jittered grid of county roads and arterials, street grids in the seat and the town
 * centres, and an expressway with interchanges; and a flood variant of the roads with the seat's
 * low-lying streets closed. Deterministic: run it again and the files are the same.
 * Usage: npx tsx scripts/make-default-geo.ts
 */
import { writeFileSync } from 'node:fs';
import { Delaunay } from 'd3';
import { stream } from '../src/random/streams.ts';
import { insideRing } from '../src/geo/zones.ts';

const rng = stream(20260601, 'default-geo');
const round = (x: number) => Math.round(x * 1e5) / 1e5;
type Pt = [number, number];
type Rect = [number, number, number, number];

/** Built-up blocks: id, name, class, [lon0, lat0, lon1, lat1], population. */
export const BLOCKS: [string, string, 'urban' | 'suburban', Rect, number][] = [
  // The county seat, 4.6 km × 3.9 km ≈ 18 km² in four quarters (~6,000 people/km²).
  ['CG-W', '城关·城西', 'urban', [120.926, 31.665, 120.94, 31.7], 27000],
  ['CG-N', '城关·城北', 'urban', [120.94, 31.6825, 120.961, 31.7], 26000],
  ['CG-S', '城关·城南', 'urban', [120.94, 31.665, 120.961, 31.6825], 27000],
  ['CG-E', '城关·城东', 'urban', [120.961, 31.665, 120.975, 31.7], 30000],
  ['KFQ', '经济开发区', 'urban', [120.995, 31.69, 121.04, 31.715], 22000],
  ['HGY', '化工园区', 'suburban', [121.05, 31.59, 121.085, 31.612], 1500],
  ['GQ', '港区', 'suburban', [121.13, 31.705, 121.16, 31.725], 2500],
  ['LG', '临港镇区', 'suburban', [121.105, 31.738, 121.125, 31.752], 14000],
  ['DQ', '东桥镇区', 'suburban', [120.84, 31.748, 120.86, 31.762], 14000],
  ['XH', '西湖镇区', 'suburban', [120.83, 31.593, 120.85, 31.607], 11000],
  ['NT', '南塘镇区', 'suburban', [120.965, 31.563, 120.985, 31.577], 10000],
  ['BA', '北岸镇区', 'suburban', [120.99, 31.778, 121.01, 31.792], 8000],
];

/** Rural land: id, name, Voronoi seed, population (villages: ~100 people/km²). */
export const RURAL: [string, string, number, number, number][] = [
  ['CG-R', '城关镇·城郊村', 120.95, 31.6825, 14000],
  ['R-E', '开发区周边村', 121.02, 31.7, 8000],
  ['R-NW', '西北农村片区', 120.88, 31.71, 9000],
  ['DQ-R', '东桥镇·农村', 120.85, 31.755, 12000],
  ['XH-R', '西湖镇·农村', 120.84, 31.6, 10000],
  ['R-SW', '西南农村片区', 120.9, 31.575, 9000],
  ['NT-R', '南塘镇·农村', 120.975, 31.57, 10000],
  ['R-SE', '东南农村片区', 121.07, 31.62, 6000],
  ['LG-R', '临港镇·农村', 121.11, 31.745, 10000],
  ['BA-R', '北岸镇·农村', 121.0, 31.785, 9000],
  ['R-NE', '东北农村片区', 121.09, 31.785, 8000],
];

const LON0 = 120.8;
const LAT0 = 31.54;
const COLS = 16;
const ROWS = 14;
const DLON = 0.024;
const DLAT = 0.02;
const bounds: [number, number, number, number] = [LON0 - 0.01, LAT0 - 0.01, LON0 + (COLS - 1) * DLON + 0.01, LAT0 + (ROWS - 1) * DLAT + 0.01];

const rectRing = ([x0, y0, x1, y1]: Rect): Pt[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
// GeoJSON holes wind the other way from their outer ring.
const holeRing = (r: Rect): Pt[] => rectRing(r).reverse();

function zonesGeoJson() {
  const vor = Delaunay.from(RURAL.map((z) => [z[2], z[3]] as Pt)).voronoi(bounds);
  const rural = RURAL.map((z, i) => {
    const cell = vor.cellPolygon(i).map(([x, y]) => [round(x), round(y)] as Pt);
    // Every block must lie wholly inside exactly one rural cell: that cell gets it as a hole.
    const inside = BLOCKS.filter((b) => rectRing(b[3]).every(([x, y]) => insideRing(cell, x, y)));
    return { type: 'Feature', properties: { id: z[0], name: z[1], population: z[4], class: 'rural' }, geometry: { type: 'Polygon', coordinates: [cell, ...inside.map((b) => holeRing(b[3]))] }, blocks: inside.map((b) => b[0]) };
  });
  const placed = rural.flatMap((r) => r.blocks);
  const missing = BLOCKS.filter((b) => placed.filter((p) => p === b[0]).length !== 1).map((b) => b[0]);
  if (missing.length) throw new Error(`blocks not inside exactly one rural cell: ${missing.join(', ')}`);
  const blocks = BLOCKS.map((b) => ({ type: 'Feature', properties: { id: b[0], name: b[1], population: b[4], class: b[2] }, geometry: { type: 'Polygon', coordinates: [rectRing(b[3])] } }));
  // Rural land first, so a map draws the built-up blocks over it.
  return { type: 'FeatureCollection', features: [...rural.map(({ blocks: _b, ...f }) => f), ...blocks] };
}

function roadsGeoJson() {
  const node: Pt[][] = [];
  for (let r = 0; r < ROWS; r++) {
    node.push([]);
    for (let c = 0; c < COLS; c++) {
      const jitter = () => (rng() - 0.5) * 0.006;
      node[r].push([round(LON0 + c * DLON + jitter()), round(LAT0 + r * DLAT + jitter())]);
    }
  }
  const features: object[] = [];
  const road = (a: Pt, b: Pt, speed: number, name: string, access = true) =>
    features.push({
      type: 'Feature',
      properties: access ? { name, speed_kmh: speed } : { name, speed_kmh: speed, access: 'no' },
      geometry: { type: 'LineString', coordinates: [a, b] },
    });
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const a = node[r][c];
      const links: [Pt, boolean][] = [];
      if (c + 1 < COLS) links.push([node[r][c + 1], r % 4 === 1]);
      if (r + 1 < ROWS) links.push([node[r + 1][c], c % 4 === 2]);
      for (const [b, arterial] of links) {
        // About one local segment in twelve is missing (rivers, fields): the grid is not a lattice.
        if (!arterial && rng() < 0.08) continue;
        road(a, b, arterial ? 60 : 40, arterial ? '干线公路' : '乡镇道路');
      }
    }
  }
  const nearestNode = (p: Pt) => {
    let best = node[0][0];
    let bestD = Infinity;
    for (const row of node) for (const q of row) {
      const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
      if (d < bestD) [best, bestD] = [q, d];
    }
    return best;
  };
  /** A street grid over a block (`stepLon` × `stepLat` blocks), tied to the nearest county nodes. */
  const streets = ([x0, y0, x1, y1]: Rect, stepLon: number, stepLat: number, speed: number, name: string, mainEvery: number) => {
    const nx = Math.max(1, Math.round((x1 - x0) / stepLon));
    const ny = Math.max(1, Math.round((y1 - y0) / stepLat));
    const g: Pt[][] = [];
    for (let r = 0; r <= ny; r++) {
      g.push([]);
      for (let c = 0; c <= nx; c++) g[r].push([round(x0 + ((x1 - x0) * c) / nx), round(y0 + ((y1 - y0) * r) / ny)]);
    }
    for (let r = 0; r <= ny; r++) {
      for (let c = 0; c <= nx; c++) {
        if (c < nx) road(g[r][c], g[r][c + 1], r % mainEvery === 0 ? speed + 10 : speed, name);
        if (r < ny) road(g[r][c], g[r + 1][c], c % mainEvery === 0 ? speed + 10 : speed, name);
      }
    }
    // Each corner and edge midpoint joins the county road nearest to it.
    const ties = [g[0][0], g[0][nx], g[ny][0], g[ny][nx], g[0][nx >> 1], g[ny][nx >> 1], g[ny >> 1][0], g[ny >> 1][nx]];
    for (const p of ties) road(p, nearestNode(p), 40, `${name}·连接线`);
  };
  // The county seat's street grid (~500 m blocks) reaches a little past the built-up edge.
  streets([120.92, 31.66, 120.98, 31.705], 0.006, 0.005, 30, '城区道路', 3);
  streets([120.995, 31.69, 121.04, 31.715], 0.009, 0.00625, 40, '开发区道路', 2);
  streets([121.05, 31.59, 121.085, 31.612], 0.00875, 0.0055, 40, '园区道路', 2);
  streets([121.13, 31.705, 121.16, 31.725], 0.0075, 0.005, 40, '港区道路', 2);
  for (const id of ['LG', 'DQ', 'XH', 'NT', 'BA']) {
    const b = BLOCKS.find((x) => x[0] === id)!;
    streets(b[3], 0.005, 0.0047, 30, `${b[1]}街道`, 2);
  }
  // Expressway from south-west to north-east, with interchanges to the nearest grid node.
  const hw: Pt[] = [];
  for (let k = 0; k <= 12; k++) hw.push([round(LON0 + 0.005 + k * 0.03), round(LAT0 + 0.025 + k * 0.0195)]);
  for (let k = 1; k < hw.length; k++) road(hw[k - 1], hw[k], 100, '沿江高速', false);
  for (let k = 0; k < hw.length; k += 3) road(hw[k], nearestNode(hw[k]), 50, '高速互通');
  return { type: 'FeatureCollection', features };
}

writeFileSync('scenarios/geo/default-zones.geojson', JSON.stringify(zonesGeoJson()) + '\n');
const roads = roadsGeoJson();
writeFileSync('scenarios/geo/default-roads.geojson', JSON.stringify(roads) + '\n');

/** The low-lying south-east of the county seat under water (城市内涝): its inner streets are closed. */
const FLOODED: Rect = [120.949, 31.659, 120.981, 31.679];
const inBox = ([x, y]: number[], [x0, y0, x1, y1]: number[]) => x > x0 && x < x1 && y > y0 && y < y1;
const flood = {
  type: 'FeatureCollection',
  features: (roads.features as { geometry: { coordinates: number[][] } }[]).filter((f) => !f.geometry.coordinates.every((p) => inBox(p, FLOODED))),
};
writeFileSync('scenarios/geo/flood-roads.geojson', JSON.stringify(flood) + '\n');
const km2 = ([x0, y0, x1, y1]: Rect) => (x1 - x0) * 111.32 * Math.cos((((y0 + y1) / 2) * Math.PI) / 180) * (y1 - y0) * 110.57;
const seat = BLOCKS.filter((b) => b[0].startsWith('CG-')).reduce((a, b) => a + km2(b[3]), 0);
const pop = [...BLOCKS.map((b) => b[4]), ...RURAL.map((r) => r[4])].reduce((a, b) => a + b, 0);
console.log(`zones: ${BLOCKS.length + RURAL.length}, population ${pop}; county seat ${seat.toFixed(1)} km²; road segments: ${roads.features.length} (${flood.features.length} in the flood variant)`);
