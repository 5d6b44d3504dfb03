import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { gzipSync, unzipSync } from 'fflate';
import { ROOT } from '../helpers.ts';
import { englishIn } from '../geo/import/english.ts';

const FIX = join(ROOT, 'test/fixtures/osm');
const quiet = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false }, out, err };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'linkdrill-geo-'));


const HAN = /\p{Script=Han}/u;
describe('linkdrill geo import-osm', () => {
  it('writes the roads and the station and hospital drafts, and reports what it dropped', async () => {
    const dir = tmp();
    const q = quiet();
    const code = await main(['geo', 'import-osm', join(FIX, 'qingxi.osm.pbf'), '--boundary', join(FIX, 'qingxi-boundary.geojson'), '--out', join(dir, 'roads.geojson'), '--stations', join(dir, 'stations.geojson'), '--hospitals', join(dir, 'hospitals.geojson'), '--lang', 'en'], q.io);
    expect(q.err).toEqual([]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['hospitals.geojson', 'roads.geojson', 'stations.geojson']);
    const roads = JSON.parse(readFileSync(join(dir, 'roads.geojson'), 'utf8'));
    expect(roads).toMatchObject({ type: 'FeatureCollection', generator: 'linkdrill geo import-osm', source: 'qingxi.osm.pbf' });
    const text = q.out.join('\n');
    expect(text).toMatch(/roads kept: \d+ ways, \d+ segments, [\d.]+ km/);
    expect(text).toMatch(/dropped .*: not for motor vehicles \(highway=footway\)/);
    expect(text).toMatch(/places: 2 fire, 1 police, 1 ambulance stations; 2 hospitals/);
    // Written again: refused without --force; with it, the same network from the XML.
    const again = ['geo', 'import-osm', join(FIX, 'qingxi.osm'), '--boundary', join(FIX, 'qingxi-boundary.geojson'), '--out', join(dir, 'roads.geojson')];
    const q2 = quiet();
    expect(await main([...again, '--lang', 'en'], q2.io)).toBe(1);
    expect(q2.err.join('\n')).toMatch(/roads\.geojson: already exists; nothing was changed/);
    const zh = quiet();
    expect(await main(again, zh.io)).toBe(1);
    expect(zh.err.join('\n')).toMatch(/roads\.geojson：已存在；未做任何改动/);
    const q3 = quiet();
    expect(await main([...again, '--force'], q3.io)).toBe(0);
    // Without --lang, what it did is said in Chinese.
    expect(q3.out.join('\n')).toMatch(/^保留道路：\d+ 条道路，\d+ 段，[\d.]+ 千米/m);
    expect(q3.out.join('\n')).toMatch(/^站点：消防站 \d+ 个/m);
    // Every line, the reasons for what was dropped among them, in Chinese.
    for (const l of q3.out) expect(l, l).toMatch(/\p{Script=Han}/u);
    expect(JSON.parse(readFileSync(join(dir, 'roads.geojson'), 'utf8')).features).toEqual(roads.features);
  });

  it('bad input is one named line per problem, exit 1, and nothing written', async () => {
    const dir = tmp();
    const pbf = readFileSync(join(FIX, 'qingxi.osm.pbf'));
    writeFileSync(join(dir, 'cut.osm.pbf'), pbf.subarray(0, pbf.length - 50));
    writeFileSync(join(dir, 'speeds.yaml'), 'primry: 60\n');
    mkdirSync(join(dir, 'folder.osm'));
    const xml = readFileSync(join(FIX, 'qingxi.osm'));
    writeFileSync(join(dir, 'half.osm'), xml.subarray(0, xml.length >> 1));
    writeFileSync(join(dir, 'cut.osm.gz'), gzipSync(xml).subarray(0, 3000));
    const cases: [string[], RegExp][] = [
      [[join(dir, 'cut.osm.pbf')], /cut\.osm\.pbf: a truncated \.osm\.pbf file/],
      [[join(FIX, 'qingxi.osm'), '--bbox', '100,20,100.1,20.1'], /^--bbox: no road of .* lies inside the area/],
      [[join(FIX, 'qingxi.osm'), '--max-dropped', '0.01'], /the road network is disconnected/],
      [[join(FIX, 'qingxi.osm'), '--speeds', join(dir, 'speeds.yaml')], /speeds\.yaml\.primry: unknown road class/],
      [[join(dir, 'missing.osm')], /missing\.osm: file not found$/],
      [[join(dir, 'folder.osm')], /folder\.osm: is a folder, not a file$/],
      [[join(FIX, 'qingxi.osm'), '--boundary', join(FIX, 'qingxi.osm')], /--boundary .*qingxi\.osm: cannot parse|a boundary must be GeoJSON/],
      [[join(dir, 'half.osm')], /half\.osm: not well-formed XML: line \d{3}, column \d+: the file ends with <osm>.* still open \(truncated\?\)$/],
      [[join(dir, 'cut.osm.gz')], /cut\.osm\.gz: a damaged gzip file: unexpected EOF$/],
    ];
    for (const [args, re] of cases) {
      const argv = ['geo', 'import-osm', ...args, '--out', join(dir, 'roads.geojson'), '--stations', join(dir, 'st.geojson')];
      const q = quiet();
      expect(await main([...argv, '--lang', 'en'], q.io)).toBe(1);
      expect(q.err.join('\n')).toMatch(re);
      expect(q.err.join('\n')).not.toMatch(/\n\s+at /);
      // The same problems in Chinese by default: every line has Chinese words.
      const zh = quiet();
      expect(await main(argv, zh.io)).toBe(1);
      expect(zh.err.length).toBe(q.err.length);
      for (const l of zh.err.flatMap((e) => e.split('\n'))) expect(l, l).toMatch(HAN);
      for (const l of zh.err.flatMap((e) => e.split('\n'))) expect(englishIn(l), l).toEqual([]);
      expect(existsSync(join(dir, 'roads.geojson')) || existsSync(join(dir, 'st.geojson'))).toBe(false);
    }
  });

  it('never replaces an existing file without --force, and writes none of the outputs then', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'mine.geojson'), '{"type": "FeatureCollection", "features": []}');
    const q = quiet();
    expect(await main(['geo', 'import-osm', join(FIX, 'qingxi.osm'), '--out', join(dir, 'roads.geojson'), '--stations', join(dir, 'mine.geojson'), '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toMatch(/mine\.geojson: already exists; nothing was changed/);
    expect(readdirSync(dir)).toEqual(['mine.geojson']);
    expect(readFileSync(join(dir, 'mine.geojson'), 'utf8')).toBe('{"type": "FeatureCollection", "features": []}');
  });

  it('usage mistakes exit 2', async () => {
    for (const args of [['geo'], ['geo', 'import-osm', 'x.osm'], ['geo', 'import-osm', 'x.osm', '--out', 'a', '--bbox', '1,2,3'], ['geo', 'import-osm', 'x.osm', '--out', 'a', '--max-dropped', '2']]) {
      expect(await main(args, quiet().io)).toBe(2);
    }
  });
});

