/**
 * Reading a run's CSV files back into records — the inverse of `csv.ts` — so the report can be
 * rendered again from a run folder alone (`linkdrill report DIR`).
 */
import Papa from 'papaparse';
import type { AgencyRecord, CallKind, CallRecord, DepotRecord, DispatchRecord, IncidentRecord, UnitRecord, ZoneClassName } from '../engine/records.ts';
import type { InputError } from '../scenario/errors.ts';
import type { RepRecords } from './aar.ts';

type Row = Record<string, string>;

/** Text as written by `safeText` and as it was before. */
const text = (s: string | undefined) => (s === undefined ? '' : /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
const req = (s: string | undefined) => Number(s ?? NaN);
const bool = (s: string | undefined) => s === '1';
const CALL_KINDS: readonly CallKind[] = ['emergency', 'repeat', 'consult', 'transfer'];
/** A zone class as written; files from before classes existed read as urban. */
const zoneClass = (s: string | undefined): ZoneClassName => (s === 'suburban' || s === 'rural' ? s : 'urban');

function parse(name: string, csv: string, errors: InputError[]): Row[] {
  const r = Papa.parse<Row>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  for (const e of r.errors.slice(0, 3)) errors.push({ path: `${name} row ${(e.row ?? 0) + 2}`, message: e.message });
  return r.data;
}

/** Records per replication from the CSV texts by file name; problems are path-named. */
export function readRunCsv(files: Record<string, string | undefined>): { reps: RepRecords[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const need = ['incidents.csv', 'calls.csv', 'dispatches.csv', 'units.csv', 'agencies.csv'];
  for (const n of need) if (files[n] === undefined) errors.push({ path: n, message: 'missing from the run folder' });
  if (errors.length) return { reps: [], errors };
  const byRep = new Map<number, RepRecords>();
  const rep = (r: Row) => {
    const k = req(r.rep);
    if (!byRep.has(k)) byRep.set(k, { rep: k, records: { incidents: [], calls: [], dispatches: [], units: [], agencies: [], depots: [] } });
    return byRep.get(k)!.records;
  };
  for (const r of parse('incidents.csv', files['incidents.csv']!, errors)) {
    const i: IncidentRecord = {
      incidentId: text(r.incident_id), type: text(r.type), zone: text(r.zone), lon: req(r.lon), lat: req(r.lat),
      source: (text(r.source) || 'background') as IncidentRecord['source'],
      gradeTrue: r.grade_true ? text(r.grade_true) : null, gradeInitial: r.grade_initial ? text(r.grade_initial) : null, gradeFinal: r.grade_final ? text(r.grade_final) : null,
      tOccur: req(r.t_occur), tFirstCall: num(r.t_first_call), tAnswered: num(r.t_answered), tVerified: num(r.t_verified), tPlan: num(r.t_plan),
      tFirstOrder: num(r.t_first_order), tFirstDispatch: num(r.t_first_dispatch), tFirstArrival: num(r.t_first_arrival), tFullResponse: num(r.t_full_response),
      tClosed: num(r.t_closed), callers: req(r.callers), unitsRequired: req(r.units_required), unitsArrived: req(r.units_arrived),
      agenciesRequired: req(r.agencies_required), agenciesArrived: req(r.agencies_arrived), mutualAidUnits: req(r.mutual_aid_units),
      queuedRequests: num(r.queued_requests) ?? 0, lostRequests: num(r.lost_requests) ?? 0,
      tReported: num(r.t_reported), tApproved: num(r.t_approved), tExperts: num(r.t_experts), tCommandPost: num(r.t_command_post), tControlled: num(r.t_controlled),
      escalations: num(r.escalations) ?? 0, coordinationWaitS: num(r.coordination_wait_s) ?? 0, tiersInvolved: text(r.tiers_involved), size: num(r.size),
      ordersRefused: num(r.orders_refused) ?? 0, duplicateCalls: num(r.duplicate_calls) ?? 0, tSupplied: num(r.t_supplied), underGradedS: num(r.under_graded_s) ?? 0,
      zoneClass: zoneClass(r.zone_class), levelTrue: text(r.level_true) || text(r.grade_true), levelInitial: r.level_initial ? text(r.level_initial) : null, levelFinal: r.level_final ? text(r.level_final) : null,
      tReportUpdate: num(r.t_report_update), tReportFinal: num(r.t_report_final), tCommandPostOrdered: num(r.t_command_post_ordered), tDecision: num(r.t_decision), tGraded: num(r.t_graded),
    };
    rep(r).incidents.push(i);
  }
  for (const r of parse('calls.csv', files['calls.csv']!, errors)) {
    const kind = (CALL_KINDS.includes(r.kind as CallKind) ? r.kind : 'emergency') as CallKind;
    const c: CallRecord = {
      callId: text(r.call_id), incidentId: text(r.incident_id), channel: text(r.channel), tArrive: req(r.t_arrive), tAnswer: num(r.t_answer), tEnd: num(r.t_end), abandoned: bool(r.abandoned),
      duplicate: kind === 'repeat', kind, line: r.line === 'nonEmergency' ? 'nonEmergency' : 'emergency',
    };
    rep(r).calls.push(c);
  }
  for (const r of parse('dispatches.csv', files['dispatches.csv']!, errors)) {
    const d: DispatchRecord = {
      dispatchId: text(r.dispatch_id), incidentId: text(r.incident_id), unitId: text(r.unit_id), agency: text(r.agency), unitType: text(r.unit_type),
      mutualAid: bool(r.mutual_aid), tOrder: req(r.t_order), tAlert: num(r.t_alert), tEnroute: num(r.t_enroute), tArrive: num(r.t_arrive),
      tClear: num(r.t_clear), tAvailable: num(r.t_available), travelS: num(r.travel_s), tier: num(r.tier) ?? 1, channel: text(r.channel), tEnter: num(r.t_enter), tStaged: num(r.t_staged),
    };
    rep(r).dispatches.push(d);
  }
  for (const r of parse('units.csv', files['units.csv']!, errors)) {
    const u: UnitRecord = {
      unitId: text(r.unit_id), agency: text(r.agency), station: text(r.station), type: text(r.type), dispatches: req(r.dispatches), busyS: req(r.busy_s), utilization: req(r.utilization),
      reports: num(r.reports) ?? 0, reportsLost: num(r.reports_lost) ?? 0, reportLatencyMeanS: num(r.report_latency_mean_s), reportLatencyMaxS: num(r.report_latency_max_s),
    };
    rep(r).units.push(u);
  }
  for (const r of parse('agencies.csv', files['agencies.csv']!, errors)) {
    const a: AgencyRecord = { incidentId: text(r.incident_id), agency: text(r.agency), tier: req(r.tier), tOrdered: num(r.t_ordered), tNotified: num(r.t_notified), channel: text(r.channel), tFirstArrival: num(r.t_first_arrival), units: req(r.units), waitsFor: text(r.waits_for) };
    rep(r).agencies.push(a);
  }
  if (files['depots.csv'] !== undefined) {
    for (const r of parse('depots.csv', files['depots.csv'], errors)) {
      const d: DepotRecord = { depot: text(r.depot), item: text(r.item), initial: req(r.initial), restocked: req(r.restocked), drawn: req(r.drawn), final: req(r.final) };
      rep(r).depots.push(d);
    }
  }
  return { reps: [...byRep.values()].sort((a, b) => a.rep - b.rep), errors };
}
