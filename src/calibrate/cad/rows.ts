/**
 * A CAD export's rows read into typed rows, each problem counted and named by its row and column:
 * unparseable times, times out of order in a row (a stage with a negative duration), unknown zones,
 * types or agencies (when a scenario says which exist), missing required values, rows of one
 * incident that disagree, and repeated rows. A row with a problem is never used silently: the caller
 * either stops on the problems or drops those rows and says how many.
 */
import { GRADES } from '../../scenario/schema.ts';
import type { InputError, Lang, Words } from '../../scenario/errors.ts';
import { civilFromDays, parseDateTime, secondsBetween } from '../../scenario/duration.ts';
import type { Zone } from '../../scenario/scenario.ts';
import { nearestZone } from '../../geo/zones.ts';
import { TIME_FIELDS, type Field, type Mapping, type TimeField } from './columns.ts';
import { decimal } from '../../scenario/table.ts';
import { listWords } from '../../report/list-words.ts';

/** The records of a run a row was made from: an incident, and the unit sent to it when there was one. */
export interface RunRecord {
  incident: string;
  unit?: string;
}

/** A run's records in words, ids as written: `incident inc-000144, unit F1-E-1` (事件 inc-000144，单位 F1-E-1). */
export const recordWords = (r: RunRecord): Words => ({
  zh: `事件 ${r.incident}${r.unit === undefined ? '' : `，单位 ${r.unit}`}`,
  en: `incident ${r.incident}${r.unit === undefined ? '' : `, unit ${r.unit}`}`,
});

/** One unit dispatched to an incident (or an incident alone), as read. Times are absolute seconds (UTC). */
export interface CadRow {
  /** Line in the file (the header is line 1); for a row made from a run's records, its place in the list. */
  row: number;
  /** For a row made from a run's records, the records it comes from: a problem names them, as there is no such line in any file. */
  record?: RunRecord;
  incidentId: string;
  type: string;
  /** Grade index 0 (IV) … 3 (I), or null. */
  grade: number | null;
  zone: string | null;
  lon: number | null;
  lat: number | null;
  unit: string | null;
  agency: string | null;
  unitType: string | null;
  hospital: string | null;
  t: Partial<Record<TimeField, number>>;
}

