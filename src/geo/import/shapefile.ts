/**
 * Shapefiles (.shp with .dbf, .prj and .cpg beside it, or all of them in one .zip) as a GeoJSON
 * FeatureCollection in the file's own coordinates, through shpjs's synchronous readers. The DBF's
 * text is decoded as its .cpg says, else as its header's code page says (GBK for Chinese ArcGIS
 * exports), else as UTF-8 when it is valid UTF-8 and as GB18030 (a superset of GBK) when not.
 * Bytes in, data out; a damaged or truncated file is a named error.
 */
import { parseDbf, parseShp } from 'shpjs';
import { unzipSync } from 'fflate';
import { thrownMessage, type Problem, type Words } from './problem.ts';
import { checkDbf } from './dbf-check.ts';
import { flateWhy } from './flate-error.ts';

/** The files of one shapefile, by extension. */
export interface ShapefileParts {
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
  /** How problems of the .dbf name it (`roads.dbf`, `roads.zip roads.dbf`); the .shp's name when not given. */
  dbfName?: string;
}

/** The parts inside a zip holding one shapefile; `where` names the zip. */
export function shapefileFromZip(bytes: Uint8Array, where: string): ShapefileParts | Problem {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (e) {
    const why = flateWhy(e);
    return { path: where, zh: `不是可读的 zip 文件：${why.zh}`, en: `not a readable zip file (truncated?): ${why.en}` };
  }
  const names = Object.keys(entries).filter((n) => !n.startsWith('__MACOSX/') && !n.endsWith('/'));
  const shps = names.filter((n) => /\.shp$/i.test(n));
  if (shps.length === 0) return { path: where, zh: '不含 .shp 文件', en: 'holds no .shp file' };
  if (shps.length > 1) return { path: where, zh: `包含 ${shps.length} 个 Shapefile（${shps.join('、')}）；请提供只含一个的 zip`, en: `holds ${shps.length} shapefiles (${shps.join(', ')}); give a zip with one` };
  const base = shps[0].slice(0, -4).toLowerCase();
  const name = (ext: string) => names.find((n) => n.toLowerCase() === `${base}.${ext}`);
  const part = (ext: string) => entries[name(ext) ?? ''];
  const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b).trim() : undefined);
  return { shp: entries[shps[0]], dbf: part('dbf'), prj: text(part('prj')), cpg: text(part('cpg')), ...(name('dbf') ? { dbfName: `${where} ${name('dbf')}` } : {}) };
}

/** The encodings a person may give for a DBF (`--encoding`), with the other spellings {@link knownDbfEncoding} takes. */
export const DBF_ENCODINGS: Words = { zh: 'gbk（或 gb18030、gb2312、cp936、936）或 utf-8（或 utf8、65001）', en: 'gbk (or gb18030, gb2312, cp936, 936) or utf-8 (or utf8, 65001)' };

/** The TextDecoder label of an encoding a person gives for Chinese text: GBK and its kin read as GB18030 (their superset), UTF-8; else undefined. */
export function knownDbfEncoding(label: string): 'gb18030' | 'utf-8' | undefined {
  const l = label.trim().toLowerCase();
  if (/^(ansi\s*)?936$|^cp936$|^gbk$|^gb2312$|^gb18030$/.test(l)) return 'gb18030';
  if (/^utf-?8$|^65001$/.test(l)) return 'utf-8';
  return undefined;
}

/** The text encoding of a DBF: the .cpg's, the header's code page, or a guess from its bytes. */
export function dbfEncoding(dbf: Uint8Array, cpg?: string, given?: string): string {
  const label = (given ?? cpg ?? '').trim().toLowerCase();
  if (label) return knownDbfEncoding(label) ?? label;
  // dBase language driver ids for Chinese code page 936 (ESRI writes 0x4D; others 0x7A).
  if (dbf[29] === 0x4d || dbf[29] === 0x7a) return 'gb18030';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(32));
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A DBF value as plain data: dates as YYYY-MM-DD, numbers that are not numbers as null. */
function plain(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  // checkDbf let through only a character cut at a field's end, which the reader turns into U+FFFD.
  if (typeof v === 'string') return v.replace(/\uFFFD$/, '');
  return v;
}

function withoutBbox(g: unknown): unknown {
  if (!g || typeof g !== 'object') return g;
  const { bbox: _bbox, ...rest } = g as Record<string, unknown>;
  return rest;
}

