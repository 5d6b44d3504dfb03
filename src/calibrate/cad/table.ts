/** A CSV export as a table of text cells (papaparse; RFC 4180 quoting, any line ends). */
import Papa from 'papaparse';
import type { InputError, Result, Words } from '../../scenario/errors.ts';
import type { Table } from './rows.ts';
import { csvProblem } from '../../scenario/table.ts';

/**
 * Reads CSV text (already decoded) into a header and rows, with the line each row starts on (a quoted
 * value may span lines); `where` names the file in errors. Blank lines are rows of one empty cell,
 * which the row reader passes over.
 */
export function csvTable(text: string, where: string): Result<Table> {
  const body = text.replace(/^\uFEFF/, '');
  const data: string[][] = [];
  const lines: number[] = [];
  const errors: InputError[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(body, {
    step: (r) => {
      for (const e of r.errors) if (e.type === 'Quotes' && errors.length < 5) errors.push(csvProblem(e, where, line));
      data.push(r.data);
      lines.push(line);
      const end = r.meta.cursor;
      for (let k = start; k < end; k++) if (body.charCodeAt(k) === 10) line++;
      start = end;
    },
  });
  if (errors.length) return { ok: false, errors };
  // Lines before the header that are blank are not the header.
  let h = 0;
  while (h < data.length && data[h].every((c) => c.trim() === '')) h++;
  const header = data[h];
  if (!header) return { ok: false, errors: [{ path: where, zh: '文件为空（没有表头行）', en: 'the file is empty (no header row)' }] };
  return { ok: true, value: { header: header.map((c) => c.trim()), rows: data.slice(h + 1), lines: lines.slice(h + 1) } };
}
