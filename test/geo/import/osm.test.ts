import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readOsm, type OsmData } from '../../../src/geo/import/osm-read.ts';
import { importRoads, type RoadFeature } from '../../../src/geo/import/osm-roads.ts';
import { importPois } from '../../../src/geo/import/osm-pois.ts';
import { areaFromGeoJson, parseBbox, type Area } from '../../../src/geo/import/area.ts';
import { DEFAULT_SPEEDS_KMH, parseMaxspeed, speedTable } from '../../../src/geo/import/road-classes.ts';
import { parseRoadGeoJson, RoadGraph } from '../../../src/geo/network.ts';
import { ROOT } from '../../helpers.ts';
import { englishIn } from './english.ts';

const FIX = join(ROOT, 'test/fixtures/osm');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));
const read = (b: Uint8Array, name = 'x'): OsmData => {
  const r = readOsm(b, name);
  if ('errors' in r) throw new Error(JSON.stringify(r.errors));
  return r.data;
};
const boundary = areaFromGeoJson(JSON.parse(readFileSync(join(FIX, 'qingxi-boundary.geojson'), 'utf8')), 'b') as Area;
const speeds = { ...DEFAULT_SPEEDS_KMH };
const roads = (data: OsmData, o: Partial<Parameters<typeof importRoads>[1]> = {}) => {
  const r = importRoads(data, { area: boundary, speeds, maxDroppedShare: 0.25, ...o }, 'qingxi');
  if ('errors' in r) throw new Error(JSON.stringify(r.errors));
  return r.roads;
};
const named = (fs: RoadFeature[], name: string) => fs.filter((f) => f.properties.name === name);

