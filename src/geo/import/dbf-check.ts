/**
 * What shpjs's DBF reader takes on trust, checked first: that the .dbf holds every record its header
 * counts (a file cut short reads as blank attributes), and that every text field decodes in the
 * chosen encoding (a wrong one reads as replacement characters). Bytes in, a problem or null out.
 */
import type { Problem } from './problem.ts';

/** One field of a DBF record as its header describes it. */
interface DbfField {
  name: string;
  /** dBase type letter: C text, N/F numbers, D date, L logical, … */
  type: string;
  /** Width in bytes. */
  length: number;
}

/** The header of a DBF: record count, the byte where records begin, bytes per record, fields. */
function dbfHeader(dbf: Uint8Array): { records: number; headerBytes: number; recordBytes: number; fields: DbfField[] } | null {
  if (dbf.length < 32) return null;
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerBytes = view.getUint16(8, true);
  const fields: DbfField[] = [];
  // Descriptors are 32 bytes each from byte 32, ended by 0x0D (FoxPro may add 263 bytes after it).
  for (let at = 32; at + 32 <= Math.min(headerBytes, dbf.length) && dbf[at] !== 0x0d; at += 32) {
    const raw = dbf.subarray(at, at + 11);
    const end = raw.indexOf(0);
    fields.push({ name: new TextDecoder().decode(end < 0 ? raw : raw.subarray(0, end)).trim(), type: String.fromCharCode(dbf[at + 11]), length: dbf[at + 16] });
  }
  return { records: view.getUint32(4, true), headerBytes, recordBytes: view.getUint16(10, true), fields };
}

const decoders = new Map<string, TextDecoder>();
/** Whether `bytes` are text in `encoding`; a character cut at the field's end (a writer's truncation) is allowed. */
function decodes(bytes: Uint8Array, encoding: string): boolean {
  let d = decoders.get(encoding);
  if (!d) decoders.set(encoding, (d = new TextDecoder(encoding, { fatal: true })));
  let ok: boolean;
  try {
    // Streaming mode holds back an incomplete last character instead of failing on it.
    d.decode(bytes, { stream: true });
    ok = true;
  } catch {
    ok = false;
  }
  try {
    d.decode(); // ends the stream, so the next field starts afresh
  } catch {
    // the incomplete last character held back above: allowed
  }
  return ok;
}

/** How a person names each encoding (`--encoding gbk`). */
const SPOKEN: Record<string, string> = { 'gb18030': 'GBK', 'utf-8': 'UTF-8' };

/**
 * The first problem of a .dbf read as `encoding` (a TextDecoder label): too short for the records its
 * header counts, a header that does not add up, or a text field that is not text in `encoding`.
 * `where` names the file; `option` is how the reader overrides the encoding (`--encoding`, `encoding:`).
 */
export function checkDbf(dbf: Uint8Array, encoding: string, where: string, option: string): Problem | null {
  const h = dbfHeader(dbf);
  if (!h || h.headerBytes < 33 || h.headerBytes > dbf.length) {
    return { path: where, zh: `.dbf 文件不完整或已损坏：只有 ${dbf.length} 字节，不足以容纳其文件头`, en: `a truncated or damaged .dbf file: its ${dbf.length} bytes do not hold its header` };
  }
  const widthBytes = 1 + h.fields.reduce((a, f) => a + f.length, 0); // the first byte flags a deleted record
  if (h.fields.length === 0 || widthBytes > h.recordBytes) {
    return { path: where, zh: `.dbf 文件已损坏：文件头记载每条记录 ${h.recordBytes} 字节，而其 ${h.fields.length} 个字段共需 ${widthBytes} 字节`, en: `a damaged .dbf file: its header says ${h.recordBytes} bytes a record, its ${h.fields.length} fields need ${widthBytes}` };
  }
  const needBytes = h.headerBytes + h.records * h.recordBytes;
  if (needBytes > dbf.length) {
    return { path: where, zh: `.dbf 文件不完整：文件头记载 ${h.records} 条记录、每条 ${h.recordBytes} 字节，应有 ${needBytes} 字节，实际只有 ${dbf.length} 字节`, en: `a truncated .dbf file: its header says ${h.records} records of ${h.recordBytes} bytes, ${needBytes} bytes in all; it has ${dbf.length}` };
  }
  const other = encoding === 'utf-8' ? 'gb18030' : 'utf-8';
  for (let r = 0; r < h.records; r++) {
    let at = h.headerBytes + r * h.recordBytes + 1;
    for (const f of h.fields) {
      const bytes = dbf.subarray(at, at + f.length);
      at += f.length;
      if (f.type !== 'C' || decodes(bytes, encoding)) continue;
      const name = SPOKEN[encoding] ?? encoding;
      const hint = decodes(bytes, other) ? { zh: `（试试 ${option} ${other === 'utf-8' ? 'utf-8' : 'gbk'}）`, en: ` (try ${option} ${other === 'utf-8' ? 'utf-8' : 'gbk'})` } : { zh: '（文件已损坏？）', en: ' (a damaged file?)' };
      return { path: where, zh: `第 ${r + 1} 条记录的字段“${f.name}”不是有效的 ${name} 文本${hint.zh}`, en: `record ${r + 1}, field ${f.name}: not valid ${name} text${hint.en}` };
    }
  }
  return null;
}