/** The kinds of row problem, as counted in the report. */
export const PROBLEM_KINDS = ['fields', 'missing', 'time', 'negative', 'order', 'long', 'outlier', 'zone', 'type', 'agency', 'grade', 'number', 'conflict', 'duplicate'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** A problem with one row, said in both languages (`zh`, `en`). */
export interface RowProblem extends Words {
  row: number;
  /** The records of a run the row was made from (see {@link CadRow.record}). */
  record?: RunRecord;
  column: string;
  kind: ProblemKind;
}

/**
 * Where a problem is, in `lang`, to follow a file's name: ` row 7` (` 第 7 行`) of a file, or
 * ` (incident inc-000144, unit F1-E-1)` (`（事件 inc-000144，单位 F1-E-1）`) of a run's records.
 */
export function problemPlace(p: RowProblem, lang: Lang): string {
  if (p.record) return lang === 'zh' ? `（${recordWords(p.record).zh}）` : ` (${recordWords(p.record).en})`;
  return lang === 'zh' ? ` 第 ${p.row} 行` : ` row ${p.row}`;
}

/** Where a problem is as a table's cell says it, in `lang`: the row's number, or the run's records in words. */
export const problemRow = (p: RowProblem, lang: Lang): string | number => (p.record ? recordWords(p.record)[lang] : p.row);

/** What the rows are checked against: the scenario's zones, types and agencies when one is given. */
export interface CadContext {
  zones: readonly Zone[] | null;
  types: ReadonlySet<string> | null;
  agencies: ReadonlySet<string> | null;
  /** UTC offset (s) of local time (for messages). */
  offsetS: number;
}

/** A table as read from a file: the header and the data rows (the first data row is line 2). */
export interface Table {
  header: string[];
  rows: string[][];
  /** Line in the file of each data row, when it is not simply its index + 2 (a quoted value over several lines). */
  lines?: number[];
}

/** The stage each time field ends, for messages on negative durations (from the field before it). */
const STAGE: Partial<Record<TimeField, Words>> = {
  t_answer: { zh: '接听等待', en: 'answer wait' },
  t_call_end: { zh: '接警通话', en: 'call handling' },
  t_enroute: { zh: '出车准备', en: 'turnout' },
  t_arrive: { zh: '行驶', en: 'travel' },
  t_clear: { zh: '现场处置', en: 'on-scene time' },
  t_hospital: { zh: '送医', en: 'transport' },
  t_available: { zh: '医院交接', en: 'handover' },
};
/** Which earlier fields a time must not precede: the call chain and the unit chain. */
const BEFORE: Record<TimeField, TimeField[]> = {
  t_call: [],
  t_answer: ['t_call'],
  t_call_end: ['t_answer', 't_call'],
  t_alert: ['t_answer', 't_call'],
  t_enroute: ['t_alert', 't_answer', 't_call'],
  t_arrive: ['t_enroute', 't_alert', 't_answer', 't_call'],
  t_clear: ['t_arrive', 't_enroute', 't_alert', 't_answer', 't_call'],
  t_hospital: ['t_clear', 't_arrive', 't_enroute', 't_alert', 't_answer', 't_call'],
  t_available: ['t_hospital', 't_clear', 't_arrive', 't_enroute', 't_alert', 't_answer', 't_call'],
};

const CAD_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Absolute seconds (UTC) of a CAD time: "2025-03-01 14:05:07", "2025/3/1 9:05", ISO with T, with
 * fractions of a second and with an offset; without an offset the time is read at `offsetS`.
 */
export function parseCadTime(text: string, offsetS: number): number | null {
  const m = CAD_TIME.exec(text.trim());
  if (!m) return null;
  const p2 = (x: string) => x.padStart(2, '0');
  const wc = parseDateTime(`${m[1]}-${p2(m[2])}-${p2(m[3])}T${p2(m[4])}:${m[5]}:${m[6] ?? '00'}${m[8] ?? ''}`, false);
  if (!wc) return null;
  if (m[8] === undefined) wc.offsetS = offsetS;
  return secondsBetween({ dayNumber: 0, secondOfDay: 0, offsetS: 0 }, wc) + (m[7] ? Number(m[7]) : 0);
}

/** A CAD time for messages, in the export's local time: "2025-03-01 14:05:07". */
export function formatCadTime(absS: number, offsetS: number): string {
  const local = absS + offsetS;
  const day = Math.floor(local / 86400);
  const sod = local - day * 86400;
  const p2 = (x: number) => String(Math.floor(x)).padStart(2, '0');
  const { year, month, day: d } = civilFromDays(day);
  return `${year}-${p2(month)}-${p2(d)} ${p2(sod / 3600)}:${p2((sod % 3600) / 60)}:${p2(sod % 60)}`;
}

/** "YYYY-MM-DD" of a local day number. */
export function dateOfDay(day: number): string {
  const { year, month, day: d } = civilFromDays(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Why a row has `cells.length` fields where the header has `width`. A value that runs over a line
 * break in a row too wide is most likely two rows joined: papaparse takes the file's line end from
 * its first line, so in a file of CRLF lines a lone LF (a line edited elsewhere) is text, not a row's end.
 */
function widthWords(cells: readonly string[], width: number): Words {
  const base = { zh: `${cells.length} 列，表头为 ${width} 列`, en: `${cells.length} fields, the header has ${width}` };
  const k = cells.length > width ? cells.findIndex((c) => c.includes('\n') || c.includes('\r')) : -1;
  if (k < 0) return base;
  return {
    zh: `${base.zh}：第 ${k + 1} 列的值跨了一个换行，这一行多半和下一行连在了一起——文件里有的行以 CRLF 结尾、有的只以 LF 结尾时就会这样，请统一换行符后再读`,
    en: `${base.en}: field ${k + 1} runs over a line break, so this row was most likely joined with the next — as happens when some lines of the file end in CRLF and others in LF only; make the line ends the same and read it again`,
  };
}

/**
 * Reads every data row of `table` with the column indices `cols` and the value translations of
 * `mapping`: text into typed rows, with the problems of reading (missing values, unparseable times,
 * positions and grades). Times without an offset are read at `offsetS`.
 */
export function readRows(table: Table, cols: Partial<Record<Field, number>>, mapping: Mapping, offsetS: number): { rows: CadRow[]; problems: RowProblem[] } {
  const rows: CadRow[] = [];
  const problems: RowProblem[] = [];
  table.rows.forEach((cells, i) => {
    const line = table.lines?.[i] ?? i + 2;
    // A blank line (the one after the last row, say) is not a row.
    if (cells.every((c) => c.trim() === '')) return;
    const bad = (f: Field, kind: ProblemKind, words: Words) => problems.push({ row: line, column: cols[f] === undefined ? f : table.header[cols[f]!], kind, zh: words.zh, en: words.en });
    if (cells.length !== table.header.length) {
      // Too few fields (a row cut short) or too many (a comma in an unquoted value): which value is in
      // which column is a guess, so the row is bad as a whole; its incident is kept only to be counted.
      problems.push({ row: line, column: '', kind: 'fields', ...widthWords(cells, table.header.length) });
      rows.push({ row: line, incidentId: cols.incident_id === undefined ? '' : (cells[cols.incident_id] ?? '').trim(), type: '', grade: null, zone: null, lon: null, lat: null, unit: null, agency: null, unitType: null, hospital: null, t: {} });
      return;
    }
    const raw = (f: Field) => (cols[f] === undefined ? '' : (cells[cols[f]!] ?? '').trim());
    const val = (f: Field) => {
      const v = raw(f);
      const map = (mapping.values as Record<string, Record<string, string> | undefined>)[f];
      // Only the mapping's own keys: a cell reading "toString" is a value like any other.
      return map && Object.hasOwn(map, v) ? map[v] : v;
    };
    const incidentId = val('incident_id');
    const type = val('type');
    if (incidentId === '') bad('incident_id', 'missing', { zh: '缺少事件编号', en: 'no incident number' });
    if (type === '') bad('type', 'missing', { zh: '缺少事件类型', en: 'no incident type' });
    let grade: number | null = null;
    const g = val('grade').toUpperCase();
    if (g !== '') {
      grade = GRADES.indexOf(g as never);
      if (grade < 0) bad('grade', 'grade', { zh: `等级必须是 ${GRADES.join('、')} 之一；实际为“${raw('grade')}”`, en: `grade must be one of ${GRADES.join(', ')}, got "${raw('grade')}"` });
    }
    const t: Partial<Record<TimeField, number>> = {};
    for (const f of TIME_FIELDS) {
      const text = raw(f);
      if (text === '') continue;
      const abs = parseCadTime(text, offsetS);
      if (abs === null) bad(f, 'time', { zh: `无法识别的时间：“${text}”（应形如 2025-03-01 14:05:07）`, en: `not a time: "${text}" (expected like 2025-03-01 14:05:07)` });
      else t[f] = abs;
    }
    if (raw('t_call') === '') bad('t_call', 'missing', { zh: '缺少接警时间', en: 'no call time' });
    const { lon, lat } = readPosition(raw('lon'), raw('lat'), bad);
    rows.push({ row: line, incidentId, type, grade, zone: val('zone') || null, lon, lat, unit: val('unit') || null, agency: val('agency') || null, unitType: val('unit_type') || null, hospital: val('hospital') || null, t });
  });
  return { rows, problems };
}

type Bad = (f: Field, kind: ProblemKind, words: Words) => void;

function readPosition(lonText: string, latText: string, bad: Bad): { lon: number | null; lat: number | null } {
  if (lonText === '' && latText === '') return { lon: null, lat: null };
  const lon = decimal(lonText) ?? NaN;
  const lat = decimal(latText) ?? NaN;
  if (lonText === '' || !(Math.abs(lon) <= 180)) bad('lon', 'number', { zh: `经度无效：“${lonText}”`, en: `not a longitude: "${lonText}"` });
  else if (latText === '' || !(Math.abs(lat) <= 90)) bad('lat', 'number', { zh: `纬度无效：“${latText}”`, en: `not a latitude: "${latText}"` });
  else return { lon, lat };
  return { lon: null, lat: null };
}

/**
 * Checks typed rows (from an export or a run folder): times in order, zones, types and agencies the
 * scenario knows, rows of one incident that agree, no repeated rows. Rows without a zone but with a
 * position get the nearest zone of the scenario. `column` names a problem's column (the export's header).
 */
export function checkRows(rows: readonly CadRow[], ctx: CadContext, column: (f: Field) => string = (f) => f): { rows: CadRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const seen = new Map<string, { row: number; type: string; zone: string | null; tCall: number | undefined }>();
  const seenDispatch = new Set<string>();
  const zoneIds = ctx.zones ? new Set(ctx.zones.map((z) => z.id)) : null;
  // Calls far outside the export's bulk (a mistyped year) would stretch its period: beyond twice the
  // interquartile range of call times (plus a week) past the quartiles, which a steady export never reaches.
  const callDays = rows.map((r) => r.t.t_call).filter((t): t is number => t !== undefined).sort((a, b) => a - b);
  const q = (p: number) => callDays[Math.min(callDays.length - 1, Math.floor(p * callDays.length))];
  const iqr = callDays.length ? q(0.75) - q(0.25) : 0;
  const callWindow = callDays.length ? [q(0.25) - 2 * iqr - 7 * 86400, q(0.75) + 2 * iqr + 7 * 86400] : [-Infinity, Infinity];
  const bulk = callDays.filter((t) => t >= callWindow[0] && t <= callWindow[1]);
  const out = rows.map((r0) => {
    const r = { ...r0 };
    const bad = (f: Field, kind: ProblemKind, words: Words) => problems.push({ row: r.row, ...(r.record ? { record: r.record } : {}), column: column(f), kind, zh: words.zh, en: words.en });
    if (r.type !== '' && ctx.types && !ctx.types.has(r.type)) {
      const has = listWords(ctx.types);
      bad('type', 'type', { zh: `未知的事件类型“${r.type}”（场景中有：${has.zh}）`, en: `unknown incident type "${r.type}" (the scenario has: ${has.en})` });
    }
    if (r.agency && ctx.agencies && !ctx.agencies.has(r.agency)) {
      const has = listWords(ctx.agencies);
      bad('agency', 'agency', { zh: `未知的联动单位“${r.agency}”（场景中有：${has.zh}）`, en: `unknown agency "${r.agency}" (the scenario has: ${has.en})` });
    }
    if (r.zone !== null && zoneIds && !zoneIds.has(r.zone)) {
      // A long list of zones would bury the problem: named only when there are a few.
      const has = zoneIds.size <= 20 ? listWords(zoneIds) : null;
      bad('zone', 'zone', { zh: `未知的区域“${r.zone}”${has ? `（场景中有：${has.zh}）` : ''}`, en: `unknown zone "${r.zone}"${has ? ` (the scenario has: ${has.en})` : ''}` });
    }
    if (r.zone === null && r.lon !== null && r.lat !== null && ctx.zones) r.zone = nearestZone(ctx.zones, { lon: r.lon, lat: r.lat })?.id ?? null;
    checkOrder(r.t, ctx.offsetS, bad);
    if (r.t.t_call !== undefined && (r.t.t_call < callWindow[0] || r.t.t_call > callWindow[1])) {
      const [day, from, to] = [r.t.t_call, bulk[0], bulk[bulk.length - 1]].map((t) => formatCadTime(t, ctx.offsetS).slice(0, 10));
      bad('t_call', 'outlier', { zh: `接警日期 ${day} 远离其他来电（其余在 ${from} – ${to} 之间）：日期是否输错？`, en: `call on ${day}, far outside the other calls (${from} – ${to} for the rest): a mistyped date?` });
    }
    if (r.incidentId !== '') {
      // Rows of one incident repeat its fields: they must agree.
      const first = seen.get(r.incidentId);
      if (!first) seen.set(r.incidentId, { row: r.row, type: r.type, zone: r.zone, tCall: r.t.t_call });
      else {
        const id = r.incidentId;
        if (first.type !== r.type) bad('type', 'conflict', { zh: `事件 ${id} 在第 ${first.row} 行的类型为“${first.type}”，此处却为“${r.type}”`, en: `incident ${id} has type "${first.type}" in row ${first.row} but "${r.type}" here` });
        else if (first.zone !== r.zone) bad('zone', 'conflict', { zh: `事件 ${id} 在第 ${first.row} 行位于区域“${first.zone}”，此处却为“${r.zone}”`, en: `incident ${id} is in zone "${first.zone}" in row ${first.row} but "${r.zone}" here` });
        else if (first.tCall !== r.t.t_call) bad('t_call', 'conflict', { zh: `事件 ${id} 在第 ${first.row} 行的接警时间与此处不同`, en: `incident ${id} has another call time in row ${first.row}` });
      }
      const key = `${r.incidentId}\u0000${r.unit ?? ''}\u0000${r.t.t_alert ?? ''}`;
      if (r.unit !== null && seenDispatch.has(key)) bad('unit', 'duplicate', { zh: `车辆 ${r.unit} 在事件 ${r.incidentId} 中以相同的派车时间出现两次`, en: `unit ${r.unit} appears twice for incident ${r.incidentId} with the same alert time` });
      seenDispatch.add(key);
    }
    return r;
  });
  return { rows: out, problems };
}

/** Longest a stage of a response may take before it is taken for a mistyped date (7 days). */
export const MAX_STAGE_S = 7 * 86400;

/** Times out of order: a stage with a negative duration (adjacent stamps) or stamps out of order; stages over a week. */
function checkOrder(t: Partial<Record<TimeField, number>>, offsetS: number, bad: Bad): void {
  for (const f of TIME_FIELDS) {
    if (t[f] === undefined) continue;
    // The nearest earlier stamp in the chain that is present.
    const prev = BEFORE[f].find((p) => t[p] !== undefined);
    if (prev === undefined) continue;
    const [at, atPrev] = [formatCadTime(t[f]!, offsetS), formatCadTime(t[prev]!, offsetS)];
    if (t[f]! - t[prev]! > MAX_STAGE_S) {
      const days = Math.round((t[f]! - t[prev]!) / 86400);
      bad(f, 'long', {
        zh: `${f}（${at}）比 ${prev}（${atPrev}）晚 ${days} 天：超过任何处置环节的时长（日期是否输错？）`,
        en: `${f} (${at}) is ${days} days after ${prev} (${atPrev}): longer than any stage of a response (a mistyped date?)`,
      });
      continue;
    }
    if (t[f]! >= t[prev]!) continue;
    const gapS = Math.round((t[prev]! - t[f]!) * 1000) / 1000;
    const when = { zh: `${f}（${at}）比 ${prev}（${atPrev}）早 ${gapS} 秒`, en: `${f} (${at}) is ${gapS} s before ${prev} (${atPrev})` };
    const stage = STAGE[f];
    if (BEFORE[f][0] === prev && stage !== undefined) bad(f, 'negative', { zh: `${when.zh}：${stage.zh}时长为负（−${gapS} 秒）`, en: `${when.en}: a negative ${stage.en} of −${gapS} s` });
    else bad(f, 'order', { zh: `${when.zh}：时间先后颠倒`, en: `${when.en}: times out of order` });
  }
}
