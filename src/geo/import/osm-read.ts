/**
 * Reading OpenStreetMap extracts: `.osm.pbf` (through tiny-osmpbf), `.osm` XML (through
 * fast-xml-parser), Overpass API JSON, and any of them gzipped — all into one plain form, nodes by
 * id, ways and relations. Bytes in, data out: file access belongs to the host. A damaged or
 * truncated file is a path-named error, never an exception.
 */
import tinyosmpbf from 'tiny-osmpbf';
import { Blob, BlobHeader } from 'tiny-osmpbf/proto/fileformat.js';
import Pbf from 'pbf';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { gunzipSync, unzlibSync } from 'fflate';
import { thrownMessage, type Problem as InputError, type Words } from './problem.ts';
import { jsonProblem, parseJson } from './json-text.ts';
import { flateWhy } from './flate-error.ts';
import { xmlWhy } from './xml-error.ts';

export type OsmTags = Record<string, string>;

/** An OSM extract: node positions (WGS-84) and tags by id, ways and relations as listed. */
export interface OsmData {
  nodes: Map<number, { lon: number; lat: number; tags?: OsmTags }>;
  ways: { id: number; nodes: number[]; tags: OsmTags }[];
  relations: { id: number; members: { type: string; ref: number; role: string }[]; tags: OsmTags }[];
  /** Which reader read it. */
  format: 'pbf' | 'xml' | 'json';
}

type Elements = { type?: string; id?: number; lat?: number; lon?: number; nodes?: number[]; members?: { type: string; ref: number; role: string }[]; tags?: OsmTags }[];

/** Reads an extract from its bytes; `where` names the file in errors. */
export function readOsm(bytes: Uint8Array, where: string): { data: OsmData } | { errors: InputError[] } {
  const fail = (why: Words) => ({ errors: [{ path: where, ...why }] });
  if (bytes.length === 0) return fail({ zh: '文件是空的', en: 'the file is empty' });
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      const why = flateWhy(e);
      return fail({ zh: `gzip 文件已损坏：${why.zh}`, en: `a damaged gzip file: ${why.en}` });
    }
  }
  if (bytes[0] === 0x42 && bytes[1] === 0x5a && bytes[2] === 0x68) return fail({ zh: '这是 bzip2 压缩文件：请先解压（bunzip2），或改用 .osm.pbf 数据', en: 'a bzip2 file: decompress it first (bunzip2), or use the .osm.pbf extract' });
  let k = 0;
  while (k < bytes.length && k < 1024 && (bytes[k] <= 0x20 || bytes[k] === 0xef || bytes[k] === 0xbb || bytes[k] === 0xbf)) k++;
  if (bytes[k] === 0x3c /* < */) return readXml(bytes, where);
  if (bytes[k] === 0x7b /* { */) return readJson(bytes, where);
  return readPbf(bytes, where);
}

/** The most characters a JavaScript string holds (V8's limit): longer XML or JSON cannot be read as text. */
const MAX_TEXT_CHARS = 2 ** 29 - 24;

function text(bytes: Uint8Array, where: string): string | { errors: InputError[] } {
  if (bytes.length > MAX_TEXT_CHARS) {
    const mb = (bytes.length / 2 ** 20).toFixed(0);
    return { errors: [{ path: where, zh: `文件过大，无法作为文本读取（${mb} MB；XML 与 JSON 至多约 512 MB）：请改用同一区域的 .osm.pbf`, en: `is too large to read as text (${mb} MB; XML and JSON up to about 512 MB): use the .osm.pbf of the same area` }] };
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { errors: [{ path: where, zh: '不是 UTF-8 文本（OSM 文件都是 UTF-8）：文件选对了吗？', en: 'is not UTF-8 text (OSM files always are): is it the right file?' }] };
  }
}

function readJson(bytes: Uint8Array, where: string): { data: OsmData } | { errors: InputError[] } {
  const t = text(bytes, where);
  if (typeof t !== 'string') return t;
  const parsed = parseJson(t);
  if (!parsed.ok) return { errors: [jsonProblem(where, parsed.why)] };
  const json = parsed.value as { elements?: unknown };
  if (!json || !Array.isArray(json.elements)) return { errors: [{ path: where, zh: '不是 Overpass JSON：没有“elements”列表（向 Overpass 请求 [out:json]，并用“out body;”或“out geom;”）', en: 'not Overpass JSON: no "elements" list (ask Overpass for [out:json] with "out body;" or "out geom;")' }] };
  return fromElements(json.elements as Elements, 'json', where);
}

