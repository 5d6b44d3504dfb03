/** A CSV export as a table of text cells (papaparse; RFC 4180 quoting, any line ends). */
import Papa from 'papaparse';
import type { InputError, Result, Words } from '../../scenario/errors.ts';
import type { Table } from './rows.ts';

/** Papa Parse's quoting problems in our words, by its code (its own English is kept in the English line). */
const QUOTE_WORDS: Partial<Record<string, Words>> = {
  MissingQuotes: { zh: '引号没有闭合（此后的内容都会被读进这个单元格）', en: 'a quote is not closed (everything after it would be read into this cell)' },
  InvalidQuotes: { zh: '引号位置不对（带引号的单元格在闭合引号之后还有字符）', en: 'a quote out of place (characters after the closing quote of a quoted cell)' },
};

/** A quoting problem at `line` of the file `where`, in Chinese words only in the Chinese line. */
function quoteProblem(e: Papa.ParseError, line: number, where: string): InputError {
  const words = QUOTE_WORDS[e.code] ?? { zh: 'CSV 的引号有误', en: 'a CSV quoting problem' };
  return { path: `${where} row ${line}`, zh: words.zh, en: `${words.en} (${e.message})` };
}

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
      for (const e of r.errors) if (e.type === 'Quotes' && errors.length < 5) errors.push(quoteProblem(e, line, where));
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
