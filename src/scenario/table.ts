/**
 * Reading a CSV table with a header row (a CAD export, a run folder's files, a batch's
 * replications): rows keyed by column name in null-prototype records, so a column called
 * `constructor` is data like any other; a column named twice or `__proto__` is a problem named by
 * the file, never silently renamed or dropped.
 */
import Papa from 'papaparse';
import type { InputError, Words } from './errors.ts';
import { RESERVED_KEY } from './reserved.ts';

/** A plain decimal number written in a cell ("120.15", "-3", "1e3"), or `null` for anything else. */
export function decimal(cell: string | undefined): number | null {
  const t = (cell ?? '').trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** One data row: its cells by column, its row number in the file (the header is row 1), and whether it has every cell. */
export interface TableRow {
  cells: Record<string, string>;
  row: number;
  /** As many cells as the header has columns (a row cut short or with extra cells is not). */
  complete: boolean;
}

export interface CsvTable {
  fields: string[];
  rows: TableRow[];
  /** Quoting problems by row, then header problems; at most a few of each. */
  errors: InputError[];
}

/** Papa Parse's problems in our words, by its code (its own English is kept in the English line only). */
const CSV_PROBLEM_WORDS: Partial<Record<string, Words>> = {
  MissingQuotes: { zh: '引号没有闭合（此后的内容都会被读进这个单元格）', en: 'a quote is not closed (everything after it would be read into this cell)' },
  InvalidQuotes: { zh: '引号位置不对（带引号的单元格在闭合引号之后还有字符）', en: 'a quote out of place (characters after the closing quote of a quoted cell)' },
  UndetectableDelimiter: { zh: '无法判断分隔符', en: 'the delimiter cannot be told' },
  TooFewFields: { zh: '单元格比表头少', en: 'fewer cells than the header' },
  TooManyFields: { zh: '单元格比表头多', en: 'more cells than the header' },
};

/** A Papa Parse problem of the file `where`, named by its row (`line`, else Papa's row): our words in Chinese, ours and Papa's in English. */
export function csvProblem(e: Papa.ParseError, where: string, line = (e.row ?? 0) + 1): InputError {
  const words = CSV_PROBLEM_WORDS[e.code] ?? { zh: 'CSV 格式有误', en: 'a CSV format problem' };
  return { path: `${where} row ${line}`, zh: words.zh, en: `${words.en} (${e.message})` };
}

/**
 * Parses `text` (a leading BOM dropped, empty lines skipped); `where` names the file in errors;
 * `header` normalises column names (e.g. trimmed and lower-cased). Pure.
 */
export function readCsvTable(text: string, where: string, header: (name: string) => string = (h) => h): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const errors = parsed.errors.slice(0, 5).map((e) => csvProblem(e, where));
  const [head = [], ...body] = parsed.data;
  const t = tableOf(head, body.map((cells, i) => ({ cells, row: i + 2 })), where, header);
  return { ...t, errors: [...errors, ...t.errors] };
}

/**
 * A table from a header row and data rows (their cells in column order, their row numbers as the
 * file shows them): cells by column name in null-prototype records; a column named twice (after
 * `header`) or `__proto__` is a problem named by `where`. The CSV reader and the worksheet reader share it.
 */
export function tableOf(head: readonly string[], body: readonly { cells: readonly string[]; row: number }[], where: string, header: (name: string) => string): CsvTable {
  const errors: InputError[] = [];
  const fields = head.map(header);
  const first = new Map<string, number>();
  fields.forEach((f, i) => {
    if (f === RESERVED_KEY) errors.push({ path: where, zh: `列名“${RESERVED_KEY}”不能使用（JavaScript 保留了这个名称），请改名`, en: `column "${RESERVED_KEY}" cannot be used (JavaScript reserves the name); rename it` });
    else if (first.has(f)) errors.push({ path: where, zh: `列“${f}”出现了两次（第 ${first.get(f)! + 1} 列和第 ${i + 1} 列），请只保留一列`, en: `column "${f}" appears twice (columns ${first.get(f)! + 1} and ${i + 1}); keep one` });
    else first.set(f, i);
  });
  const rows = body.map(({ cells, row }): TableRow => {
    const record = Object.create(null) as Record<string, string>;
    fields.forEach((f, c) => {
      if (cells[c] !== undefined && first.get(f) === c) record[f] = cells[c];
    });
    return { cells: record, row, complete: cells.length === fields.length };
  });
  return { fields, rows, errors };
}
