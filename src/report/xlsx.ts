/**
 * The run's (or batch's) tables as one Excel workbook, through exceljs: a sheet per CSV file, headers
 * in Chinese or English, the header row frozen, numbers as numbers, times (`t`, `t_*`) as date-times
 * of the scenario's wall clock (start + t), text as text (a text cell is never run as a formula, so
 * the CSV files' leading apostrophe is taken off; an id that looks like a number stays the text it
 * is). Built from the folder's files, so the CLI and the app (which loads exceljs only when asked)
 * make the same workbook.
 */
import Papa from 'papaparse';
import { unzipSync, zipSync } from 'fflate';
import { parseDateTime, type WallClock } from '../scenario/duration.ts';
import type { Lang } from './i18n.ts';
import { COLUMN_ZH, SHEET_NAMES } from './xlsx-words.ts';
import { readText } from './csv.ts';

/** Sheets in this order, when present. */
const ORDER = Object.keys(SHEET_NAMES);
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
const isTime = (column: string) => column === 't' || column.startsWith('t_');
/** Columns of ids and words: text even where they look like numbers (zone "007", station "0512", channel "120"). */
const TEXT_COLUMNS: ReadonlySet<string> = new Set([
  'incident_id', 'type', 'zone', 'grade_true', 'grade_initial', 'grade_final', 'tiers_involved', 'source', 'zone_class',
  'level_true', 'level_initial', 'level_final', 'call_id', 'channel', 'kind', 'line', 'dispatch_id', 'unit_id', 'agency',
  'unit_type', 'waits_for', 'station', 'depot', 'item', 'metric', 'detail', 'indicator', 'group', 'variant', 'rating', 'effect',
]);

/** A time t (s from the start) as an Excel date-time showing the scenario's local wall clock. */
function wallClock(start: WallClock, t: number): Date {
  // Excel has no time zones: the workbook shows the local time, so the Date carries it as if UTC.
  return new Date((start.dayNumber * 86400 + start.secondOfDay + t) * 1000);
}

/**
 * The workbook of a folder's CSV files (by name; others are ignored) as .xlsx bytes. `start` is the
 * scenario's start as written (with its UTC offset); without it times stay seconds.
 */
export async function workbookFromCsv(files: Record<string, string | Uint8Array | undefined>, options: { lang: Lang; start?: string }): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'linkdrill';
  // A fixed date: the same folder gives the same workbook.
  wb.created = wb.modified = new Date(0);
  const start = options.start ? parseDateTime(options.start, true) : null;
  for (const name of ORDER) {
    const text = files[name];
    if (typeof text !== 'string') continue;
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
    const header = rows[0] ?? [];
    const ws = wb.addWorksheet(SHEET_NAMES[name][options.lang], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = header.map((h) => ({
      header: options.lang === 'zh' ? COLUMN_ZH[h] ?? h : h,
      key: h,
      width: Math.max(10, Math.min(40, (options.lang === 'zh' ? (COLUMN_ZH[h] ?? h).length * 2 : h.length) + 2)),
      ...(isTime(h) && start ? { style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows.slice(1)) {
      ws.addRow(
        header.map((h, i) => {
          const v = r[i] ?? '';
          if (v === '') return null;
          if (NUMBER.test(v) && !TEXT_COLUMNS.has(h)) return isTime(h) && start ? wallClock(start, Number(v)) : Number(v);
          return readText(v);
        }),
      );
    }
  }
  return stableZip(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/**
 * The workbook's zip written again with every entry dated 1980-01-01 (the zip format's first day),
 * so the same folder gives the same bytes (exceljs dates its entries with the time of writing).
 */
function stableZip(bytes: Uint8Array): Uint8Array {
  // Local-time fields on purpose: zip dates are local, so these give 1980-01-01 00:00 everywhere.
  const mtime = new Date(1980, 0, 1);
  return zipSync(Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, [data, { mtime }]])));
}
