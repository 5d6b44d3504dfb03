/**
 * CSV output — the contract other tools read. Column names and order are fixed here; times are
 * seconds from scenario start rounded to 3 decimals, empty where a step never happened; booleans are
 * 1/0. Text cells that a spreadsheet would run as a formula (=, +, -, @ …) get a leading apostrophe.
 * Lines are made one at a time, so a run can stream its files (see `run-folder.ts`).
 */
import type { AgencyRecord, CallRecord, DepotRecord, DispatchRecord, IncidentRecord, RunRecords, UnitRecord } from '../engine/records.ts';
import type { LogEvent } from '../engine/log.ts';
import { thousandths } from '../metrics/round.ts';
import type { CsvEncoder } from './csv-encoder.ts';
import { eventDetail, putDetail } from './event-detail.ts';

/** What a cell holds before it is written. */
export type Cell = string | number | boolean | null | undefined;

/** Numbers with at most 3 decimals and no trailing zeros; locale-free. */
export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  if (!Number.isFinite(x)) return '';
  // Digits from the integer toFixed(3) would write (much faster than toFixed and a regex).
  const k = thousandths(x);
  if (k === null) {
    const t = x.toFixed(3).replace(/\.?0+$/, '');
    return t === '-0' ? '0' : t;
  }
  if (k === 0) return '0';
  const a = k < 0 ? -k : k;
  const whole = Math.floor(a / 1000);
  const frac = a - whole * 1000;
  const sign = k < 0 ? '-' : '';
  if (frac === 0) return sign + whole;
  if (frac % 100 === 0) return `${sign}${whole}.${frac / 100}`;
  if (frac % 10 === 0) return `${sign}${whole}.${frac < 100 ? '0' : ''}${frac / 10}`;
  return `${sign}${whole}.${frac < 10 ? '00' : frac < 100 ? '0' : ''}${frac}`;
}

/** Makes a text cell safe to open in a spreadsheet (no formula execution). */
export function safeText(s: string): string {
  return startsLikeFormula(s) ? `'${s}` : s;
}

/** A text cell as it was before {@link safeText}: what linkdrill reads back from its own files. */
export function readText(s: string | undefined): string {
  if (s === undefined) return '';
  // Most cells do not start with an apostrophe: no pattern to run for them.
  return s.charCodeAt(0) === 39 && startsLikeFormula(s, 1) ? s.slice(1) : s;
}

/** Whether a spreadsheet reads the character `c` first in a cell as the start of a formula: = + - @ tab CR. */
export const formulaChar = (c: number): boolean => c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;

/** Whether `s` starts like a formula (at `at`, 0 unless given). */
function startsLikeFormula(s: string, at = 0): boolean {
  return formulaChar(s.charCodeAt(at));
}

/**
 * Whether a cell needs quotes: it holds a quote, comma, CR, LF or byte-order mark, or starts or ends
 * with a space (as Papa Parse quotes, which read.ts parses with).
 */
function needsQuotes(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return true;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10 || c === 0xfeff) return true;
  }
  return false;
}

