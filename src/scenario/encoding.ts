/**
 * Text files as users hand them in: UTF-8 with or without a BOM, UTF-16 with a BOM (what Excel's
 * "Unicode text" writes), and GB18030/GBK (what Excel and Notepad on a Chinese Windows save as
 * "CSV"). Anything else — a spreadsheet or other binary file, or text in an encoding we cannot tell —
 * is refused with a message that names the file and what it looks like, never decoded into garbage.
 * Pure: bytes in, text out; `TextDecoder` exists in Node and every browser.
 */
import type { Result, Words } from './errors.ts';

/** The encodings {@link decodeText} recognises. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decoded text (without any BOM) and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const decoders = new Map<TextEncoding, TextDecoder>();
function strictDecoder(encoding: TextEncoding): TextDecoder {
  let d = decoders.get(encoding);
  // fatal: an invalid sequence throws instead of turning into U+FFFD, so a wrong guess is detected.
  if (!d) decoders.set(encoding, (d = new TextDecoder(encoding, { fatal: true, ignoreBOM: false })));
  return d;
}

function tryDecode(bytes: Uint8Array, encoding: TextEncoding): string | null {
  try {
    return strictDecoder(encoding).decode(bytes);
  } catch {
    return null;
  }
}

/** What a binary file most likely is, from its first bytes (`is a PDF file, not text`), or null when it could be text. */
function binaryKind(bytes: Uint8Array): Words | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return { zh: '是 zip 压缩包（.xlsx 工作簿或压缩的文件夹），不是文本', en: 'is a zip archive (an .xlsx workbook or a zipped folder), not text' };
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return { zh: '是旧版 Excel 的 .xls 工作簿，不是文本', en: 'is an old Excel .xls workbook, not text' };
  if (starts(0x25, 0x50, 0x44, 0x46)) return { zh: '是 PDF 文件，不是文本', en: 'is a PDF file, not text' };
  if (starts(0x1f, 0x8b)) return { zh: '是 gzip 压缩包，不是文本', en: 'is a gzip archive, not text' };
  return null;
}

/** UTF-16 without a BOM: every other byte is zero in ASCII-heavy text. */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return 'utf-16be';
  return null;
}

/**
 * Decodes a user's text file. `where` names it in errors (`zones.file (zones.geojson)`).
 * Order of the guesses: BOM; UTF-16 by its zero bytes; strict UTF-8; strict GB18030 (a superset of
 * GBK and GB2312). UTF-8 goes first because GB18030 accepts almost any byte string, while valid
 * UTF-8 of any length is very unlikely to be meant as GB18030.
 */
export function decodeText(bytes: Uint8Array, where: string): Result<DecodedText> {
  const fail = (words: Words): Result<DecodedText> => ({ ok: false, errors: [{ path: where, ...words }] });
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(bytes.subarray(3), 'utf-8');
    return text === null ? fail({ zh: '以 UTF-8 标记开头，却不是有效的 UTF-8 文本', en: 'starts with a UTF-8 mark but is not valid UTF-8 text' }) : { ok: true, value: { text, encoding: 'utf-8' } };
  }
  for (const [b0, b1, enc] of [[0xff, 0xfe, 'utf-16le'], [0xfe, 0xff, 'utf-16be']] as const) {
    if (bytes.length >= 2 && bytes[0] === b0 && bytes[1] === b1) {
      const text = tryDecode(bytes.subarray(2), enc);
      const name = enc.toUpperCase();
      return text === null ? fail({ zh: `以 ${name} 标记开头，却不是有效的 ${name} 文本`, en: `starts with a ${name} mark but is not valid ${name} text` }) : { ok: true, value: { text, encoding: enc } };
    }
  }
  const kind = binaryKind(bytes);
  if (kind) return fail(kind);
  const utf16 = bomlessUtf16(bytes);
  if (utf16) {
    const text = tryDecode(bytes, utf16);
    if (text !== null) return { ok: true, value: { text, encoding: utf16 } };
  }
  if (bytes.includes(0)) return fail({ zh: '含有 NUL 字节：这是二进制文件，不是文本（请另存为 CSV UTF-8）', en: 'holds NUL bytes: it is a binary file, not text (save it as CSV UTF-8)' });
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== null) return { ok: true, value: { text: utf8, encoding: 'utf-8' } };
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== null) return { ok: true, value: { text: gb, encoding: 'gb18030' } };
  return fail({
    zh: '既不是 UTF-8、UTF-16 文本，也不是 GB18030/GBK 文本；请另存为“CSV UTF-8”（Excel）或 UTF-8（任意编辑器）',
    en: 'is neither UTF-8, UTF-16 nor GB18030/GBK text; save it as "CSV UTF-8" (Excel) or UTF-8 (any editor)',
  });
}
