/**
 * The MSEL (演练脚本, master scenario events list) as trainers write it in a spreadsheet: a CSV with
 * one inject per row. Headers may be English or Chinese; `params` is `key=value; key=value`;
 * `expected` lists expected-action ids. Every bad row or cell is named
 * (`msel.csv row 7, column time: "25:00" is not a time`). The text arrives decoded (UTF-8 with or
 * without a BOM, or GB18030 — see `decodeText`).
 */
import Papa from 'papaparse';
import type { InputError, Words } from '../scenario/errors.ts';
import { parseDuration } from '../scenario/duration.ts';
import { csvProblem } from '../scenario/table.ts';
import type { InjectInput } from './schema.ts';
import { notATime } from './problems.ts';

/** Seconds from the exercise start in a written time: seconds, a duration ("25m"), or "h:mm[:ss]". Null when it is none. */
export function parseRelTime(v: number | string): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : null;
  const s = v.trim();
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (clock) {
    const [h, m, sec] = [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)];
    return h < 24 && m < 60 && sec < 60 ? h * 3600 + m * 60 + sec : null;
  }
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return parseDuration(s.replace(/^T\+/i, ''));
}

/** Column names trainers use, English and Chinese, for each field. */
const ALIASES: Record<string, string[]> = {
  id: ['id', '编号', '序号'],
  time: ['time', 't', '时间', '时刻'],
  phase: ['phase', '阶段'],
  from: ['from', '发送方', '发出'],
  to: ['to', '接收方', '接收'],
  kind: ['kind', 'type', '类型', '类别'],
  synopsis: ['synopsis', '内容', '概要', '信息内容'],
  synopsis_zh: ['synopsis_zh', '内容（中文）'],
  synopsis_en: ['synopsis_en', '内容（英文）'],
  params: ['params', '参数'],
  expected: ['expected', '预期行动', '预期响应'],
  contingency_unless: ['contingency_unless', '未完成行动'],
  contingency_by: ['contingency_by', '应急时限'],
};

/** An empty cell or file, in both languages. */
export const IS_EMPTY: Words = { zh: '为空', en: 'is empty' };

/** `key=value; key=value` → an object; numbers and booleans typed; a problem named by its key. */
export function parseParams(text: string): { params: Record<string, unknown>; error?: Words } {
  const params: Record<string, unknown> = {};
  for (const part of text.split(/[;；]/)) {
    const p = part.trim();
    if (p === '') continue;
    const eq = p.indexOf('=');
    if (eq <= 0) return { params, error: { zh: `“${p}”不是 key=value 的形式`, en: `"${p}" is not key=value` } };
    const key = p.slice(0, eq).trim();
    const raw = p.slice(eq + 1).trim();
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return { params, error: { zh: `“${key}”不能用作参数名`, en: `"${key}" is not a parameter name` } };
    params[key] = raw === 'true' ? true : raw === 'false' ? false : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  return { params };
}

/** A MSEL as a table: its header, and each row's cells by column with the row's number in the file. */
export interface MselTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/** A MSEL CSV as a table (row 1 is the header). */
export function csvTable(text: string, where: string): { table: MselTable | null; errors: InputError[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  if (parsed.data.length === 0) return { table: null, errors: [{ path: where, ...IS_EMPTY }] };
  const errors = parsed.errors.slice(0, 10).map((e) => csvProblem(e, where));
  return { table: { header: parsed.data[0], rows: parsed.data.slice(1).map((cells, i) => ({ line: i + 2, cells })) }, errors };
}

/**
 * Injects from a MSEL CSV, as the package format writes them inline, with the CSV row of each (for
 * errors found later). `where` names the file in errors.
 */
export function readMselCsv(text: string, where: string): { injects: (InjectInput & { row: number })[]; errors: InputError[] } {
  const t = csvTable(text, where);
  if (!t.table) return { injects: [], errors: t.errors };
  const r = readMselTable(t.table, where);
  return { injects: r.injects, errors: [...t.errors, ...r.errors] };
}

/** Injects from a MSEL table (a CSV's or a workbook's); every bad row or cell is named by row and column. */
export function readMselTable(table: MselTable, where: string): { injects: (InjectInput & { row: number })[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const header = table.header.map((h) => h.trim());
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    const field = Object.keys(ALIASES).find((f) => ALIASES[f].includes(h.toLowerCase()) || ALIASES[f].includes(h));
    if (field && !col.has(field)) col.set(field, i);
  });
  const need = ['id', 'time', 'kind'];
  const missing = need.filter((f) => !col.has(f));
  if (!col.has('synopsis') && !(col.has('synopsis_zh') && col.has('synopsis_en'))) missing.push('synopsis');
  if (missing.length) return { injects: [], errors: [{ path: `${where} row 1`, zh: `缺少列 ${missing.join('、')}（可用的列：${Object.keys(ALIASES).join('、')}）`, en: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (columns: ${Object.keys(ALIASES).join(', ')})` }] };
  const injects: (InjectInput & { row: number })[] = [];
  for (const { line: row, cells: r } of table.rows) {
    const cell = (f: string) => (col.has(f) ? (r[col.get(f)!] ?? '').trim() : '');
    const at = (f: string) => `${where} row ${row}, column ${header[col.get(f)!]}`;
    if (r.length !== header.length) errors.push({ path: `${where} row ${row}`, zh: `有 ${r.length} 个单元格，表头有 ${header.length} 列`, en: `has ${r.length} cells, the header has ${header.length}` });
    const id = cell('id');
    if (id === '') {
      errors.push({ path: at('id'), ...IS_EMPTY });
      continue;
    }
    // A contingency inject is timed by its contingency_by; its own time may stay empty.
    const timeText = cell('time') || cell('contingency_by');
    if (parseRelTime(timeText) === null) {
      errors.push({ path: at('time'), zh: `“${timeText}”不是时间（应为距演练开始的 h:mm，或 25m 这样的时长）`, en: `"${timeText}" is not a time (h:mm from the exercise start, or a duration like 25m)` });
      continue;
    }
    const { params, error } = parseParams(cell('params'));
    if (error) {
      errors.push({ path: at('params'), ...error });
      continue;
    }
    const zh = cell('synopsis_zh') || cell('synopsis');
    const en = cell('synopsis_en') || cell('synopsis');
    if (zh === '' || en === '') {
      errors.push({ path: at(col.has('synopsis') ? 'synopsis' : 'synopsis_zh'), ...IS_EMPTY });
      continue;
    }
    const unless = cell('contingency_unless');
    const by = cell('contingency_by');
    if ((unless === '') !== (by === '')) {
      errors.push({
        path: at(unless === '' ? 'contingency_by' : 'contingency_unless'),
        zh: '应急注入需要同时给出预期行动（contingency_unless）和时限（contingency_by）',
        en: 'a contingency needs both the expected action (contingency_unless) and its time (contingency_by)',
      });
      continue;
    }
    if (by !== '' && parseRelTime(by) === null) {
      errors.push({ path: at('contingency_by'), ...notATime(by) });
      continue;
    }
    injects.push({
      row,
      id,
      t: timeText,
      phase: cell('phase') || undefined,
      from: cell('from') || undefined,
      to: cell('to') || undefined,
      kind: cell('kind'),
      synopsis: zh === en ? zh : { zh, en },
      params,
      expected: cell('expected').split(/[\s,，;；]+/).filter(Boolean),
      contingency: unless ? { unless, by } : undefined,
    });
  }
  return { injects, errors };
}