function readXml(bytes: Uint8Array, where: string): { data: OsmData } | { errors: InputError[] } {
  const t = text(bytes, where);
  if (typeof t !== 'string') return t;
  const valid = XMLValidator.validate(t);
  if (valid !== true) return { errors: [{ path: where, ...xmlWhy(t, valid.err) }] };
  const many = new Set(['node', 'way', 'relation', 'tag', 'nd', 'member']);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, isArray: (name) => many.has(name) }).parse(t) as {
    osm?: Record<string, { id: string; lat?: string; lon?: string; tag?: { k: string; v: string }[]; nd?: { ref: string }[]; member?: { type: string; ref: string; role: string }[] }[]>;
  };
  if (!parsed.osm) return { errors: [{ path: where, zh: '不是 OSM XML 文件：没有 <osm> 元素', en: 'not an OSM XML file: no <osm> element' }] };
  const tags = (x: { tag?: { k: string; v: string }[] }) => (x.tag ? Object.fromEntries(x.tag.map((g) => [g.k, String(g.v)])) : undefined);
  const elements: Elements = [
    ...(parsed.osm.node ?? []).map((n) => ({ type: 'node', id: Number(n.id), lat: Number(n.lat), lon: Number(n.lon), tags: tags(n) })),
    ...(parsed.osm.way ?? []).map((w) => ({ type: 'way', id: Number(w.id), nodes: (w.nd ?? []).map((d) => Number(d.ref)), tags: tags(w) })),
    ...(parsed.osm.relation ?? []).map((r) => ({ type: 'relation', id: Number(r.id), members: (r.member ?? []).map((m) => ({ type: m.type, ref: Number(m.ref), role: m.role ?? '' })), tags: tags(r) })),
  ];
  return fromElements(elements, 'xml', where);
}

/**
 * Walks the PBF blob framing and inflates every blob with fflate first, handing tiny-osmpbf the
 * blobs uncompressed: its own inflater reads past the end of a truncated file and can loop for ever
 * on damaged data, where fflate throws.
 */
