/**
 * CSV output — the contract other tools read. Column names and order are fixed here; times are
 * seconds from scenario start rounded to 3 decimals, empty where a step never happened; booleans are
 * 1/0. Text cells that a spreadsheet would run as a formula (=, +, -, @ …) get a leading apostrophe.
 */
import Papa from 'papaparse';
import type { AgencyRecord, CallRecord, DepotRecord, DispatchRecord, IncidentRecord, RunRecords, UnitRecord } from '../engine/records.ts';
import type { EventData, EventKind, LogEvent } from '../engine/log.ts';
import { summarise } from '../metrics/stats.ts';

type Cell = string | number | boolean | null | undefined;

/** Numbers with at most 3 decimals and no trailing zeros; locale-free. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (Number.isInteger(x)) return String(x);
  const s = x.toFixed(3);
  const t = s.replace(/\.?0+$/, '');
  return t === '-0' ? '0' : t;
}

/** Makes a text cell safe to open in a spreadsheet (no formula execution). */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** A text cell as it was before {@link safeText}: what linkdrill reads back from its own files. */
export function readText(s: string | undefined): string {
  return s === undefined ? '' : /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  return safeText(v);
}

/** One CSV row with its CRLF, every cell written as {@link toCsv} writes it (for files appended row by row). */
export function csvLine(cells: readonly Cell[]): string {
  return Papa.unparse([cells.map(cell)], { newline: '\r\n', escapeFormulae: false }) + '\r\n';
}

