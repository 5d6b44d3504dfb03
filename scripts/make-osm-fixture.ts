/**
 * Writes the synthetic OpenStreetMap extract the importer is tested on — one made-up county town,
 * 清溪镇, shaped like a real one (a street grid with one-way streets, a river with a bridge and a
 * car ferry, a national road with a roundabout, an expressway with two interchanges and a flyover,
 * private and pedestrian ways, an isolated village loop, stations and hospitals mapped as points,
 * buildings and a multipolygon) — as .osm XML, Overpass JSON and .osm.pbf, plus its boundary, and
 * the scenario's zones and map layers. Authored for the tests, not derived from OSM data.
 *
 *   npx tsx scripts/make-osm-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import Pbf from 'pbf';
import { zlibSync } from 'fflate';
import * as OsmFormat from 'tiny-osmpbf/proto/osmformat.js';
import * as FileFormat from 'tiny-osmpbf/proto/fileformat.js';

const LON0 = 120.6;
const LAT0 = 29.9;
/** Metres east/north of the origin to WGS-84, rounded as OSM stores positions (1e-7°). */
const at = (x: number, y: number): [number, number] => [
  Math.round((LON0 + x / (111320 * Math.cos((LAT0 * Math.PI) / 180))) * 1e7) / 1e7,
  Math.round((LAT0 + y / 110574) * 1e7) / 1e7,
];

