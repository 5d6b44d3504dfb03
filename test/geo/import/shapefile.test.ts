import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownDbfEncoding, readShapefile, shapefileFromZip, type ShapefileParts } from '../../../src/geo/import/shapefile.ts';
import { ROOT } from '../../helpers.ts';
import { englishIn } from './english.ts';

const SHP = join(ROOT, 'test/fixtures/shp');
const bytes = (name: string) => new Uint8Array(readFileSync(join(SHP, name)));
const zones = (): ShapefileParts => ({ shp: bytes('qingxi-zones.shp'), dbf: bytes('qingxi-zones.dbf'), prj: readFileSync(join(SHP, 'qingxi-zones.prj'), 'utf8'), dbfName: 'zones.dbf' });
const problem = (r: ReturnType<typeof readShapefile>) => {
  if (!('path' in r)) throw new Error('read without a problem');
  for (const l of [r.zh]) expect(englishIn(l), l).toEqual([]);
  return r;
};

/** A one-field (C, `width` bytes) DBF holding `values`, each padded with spaces. */
function dbfOf(width: number, values: Uint8Array[]): Uint8Array {
  const headerBytes = 32 + 32 + 1;
  const out = new Uint8Array(headerBytes + values.length * (width + 1) + 1).fill(0x20);
  const view = new DataView(out.buffer);
  out.fill(0, 0, headerBytes);
  out[0] = 3;
  view.setUint32(4, values.length, true);
  view.setUint16(8, headerBytes, true);
  view.setUint16(10, width + 1, true);
  out.set(new TextEncoder().encode('MC'), 32);
  out[43] = 'C'.charCodeAt(0);
  out[48] = width;
  out[64] = 0x0d;
  values.forEach((v, i) => out.set(v.subarray(0, width), headerBytes + i * (width + 1) + 1));
  out[out.length - 1] = 0x1a;
  return out;
}