/** Quotes a cell when its content needs it, doubling its quotes. */
function quote(s: string): string {
  return needsQuotes(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A text cell as written: spreadsheet-safe, then quoted where needed. */
export function textCell(s: string): string {
  return quote(startsLikeFormula(s) ? `'${s}` : s);
}

/** A cell as written: numbers to 3 decimals (never quoted), booleans 1/0, text made spreadsheet-safe. */
function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return textCell(v);
}

/** One CSV line of cells, without its line end. */
export function csvLine(cells: readonly Cell[]): string {
  let out = cell(cells[0]);
  for (let k = 1; k < cells.length; k++) out += ',' + cell(cells[k]);
  return out;
}

/** A header line: column names are quoted where needed but not made spreadsheet-safe. */
export function headerLine(header: readonly string[]): string {
  return header.map(quote).join(',');
}

/** Line end of every CSV file linkdrill writes (RFC 4180 and Excel expect CRLF). */
export const EOL = '\r\n';

/** A file's first text: the UTF-8 byte-order mark where asked (Excel then reads Chinese), and the header. */
export function csvStart(header: readonly string[], options: { bom?: boolean } = {}): string {
  return (options.bom ? '\uFEFF' : '') + headerLine(header) + EOL;
}

/** What ends a table that has no rows: a blank line after the header, as linkdrill has always written it. */
export const EMPTY_END = EOL;

/** A table as CSV text (CRLF line ends, as RFC 4180 and Excel expect). */
export function toCsv(header: readonly string[], rows: readonly Cell[][], options: { bom?: boolean } = {}): string {
  let text = csvStart(header, options);
  for (const r of rows) text += csvLine(r) + EOL;
  return rows.length === 0 ? text + EMPTY_END : text;
}

export const INCIDENT_COLUMNS = [
  'rep', 'incident_id', 'type', 'zone', 'lon', 'lat', 'grade_true', 'grade_initial', 'grade_final',
  't_occur', 't_first_call', 't_answered', 't_verified', 't_plan', 't_first_order', 't_first_dispatch',
  't_first_arrival', 't_full_response', 't_closed', 'callers', 'units_required', 'units_arrived',
  'agencies_required', 'agencies_arrived', 'mutual_aid_units',
  't_reported', 't_approved', 't_experts', 't_command_post', 't_controlled', 'escalations',
  'coordination_wait_s', 'tiers_involved', 'size', 'duplicate_calls', 'orders_refused',
  'queued_requests', 'lost_requests', 't_supplied', 'source', 'under_graded_s',
  'zone_class', 'level_true', 'level_initial', 'level_final', 't_report_update', 't_report_final',
  't_command_post_ordered', 't_decision', 't_graded',
] as const;
export const CALL_COLUMNS = ['rep', 'call_id', 'incident_id', 'channel', 't_arrive', 't_answer', 't_end', 'abandoned', 'kind', 'line'] as const;
export const DISPATCH_COLUMNS = [
  'rep', 'dispatch_id', 'incident_id', 'unit_id', 'agency', 'unit_type', 'mutual_aid', 't_order', 't_alert',
  't_enroute', 't_arrive', 't_clear', 't_available', 'travel_s', 'tier', 'channel', 't_enter', 't_staged',
] as const;
export const AGENCY_COLUMNS = ['rep', 'incident_id', 'agency', 'tier', 't_notified', 'channel', 't_first_arrival', 'units', 't_ordered', 'waits_for'] as const;
export const DEPOT_COLUMNS = ['rep', 'depot', 'item', 'initial', 'restocked', 'drawn', 'final'] as const;
export const UNIT_COLUMNS = [
  'rep', 'unit_id', 'agency', 'station', 'type', 'dispatches', 'busy_s', 'utilization',
  'reports', 'reports_lost', 'report_latency_mean_s', 'report_latency_max_s',
] as const;
export const SUMMARY_COLUMNS = ['rep', 'metric', 'value'] as const;
export const EVENT_COLUMNS = ['rep', 'seq', 't', 'kind', 'incident_id', 'unit_id', 'agency', 'detail'] as const;

const incidentRow = (rep: number, i: IncidentRecord): Cell[] => [
  rep, i.incidentId, i.type, i.zone, i.lon, i.lat, i.gradeTrue, i.gradeInitial, i.gradeFinal,
  i.tOccur, i.tFirstCall, i.tAnswered, i.tVerified, i.tPlan, i.tFirstOrder, i.tFirstDispatch,
  i.tFirstArrival, i.tFullResponse, i.tClosed, i.callers, i.unitsRequired, i.unitsArrived,
  i.agenciesRequired, i.agenciesArrived, i.mutualAidUnits,
  i.tReported, i.tApproved, i.tExperts, i.tCommandPost, i.tControlled, i.escalations,
  i.coordinationWaitS, i.tiersInvolved, i.size, i.duplicateCalls, i.ordersRefused,
  i.queuedRequests, i.lostRequests, i.tSupplied, i.source, i.underGradedS,
  i.zoneClass, i.levelTrue, i.levelInitial, i.levelFinal, i.tReportUpdate, i.tReportFinal,
  i.tCommandPostOrdered, i.tDecision, i.tGraded,
];
const callRow = (rep: number, c: CallRecord): Cell[] => [rep, c.callId, c.incidentId, c.channel, c.tArrive, c.tAnswer, c.tEnd, c.abandoned, c.kind, c.line];
const dispatchRow = (rep: number, d: DispatchRecord): Cell[] => [
  rep, d.dispatchId, d.incidentId, d.unitId, d.agency, d.unitType, d.mutualAid, d.tOrder, d.tAlert,
  d.tEnroute, d.tArrive, d.tClear, d.tAvailable, d.travelS, d.tier, d.channel, d.tEnter, d.tStaged,
];
const agencyRow = (rep: number, a: AgencyRecord): Cell[] => [rep, a.incidentId, a.agency, a.tier, a.tNotified, a.channel, a.tFirstArrival, a.units, a.tOrdered, a.waitsFor];
const depotRow = (rep: number, d: DepotRecord): Cell[] => [rep, d.depot, d.item, d.initial, d.restocked, d.drawn, d.final];
const unitRow = (rep: number, u: UnitRecord): Cell[] => [
  rep, u.unitId, u.agency, u.station, u.type, u.dispatches, u.busyS, u.utilization,
  u.reports, u.reportsLost, u.reportLatencyMeanS, u.reportLatencyMaxS,
];
/** One event's cells in `events.csv`. */
export const eventRow = (rep: number, e: LogEvent): Cell[] => [rep, e.seq, e.t, e.kind, e.incident, e.unit, e.agency, eventDetail(e)];

/**
 * Writes `eventRow(rep, e)` as one line straight into `enc`, without the array (a run writes an
 * event line per step). Kinds are fixed words that need neither guard nor quotes.
 */
export function writeEventLine(enc: CsvEncoder, rep: number, e: LogEvent): void {
  writeEventHead(enc, rep, e);
  if (!enc.parts(putDetail, e)) enc.text(eventDetail(e));
  enc.eol();
}

/** `events.csv`'s cells before the detail, each with the comma after it. */
export function writeEventHead(enc: CsvEncoder, rep: number, e: LogEvent): void {
  enc.num(rep);
  enc.comma();
  enc.num(e.seq);
  enc.comma();
  enc.num(e.t);
  enc.comma();
  enc.raw(e.kind);
  enc.comma();
  enc.text(e.incident);
  enc.comma();
  enc.text(e.unit);
  enc.comma();
  enc.text(e.agency);
  enc.comma();
}

/** One replication's results, as handed to the run folder's writer. */
export interface RepOutput {
  rep: number;
  records: RunRecords;
  log: LogEvent[];
}

/** A file of records: its name, its columns, and the rows of one replication's records. */
export interface RecordTable {
  file: string;
  columns: readonly string[];
  /** Hands each row of `records` to `row`, in record order. */
  rows(rep: number, records: RunRecords, row: (cells: Cell[]) => void): void;
}

function table<T>(file: string, columns: readonly string[], pick: (r: RunRecords) => readonly T[], cells: (rep: number, x: T) => Cell[]): RecordTable {
  return {
    file,
    columns,
    rows(rep, records, row) {
      for (const x of pick(records)) row(cells(rep, x));
    },
  };
}

/** The record files of a run folder, in the order a run writes them. */
export const RECORD_TABLES: readonly RecordTable[] = [
  table('incidents.csv', INCIDENT_COLUMNS, (r) => r.incidents, incidentRow),
  table('calls.csv', CALL_COLUMNS, (r) => r.calls, callRow),
  table('dispatches.csv', DISPATCH_COLUMNS, (r) => r.dispatches, dispatchRow),
  table('units.csv', UNIT_COLUMNS, (r) => r.units, unitRow),
  table('agencies.csv', AGENCY_COLUMNS, (r) => r.agencies, agencyRow),
  table('depots.csv', DEPOT_COLUMNS, (r) => r.depots, depotRow),
];

/** The event log alone as CSV (what determinism tests compare byte for byte). */
export function eventsCsv(rep: number, log: readonly LogEvent[]): string {
  return toCsv(EVENT_COLUMNS, log.map((e) => eventRow(rep, e)));
}