/**
 * Reads a shapefile into GeoJSON (coordinates as stored: convert them with the .prj's or the given
 * coordinate system). `encoding` overrides the DBF's; `encodingOption` is how the reader gives it
 * (`--encoding`, `encoding:`), for the hint when text does not decode.
 */
export function readShapefile(parts: ShapefileParts, where: string, encoding?: string, encodingOption = 'encoding:'): { geojson: { type: 'FeatureCollection'; features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[] }; prj?: string } | Problem {
  let geometries: unknown[];
  try {
    if (parts.shp.length < 100 || new DataView(parts.shp.buffer, parts.shp.byteOffset).getInt32(0, false) !== 9994) return { path: where, zh: '不是 Shapefile（.shp）：文件头中没有文件代码 9994', en: 'not a shapefile (.shp): no file code 9994 in its header' };
    const declared = new DataView(parts.shp.buffer, parts.shp.byteOffset).getInt32(24, false) * 2;
    if (declared > parts.shp.length) return { path: where, zh: `.shp 文件不完整：文件头记载 ${declared} 字节，实际只有 ${parts.shp.length} 字节`, en: `a truncated .shp file: its header says ${declared} bytes, it has ${parts.shp.length}` };
    geometries = parseShp(parts.shp) as unknown[];
  } catch (e) {
    return { path: where, zh: '.shp 文件已损坏：其中的图形无法读取', en: `a damaged .shp file: ${thrownMessage(e)}` };
  }
  let rows: Record<string, unknown>[] = [];
  if (parts.dbf) {
    const dbfWhere = parts.dbfName ?? where;
    const enc = dbfEncoding(parts.dbf, parts.cpg, encoding);
    try {
      new TextDecoder(enc);
    } catch {
      return { path: where, zh: `.dbf 的文字编码“${enc}”无法识别（可试 gbk 或 utf-8）`, en: `unknown text encoding "${enc}" for the .dbf (try gbk or utf-8)` };
    }
    const bad = checkDbf(parts.dbf, enc, dbfWhere, encodingOption);
    if (bad) return bad;
    try {
      rows = parseDbf(parts.dbf, enc) as Record<string, unknown>[];
    } catch (e) {
      return { path: dbfWhere, zh: '.dbf 文件已损坏：其中的记录无法读取', en: `a damaged .dbf file: ${thrownMessage(e)}` };
    }
    if (rows.length !== geometries.length) return { path: where, zh: `.dbf 有 ${rows.length} 行，而 .shp 有 ${geometries.length} 个图形（是不同图层的文件吗？）`, en: `the .dbf has ${rows.length} rows but the .shp ${geometries.length} shapes (files of different layers?)` };
  }
  // shpjs adds a bbox in the file's coordinates: dropped, as it would not follow a conversion.
  const features = geometries.map((g, i) => ({ type: 'Feature' as const, geometry: withoutBbox(g), properties: Object.fromEntries(Object.entries(rows[i] ?? {}).map(([k, v]) => [k, plain(v)])) }));
  return { geojson: { type: 'FeatureCollection', features }, ...(parts.prj ? { prj: parts.prj } : {}) };
}

/**
 * Copies the attributes linkdrill reads (`id`, `name`, `population`, `speed_kmh`, …) from the
 * attributes a file names them by (`{id: 'CODE', name: 'MC'}`); problems name the field at `where`.
 */
export function mapAttributes<F extends { properties: Record<string, unknown> | null }>(features: F[], mapping: Record<string, string>, where: string, fileName: string): { features: F[]; errors: Problem[] } {
  const names = new Set(features.flatMap((f) => Object.keys(f.properties ?? {})));
  const errors: Problem[] = [];
  for (const [field, source] of Object.entries(mapping)) {
    if (names.has(source)) continue;
    const has = [...names].slice(0, 12);
    errors.push({ path: `${where}.${field}`, zh: `“${source}”不是 ${fileName} 的属性（它有：${has.join('、') || '无'}）`, en: `"${source}" is not an attribute of ${fileName} (it has ${has.join(', ') || 'none'})` });
  }
  const mapped = features.map((f) => ({ ...f, properties: { ...f.properties, ...Object.fromEntries(Object.entries(mapping).map(([field, source]) => [field, f.properties?.[source]])) } }));
  return { features: mapped, errors };
}
