import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import type { Result } from '../../src/scenario/errors.ts';
import { wgs84To } from '../../src/geo/import/crs.ts';
import { distanceM } from '../../src/geo/distance.ts';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../helpers.ts';

const SCEN = join(ROOT, 'scenarios');
const base = () => parseYaml(readFileSync(join(SCEN, 'qingxi-town.yaml'), 'utf8')) as Record<string, unknown>;
/** Side files from disk relative to scenarios/, with `extra` files (by name) on top. */
const build = (input: Record<string, unknown>, extra: Record<string, string | Uint8Array> = {}): Result<Scenario> =>
  buildScenario(
    input,
    'qingxi.yaml',
    (rel) => {
      if (rel in extra) return typeof extra[rel] === 'string' ? (extra[rel] as string) : new TextDecoder().decode(extra[rel] as Uint8Array);
      try {
        return readFileSync(join(SCEN, rel), 'utf8');
      } catch {
        return null;
      }
    },
    (rel) => {
      if (rel in extra) return typeof extra[rel] === 'string' ? new TextEncoder().encode(extra[rel] as string) : (extra[rel] as Uint8Array);
      try {
        return new Uint8Array(readFileSync(join(SCEN, rel)));
      } catch {
        return null;
      }
    },
  );
const ok = (r: Result<Scenario>): Scenario => {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.en}`).join('\n'));
  return r.value;
};
/** The problems in English, each checked to say itself in Chinese as well. */
const errs = (r: Result<Scenario>) => (r.ok ? [] : r.errors.map((e) => (expect(e.zh).toMatch(/\p{Script=Han}/u), `${e.path}: ${e.en}`)));
const quiet = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false }, out, err };
};
const SHP = '../test/fixtures/shp';

describe('the bundled 清溪镇 scenario is the OSM importer’s output, end to end', () => {
  it('importing the fixture extract again gives the bundled roads, stations and hospitals byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-qx-'));
    const fix = join(ROOT, 'test/fixtures/osm');
    const q = quiet();
    expect(await main(['geo', 'import-osm', join(fix, 'qingxi.osm.pbf'), '--boundary', join(fix, 'qingxi-boundary.geojson'), '--out', join(dir, 'r.geojson'), '--stations', join(dir, 's.geojson'), '--hospitals', join(dir, 'h.geojson')], q.io)).toBe(0);
    for (const [mine, bundled] of [['r', 'roads'], ['s', 'stations'], ['h', 'hospitals']]) {
      expect(readFileSync(join(dir, `${mine}.geojson`), 'utf8')).toBe(readFileSync(join(SCEN, `geo/qingxi-${bundled}.geojson`), 'utf8'));
    }
  });

  it('validates without warnings and runs: units drive the imported roads', async () => {
    const s = ok(build(base()));
    expect(s.travel.network!.nodes.length).toBeGreaterThan(100);
    expect(s.stations.map((x) => x.id)).toEqual(['F01', 'P01', 'A01', 'F02']);
    expect(s.layers.map((l) => [l.name, l.kind])).toEqual([['清溪', 'water'], ['化工园区', 'hazard'], ['镇界', 'boundary']]);
    const r = build(base());
    expect(r.ok && r.warnings).toBeFalsy();
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-qx-'));
    expect(await main(['run', join(SCEN, 'qingxi-town.yaml'), '--out', join(dir, 'run')], quiet().io)).toBe(0);
    const dispatches = readFileSync(join(dir, 'run/dispatches.csv'), 'utf8').trim().split('\r\n').slice(1);
    expect(dispatches.length).toBeGreaterThan(5);
  });
});

describe('Shapefiles and coordinate systems in a scenario', () => {
  const geojsonZones = ok(build(base())).zones;
  const geojsonStations = ok(build(base())).stations;

  it('zones from a Shapefile in CGCS2000 Gauss–Krüger zone 40 (.prj), GBK text, mapped attributes, land where the GeoJSON ones do', () => {
    const s = ok(build({ ...base(), zones: { file: `${SHP}/qingxi-zones.shp`, mapping: { id: 'CODE', name: 'MC', population: 'RK' } } }));
    expect(s.zones.map((z) => [z.id, z.name, z.population])).toEqual(geojsonZones.map((z) => [z.id, z.name, z.population]));
    s.zones.forEach((z, i) => expect(distanceM(z, geojsonZones[i])).toBeLessThan(0.05));
  });

  it('stations from a zipped Shapefile, with their agency mapped from a DBF field', () => {
    const s = ok(build({ ...base(), stations: { file: `${SHP}/qingxi-stations.zip`, mapping: { id: 'CODE', name: 'MC', agency: 'DW' } } }));
    expect(s.stations.map((x) => [x.id, x.name, x.agency])).toEqual([
      ['F01', '清溪镇消防救援站', 'FIRE'],
      ['P01', '清溪派出所', 'POLICE'],
      ['A01', '120急救分站', 'EMS'],
      ['F02', '北岸消防站', 'FIRE'],
    ]);
    s.stations.forEach((x, i) => expect(distanceM(x, geojsonStations[i])).toBeLessThan(0.01));
  });

  it('inline positions in the scenario’s projected crs (EPSG:4528, metres) are converted', () => {
    const zip = ok(build({ ...base(), stations: { file: `${SHP}/qingxi-stations.zip`, mapping: { id: 'CODE', agency: 'DW' } } }));
    // F01 and P01 as the zipped Shapefile holds them, in metres.
    const inputStations = [{ id: 'F01', lon: 40558768.196, lat: 3309705.123 }, { id: 'P01', lon: 40559795.47, lat: 3310372.307 }];
    const r = build({ ...base(), crs: 'EPSG:4528', stations: inputStations.concat(geojsonStations.slice(2).map((s) => ({ id: s.id, lon: s.lon, lat: s.lat }))) });
    // The scenario's crs covers every inline position: degrees there are refused by name.
    expect(errs(r)).toContain('stations[2]: [' + geojsonStations[2].lon + ', ' + geojsonStations[2].lat + '] looks like degrees, but EPSG:4528 is projected (metres): is crs wrong?');
    const s = ok(build({ ...base(), crs: 'EPSG:4528', stations: inputStations, units: [{ id: 'E', agency: 'FIRE', type: 'engine', station: 'F01' }, { id: 'A', agency: 'EMS', type: 'ambulance', station: 'P01' }, { id: 'C', agency: 'POLICE', type: 'patrol', station: 'P01' }, { id: 'H', agency: 'FIRE', type: 'hazmat', station: 'F01' }, { id: 'M', agency: 'ENV', type: 'monitoring', station: 'P01' }], demand: { background: [] } }));
    expect(distanceM(s.stations[0], zip.stations[0])).toBeLessThan(0.01);
  });

  it('bad geographic files and systems are path-named errors', () => {
    const shp = new Uint8Array(readFileSync(join(SCEN, `${SHP}/qingxi-zones.shp`)));
    const cases: [Record<string, unknown>, Record<string, string | Uint8Array>, RegExp][] = [
      [{ crs: 'EPSG:9999' }, {}, /^crs: unknown EPSG code 9999/],
      [{ stations: { file: `${SHP}/qingxi-stations.zip`, crs: 'mars', mapping: { id: 'CODE' } } }, {}, /^stations\.crs: unknown coordinate system "mars"/],
      [{ zones: { file: `${SHP}/qingxi-zones.shp`, mapping: { id: 'ID' } } }, {}, /^zones\.mapping\.id: "ID" is not an attribute of .*qingxi-zones\.shp \(it has CODE, MC, RK\)/],
      [{ zones: { file: `${SHP}/qingxi-zones.shp`, mapping: { speed: 'RK' } } }, {}, /^zones\.mapping\.speed: is not a field linkdrill reads here \(it reads id, name, population, class\)/],
      [{ zones: { file: 'cut.shp', mapping: { id: 'CODE' } } }, { 'cut.shp': shp.slice(0, 300), 'cut.dbf': new Uint8Array(readFileSync(join(SCEN, `${SHP}/qingxi-zones.dbf`))) }, /^zones \(cut\.shp\): a truncated \.shp file/],
      [{ zones: { file: 'alone.shp' } }, { 'alone.shp': shp }, /^zones\.file: "alone\.dbf" is missing beside "alone\.shp"/],
      [{ stations: { file: 'empty.zip' } }, { 'empty.zip': zipSync({ 'readme.txt': new TextEncoder().encode('hi') }) }, /^stations \(empty\.zip\): holds no \.shp file/],
      [{ stations: { file: 'broken.zip' } }, { 'broken.zip': new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) }, /^stations \(broken\.zip\): not a readable zip file/],
      [{ zones: { file: `${SHP}/qingxi-zones.shp`, crs: 'WGS84', mapping: { id: 'CODE' } } }, {}, /^zones \(.*qingxi-zones\.shp\) features\[0\]\.geometry: \[40557946\.072, 3309981\.524\] is not in degrees/],
      [{ layers: [{ file: 'nowhere.geojson' }] }, {}, /^layers\[0\]\.file: file not found: "nowhere\.geojson"/],
    ];
    for (const [change, extra, re] of cases) {
      const e = errs(build({ ...base(), ...change }, extra));
      expect(e.length, JSON.stringify(change)).toBeGreaterThan(0);
      expect(e[0]).toMatch(re);
    }
  });

  it('places copied from a GCJ-02 map onto WGS-84 roads draw a warning naming GCJ-02; saying crs: GCJ02 puts them back', () => {
    // Stations geocoded from their street addresses (so on the roads), as 高德 shows them.
    const roads = JSON.parse(readFileSync(join(SCEN, 'geo/qingxi-roads.geojson'), 'utf8'));
    const onRoads = roads.features.filter((f: { properties: { highway: string } }) => f.properties.highway !== 'motorway').slice(0, 6).map((f: { geometry: { coordinates: [number, number][] } }) => f.geometry.coordinates[1]);
    const fc = (pts: [number, number][]) => JSON.stringify({ type: 'FeatureCollection', features: pts.map((c, i) => ({ type: 'Feature', properties: { id: `S${i}`, name: `站${i}` }, geometry: { type: 'Point', coordinates: c } })) });
    const extra = { 'gcj.geojson': fc(onRoads.map(([lon, lat]: [number, number]) => wgs84To('GCJ-02', lon, lat))), 'wgs.geojson': fc(onRoads) };
    const units = [{ id: 'E', agency: 'FIRE', type: 'engine', station: 'S0' }, { id: 'H', agency: 'FIRE', type: 'hazmat', station: 'S0' }, { id: 'A', agency: 'EMS', type: 'ambulance', station: 'S1' }, { id: 'C', agency: 'POLICE', type: 'patrol', station: 'S2' }, { id: 'M', agency: 'ENV', type: 'monitoring', station: 'S2' }];
    const silent = build({ ...base(), units, stations: { file: 'gcj.geojson' } }, extra);
    expect(errs(silent)).toEqual([]);
    expect(silent.ok && silent.warnings?.map((w) => `${w.path}: ${w.zh}`)).toEqual([expect.stringMatching(/^stations: 6 个地点距最近的道路平均 \d+ 米：.*若按 GCJ-02（高德\/腾讯）读取，它们距道路将为 0 米——请在给出它们的地方写明 crs: GCJ02$/)]);
    expect(silent.ok && silent.warnings?.map((w) => `${w.path}: ${w.en}`)).toEqual([expect.stringMatching(/^stations: 6 places lie \d+ m from the nearest road on average: .* read as GCJ-02 \(高德\/腾讯\) they would lie 0 m from them — say crs: GCJ02 where they are given$/)]);
    const said = build({ ...base(), units, stations: { file: 'gcj.geojson', crs: 'GCJ02' } }, extra);
    expect(said.ok && said.warnings).toBeFalsy();
    const truth = ok(build({ ...base(), units, stations: { file: 'wgs.geojson' } }, extra)).stations;
    ok(said).stations.forEach((x, i) => expect(distanceM(x, truth[i])).toBeLessThan(0.5));
    // A layer of the national road as the county drew it in BD-09: flagged, naming BD-09.
    const g104 = roads.features.filter((f: { properties: { name?: string } }) => f.properties.name === '104国道');
    const bd = { type: 'FeatureCollection', features: g104.map((f: { geometry: { coordinates: [number, number][] } }) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: f.geometry.coordinates.map(([lon, lat]) => wgs84To('BD-09', lon, lat)) } })) };
    const layered = build({ ...base(), layers: [{ file: 'g104.geojson', name: '国道' }] }, { 'g104.geojson': JSON.stringify(bd) });
    expect(layered.ok && layered.warnings?.[0].path).toBe('layers[0] (国道)');
    expect(layered.ok && layered.warnings?.[0].en).toMatch(/read as BD-09 \(百度\)/);
  });

  it('a CAD history’s lon/lat are read in its own crs', () => {
    const [lon, lat] = wgs84To('GCJ-02', geojsonZones[0].lon, geojsonZones[0].lat);
    const csv = `time,type,lon,lat\n3600,fire,${lon},${lat}\n`;
    const s = ok(build({ ...base(), demand: { history: { file: 'cad.csv', crs: 'GCJ02' } } }, { 'cad.csv': csv }));
    const inc = s.demand.fixed.find((f) => f.source === 'history')!;
    expect(distanceM(inc, geojsonZones[0])).toBeLessThan(0.5);
    expect(inc.zone).toBe(geojsonZones[0].id);
  });

  it('a place the roads cannot reach both ways is named; validate says so with exit 1', async () => {
    const roads = JSON.parse(readFileSync(join(SCEN, 'geo/qingxi-roads.geojson'), 'utf8'));
    // An island loop of road 3 km east of town, and a station on it.
    roads.features.push({ type: 'Feature', properties: { speed_kmh: 30 }, geometry: { type: 'LineString', coordinates: [[120.66, 29.91], [120.662, 29.91], [120.662, 29.912], [120.66, 29.91]] } });
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-qx-'));
    writeFileSync(join(dir, 'roads.geojson'), JSON.stringify(roads));
    for (const f of ['qingxi-zones', 'qingxi-stations', 'qingxi-hospitals', 'qingxi-river', 'qingxi-chemical-park', 'qingxi-boundary']) writeFileSync(join(dir, `${f}.geojson`), readFileSync(join(SCEN, `geo/${f}.geojson`)));
    const text = readFileSync(join(SCEN, 'qingxi-town.yaml'), 'utf8').replaceAll('geo/qingxi-roads.geojson', 'roads.geojson').replaceAll('geo/', '').replace('stations: {file: qingxi-stations.geojson}', 'stations: [{id: F01, lon: 120.6085, lat: 29.9047}, {id: P01, lon: 120.6192, lat: 29.9107}, {id: A01, lon: 120.613, lat: 29.9077}, {id: F02, lon: 120.661, lat: 29.9101}]');
    writeFileSync(join(dir, 'island.yaml'), text);
    const q = quiet();
    expect(await main(['validate', join(dir, 'island.yaml')], q.io)).toBe(1);
    expect(q.err.join('\n')).toMatch(/stations\[3\] \(F02\)：在路网上与其他地点不能互相到达/);
    const en = quiet();
    expect(await main(['validate', join(dir, 'island.yaml'), '--lang', 'en'], en.io)).toBe(1);
    expect(en.err.join('\n')).toMatch(/stations\[3\] \(F02\): cannot be reached on the road network from the rest/);
  });
});
