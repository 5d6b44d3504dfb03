/**
 * A table a user hands in as an Excel workbook (an MSEL, a CAD export), read through exceljs: the
 * first worksheet (or the one named), its first row the header, every cell as the text a CSV export
 * of it would hold — numbers as written, dates as "YYYY-MM-DD HH:MM:SS" (the wall clock the sheet
 * shows), formulas as their cached result — so the same row checks serve .xlsx and .csv files.
 */
import type { InputError, Result, Words } from './errors.ts';

/** Header (trimmed) and rows keyed by it, as text; empty rows skipped. `line` is the sheet's row number. */
export interface XlsxTable {
  header: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as text (Excel keeps no time zone: a date's UTC fields are the clock it shows). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if ('result' in o) return cellText(o.result);
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (o.error) return '';
  }
  return String(v).trim();
}

/** Reads the table; problems are named by `where` (and the sheet and row where they are). */
export async function readXlsxTable(bytes: Uint8Array, where: string, sheet?: string): Promise<Result<XlsxTable>> {
  const fail = (words: Words, path = where): Result<XlsxTable> => ({ ok: false, errors: [{ path, ...words }] });
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return fail({ zh: '不是 .xlsx 工作簿（是旧版 Excel 的 .xls？请另存为 .xlsx 或 CSV）', en: 'is not an .xlsx workbook (an .xls from old Excel? save it as .xlsx or CSV)' });
  }
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    const reason = (e as Error).message;
    return fail({ zh: `无法作为 .xlsx 工作簿读取（文件损坏或不完整？）：${reason}`, en: `cannot be read as an .xlsx workbook (damaged or truncated?): ${reason}` });
  }
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws && sheet === undefined) return fail({ zh: '没有工作表', en: 'has no worksheet' });
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name);
    return fail({ zh: `没有名为“${sheet}”的工作表（现有：${names.map((n) => `“${n}”`).join('、')}）`, en: `has no sheet "${sheet}" (it has ${names.map((n) => `"${n}"`).join(', ')})` });
  }
  const at = `${where} sheet "${ws.name}"`;
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (header[col - 1] = cellText(c.value)));
  if (header.filter((h) => h !== '').length === 0) return fail({ zh: '第一行是空的：第一行应为列名', en: 'the first row is empty: it must hold the column names' }, at);
  const errors: InputError[] = [];
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h !== '' && seen.has(h)) errors.push({ path: `${at} row 1`, zh: `列“${h}”出现了两次（第 ${i + 1} 列）`, en: `column "${h}" appears twice (column ${i + 1})` });
    seen.add(h);
  });
  if (errors.length) return { ok: false, errors };
  const rows: XlsxTable['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells: Record<string, string> = {};
    let any = false;
    header.forEach((h, i) => {
      if (h === '') return;
      const t = cellText(row.getCell(i + 1).value);
      cells[h] = t;
      any ||= t !== '';
    });
    if (any) rows.push({ line, cells });
  });
  return { ok: true, value: { header: header.filter((h) => h !== ''), rows } };
}
