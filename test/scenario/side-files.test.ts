/**
 * Side files a user exported from somewhere else (GeoJSON zones and roads, a CAD history, a travel
 * matrix): every feature, position and cell is checked before use, so a null feature, coordinates
 * that are empty, text or outside WGS-84 degrees, or a number that is not finite is an error named by
 * file, feature or row and column — never a crash, and never a silently wrong number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { zonesFromGeoJson } from '../../src/scenario/normalise/zones.ts';
import { parseRoadGeoJson } from '../../src/geo/network.ts';
import { parseHistoryCsv } from '../../src/scenario/history.ts';
import { parseDateTime } from '../../src/scenario/duration.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { loadVariants } from '../../src/scenario/variants.ts';
import { readCsvTable } from '../../src/scenario/table.ts';
import { ROOT } from '../helpers.ts';
import { englishLines } from '../bilingual.ts';

const lines = englishLines;
const feature = (geometry: unknown, properties: unknown = { id: 'Z1', population: 10 }) => ({ type: 'Feature', properties, geometry });
const zonesOf = (...features: unknown[]) => lines(zonesFromGeoJson({ type: 'FeatureCollection', features }, 'z.geojson').errors);
const square = [[[120, 30], [120.01, 30], [120.01, 30.01], [120, 30.01], [120, 30]]];

describe('GeoJSON zones', () => {
  it('a good Polygon, MultiPolygon and Point load', () => {
    expect(zonesOf(feature({ type: 'Polygon', coordinates: square }), feature({ type: 'MultiPolygon', coordinates: [square] }, { id: 'Z2' }), feature({ type: 'Point', coordinates: [120, 30] }, { id: 3, population: '12' }))).toEqual([]);
  });

  const cases: [string, unknown[], string][] = [
    ['a null feature', [null], 'z.geojson features[0]: must be a GeoJSON Feature'],
    ['a feature that is a number', [7], 'z.geojson features[0]: must be a GeoJSON Feature'],
    ['a null geometry', [feature(null)], 'z.geojson features[0].geometry: must be a Point, Polygon or MultiPolygon'],
    ['a LineString', [feature({ type: 'LineString', coordinates: [[120, 30], [121, 30]] })], 'z.geojson features[0].geometry.type: must be a Point, Polygon or MultiPolygon; got "LineString"'],
    ['a polygon with no rings', [feature({ type: 'Polygon', coordinates: [] })], 'z.geojson features[0].geometry.coordinates: a polygon needs an outer ring'],
    ['a polygon with an empty ring', [feature({ type: 'Polygon', coordinates: [[]] })], 'z.geojson features[0].geometry.coordinates[0]: a ring needs at least three positions'],
    ['coordinates as text', [feature({ type: 'Polygon', coordinates: '120,30' })], 'z.geojson features[0].geometry.coordinates: a polygon needs an outer ring'],
    ['positions as text', [feature({ type: 'Polygon', coordinates: [[['120', '30'], [120.01, 30], [120, 30.01]]] })], 'z.geojson features[0].geometry.coordinates[0][0]: must be a position [lon, lat] of two numbers'],
    ['a position of one number', [feature({ type: 'Point', coordinates: [120] })], 'z.geojson features[0].geometry.coordinates: must be a position [lon, lat]'],
    ['projected metres', [feature({ type: 'Point', coordinates: [500000, 3300000] })], 'z.geojson features[0].geometry.coordinates: longitude 500000 is outside −180…180'],
    ['latitude out of range', [feature({ type: 'Point', coordinates: [30, 120] })], 'z.geojson features[0].geometry.coordinates: latitude 120 is outside −90…90'],
    ['an empty MultiPolygon', [feature({ type: 'MultiPolygon', coordinates: [] })], 'z.geojson features[0].geometry.coordinates: a MultiPolygon needs at least one polygon'],
    ['no id', [feature({ type: 'Point', coordinates: [120, 30] }, {})], 'z.geojson features[0].properties.id: is required'],
    ['population as words', [feature({ type: 'Point', coordinates: [120, 30] }, { id: 'Z1', population: 'many' })], 'z.geojson features[0].properties.population: must be a finite number ≥ 0; got "many"'],
    ['population true', [feature({ type: 'Point', coordinates: [120, 30] }, { id: 'Z1', population: true })], 'z.geojson features[0].properties.population: must be a finite number ≥ 0; got true'],
    ['negative population', [feature({ type: 'Point', coordinates: [120, 30] }, { id: 'Z1', population: -5 })], 'z.geojson features[0].properties.population: must be a finite number ≥ 0'],
  ];
  for (const [what, features, expected] of cases) {
    it(`names ${what}`, () => expect(zonesOf(...features).join('\n')).toContain(expected));
  }

  it('a population of 1e400 (infinite once parsed) is an error, not a zone that takes all demand', () => {
    const s = parseYaml(readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8'));
    s.zones = { file: 'z.geojson' };
    const text = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"Z1","population":1e400},"geometry":{"type":"Point","coordinates":[120,30]}},{"type":"Feature","properties":{"id":"Z2","population":5},"geometry":{"type":"Point","coordinates":[120.05,30.02]}}]}';
    const r = loadScenario(stringify(s), 'x.yaml', () => text);
    expect(r.ok ? [] : lines(r.errors)).toEqual(['zones (z.geojson) features[0].properties.population: must be a finite number ≥ 0; got .inf (infinity, or a number too large such as 1e400)']);
  });

  it('coordinates nested 100 000 deep are refused, not a stack overflow', () => {
    const s = parseYaml(readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8'));
    s.zones = { file: 'z.geojson' };
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"Z1"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`;
    const r = loadScenario(stringify(s), 'x.yaml', () => text);
    expect(r.ok ? [] : lines(r.errors)).toEqual(['x.yaml: a file it reads is nested too deeply to read (lists inside lists thousands deep)']);
  });

  it('populations whose sum overflows are refused where demand is spread by them', () => {
    const s = parseYaml(readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8'));
    s.zones[0].population = 1e308;
    s.zones[1].population = 1e308;
    const r = loadScenario(stringify(s), 'x.yaml');
    expect(r.ok ? [] : lines(r.errors)).toContain('demand.background[0].zones: the zones’ populations are too large: their sum is not a finite number');
  });
});

describe('GeoJSON roads', () => {
  const road = (coordinates: unknown, properties: unknown = {}) => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } }, { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[120, 30], [120.01, 30]] } }] });
  const roadErrors = (fc: unknown) => lines(parseRoadGeoJson(fc, 'r.geojson', 40).errors);

  it('positions outside WGS-84 degrees, or not numbers, are named', () => {
    expect(roadErrors(road([[120, 30], [500000, 3300000]]))).toEqual(['r.geojson features[0].geometry.coordinates: position 1: longitude 500000 is outside −180…180 (are the coordinates projected, or lat/lon swapped?)']);
    expect(roadErrors(road([[120, 30], ['120.1', 30]]))[0]).toMatch(/^r\.geojson features\[0\]\.geometry\.coordinates: position 1: must be a position \[lon, lat\] of two numbers/);
  });

  it('a speed of zero, near zero, text or infinite is named (a trip would last for ever)', () => {
    for (const speed of [0, 1e-300, 'fast', 1e400, -30, null, true]) {
      const errors = roadErrors(road([[120, 30], [120.01, 30.01]], { speed_kmh: speed }));
      if (speed === null) expect(errors).toEqual([]); // no speed: the scenario's default
      else expect(errors[0]).toMatch(/^r\.geojson features\[0\]\.properties\.speed_kmh: speed must be a number of km\/h from 0\.1 to 1000/);
    }
  });

  it('a null feature or properties that are not an object do not crash', () => {
    expect(roadErrors({ type: 'FeatureCollection', features: [null] })).toEqual(['r.geojson features[0]: a road must be a LineString or MultiLineString']);
    expect(roadErrors({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'MultiLineString', coordinates: null } }] })).toEqual(['r.geojson features[0]: a road must be a LineString or MultiLineString']);
    expect(roadErrors(road([[120, 30], [120.01, 30.01]], 'fast'))).toEqual([]);
  });
});

describe('CSV side files', () => {
  const start = parseDateTime('2026-06-01T00:00:00+08:00', true)!;
  const history = (body: string) => lines(parseHistoryCsv(`time,type,zone,lon,lat\n${body}\n`, start, 'h.csv').errors);

  it('a CAD history with a time too large, coordinates out of range or not plain numbers is named by row', () => {
    expect(history(`${'9'.repeat(400)},fire,Z1,,`)).toEqual([`h.csv row 2.time: not a time: "${'9'.repeat(40)}" is too large`]);
    expect(history('60,fire,,200,30')).toEqual(['h.csv row 2.lon: longitude 200 is outside −180…180 (are the coordinates projected, or lat/lon swapped?)']);
    expect(history('60,fire,,120,-95')).toEqual(['h.csv row 2.lat: latitude -95 is outside −90…90 (are the coordinates projected, or lat/lon swapped?)']);
    for (const [lon, lat] of [[' ', '30'], ['0x10', '30'], ['Infinity', '30'], ['1e400', '30']]) {
      expect(history(`60,fire,,${lon},${lat}`)).toEqual([`h.csv row 2: needs a zone or a numeric lon and lat; got lon "${lon}", lat "${lat}"`]);
    }
  });

  it('a column named twice or __proto__ is named, not renamed or dropped; constructor is a column like any other', () => {
    expect(lines(readCsvTable('a,b,a\n1,2,3\n', 'f.csv').errors)).toEqual(['f.csv: column "a" appears twice (columns 1 and 3); keep one']);
    expect(lines(readCsvTable('a,__proto__\n1,2\n', 'f.csv').errors)).toEqual(['f.csv: column "__proto__" cannot be used (JavaScript reserves the name); rename it']);
    const t = readCsvTable('constructor,toString\n1,2\n3\n', 'f.csv');
    expect(t.rows.map((r) => [r.cells.constructor, r.cells.toString, r.complete, r.row])).toEqual([['1', '2', true, 2], ['3', undefined, false, 3]]);
  });

  it('a travel matrix cell that is not a plain number of seconds, or more than 100 years, is named', () => {
    const s = parseYaml(readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8'));
    s.travel = { model: 'matrix', matrix: 'm.csv' };
    const r = loadScenario(stringify(s), 'x.yaml', () => 'zone,S1,S2\nZ1,0x10,60\nZ2,1e400,9e12\n');
    expect(r.ok ? [] : lines(r.errors)).toEqual([
      'travel.matrix (m.csv) row 2 column "S1": not a travel time in seconds: "0x10"',
      'travel.matrix (m.csv) row 3 column "S1": not a travel time in seconds: "1e400"',
      'travel.matrix (m.csv) row 3 column "S2": is more than 100 years (3155760000 s): "9e12"',
    ]);
  });
});

describe('a zones file that cannot be read', () => {
  it('is said with every other file missing, not as every zone the scenario names', () => {
    // The school scenario with its zones moved into a file, copied without any of its side files.
    const doc = parseYaml(readFileSync(join(ROOT, 'scenarios/school-emergency.yaml'), 'utf8'));
    doc.zones = { file: 'geo/zones.geojson' };
    const r = loadScenario(stringify(doc), 'school.yaml', () => null);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(lines(r.errors)).toEqual(['zones.file: file not found: "geo/zones.geojson"', 'travel.matrix: file not found: "geo/school-matrix.csv"', 'demand.history.file: file not found: "history/school-cad.csv"']);
    // With its zones file read, a zone it does not hold is still said.
    const county = parseYaml(readFileSync(join(ROOT, 'scenarios/default.yaml'), 'utf8'));
    county.demand.background[0].zones = { NOWHERE: 1 };
    const bad = loadScenario(stringify(county), 'default.yaml', (rel) => readFileSync(join(ROOT, 'scenarios', rel), 'utf8'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(lines(bad.errors)).toContain('demand.background[0].zones.NOWHERE: unknown zone "NOWHERE"');
  });

  it('is said with the roads file missing too, not as every zone the scenario names', () => {
    const text = readFileSync(join(ROOT, 'scenarios/default.yaml'), 'utf8');
    // The scenario copied without its geo folder: the zones and roads files are not there.
    const read = (rel: string) => (rel.startsWith('geo/') ? null : readFileSync(join(ROOT, 'scenarios', rel), 'utf8'));
    const r = loadScenario(text, 'default.yaml', read);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(lines(r.errors)).toEqual(['zones.file: file not found: "geo/default-zones.geojson"', 'travel.network: file not found: "geo/default-roads.geojson"']);
    // With its files, the same text loads.
    expect(loadScenario(text, 'default.yaml', (rel) => readFileSync(join(ROOT, 'scenarios', rel), 'utf8')).ok).toBe(true);
  });

  it('is said with every variant file missing too, when the scenario and its variants are checked together', () => {
    const text = readFileSync(join(ROOT, 'scenarios/default.yaml'), 'utf8');
    const r = loadVariants(text, 'default.yaml', () => null);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(lines(r.errors)).toEqual([
      'zones.file: file not found: "geo/default-zones.geojson"',
      'travel.network: file not found: "geo/default-roads.geojson"',
      'variants[0].file: file not found: "variants/best-practice.yaml"',
      'variants[1].file: file not found: "variants/degraded.yaml"',
    ]);
  });
});
