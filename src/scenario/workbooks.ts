/**
 * Excel workbooks a scenario names as side files (a CAD history saved as .xlsx). exceljs reads a
 * workbook asynchronously while the loader is synchronous, so a host reads the workbooks first —
 * every string in the scenario (and its variants) that names an .xlsx/.xlsm file that exists — and
 * hands them to the loader as tables, with each row's number as the sheet shows it.
 */
import type { InputError, Words } from './errors.ts';
import type { ReadBytes } from './files.ts';
import { tableOf, type CsvTable } from './table.ts';
import { readXlsxTable, type XlsxTable } from './xlsx-table.ts';

/** Tables read from workbooks (or why one could not be read, in words that follow its name), by the file name the scenario wrote. */
export type Workbooks = ReadonlyMap<string, CsvTable | { error: Words }>;

/** A file name that is an Excel workbook. */
export const WORKBOOK_FILE = /\.xls[xm]$/i;

/** Every distinct string in a parsed document that names a workbook file (iterative: any depth). */
export function workbookNames(...docs: unknown[]): string[] {
  const out = new Set<string>();
  const seen = new Set<object>();
  const stack = [...docs];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (WORKBOOK_FILE.test(v) && v.length < 1024) out.add(v);
    } else if (v !== null && typeof v === 'object' && !seen.has(v)) {
      seen.add(v);
      stack.push(...(Array.isArray(v) ? v : Object.values(v)));
    }
  }
  return [...out].sort();
}

/** A worksheet as the history reader reads a CSV: column names trimmed and lower-cased, rows numbered as in the sheet. */
function sheetTable(t: XlsxTable, where: string): CsvTable {
  return tableOf(t.header, t.rows.map((r) => ({ cells: t.header.map((h) => r.cells[h] ?? ''), row: r.line })), where, (h) => h.trim().toLowerCase());
}

/** A workbook's problems as one reason after its name: a problem at a sheet or row names that place first. */
function problemsOf(errors: readonly InputError[], name: string): Words {
  const place = (e: InputError) => e.path.slice(name.length).trim();
  return {
    zh: errors.map((e) => (e.path === name ? e.zh : `${place(e)}：${e.zh}`)).join('；'),
    en: errors.map((e) => (e.path === name ? e.en : `${place(e)}: ${e.en}`)).join('; '),
  };
}

/**
 * Reads the named workbooks that exist (first worksheet, first row the header, names lower-cased and
 * trimmed as the history reader expects). Nothing is reported here: a name may be any string of the
 * scenario, so the loader reports a missing or unreadable workbook only where a key uses it.
 */
export async function readWorkbooks(names: readonly string[], readBytes: ReadBytes): Promise<Workbooks> {
  const workbooks = new Map<string, CsvTable | { error: Words }>();
  for (const name of names) {
    const bytes = readBytes(name);
    if (bytes === null) continue;
    if (!(bytes instanceof Uint8Array)) {
      workbooks.set(name, bytes);
      continue;
    }
    const t = await readXlsxTable(bytes, name);
    workbooks.set(name, t.ok ? sheetTable(t.value, name) : { error: problemsOf(t.errors, name) });
  }
  return workbooks;
}
