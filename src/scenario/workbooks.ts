/**
 * Excel workbooks a scenario names as side files (a CAD history saved as .xlsx). exceljs reads a
 * workbook asynchronously while the loader is synchronous, so a host reads the workbooks first —
 * every string in the scenario (and its variants) that names an .xlsx/.xlsm file that exists — and
 * hands them to the loader as tables, with each row's number as the sheet shows it.
 */
import type { InputError } from './errors.ts';
import type { ReadBytes } from './files.ts';
import type { CsvTable } from './table.ts';
import { RESERVED_KEY } from './reserved.ts';
import { readXlsxTable } from './xlsx-table.ts';

/** Tables read from workbooks (or why one could not be read), by the file name the scenario wrote. */
export type Workbooks = ReadonlyMap<string, CsvTable | { error: string }>;

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

/**
 * A worksheet's table as the CSV reader gives one: column names through `header`, cells in
 * null-prototype records, row numbers as in the sheet. A column named twice (after `header`) or
 * `__proto__` is a problem named by `where`.
 */
export function sheetAsTable(header: string[], rows: { line: number; cells: Record<string, string> }[], where: string, name: (h: string) => string): CsvTable {
  const fields = header.map(name);
  const errors: InputError[] = [];
  const first = new Map<string, number>();
  fields.forEach((f, i) => {
    if (f === RESERVED_KEY) errors.push({ path: where, message: `column "${RESERVED_KEY}" cannot be used (JavaScript reserves the name); rename it` });
    else if (first.has(f)) errors.push({ path: where, message: `column "${f}" appears twice (columns ${first.get(f)! + 1} and ${i + 1}); keep one` });
    else first.set(f, i);
  });
  return {
    fields,
    errors,
    rows: rows.map((r) => {
      const cells = Object.create(null) as Record<string, string>;
      header.forEach((h, i) => {
        if (first.get(fields[i]) === i && Object.hasOwn(r.cells, h)) cells[fields[i]] = r.cells[h];
      });
      return { cells, row: r.line, complete: true };
    }),
  };
}

/**
 * Reads the named workbooks that exist (first worksheet, first row the header, names lower-cased and
 * trimmed as the history reader expects). Nothing is reported here: a name may be any string of the
 * scenario, so the loader reports a missing or unreadable workbook only where a key uses it.
 */
export async function readWorkbooks(names: readonly string[], readBytes: ReadBytes): Promise<Workbooks> {
  const workbooks = new Map<string, CsvTable | { error: string }>();
  for (const name of names) {
    const bytes = readBytes(name);
    if (bytes === null) continue;
    if (!(bytes instanceof Uint8Array)) {
      workbooks.set(name, bytes);
      continue;
    }
    const t = await readXlsxTable(bytes, name);
    workbooks.set(name, t.ok ? sheetAsTable(t.value.header, t.value.rows, name, (h) => h.trim().toLowerCase()) : { error: t.errors.map((e) => (e.path === name ? e.message : `${e.path.slice(name.length).trim()}: ${e.message}`)).join('; ') });
  }
  return workbooks;
}