describe('Shapefile attribute tables (.dbf)', () => {
  it('a .dbf cut short is refused, naming the file and what is missing, not read as blank attributes', () => {
    const p = problem(readShapefile({ ...zones(), dbf: bytes('qingxi-zones.dbf').slice(0, 162) }, 'zones.shp'));
    expect(p.path).toBe('zones.dbf');
    expect(p.en).toBe('a truncated .dbf file: its header says 5 records of 39 bytes, 324 bytes in all; it has 162');
    expect(p.zh).toMatch(/^\.dbf 文件不完整：文件头记载 5 条记录/);
    // Without its trailing end-of-file byte it is whole: read as it is.
    expect('geojson' in readShapefile({ ...zones(), dbf: bytes('qingxi-zones.dbf').slice(0, 324) }, 'zones.shp')).toBe(true);
    // A header cut inside its field list.
    expect(problem(readShapefile({ ...zones(), dbf: bytes('qingxi-zones.dbf').slice(0, 40) }, 'zones.shp')).en).toMatch(/truncated or damaged \.dbf/);
  });

  it('a .dbf with a different number of records than the .shp has shapes is refused', () => {
    const stations = shapefileFromZip(bytes('qingxi-stations.zip'), 'st.zip');
    if ('path' in stations) throw new Error(stations.en);
    const p = problem(readShapefile({ ...zones(), dbf: stations.dbf }, 'zones.shp'));
    expect(p.en).toBe('the .dbf has 4 rows but the .shp 5 shapes (files of different layers?)');
  });

  it('text that is not valid in the chosen encoding is an error naming the record and the field, with a hint, never replacement characters', () => {
    const p = problem(readShapefile(zones(), 'zones.shp', 'utf-8', '--encoding'));
    expect(p.path).toBe('zones.dbf');
    expect(p.en).toBe('record 1, field MC: not valid UTF-8 text (try --encoding gbk)');
    expect(p.zh).toBe('第 1 条记录的字段“MC”不是有效的 UTF-8 文本（试试 --encoding gbk）');
    // A scenario names its option `encoding:`; GBK read as GBK is the text.
    expect(problem(readShapefile(zones(), 'zones.shp', 'utf8')).en).toMatch(/\(try encoding: gbk\)$/);
    const ok = readShapefile(zones(), 'zones.shp', 'cp936');
    expect('geojson' in ok && ok.geojson.features.map((f) => f.properties.MC)).toEqual(['老城区', '城东', '城南', '北岸新区', '化工园区']);
  });

  it('UTF-8 text read as GBK is refused where it does not decode, and a field in neither is called damaged', () => {
    // "清溪镇 1号" in UTF-8: as GBK, the last byte of 镇 takes the space after it as its pair, which GBK has not.
    const utf8 = new TextEncoder().encode('清溪镇 1号');
    const shp = zones().shp;
    const one = (values: Uint8Array[], enc: string) => readShapefile({ shp, dbf: dbfOf(20, values), dbfName: 'x.dbf' }, 'x.shp', enc, '--encoding');
    // Five records to match the five shapes; the third is the UTF-8 one.
    const gbkWithUtf8 = [1, 2, 3, 4, 5].map((i) => (i === 3 ? utf8 : new TextEncoder().encode(`Z${i}`)));
    expect(problem(one(gbkWithUtf8, 'gbk')).en).toBe('record 3, field MC: not valid GBK text (try --encoding utf-8)');
    const neither = [1, 2, 3, 4, 5].map((i) => (i === 2 ? new Uint8Array([0xff, 0xff, 0xff]) : new TextEncoder().encode(`Z${i}`)));
    expect(problem(one(neither, 'utf-8')).en).toBe('record 2, field MC: not valid UTF-8 text (a damaged file?)');
  });

  it('a character cut at the end of its field (as writers truncate long text) is dropped, and the next field reads cleanly', () => {
    const long = new TextEncoder().encode('清溪镇人民政府'); // 21 bytes in UTF-8: a 20-byte field cuts the last character
    const values = [long, new TextEncoder().encode('城东'), long, long, long];
    const r = readShapefile({ shp: zones().shp, dbf: dbfOf(20, values) }, 'x.shp', 'utf-8');
    if (!('geojson' in r)) throw new Error(r.en);
    expect(r.geojson.features.map((f) => f.properties.MC)).toEqual(['清溪镇人民政', '城东', '清溪镇人民政', '清溪镇人民政', '清溪镇人民政']);
  });

  it('the encodings a person may give are GBK and UTF-8 by their usual spellings, and no other', () => {
    for (const l of ['gbk', 'GBK', 'gb18030', 'gb2312', 'cp936', '936', 'ANSI 936']) expect(knownDbfEncoding(l), l).toBe('gb18030');
    for (const l of ['utf-8', 'UTF8', '65001']) expect(knownDbfEncoding(l), l).toBe('utf-8');
    for (const l of ['latin1', 'big5', 'ascii', '1252', '']) expect(knownDbfEncoding(l), l).toBeUndefined();
  });

  it('a zip cut short and a damaged .shp are said in Chinese without the library’s English', () => {
    const zip = bytes('qingxi-stations.zip');
    const z = shapefileFromZip(zip.slice(0, zip.length >> 1), 'st.zip');
    if (!('path' in z)) throw new Error('read a half zip');
    expect(z.en).toBe('not a readable zip file (truncated?): invalid zip data');
    expect(z.zh).toBe('不是可读的 zip 文件：找不到 zip 文件末尾的目录（文件不完整或已损坏？）');
    const shp = zones().shp.slice();
    shp.fill(0x7f, 100, 112); // the first record's header: a length that cannot be
    const p = problem(readShapefile({ ...zones(), shp }, 'zones.shp'));
    expect(p.zh).toBe('.shp 文件已损坏：其中的图形无法读取');
    expect(p.en).toMatch(/^a damaged \.shp file: \w/);
  });
});