describe('linkdrill geo import-shp', () => {
  const SHP = join(ROOT, 'test/fixtures/shp');
  it('writes a zipped Shapefile as WGS-84 GeoJSON with linkdrill’s attribute names (GBK text decoded)', async () => {
    const dir = tmp();
    const q = quiet();
    expect(await main(['geo', 'import-shp', join(SHP, 'qingxi-stations.zip'), '--id', 'CODE', '--name', 'MC', '--agency', 'DW', '--out', join(dir, 'st.geojson')], q.io)).toBe(0);
    const fc = JSON.parse(readFileSync(join(dir, 'st.geojson'), 'utf8'));
    const drafts = JSON.parse(readFileSync(join(ROOT, 'scenarios/geo/qingxi-stations.geojson'), 'utf8'));
    expect(fc.features.map((f: { properties: { id: string; name: string; agency: string } }) => [f.properties.id, f.properties.name, f.properties.agency])).toEqual([
      ['F01', '清溪镇消防救援站', 'FIRE'], ['P01', '清溪派出所', 'POLICE'], ['A01', '120急救分站', 'EMS'], ['F02', '北岸消防站', 'FIRE'],
    ]);
    fc.features.forEach((f: { geometry: { coordinates: number[] } }, i: number) => {
      expect(f.geometry.coordinates[0]).toBeCloseTo(drafts.features[i].geometry.coordinates[0], 7);
      expect(f.geometry.coordinates[1]).toBeCloseTo(drafts.features[i].geometry.coordinates[1], 7);
    });
  });

  it('an unknown attribute, an unknown EPSG code, a missing .prj and a truncated .shp are named; nothing is written', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'cut.shp'), readFileSync(join(SHP, 'qingxi-zones.shp')).subarray(0, 200));
    writeFileSync(join(dir, 'noprj.shp'), readFileSync(join(SHP, 'qingxi-zones.shp')));
    writeFileSync(join(dir, 'noprj.dbf'), readFileSync(join(SHP, 'qingxi-zones.dbf')));
    // The zones with their .dbf cut in half; with another layer's .dbf; a zipped layer cut in half.
    for (const ext of ['shp', 'prj']) for (const base of ['td', 'other']) writeFileSync(join(dir, `${base}.${ext}`), readFileSync(join(SHP, `qingxi-zones.${ext}`)));
    writeFileSync(join(dir, 'td.dbf'), readFileSync(join(SHP, 'qingxi-zones.dbf')).subarray(0, 162));
    writeFileSync(join(dir, 'other.dbf'), unzipSync(readFileSync(join(SHP, 'qingxi-stations.zip')))['qingxi-stations/qingxi-stations.dbf']);
    const zip = readFileSync(join(SHP, 'qingxi-stations.zip'));
    writeFileSync(join(dir, 'half.zip'), zip.subarray(0, zip.length >> 1));
    const cases: [string[], RegExp][] = [
      [[join(SHP, 'qingxi-zones.shp'), '--id', 'ID'], /^--id: "ID" is not an attribute of .*qingxi-zones\.shp \(it has CODE, MC, RK\)/],
      [[join(SHP, 'qingxi-zones.shp'), '--crs', 'EPSG:1234'], /^--crs: unknown EPSG code 1234/],
      [[join(dir, 'noprj.shp')], /noprj\.shp: has no \.prj: give its coordinate system with --crs/],
      [[join(dir, 'cut.shp'), '--crs', 'EPSG:4528'], /cut\.shp: a truncated \.shp file/],
      [[join(SHP, 'qingxi-zones.shp'), '--crs', 'WGS84'], /is not in degrees/],
      [[join(dir, 'td.shp')], /td\.dbf: a truncated \.dbf file: its header says 5 records of 39 bytes, 324 bytes in all; it has 162$/],
      [[join(dir, 'other.shp')], /other\.shp: the \.dbf has 4 rows but the \.shp 5 shapes/],
      [[join(SHP, 'qingxi-zones.shp'), '--encoding', 'utf-8'], /qingxi-zones\.dbf: record 1, field MC: not valid UTF-8 text \(try --encoding gbk\)$/],
      [[join(dir, 'half.zip')], /half\.zip: not a readable zip file \(truncated\?\): invalid zip data$/],
    ];
    for (const [args, re] of cases) {
      const q = quiet();
      expect(await main(['geo', 'import-shp', ...args, '--out', join(dir, 'out.geojson'), '--lang', 'en'], q.io)).toBe(1);
      expect(q.err.join('\n')).toMatch(re);
      const zh = quiet();
      expect(await main(['geo', 'import-shp', ...args, '--out', join(dir, 'out.geojson')], zh.io)).toBe(1);
      for (const l of zh.err.flatMap((e) => e.split('\n'))) expect(l, l).toMatch(HAN);
      for (const l of zh.err.flatMap((e) => e.split('\n'))) expect(englishIn(l), l).toEqual([]);
      expect(existsSync(join(dir, 'out.geojson'))).toBe(false);
    }
  });

  it('--encoding takes only GBK and UTF-8 (their usual spellings too): anything else is a usage mistake listing them, and nothing is written', async () => {
    const dir = tmp();
    for (const enc of ['latin1', 'big5', 'windows-1252']) {
      const q = quiet();
      expect(await main(['geo', 'import-shp', join(SHP, 'qingxi-zones.shp'), '--encoding', enc, '--out', join(dir, 'out.geojson')], q.io)).toBe(2);
      expect(q.err.join('\n')).toContain(`--encoding 只能是 gbk（或 gb18030、gb2312、cp936、936）或 utf-8（或 utf8、65001）；实际为“${enc}”`);
    }
    expect(existsSync(join(dir, 'out.geojson'))).toBe(false);
    const q = quiet();
    expect(await main(['geo', 'import-shp', join(SHP, 'qingxi-zones.shp'), '--encoding', 'CP936', '--name', 'MC', '--out', join(dir, 'out.geojson')], q.io)).toBe(0);
    const fc = JSON.parse(readFileSync(join(dir, 'out.geojson'), 'utf8'));
    expect(fc.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['老城区', '城东', '城南', '北岸新区', '化工园区']);
  });
});