function readPbf(bytes: Uint8Array, where: string): { data: OsmData } | { errors: InputError[] } {
  const fail = (zh: string, en: string) => ({ errors: [{ path: where, zh, en }] });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  let pos = 0;
  let blobs = 0;
  while (pos < bytes.length) {
    const n = blobs + 1;
    if (pos + 4 > bytes.length) return fail(`.osm.pbf 文件已损坏或不完整：在第 ${n} 个数据块（blob）中间结束`, `a damaged or truncated .osm.pbf file: it ends inside blob ${n}`);
    const headerLength = view.getInt32(pos, false);
    if (headerLength <= 0 || headerLength > 64 * 1024 || pos + 4 + headerLength > bytes.length) {
      if (blobs === 0) return fail('既不是 OSM XML、Overpass JSON，也不是 .osm.pbf 文件', 'neither OSM XML, Overpass JSON nor an .osm.pbf file');
      return fail(`.osm.pbf 文件已损坏或不完整：第 ${n} 个数据块（blob，起于第 ${pos} 字节）被截断`, `a damaged or truncated .osm.pbf file: blob ${n} at byte ${pos} is cut off`);
    }
    let header: { type: string; datasize: number };
    let blob: { raw: Uint8Array | null; raw_size: number; zlib_data: Uint8Array | null };
    try {
      header = BlobHeader.read(new Pbf(bytes.subarray(pos + 4, pos + 4 + headerLength)));
      if (blobs === 0 && header.type !== 'OSMHeader') return fail('既不是 OSM XML、Overpass JSON，也不是 .osm.pbf 文件（没有 OSMHeader 块）', 'neither OSM XML, Overpass JSON nor an .osm.pbf file (no OSMHeader block)');
      const end = pos + 4 + headerLength + header.datasize;
      if (end > bytes.length) return fail(`.osm.pbf 文件不完整：第 ${n} 个数据块（blob）还缺 ${end - bytes.length} 字节`, `a truncated .osm.pbf file: blob ${n} needs ${end - bytes.length} more bytes`);
      blob = Blob.read(new Pbf(bytes.subarray(pos + 4 + headerLength, end)));
      pos = end;
    } catch {
      return fail(`.osm.pbf 文件已损坏：第 ${n} 个数据块（blob）无法读取`, `a damaged .osm.pbf file: blob ${n} cannot be read`);
    }
    let raw = blob.raw;
    if (!raw && blob.zlib_data) {
      try {
        raw = unzlibSync(blob.zlib_data);
      } catch (e) {
        const why = flateWhy(e);
        return fail(`.osm.pbf 文件已损坏：第 ${n} 个数据块（blob）无法解压：${why.zh}`, `a damaged .osm.pbf file: blob ${n} does not decompress (${why.en})`);
      }
    }
    if (!raw) return fail(`.osm.pbf 文件的第 ${n} 个数据块（blob）采用了不支持的压缩方式（只支持 zlib）`, `an .osm.pbf file with blob ${n} compressed in a way not supported (only zlib is)`);
    if (blob.raw_size && raw.length !== blob.raw_size) return fail(`.osm.pbf 文件已损坏：第 ${n} 个数据块（blob）解压后为 ${raw.length} 字节，而不是 ${blob.raw_size} 字节`, `a damaged .osm.pbf file: blob ${n} decompresses to ${raw.length} bytes, not ${blob.raw_size}`);
    const body = encode((p) => Blob.write({ raw, raw_size: raw!.length }, p));
    const head = encode((p) => BlobHeader.write({ type: header.type, datasize: body.length }, p));
    const len = new Uint8Array(4);
    new DataView(len.buffer).setInt32(0, head.length, false);
    out.push(len, head, body);
    blobs++;
  }
  // One fresh buffer from offset 0: the reader takes `.buffer` of what it is given.
  const whole = new Uint8Array(out.reduce((a, p) => a + p.length, 0));
  out.reduce((o, p) => (whole.set(p, o), o + p.length), 0);
  let parsed: { elements: unknown[] };
  try {
    parsed = tinyosmpbf(whole);
  } catch (e) {
    return fail('.osm.pbf 文件已损坏：其中的数据无法解析', `a damaged .osm.pbf file: ${thrownMessage(e)}`);
  }
  return fromElements(parsed.elements as Elements, 'pbf', where);
}

const encode = (write: (pbf: Pbf) => void): Uint8Array => {
  const p = new Pbf();
  write(p);
  return p.finish();
};

function fromElements(elements: Elements, format: OsmData['format'], where: string): { data: OsmData } | { errors: InputError[] } {
  const data: OsmData = { nodes: new Map(), ways: [], relations: [], format };
  for (const e of elements) {
    if (!e || typeof e.id !== 'number' || !Number.isFinite(e.id)) continue;
    if (e.type === 'node') {
      if (!Number.isFinite(e.lat) || !Number.isFinite(e.lon) || Math.abs(e.lat!) > 90 || Math.abs(e.lon!) > 180) {
        return { errors: [{ path: `${where} node ${e.id}`, zh: `没有有效的位置（lat ${e.lat}，lon ${e.lon}）`, en: `has no valid position (lat ${e.lat}, lon ${e.lon})` }] };
      }
      data.nodes.set(e.id, { lon: e.lon!, lat: e.lat!, ...(e.tags && Object.keys(e.tags).length ? { tags: e.tags } : {}) });
    } else if (e.type === 'way' && Array.isArray(e.nodes)) data.ways.push({ id: e.id, nodes: e.nodes, tags: e.tags ?? {} });
    else if (e.type === 'relation' && Array.isArray(e.members)) data.relations.push({ id: e.id, members: e.members, tags: e.tags ?? {} });
  }
  if (data.nodes.size === 0 && data.ways.length === 0) return { errors: [{ path: where, zh: '不含任何 OSM 节点（node）或路径（way）', en: 'holds no OSM nodes or ways' }] };
  return { data };
}