describe('OSM extract readers', () => {
  it('PBF, XML and Overpass JSON of one extract give the same road network, byte for byte', () => {
    const [pbf, xml, json] = ['qingxi.osm.pbf', 'qingxi.osm', 'qingxi.overpass.json'].map((f) => JSON.stringify(roads(read(bytes(f))).geojson));
    expect(xml).toBe(pbf);
    expect(json).toBe(pbf);
  });

  it('a gzipped extract reads as the plain one', () => {
    expect(read(gzipSync(bytes('qingxi.osm'))).ways.length).toBe(read(bytes('qingxi.osm')).ways.length);
  });

  it('truncated or damaged files are named errors, not exceptions', () => {
    const pbf = bytes('qingxi.osm.pbf');
    const cases: [Uint8Array, RegExp][] = [
      [pbf.slice(0, pbf.length - 100), /truncated \.osm\.pbf file: blob 2 needs 100 more bytes/],
      [pbf.slice(0, 2), /neither OSM XML|ends inside blob 1/],
      [new Uint8Array(0), /the file is empty/],
      [bytes('qingxi.osm').slice(0, 5000), /not well-formed XML/],
      [bytes('qingxi.overpass.json').slice(0, 5000), /not valid JSON/],
      [new TextEncoder().encode('{"type": "FeatureCollection", "features": []}'), /not Overpass JSON/],
      [new TextEncoder().encode('hello, world'), /neither OSM XML, Overpass JSON nor an \.osm\.pbf/],
      [new Uint8Array([0x42, 0x5a, 0x68, 0x39]), /bzip2/],
    ];
    const damaged = pbf.slice();
    for (let i = 200; i < 400; i++) damaged[i] ^= 0x5a;
    cases.push([damaged, /damaged|truncated/]);
    for (const [b, re] of cases) {
      const r = readOsm(b, 'town.osm.pbf');
      expect('errors' in r ? r.errors[0].en : 'read').toMatch(re);
      if ('errors' in r) expect(r.errors[0].path).toMatch(/^town\.osm\.pbf/);
      if ('errors' in r) for (const e of r.errors) expect(e.zh).toMatch(/\p{Script=Han}/u);
      if ('errors' in r) for (const e of r.errors) expect(englishIn(e.zh), e.zh).toEqual([]);
    }
  });

  const problemOf = (b: Uint8Array) => {
    const r = readOsm(b, 'town.osm');
    if (!('errors' in r)) throw new Error('read without a problem');
    expect(r.errors[0].path).toBe('town.osm');
    expect(englishIn(r.errors[0].zh), r.errors[0].zh).toEqual([]);
    return r.errors[0];
  };

  it('a gzip file cut short is said in Chinese, the library’s English kept in the English line', () => {
    const e = problemOf(gzipSync(bytes('qingxi.osm')).slice(0, 3000));
    expect(e.zh).toBe('gzip 文件已损坏：数据在应有的结尾之前就断了（文件不完整？）');
    expect(e.en).toBe('a damaged gzip file: unexpected EOF');
  });

  it('XML cut short is placed where the file ends, with the elements left open, not at line 1', () => {
    const lines = new TextDecoder().decode(bytes('qingxi.osm')).split('\n');
    // Cut inside an element's name on line 258: `<n`.
    const cut = problemOf(new TextEncoder().encode(`${lines.slice(0, 257).join('\n')}\n  <n`));
    expect(cut.zh).toBe('XML 格式不正确：文件在第 258 行第 5 列就已结束，而 <osm>、<n> 尚未闭合（文件不完整？）');
    expect(cut.en).toBe('not well-formed XML: line 258, column 5: the file ends with <osm>, <n> still open (truncated?)');
    // Cut inside an attribute's value: the validator's own line and column.
    const quote = problemOf(new TextEncoder().encode(`${lines.slice(0, 257).join('\n')}\n  <node id="9" lat="29.9`));
    expect(quote.zh).toMatch(/^XML 格式不正确：第 258 行第 \d+ 列，元素 <node> 的属性值缺少结尾的引号（文件不完整？）$/);
    expect(quote.en).toMatch(/^not well-formed XML: line 258, column \d+: Attributes for 'node' have open quote\. \(truncated\?\)$/);
  });

  it('every XML mistake the validator names is said in Chinese at its line and column, or at no line when it has none', () => {
    const xml = (body: string) => problemOf(new TextEncoder().encode(`<?xml version="1.0"?>\n<osm>\n${body}`));
    expect(xml('<node id="1">\n</way>\n</osm>').zh).toBe('XML 格式不正确：第 4 行第 1 列，应为第 3 行第 1 列开始的 <node> 的结束标记，而不是 </way>');
    expect(xml('<node id="1" id="2"/>\n</osm>').zh).toBe('XML 格式不正确：第 3 行第 14 列，属性“id”重复出现');
    expect(xml('<node id="1" a=b/>\n</osm>').zh).toBe('XML 格式不正确：第 3 行第 14 列，属性“a”没有值');
    expect(xml('< node/>\n</osm>').zh).toBe('XML 格式不正确：第 3 行第 2 列，“<”之后不能有空格');
    expect(xml('<node id="1"/>\n</osm>\nhello').zh).toBe('XML 格式不正确：第 5 行第 1 列，根元素结束之后还有多余的文字');
    const one = problemOf(new TextEncoder().encode('<osm>'));
    expect(one.zh).toBe('XML 格式不正确：第 1 行第 1 列开始的元素 <osm> 直到文件结束都没有闭合（文件不完整？）');
    const none = problemOf(new TextEncoder().encode('<?xml version="1.0"?>\n'));
    expect(none.zh).toBe('XML 格式不正确：文件中没有任何元素（文件不完整？）');
    expect(none.en).not.toMatch(/line/);
  });
});

