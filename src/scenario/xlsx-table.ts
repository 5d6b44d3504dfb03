/**
 * A table a user hands in as an Excel workbook (an MSEL, a CAD export), read through exceljs: the
 * first worksheet (or the one named), its first row the header, every cell as the text a CSV export
 * of it would hold — numbers as written, dates as "YYYY-MM-DD HH:MM:SS" (the wall clock the sheet
 * shows), formulas as their cached result — so the same row checks serve .xlsx and .csv files.
 */
import type { InputError, Result } from './errors.ts';

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
  const fail = (message: string, path = where): Result<XlsxTable> => ({ ok: false, errors: [{ path, message }] });
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail('is not an .xlsx workbook (an .xls from old Excel? save it as .xlsx or CSV)');
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    return fail(`cannot be read as an .xlsx workbook (damaged or truncated?): ${(e as Error).message}`);
  }
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) return fail(sheet === undefined ? 'has no worksheet' : `has no sheet "${sheet}" (it has ${wb.worksheets.map((w) => `"${w.name}"`).join(', ')})`);
  const at = `${where} sheet "${ws.name}"`;
  const header: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (header[col - 1] = cellText(c.value)));
  if (header.filter((h) => h !== '').length === 0) return fail('the first row is empty: it must hold the column names', at);
  const errors: InputError[] = [];
  const seen = new Set<string>();
  header.forEach((h, i) => {
    if (h !== '' && seen.has(h)) errors.push({ path: `${at} row 1`, message: `column "${h}" appears twice (column ${i + 1})` });
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