type Tags = Record<string, string>;
const nodes: { id: number; lon: number; lat: number; tags?: Tags }[] = [];
const ways: { id: number; nodes: number[]; tags: Tags }[] = [];
const relations: { id: number; members: { type: string; ref: number; role: string }[]; tags: Tags }[] = [];
const byKey = new Map<string, number>();
let nextNode = 1000;
let nextWay = 100;
/** The node at (x, y) metres, shared by every way that passes there (`own` gives a separate one). */
const node = (x: number, y: number, tags?: Tags, own = false): number => {
  const key = `${x},${y}`;
  if (!own && !tags && byKey.has(key)) return byKey.get(key)!;
  const id = nextNode++;
  const [lon, lat] = at(x, y);
  nodes.push({ id, lon, lat, ...(tags ? { tags } : {}) });
  if (!own && !tags) byKey.set(key, id);
  return id;
};
const way = (pts: [number, number][], tags: Tags, own = false): number => {
  const id = nextWay++;
  ways.push({ id, nodes: pts.map(([x, y]) => node(x, y, undefined, own)), tags });
  return id;
};
/** Points every `step` metres from a to b (both included). */
const line = (a: [number, number], b: [number, number], step = 200): [number, number][] => {
  const n = Math.max(1, Math.round(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
  return Array.from({ length: n + 1 }, (_, i) => [Math.round(a[0] + ((b[0] - a[0]) * i) / n), Math.round(a[1] + ((b[1] - a[1]) * i) / n)] as [number, number]);
};

// The street grid: 7 north–south streets (x = 0…2400), 6 east–west (y = 0…2000), every 400 m.
const ns = ['西环路', '新华路', '建设路', '解放路', '文化路', '东风路', '东环路'];
const ew = ['南环路', '育才路', '人民路', '和平路', '中山路', '北环路'];
ns.forEach((name, i) => {
  const x = i * 400;
  const tags: Tags = { highway: i === 3 ? 'primary' : i === 0 || i === 6 ? 'secondary' : 'residential', name };
  if (i === 1) tags.oneway = '-1'; // one way, mapped against its direction
  if (i === 3) tags.maxspeed = '40';
  way(line([x, 0], [x, 2000]), tags);
});
ew.forEach((name, j) => {
  const y = j * 400;
  const tags: Tags = { highway: j === 2 ? 'primary' : j === 0 || j === 5 ? 'secondary' : 'tertiary', name };
  if (j === 4) tags.oneway = 'yes';
  way(line([0, y], [2400, y]), tags);
});
// 解放路 north across the river (a bridge) to the northern suburb, which has a loop of its own.
way(line([1200, 2000], [1200, 2150]), { highway: 'primary', name: '解放路' });
way(line([1200, 2150], [1200, 2350]), { highway: 'primary', name: '清溪大桥', bridge: 'yes', layer: '1' });
way(line([1200, 2350], [1200, 2800]), { highway: 'primary', name: '解放北路' });
way([...line([400, 2800], [2400, 2800])], { highway: 'secondary', name: '滨江北路' });
way([...line([400, 2800], [400, 2400]), ...line([400, 2400], [2400, 2400]).slice(1), ...line([2400, 2400], [2400, 2800]).slice(1)], { highway: 'residential', name: '北岸街' });
// A car ferry across the river at the east end, and a foot ferry at the west end.
way(line([2400, 2000], [2400, 2400], 400), { route: 'ferry', motor_vehicle: 'yes', name: '东渡' });
way(line([0, 2000], [400, 2400], 600), { route: 'ferry', foot: 'yes', name: '西渡' });

// National road (国道) south of town, x −1500…4000 at y = −300, with a roundabout at 东风路.
const rb: [number, number][] = [[1970, -300], [2000, -270], [2030, -300], [2000, -330], [1970, -300]];
way(rb, { highway: 'trunk', junction: 'roundabout', name: '东风环岛' });
way(line([-1500, -300], [1970, -300], 350), { highway: 'trunk', name: '104国道', ref: 'G104' });
way(line([2030, -300], [4000, -300], 350), { highway: 'trunk', name: '104国道', ref: 'G104' });
way(line([2000, 0], [2000, -270]), { highway: 'secondary', name: '东风路' });
way(line([400, 0], [400, -300]), { highway: 'tertiary', name: '新华南路', oneway: '-1' });
way(line([1200, 0], [1200, -300]), { highway: 'primary', name: '解放南路' });

// Expressway: two one-way carriageways at x = 3200/3220 from y = −2000 to 3200, crossing over the
// national road without meeting it; interchanges at 人民路 (y = 800) and 滨江北路 (y = 2800).
const nb = [...line([3220, -2000], [3220, 3200], 400)];
const sb = [...line([3200, 3200], [3200, -2000], 400)];
const mw = { highway: 'motorway', name: '杭金衢高速', oneway: 'yes' };
const flyover = { ...mw, bridge: 'yes', layer: '1' };
way(nb.filter(([, y]) => y <= -400), mw);
way([[3220, -400], [3220, -200]], flyover);
way([[3220, -200], ...nb.filter(([, y]) => y > -200 && y <= 800)], mw);
way(nb.filter(([, y]) => y >= 800), mw);
way(sb.filter(([, y]) => y >= 800), mw);
way([...sb.filter(([, y]) => y <= 800 && y > -200), [3200, -200]], mw);
way([[3200, -200], [3200, -400]], flyover);
way(sb.filter(([, y]) => y <= -400), mw);
// 南互通: ramps between the expressway and the national road, south of the flyover.
way([[3220, -1200], [3300, -700], [3343, -300]], { highway: 'motorway_link', oneway: 'yes' });
way([[3343, -300], [3260, -600], [3220, -800]], { highway: 'motorway_link', oneway: 'yes' });
way([[3200, -800], [3100, -600], [3015, -300]], { highway: 'motorway_link', oneway: 'yes' });
way([[3015, -300], [3150, -700], [3200, -1200]], { highway: 'motorway_link', oneway: 'yes' });
way(line([2400, 800], [3000, 800]), { highway: 'primary', name: '人民东路' });
way([[3000, 800], [3100, 700], [3220, 400]], { highway: 'motorway_link', oneway: 'yes' });
way([[3220, 1200], [3100, 900], [3000, 800]], { highway: 'motorway_link', oneway: 'yes' });
way([[3000, 800], [3100, 1000], [3200, 1200]], { highway: 'motorway_link', oneway: 'yes' });
way([[3200, 400], [3100, 600], [3000, 800]], { highway: 'motorway_link', oneway: 'yes' });
way([[2400, 2800], [3000, 2800]], { highway: 'secondary', name: '滨江北路' });
way([[3000, 2800], [3220, 2400]], { highway: 'motorway_link', oneway: 'yes' });
way([[3200, 2400], [3000, 2800]], { highway: 'motorway_link', oneway: 'yes' });
way([[3000, 2800], [3220, 3200]], { highway: 'motorway_link', oneway: 'yes' });
way([[3200, 3200], [3000, 2800]], { highway: 'motorway_link', oneway: 'yes' });

// What a motor vehicle may not use, or cannot get back from.
way(line([1600, 400], [1600, 200], 100).concat([[1800, 200]]), { highway: 'service', access: 'private', name: '厂区道路' });
way([[800, 1200], [900, 1300], [1000, 1300], [1100, 1200]], { highway: 'footway' });
way([[0, 1200], [-300, 1300], [-500, 1300]], { highway: 'track', tracktype: 'grade2' });
way([[2400, 1600], [2700, 1700]], { highway: 'construction', construction: 'tertiary' });
way([[1600, 1600], [1700, 1700], [1800, 1750]], { highway: 'service', service: 'parking_aisle', oneway: 'yes' });
way([[2000, 1200], [2100, 1100]], { highway: 'service', access: 'no', emergency: 'yes', name: '消防通道' });
const village: [number, number][] = [[-900, 1500], [-700, 1500], [-700, 1700], [-900, 1700], [-900, 1500]];
way(village, { highway: 'unclassified', name: '下村路' });

// Stations and hospitals.
node(820, 520, { amenity: 'fire_station', name: '清溪镇消防救援站', 'name:en': 'Qingxi fire station' });
node(1850, 1180, { amenity: 'police', name: '清溪派出所' });
node(1250, 850, { emergency: 'ambulance_station', name: '120急救分站' });
node(5200, 800, { amenity: 'fire_station', name: '邻县消防站' });
const hospital = way([[1500, 1450], [1650, 1450], [1650, 1550], [1500, 1550], [1500, 1450]], { amenity: 'hospital', emergency: 'yes', name: '清溪镇人民医院', building: 'hospital' }, true);
const tcmOuter = way([[300, 700], [450, 700], [450, 780], [300, 780], [300, 700]], { building: 'yes' }, true);
relations.push({ id: 9001, members: [{ type: 'way', ref: tcmOuter, role: 'outer' }], tags: { type: 'multipolygon', amenity: 'hospital', name: '清溪中医院' } });
node(2200, 300, { amenity: 'hospital', emergency: 'no', name: '康复医院' });
way([[1300, 2500], [1420, 2500], [1420, 2600], [1300, 2600], [1300, 2500]], { amenity: 'fire_station', name: '北岸消防站' }, true);
void hospital;

// The river (a layer, not a road) and the town boundary.
const river = [[-1500, 2150], [0, 2200], [1200, 2250], [2400, 2200], [4000, 2150]].map(([x, y]) => at(x, y));
way([[-1500, 2150], [0, 2200], [1200, 2250], [2400, 2200], [4000, 2150]], { waterway: 'river', name: '清溪' }, true);
const boundary = [[-1100, -1000], [3600, -1000], [3600, 3000], [800, 3000], [-1100, 2300], [-1100, -1000]].map(([x, y]) => at(x, y));

const dir = 'test/fixtures/osm';
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 1) + '\n';
const boundaryText = fc([{ type: 'Feature', properties: { name: '清溪镇' }, geometry: { type: 'Polygon', coordinates: [boundary] } }]);
writeFileSync(`${dir}/qingxi-boundary.geojson`, boundaryText);
writeFileSync('scenarios/geo/qingxi-boundary.geojson', boundaryText);

// OSM XML.
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const tagsXml = (t?: Tags) => Object.entries(t ?? {}).map(([k, v]) => `  <tag k="${esc(k)}" v="${esc(v)}"/>`).join('\n');
const xml = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<osm version="0.6" generator="linkdrill make-osm-fixture (synthetic data)">',
  ...nodes.map((n) => (n.tags ? `<node id="${n.id}" lat="${n.lat}" lon="${n.lon}">\n${tagsXml(n.tags)}\n</node>` : `<node id="${n.id}" lat="${n.lat}" lon="${n.lon}"/>`)),
  ...ways.map((w) => `<way id="${w.id}">\n${w.nodes.map((r) => `  <nd ref="${r}"/>`).join('\n')}\n${tagsXml(w.tags)}\n</way>`),
  ...relations.map((r) => `<relation id="${r.id}">\n${r.members.map((m) => `  <member type="${m.type}" ref="${m.ref}" role="${m.role}"/>`).join('\n')}\n${tagsXml(r.tags)}\n</relation>`),
  '</osm>',
  '',
].join('\n');
writeFileSync(`${dir}/qingxi.osm`, xml);