describe('OSM roads for the network travel model', () => {
  const data = read(bytes('qingxi.osm.pbf'));
  const r = roads(data);

  it('keeps one network in which every node reaches every other and returns', () => {
    const net = parseRoadGeoJson(r.geojson, 'roads', 40).network!;
    const g = new RoadGraph(net);
    const back = g.towards(0).timeS;
    for (let v = 0; v < net.nodes.length; v++) {
      expect(Number.isFinite(back[v])).toBe(true);
      expect(Number.isFinite(g.time(0, v))).toBe(true);
    }
  });

  it('turns oneway=-1 ways round and keeps motorways one-way and closed to places', () => {
    const xinhua = named(r.geojson.features, '新华路');
    expect(xinhua.every((f) => f.properties.oneway)).toBe(true);
    // Mapped northwards with oneway=-1: written southwards.
    const c = xinhua[0].geometry.coordinates;
    expect(c[0][1]).toBeGreaterThan(c[c.length - 1][1]);
    const mw = r.geojson.features.filter((f) => f.properties.highway === 'motorway');
    expect(mw.length).toBeGreaterThan(0);
    expect(mw.every((f) => f.properties.oneway && f.properties.access === 'no')).toBe(true);
    expect(named(r.geojson.features, '解放路').every((f) => !f.properties.oneway)).toBe(true);
  });

  it('a flyover does not meet the national road it crosses; a road bridge joins its approaches', () => {
    const key = (p: [number, number]) => p.join(',');
    const flyover = r.geojson.features.filter((f) => f.properties.highway === 'motorway' && f.properties.bridge);
    const national = new Set(named(r.geojson.features, '104国道').flatMap((f) => f.geometry.coordinates.map(key)));
    expect(flyover.length).toBe(2);
    expect(flyover.flatMap((f) => f.geometry.coordinates).some((p) => national.has(key(p)))).toBe(false);
    const bridge = named(r.geojson.features, '清溪大桥');
    const approach = new Set([...named(r.geojson.features, '解放路'), ...named(r.geojson.features, '解放北路')].flatMap((f) => f.geometry.coordinates.map(key)));
    expect(bridge[0].properties.bridge).toBe(true);
    const ends = [bridge[0].geometry.coordinates[0], bridge[0].geometry.coordinates.at(-1)!];
    expect(ends.every((p) => approach.has(key(p)))).toBe(true);
  });

  it('says why every dropped way went: foot ways, private roads, foot ferries, the isolated village, the area', () => {
    const reasons = r.dropped.map((d) => d.reason.en).join('\n');
    for (const d of r.dropped) expect(d.reason.zh).toMatch(/\p{Script=Han}/u);
    expect(r.dropped.map((d) => d.reason.zh).join('\n')).toMatch(/机动车不能通行（highway=footway）/);
    expect(reasons).toMatch(/highway=footway/);
    expect(reasons).toMatch(/highway=construction/);
    expect(reasons).toMatch(/no access/);
    expect(reasons).toMatch(/ferry without cars/);
    expect(reasons).toMatch(/not connected both ways/);
    expect(reasons).toMatch(/outside the area/);
    expect(named(r.geojson.features, '下村路')).toEqual([]);
    // The car ferry stays, slow; the fire lane (access=no, emergency=yes) stays.
    expect(named(r.geojson.features, '东渡')[0].properties).toMatchObject({ ferry: true, speed_kmh: DEFAULT_SPEEDS_KMH.ferry });
    expect(named(r.geojson.features, '消防通道').length).toBe(1);
    // Every kilometre is accounted for: kept + dropped = all the roads of the classes read.
    const total = r.kept.lengthKm + r.dropped.reduce((a, d) => a + d.lengthKm, 0);
    expect(total).toBeGreaterThan(r.kept.lengthKm);
  });

  it('speeds come from the class, capped by a posted maxspeed, and can be changed per class', () => {
    expect(named(r.geojson.features, '解放路')[0].properties.speed_kmh).toBe(40);
    expect(named(r.geojson.features, '解放南路')[0].properties.speed_kmh).toBe(DEFAULT_SPEEDS_KMH.primary);
    const faster = roads(data, { speeds: speedTable({ primary: 60 }, 's') as Record<string, number> });
    expect(named(faster.geojson.features, '解放南路')[0].properties.speed_kmh).toBe(60);
    const han = expect.stringMatching(/\p{Script=Han}/u);
    expect(speedTable({ primry: 60 }, '--speeds s.yaml')).toMatchObject({ path: '--speeds s.yaml.primry', zh: han, en: expect.stringMatching(/^unknown road class \(known: motorway, /) });
    expect(speedTable({ primary: -1 }, 's')).toMatchObject({ zh: han, en: 'must be a speed in km/h between 0 and 200, got -1' });
    expect(speedTable([60], 's')).toMatchObject({ path: 's', zh: han, en: 'must map road classes to speeds in km/h, e.g. {primary: 60}' });
    expect([parseMaxspeed('60'), parseMaxspeed('30 mph'), parseMaxspeed('CN:urban'), parseMaxspeed('none')]).toEqual([60, 30 * 1.609344, null, null]);
  });

  it('an area with no road in it, and a network that falls apart, are named errors', () => {
    const far = parseBbox('100,20,100.1,20.1') as Area;
    const none = importRoads(data, { area: far, speeds, maxDroppedShare: 0.25, areaWhere: '--bbox' }, 'qingxi.osm.pbf');
    const han = expect.stringMatching(/\p{Script=Han}/u);
    expect(none).toMatchObject({ errors: [{ path: '--bbox', zh: expect.stringMatching(/^qingxi\.osm\.pbf 中没有位于该范围内的道路（数据范围：经度 120\.5/), en: expect.stringMatching(/no road of qingxi\.osm\.pbf lies inside the area \(the extract spans lon 120\.5/) }] });
    const strict = importRoads(data, { area: boundary, speeds, maxDroppedShare: 0.05 }, 'qingxi.osm.pbf');
    expect(strict).toMatchObject({ errors: [{ path: 'qingxi.osm.pbf', zh: han, en: expect.stringMatching(/disconnected: its largest part.* holds 8\d% of the/) }] });
    expect(parseBbox('1,2,3')).toEqual({ zh: han, en: '--bbox must be four numbers W,S,E,N in degrees, got "1,2,3"' });
    expect(parseBbox('3,2,1,4')).toEqual({ zh: han, en: '--bbox "3,2,1,4": needs west < east and south < north' });
    expect(parseBbox('0,0,200,1')).toEqual({ zh: han, en: '--bbox "0,0,200,1" is not in degrees' });
    expect(areaFromGeoJson({ type: 'Point', coordinates: [1, 2] }, '--boundary b.geojson')).toMatchObject({ path: '--boundary b.geojson', zh: han, en: expect.stringMatching(/^a boundary must be GeoJSON/) });
  });
});

describe('OSM stations and hospitals', () => {
  const p = importPois(read(bytes('qingxi.osm')), boundary);
  it('drafts fire, police and ambulance stations and hospitals inside the area, with readable ids', () => {
    expect(p.stations.features.map((f) => [f.properties.id, f.properties.kind, f.properties.name])).toEqual([
      ['F01', 'fire', '清溪镇消防救援站'],
      ['P01', 'police', '清溪派出所'],
      ['A01', 'ems', '120急救分站'],
      ['F02', 'fire', '北岸消防站'],
    ]);
    expect(p.hospitals.features.map((f) => [f.properties.id, f.properties.osm_id.split('/')[0]])).toEqual([['H01', 'way'], ['H02', 'relation']]);
    expect(p.dropped).toEqual([
      { reason: { zh: '在范围之外', en: 'outside the area' }, count: 1 },
      { reason: { zh: '没有急诊的医院（emergency=no）', en: 'hospital without an emergency department (emergency=no)' }, count: 1 },
    ]);
  });
  it('a place mapped as a building stands at the middle of it', () => {
    const [lon, lat] = p.hospitals.features[0].geometry.coordinates;
    // The hospital block spans 1500–1650 m east and 1450–1550 m north of (120.6, 29.9).
    expect(lon).toBeGreaterThan(120.6 + 1500 / 96540);
    expect(lon).toBeLessThan(120.6 + 1650 / 96540);
    expect(lat).toBeGreaterThan(29.9 + 1450 / 110574);
    expect(lat).toBeLessThan(29.9 + 1550 / 110574);
  });
});
