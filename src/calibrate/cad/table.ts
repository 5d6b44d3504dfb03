/** A CSV export as a table of text cells (papaparse; RFC 4180 quoting, any line ends). */
import Papa from 'papaparse';
import type { Result } from '../../scenario/errors.ts';
import { csvProblem } from '../../scenario/table.ts';
import type { Table } from './rows.ts';

/** Reads CSV text (already decoded) into a header and rows; `where` names the file in errors. */
export function csvTable(text: string, where: string): Result<Table> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const fatal = parsed.errors.filter((e) => e.type === 'Quotes');
  if (fatal.length) return { ok: false, errors: fatal.slice(0, 5).map((e) => csvProblem(e, where)) };
  const [header, ...rows] = parsed.data;
  if (!header || header.every((h) => h.trim() === '')) return { ok: false, errors: [{ path: where, zh: '文件为空（没有表头行）', en: 'the file is empty (no header row)' }] };
  return { ok: true, value: { header: header.map((h) => h.trim()), rows } };
}