// Overpass JSON.
const elements = [
  ...nodes.map((n) => ({ type: 'node', id: n.id, lat: n.lat, lon: n.lon, ...(n.tags ? { tags: n.tags } : {}) })),
  ...ways.map((w) => ({ type: 'way', id: w.id, nodes: w.nodes, tags: w.tags })),
  ...relations.map((r) => ({ type: 'relation', id: r.id, members: r.members, tags: r.tags })),
];
writeFileSync(`${dir}/qingxi.overpass.json`, JSON.stringify({ version: 0.6, generator: 'linkdrill make-osm-fixture (synthetic data)', elements }) + '\n');

// .osm.pbf: an OSMHeader blob, then one OSMData blob with dense nodes, ways and relations.
const strings = [''];
const sid = (s: string) => {
  let i = strings.indexOf(s);
  if (i < 0) i = strings.push(s) - 1;
  return i;
};
const delta = (xs: number[]) => xs.map((x, i) => x - (i ? xs[i - 1] : 0));
const dense = {
  id: delta(nodes.map((n) => n.id)),
  lat: delta(nodes.map((n) => Math.round(n.lat * 1e7))),
  lon: delta(nodes.map((n) => Math.round(n.lon * 1e7))),
  keys_vals: nodes.flatMap((n) => [...Object.entries(n.tags ?? {}).flatMap(([k, v]) => [sid(k), sid(v)]), 0]),
};
const pbfWays = ways.map((w) => ({ id: w.id, keys: Object.keys(w.tags).map(sid), vals: Object.values(w.tags).map(sid), refs: delta(w.nodes) }));
const pbfRels = relations.map((r) => ({ id: r.id, keys: Object.keys(r.tags).map(sid), vals: Object.values(r.tags).map(sid), roles_sid: r.members.map((m) => sid(m.role)), memids: delta(r.members.map((m) => m.ref)), types: r.members.map((m) => ({ node: 0, way: 1, relation: 2 })[m.type as 'node']) }));
const encode = (write: (obj: unknown, pbf: Pbf) => void, obj: unknown) => {
  const p = new Pbf();
  write(obj, p);
  return p.finish();
};
const blob = (type: string, data: Uint8Array) => {
  const body = encode(FileFormat.Blob.write, { raw_size: data.length, zlib_data: zlibSync(data) });
  const header = encode(FileFormat.BlobHeader.write, { type, datasize: body.length });
  const len = new Uint8Array(4);
  new DataView(len.buffer).setInt32(0, header.length, false);
  return [len, header, body];
};
const headerBlock = encode(OsmFormat.HeaderBlock.write, { required_features: ['OsmSchema-V0.6', 'DenseNodes'], writingprogram: 'linkdrill make-osm-fixture (synthetic data)' });
const block = encode(OsmFormat.PrimitiveBlock.write, {
  stringtable: { s: strings.map((s) => new TextEncoder().encode(s)) },
  primitivegroup: [{ dense }, { ways: pbfWays }, { relations: pbfRels }],
  granularity: 100,
  date_granularity: 1000,
});
const parts = [...blob('OSMHeader', headerBlock), ...blob('OSMData', block)];
const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
parts.reduce((o, p) => (out.set(p, o), o + p.length), 0);
writeFileSync(`${dir}/qingxi.osm.pbf`, out);

