/**
 * Reading a history for `calibrate` and `validate-history`: a CAD export (CSV in any of the encodings
 * the scenario reader takes, or .xlsx) through a column mapping, or a linkdrill run folder with no mapping;
 * then the row-by-row problems, printed one per line (`cad.csv row 42, column 到场时间: not a time …`).
 */
import type { HistoryUse } from '../calibrate/resolution.ts';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseDataText } from '../scenario/load.ts';
import type { Lang, Result } from '../scenario/errors.ts';
import { notRecords, tryStat } from './wrong-kind.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { IDENTITY_MAPPING, parseMapping, type Mapping } from '../calibrate/cad/columns.ts';
import { csvTable } from '../calibrate/cad/table.ts';
import { offsetSeconds, readCadTable, readRunRows, type ReadHistory } from '../calibrate/cad/read.ts';
import { runFolderRows } from '../calibrate/cad/records.ts';
import { startOf } from '../calibrate/cad/records.ts';
import { PROBLEM_KINDS, problemPlace, type RowProblem, type Table } from '../calibrate/cad/rows.ts';
import { xlsxTable } from '../calibrate/cad/xlsx.ts';
import { PROBLEM_KIND_WORDS } from '../calibrate/i18n.ts';
import { missingWords, readBytesFile, readFolderFiles, readTextFile } from './io.ts';
import { RECORD_CSV_FILES } from '../report/read.ts';

export interface LoadedHistory {
  read: ReadHistory;
  kind: 'cad' | 'run';
  name: string;
  mapping: Mapping;
}

/** A name only a file has (a CAD export): when it is missing, it is a file not found, not a folder. */
const HISTORY_FILE = /\.(csv|tsv|txt|xlsx)$/i;

/** Reads the history at `path` (a file or a run folder). */
export async function loadHistory(path: string, o: { mappingPath?: string; scenario: Scenario | null; drop: boolean; rep: number; use: HistoryUse }): Promise<Result<LoadedHistory>> {
  if (!existsSync(path)) return { ok: false, errors: [{ path, ...missingWords(path, HISTORY_FILE) }] };
  const name = basename(path);
  const st = tryStat(path);
  const wrong = st?.isFile() ? notRecords(path) : null;
  if (wrong) return { ok: false, errors: [{ path, ...wrong }] };
  if (st?.isDirectory()) {
    // A file of the folder that is there but cannot be read (a folder, no permission) is named, not an internal error.
    const { files, errors } = readFolderFiles(path, ['run.json', ...RECORD_CSV_FILES, 'events.csv']);
    if (errors.length) return { ok: false, errors };
    if (files['run.json'] === undefined) return { ok: false, errors: [{ path: join(path, 'run.json'), zh: '缺失——历史记录文件夹须是 linkdrill run 写出的运行文件夹', en: 'missing — a history folder must be one written by linkdrill run' }] };
    const r = runFolderRows(files, o.rep);
    if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ ...e, path: join(path, e.path) })) };
    // A run folder needs no column mapping; a mapping file may still give zone classes.
    const m = o.mappingPath ? readMapping(o.mappingPath) : { ok: true as const, value: IDENTITY_MAPPING };
    if (!m.ok) return m;
    return { ok: true, value: { read: readRunRows(r.value.rows, r.value.offsetS, o.scenario, o.drop), kind: 'run', name, mapping: m.value } };
  }
  let mapping = IDENTITY_MAPPING;
  if (o.mappingPath) {
    const m = readMapping(o.mappingPath);
    if (!m.ok) return m;
    mapping = m.value;
  }
  let table: Result<Table>;
  if (/\.xlsx$/i.test(path)) {
    const bytes = readBytesFile(path);
    if (!bytes.ok) return bytes;
    table = await xlsxTable(bytes.value, name, mapping.sheet);
  } else {
    const text = readTextFile(path);
    if (!text.ok) return text;
    table = csvTable(text.value, name);
  }
  if (!table.ok) return table;
  // Times without an offset are local: at the mapping's offset, else the scenario's.
  const start = o.scenario ? startOf(o.scenario.start) : null;
  const read = readCadTable(table.value, mapping, o.scenario, name, o.drop, mapping.utcOffset ? offsetSeconds(mapping.utcOffset) : start?.offsetS ?? 0, o.use);
  if (!read.ok) return read;
  return { ok: true, value: { read: read.value, kind: 'cad', name, mapping } };
}

/** A column-mapping file (YAML or JSON). */
function readMapping(path: string): Result<Mapping> {
  const text = readTextFile(path);
  if (!text.ok) return text;
  const parsed = parseDataText(text.value, path);
  return parsed.ok ? parseMapping(parsed.value, path) : parsed;
}

/** One line per problem (the first `limit`) in `lang`, then the counts by kind (kinds as problems.csv names them). */
export function problemLines(name: string, problems: readonly RowProblem[], lang: Lang, limit = 200): string[] {
  // A problem of the whole row (too few or too many fields) has no column to name.
  const lines = problems.slice(0, limit).map((p) =>
    lang === 'en' ? `${name}${problemPlace(p, 'en')}${p.column ? `, column ${p.column}` : ''}: ${p.en}` : `${name}${problemPlace(p, 'zh')}${p.column ? `“${p.column}”列` : ''}：${p.zh}`,
  );
  if (problems.length > limit) {
    const counts = PROBLEM_KINDS.map((k) => [k, problems.filter((p) => p.kind === k).length] as const).filter(([, n]) => n > 0);
    // The kinds in words of the line's language, as the report names them (problems.csv keeps the codes).
    const listed = counts.map(([k, n]) => (lang === 'zh' ? `${PROBLEM_KIND_WORDS[k].zh} ${n}` : `${PROBLEM_KIND_WORDS[k].en}: ${n}`)).join(lang === 'zh' ? '，' : ', ');
    const more = problems.length - limit;
    lines.push(lang === 'zh' ? `……另有 ${more} 个问题（按类别合计：${listed}）` : `… and ${more} more problems (${listed} in all)`);
  }
  return lines;
}

/** What to tell the user, in `lang`, when rows have problems and were not dropped. */
export function refuseProblems(name: string, problems: readonly RowProblem[], lang: Lang): string {
  const rows = new Set(problems.map((p) => p.row)).size;
  const n = problems.length;
  const last = lang === 'zh' ? `${name}：${rows} 行共有 ${n} 个问题；请修正，或用 --drop-bad-rows 剔除这些行` : `${name}: ${n} problem${n > 1 ? 's' : ''} in ${rows} row${rows > 1 ? 's' : ''}; fix them, or leave those rows out with --drop-bad-rows`;
  return [...problemLines(name, problems, lang), last].join('\n');
}
