/**
 * An .xlsx export as a table of text cells (exceljs), the first worksheet or the one the mapping
 * names. Dates become local wall-clock text ("2025-03-01 14:05:07": a workbook keeps no time zone,
 * and exceljs hands its wall clock back as a UTC date), formulas their cached result, rich text its
 * plain text. (A shared workbook reader is planned in report/; until it lands, this one serves.)
 */
import ExcelJS from 'exceljs';
import type { Result } from '../../scenario/errors.ts';
import type { Table } from './rows.ts';
import { listWords } from '../../report/list-words.ts';

const p2 = (n: number) => String(n).padStart(2, '0');

/** The text of one cell value as exceljs gives it. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const ms = v.getUTCMilliseconds();
    return `${v.getUTCFullYear()}-${p2(v.getUTCMonth() + 1)}-${p2(v.getUTCDate())} ${p2(v.getUTCHours())}:${p2(v.getUTCMinutes())}:${p2(v.getUTCSeconds())}${ms ? `.${String(ms).padStart(3, '0')}` : ''}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

/** Reads the workbook `bytes`; `where` names the file in errors. */
export async function xlsxTable(bytes: Uint8Array, where: string, sheet?: string): Promise<Result<Table>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    // exceljs's reason is English (and about zip entries): kept in the English line only.
    const reason = (e as Error).message.split('\n')[0];
    return { ok: false, errors: [{ path: where, zh: '不是可读取的 .xlsx 工作簿（文件已损坏、不完整，或根本不是这种格式）', en: `not a readable .xlsx workbook (${reason})` }] };
  }
  const ws = sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) {
    const names = listWords(wb.worksheets.map((w) => w.name));
    const words =
      sheet === undefined
        ? { zh: '工作簿中没有工作表', en: 'the workbook has no worksheet' }
        : { zh: `没有名为“${sheet}”的工作表（工作簿中有：${names.zh}）`, en: `no worksheet "${sheet}" (it has: ${names.en})` };
    return { ok: false, errors: [{ path: where, ...words }] };
  }
  const rows: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value).trim()));
  }
  const [header, ...data] = rows;
  if (!header || header.every((h) => h === '')) {
    const words = sheet === undefined ? { zh: '第一个工作表为空（没有表头行）', en: 'the first worksheet is empty (no header row)' } : { zh: `工作表“${sheet}”为空（没有表头行）`, en: `the worksheet "${sheet}" is empty (no header row)` };
    return { ok: false, errors: [{ path: where, ...words }] };
  }
  return { ok: true, value: { header, rows: data } };
}