/** A table as CSV text (CRLF line ends, as RFC 4180 and Excel expect). */
export function toCsv(header: readonly string[], rows: readonly Cell[][], options: { bom?: boolean } = {}): string {
  const text = Papa.unparse({ fields: [...header], data: rows.map((r) => r.map(cell)) }, { newline: '\r\n', escapeFormulae: false });
  return (options.bom ? '\uFEFF' : '') + text + '\r\n';
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
const f3 = (x: number) => x.toFixed(3);
const f1 = (x: number) => x.toFixed(1);

/** `events.csv`'s detail of each kind: its payload as space-separated `key=value` pairs. */
const DETAIL: { [K in EventKind]: (d: EventData[K]) => string } = {
  'incident.occur': (d) => `type=${d.type} zone=${d.zone} level=${d.level} grade=${d.grade ?? 'none'} source=${d.source}`,
  'call.arrive': (d) => `call=${d.call} channel=${d.channel}${d.kind !== 'emergency' ? ` kind=${d.kind}` : ''}${d.line !== 'emergency' ? ` line=${d.line}` : ''}`,
  'call.answer': (d) => `call=${d.call}${d.duplicate ? ' duplicate=1' : ''}`,
  'call.abandon': (d) => `call=${d.call}`,
  'call.end': (d) => `call=${d.call}`,
  'call.transfer': (d) => `call=${d.call} to=${d.to}`,
  'incident.verify': (d) => `level=${d.level} grade=${d.grade ?? 'none'}${d.duringCall ? ' during_call=1' : ''}`,
  'incident.plan': (d) => `type=${d.type} level=${d.level}`,
  'order.send': (d) => `type=${d.unitType} count=${d.count}`,
  'order.receive': (d) => `type=${d.unitType} count=${d.count} channel=${d.channel} delay=${f3(d.delayS)}`,
  'mutualaid.request': (d) => `type=${d.unitType} to=${d.to.join(',')} own_eta=${d.ownEtaS === null ? 'none' : f1(d.ownEtaS)}`,
  'request.queue': (d) => `type=${d.unitType} position=${d.position}`,
  'request.lost': (d) => `type=${d.unitType}`,
  'unit.alert': (d) => `dispatch=${d.dispatch} channel=${d.channel}${d.mutualAid ? ' mutual_aid=1' : ''}${d.fromRoad ? ' from=road' : ''}`,
  'unit.enroute': (d) => `eta=${f3(d.etaT)}`,
  'unit.arrive': () => '',
  'unit.wait': (d) => `after=${d.after}`,
  'unit.enter': (d) => `waited=${f3(d.waitedS)}`,
  'unit.staged': (d) => `staging=${f3(d.stagingS)}`,
  'incident.regrade': (d) => `from=${d.from} to=${d.to} grade=${d.grade ?? 'none'}`,
  'incident.escalate': (d) => `size=${f3(d.size)} level=${d.level}`,
  'incident.report': (d) => `stage=${d.stage} grade=${d.grade} to=${d.to}`,
  'incident.approve': (d) => `by=${d.by}`,
  'incident.experts': () => '',
  'incident.commandpost': () => '',
  'incident.decision': () => '',
  'incident.controlled': (d) => `size=${f3(d.size)}`,
  'incident.full': () => '',
  'supply.request': (d) => `item=${d.item} amount=${f1(d.amount)}`,
  'supply.shortage': (d) => `item=${d.item} amount=${f1(d.amount)}${d.waitFor !== undefined ? ` wait_for=${d.waitFor}` : ''}`,
  'supply.dispatch': (d) => `item=${d.item} amount=${f1(d.amount)} depot=${d.depot} eta=${f3(d.etaT)}`,
  'supply.arrive': (d) => `item=${d.item} depot=${d.depot}`,
  'depot.restock': (d) => `depot=${d.depot}`,
  'incident.close': () => '',
  'unit.cancel': () => '',
  'unit.clear': () => '',
  'unit.transport': (d) => `hospital=${d.hospital}`,
  'unit.hospital': (d) => `hospital=${d.hospital}`,
  'unit.return': (d) => `dispatch=${d.dispatch} to=${d.to}`,
  'unit.back': (d) => (d.covers !== undefined ? `covers=${d.covers}` : ''),
  'unit.offduty': (d) => `reason=${d.reason}`,
  'unit.onduty': () => '',
  'unit.report': (d) => `status=${d.free ? 'free' : 'busy'}${d.resent ? ' resent=1' : ''}`,
  'unit.task': () => '',
  'unit.taskdone': () => '',
  'order.refused': (d) => `status=${d.status}`,
  'unit.moveup': (d) => `covers=${d.covers} to=${d.to}`,
  'unit.cover': (d) => (d.covers !== undefined ? `covers=${d.covers}` : ''),
  'unit.release': (d) => `covered=${d.covered} to=${d.to}`,
  'comms.down': (d) => `channel=${d.channel} cause=${d.cause}`,
  'comms.up': (d) => `channel=${d.channel}`,
  'calltakers.change': (d) => `staffed=${d.staffed}${d.line ? ` line=${d.line}` : ''}`,
  inject: (d) => [d.action, ...Object.entries(d.params).map(([k, v]) => `${k}=${String(v)}`)].join(' '),
};

/** An event's `detail` as `events.csv` writes it. */
export function eventDetail(e: LogEvent): string {
  return (DETAIL[e.kind] as (d: unknown) => string)(e.data);
}

const eventRow = (rep: number, e: LogEvent): Cell[] => [rep, e.seq, e.t, e.kind, e.incident, e.unit, e.agency, eventDetail(e)];

/** One replication's results, as handed to the CSV writer. */
export interface RepOutput {
  rep: number;
  records: RunRecords;
  log: LogEvent[];
}

/** The CSV files a run writes, by file name; `extraSummary` adds rows (the scores) to each rep's summary. */
export function runCsvFiles(reps: readonly RepOutput[], options: { bom?: boolean; extraSummary?: Map<number, [string, number | string][]> } = {}): Record<string, string> {
  const all = <T>(pick: (r: RepOutput) => readonly T[], row: (rep: number, x: T) => Cell[]) => reps.flatMap((r) => pick(r).map((x) => row(r.rep, x)));
  return {
    'incidents.csv': toCsv(INCIDENT_COLUMNS, all((r) => r.records.incidents, incidentRow), options),
    'calls.csv': toCsv(CALL_COLUMNS, all((r) => r.records.calls, callRow), options),
    'dispatches.csv': toCsv(DISPATCH_COLUMNS, all((r) => r.records.dispatches, dispatchRow), options),
    'units.csv': toCsv(UNIT_COLUMNS, all((r) => r.records.units, unitRow), options),
    'agencies.csv': toCsv(AGENCY_COLUMNS, all((r) => r.records.agencies, agencyRow), options),
    'depots.csv': toCsv(DEPOT_COLUMNS, all((r) => r.records.depots, depotRow), options),
    'summary.csv': summaryCsv(reps, options),
    'events.csv': toCsv(EVENT_COLUMNS, all((r) => r.log, eventRow), options),
  };
}

/** `summary.csv`: each replication's summary metrics, then any extra rows (the scores) for it. */
export function summaryCsv(reps: readonly RepOutput[], options: { bom?: boolean; extraSummary?: Map<number, [string, number | string][]> } = {}): string {
  return toCsv(
    SUMMARY_COLUMNS,
    reps.flatMap((r) => [
      ...summarise(r.records).map((s) => [r.rep, s.metric, s.value] as Cell[]),
      ...(options.extraSummary?.get(r.rep) ?? []).map(([m, v]) => [r.rep, m, v] as Cell[]),
    ]),
    options,
  );
}

/** The event log alone as CSV (what determinism tests compare byte for byte). */
export function eventsCsv(rep: number, log: readonly LogEvent[]): string {
  return toCsv(EVENT_COLUMNS, log.map((e) => eventRow(rep, e)));
}