// The scenario's zones (polygons with population) and map layers.
const rect = (x0: number, y0: number, x1: number, y1: number) => [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]];
const zones = [
  ['QX-OLD', '老城区', 0, 800, 1200, 2000, 26000],
  ['QX-CBD', '城东', 1200, 800, 2400, 2000, 21000],
  ['QX-SOUTH', '城南', 0, -300, 2400, 800, 18000],
  ['QX-NORTH', '北岸新区', 400, 2400, 2400, 2800, 9000],
  ['QX-PARK', '化工园区', 2400, -300, 3000, 800, 3000],
].map(([id, name, x0, y0, x1, y1, population]) => ({ type: 'Feature', properties: { id, name, population }, geometry: { type: 'Polygon', coordinates: rect(x0 as number, y0 as number, x1 as number, y1 as number) } }));
writeFileSync('scenarios/geo/qingxi-zones.geojson', fc(zones));
writeFileSync('scenarios/geo/qingxi-river.geojson', fc([{ type: 'Feature', properties: { name: '清溪', kind: 'river' }, geometry: { type: 'LineString', coordinates: river } }]));
writeFileSync('scenarios/geo/qingxi-chemical-park.geojson', fc([{ type: 'Feature', properties: { name: '清溪化工园区', kind: 'industrial' }, geometry: { type: 'Polygon', coordinates: rect(2450, -250, 2950, 750) } }]));
console.log(`${nodes.length} nodes, ${ways.length} ways, ${relations.length} relations; pbf ${out.length} bytes`);
