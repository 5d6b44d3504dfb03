/**
 * Reading a run's CSV files back into records — the inverse of `csv.ts` — so the report can be
 * rendered again from a run folder alone (`linkdrill report DIR`); and {@link asWritten}, which gives
 * a run the very records reading its files back would give, without writing and parsing them.
 */
import Papa from 'papaparse';
import type { AgencyRecord, CallRecord, DepotRecord, DispatchRecord, IncidentRecord, RunRecords, UnitRecord } from '../engine/records.ts';
import { csvRound } from '../metrics/round.ts';
import type { InputError } from '../scenario/errors.ts';
import type { RepRecords } from './aar.ts';

type Row = Record<string, string>;

/** Text as written by `safeText` and as it was before. */
const text = (s: string | undefined) => (s === undefined ? '' : /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
const req = (s: string | undefined) => Number(s ?? NaN);
const bool = (s: string | undefined) => s === '1';

function parse(name: string, csv: string, errors: InputError[]): Row[] {
  // The delimiter is fixed: guessing it could take a tab or semicolon inside text for one.
  const r = Papa.parse<Row>(csv.replace(/^\uFEFF/, ''), { header: true, delimiter: ',', skipEmptyLines: 'greedy' });
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
      gradeTrue: text(r.grade_true), gradeInitial: r.grade_initial ? text(r.grade_initial) : null, gradeFinal: r.grade_final ? text(r.grade_final) : null,
      tOccur: req(r.t_occur), tFirstCall: num(r.t_first_call), tAnswered: num(r.t_answered), tVerified: num(r.t_verified), tPlan: num(r.t_plan),
      tFirstOrder: num(r.t_first_order), tFirstDispatch: num(r.t_first_dispatch), tFirstArrival: num(r.t_first_arrival), tFullResponse: num(r.t_full_response),
      tClosed: num(r.t_closed), callers: req(r.callers), unitsRequired: req(r.units_required), unitsArrived: req(r.units_arrived),
      agenciesRequired: req(r.agencies_required), agenciesArrived: req(r.agencies_arrived), mutualAidUnits: req(r.mutual_aid_units),
      queuedRequests: num(r.queued_requests) ?? 0, lostRequests: num(r.lost_requests) ?? 0,
      tReported: num(r.t_reported), tApproved: num(r.t_approved), tExperts: num(r.t_experts), tCommandPost: num(r.t_command_post), tControlled: num(r.t_controlled),
      escalations: num(r.escalations) ?? 0, coordinationWaitS: num(r.coordination_wait_s) ?? 0, tiersInvolved: text(r.tiers_involved), size: num(r.size),
      ordersRefused: num(r.orders_refused) ?? 0, duplicateCalls: num(r.duplicate_calls) ?? 0, tSupplied: num(r.t_supplied), underGradedS: num(r.under_graded_s) ?? 0,
    };
    rep(r).incidents.push(i);
  }
  for (const r of parse('calls.csv', files['calls.csv']!, errors)) {
    const c: CallRecord = { callId: text(r.call_id), incidentId: text(r.incident_id), channel: text(r.channel), tArrive: req(r.t_arrive), tAnswer: num(r.t_answer), tEnd: num(r.t_end), abandoned: bool(r.abandoned), duplicate: false };
    rep(r).calls.push(c);
  }
  for (const r of parse('dispatches.csv', files['dispatches.csv']!, errors)) {
    const d: DispatchRecord = {
      dispatchId: text(r.dispatch_id), incidentId: text(r.incident_id), unitId: text(r.unit_id), agency: text(r.agency), unitType: text(r.unit_type),
      mutualAid: bool(r.mutual_aid), tOrder: req(r.t_order), tAlert: num(r.t_alert), tEnroute: num(r.t_enroute), tArrive: num(r.t_arrive),
      tClear: num(r.t_clear), tAvailable: num(r.t_available), travelS: num(r.travel_s), tier: num(r.tier) ?? 1, channel: text(r.channel), tEnter: num(r.t_enter),
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
    const a: AgencyRecord = { incidentId: text(r.incident_id), agency: text(r.agency), tier: req(r.tier), tOrdered: num(r.t_ordered), tNotified: num(r.t_notified), channel: text(r.channel), tFirstArrival: num(r.t_first_arrival), units: req(r.units) };
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

// What reading a cell back gives, from the value written (see `cell` in csv.ts and the readers above):
// numbers as their 3-decimal text parses (an empty cell as 0 or null), text without the apostrophe
// that `safeText` adds or that looks like one it added.
const reqW = (x: number | null): number => (x === null || !Number.isFinite(x) ? 0 : csvRound(x) || 0);
const numW = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : csvRound(x) || 0);
const textW = (s: string | null): string => (s === null ? '' : /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/**
 * The records as `readRunCsv` reads them back from the CSV files they are written to — numbers
 * rounded to 3 decimals, empty cells as the reader fills them, text as it reads — changed in place.
 * A run scores these, so its report equals the one `linkdrill report DIR` renders from the folder
 * (test/report/as-written.test.ts re-reads the files to hold this).
 */
export function asWritten(r: RunRecords): RunRecords {
  for (const i of r.incidents) {
    i.incidentId = textW(i.incidentId); i.type = textW(i.type); i.zone = textW(i.zone); i.lon = reqW(i.lon); i.lat = reqW(i.lat);
    i.source = (textW(i.source) || 'background') as IncidentRecord['source'];
    i.gradeTrue = textW(i.gradeTrue); i.gradeInitial = i.gradeInitial ? textW(i.gradeInitial) : null; i.gradeFinal = i.gradeFinal ? textW(i.gradeFinal) : null;
    i.tOccur = reqW(i.tOccur); i.tFirstCall = numW(i.tFirstCall); i.tAnswered = numW(i.tAnswered); i.tVerified = numW(i.tVerified); i.tPlan = numW(i.tPlan);
    i.tFirstOrder = numW(i.tFirstOrder); i.tFirstDispatch = numW(i.tFirstDispatch); i.tFirstArrival = numW(i.tFirstArrival); i.tFullResponse = numW(i.tFullResponse);
    i.tClosed = numW(i.tClosed); i.callers = reqW(i.callers); i.unitsRequired = reqW(i.unitsRequired); i.unitsArrived = reqW(i.unitsArrived);
    i.agenciesRequired = reqW(i.agenciesRequired); i.agenciesArrived = reqW(i.agenciesArrived); i.mutualAidUnits = reqW(i.mutualAidUnits);
    i.queuedRequests = numW(i.queuedRequests) ?? 0; i.lostRequests = numW(i.lostRequests) ?? 0;
    i.tReported = numW(i.tReported); i.tApproved = numW(i.tApproved); i.tExperts = numW(i.tExperts); i.tCommandPost = numW(i.tCommandPost); i.tControlled = numW(i.tControlled);
    i.escalations = numW(i.escalations) ?? 0; i.coordinationWaitS = numW(i.coordinationWaitS) ?? 0; i.tiersInvolved = textW(i.tiersInvolved); i.size = numW(i.size);
    i.ordersRefused = numW(i.ordersRefused) ?? 0; i.duplicateCalls = numW(i.duplicateCalls) ?? 0; i.tSupplied = numW(i.tSupplied); i.underGradedS = numW(i.underGradedS) ?? 0;
  }
  for (const c of r.calls) {
    c.callId = textW(c.callId); c.incidentId = textW(c.incidentId); c.channel = textW(c.channel);
    c.tArrive = reqW(c.tArrive); c.tAnswer = numW(c.tAnswer); c.tEnd = numW(c.tEnd); c.abandoned = c.abandoned === true; c.duplicate = false;
  }
  for (const d of r.dispatches) {
    d.dispatchId = textW(d.dispatchId); d.incidentId = textW(d.incidentId); d.unitId = textW(d.unitId); d.agency = textW(d.agency); d.unitType = textW(d.unitType);
    d.mutualAid = d.mutualAid === true; d.tOrder = reqW(d.tOrder); d.tAlert = numW(d.tAlert); d.tEnroute = numW(d.tEnroute); d.tArrive = numW(d.tArrive);
    d.tClear = numW(d.tClear); d.tAvailable = numW(d.tAvailable); d.travelS = numW(d.travelS); d.tier = numW(d.tier) ?? 1; d.channel = textW(d.channel); d.tEnter = numW(d.tEnter);
  }
  for (const u of r.units) {
    u.unitId = textW(u.unitId); u.agency = textW(u.agency); u.station = textW(u.station); u.type = textW(u.type);
    u.dispatches = reqW(u.dispatches); u.busyS = reqW(u.busyS); u.utilization = reqW(u.utilization);
    u.reports = numW(u.reports) ?? 0; u.reportsLost = numW(u.reportsLost) ?? 0; u.reportLatencyMeanS = numW(u.reportLatencyMeanS); u.reportLatencyMaxS = numW(u.reportLatencyMaxS);
  }
  for (const a of r.agencies) {
    a.incidentId = textW(a.incidentId); a.agency = textW(a.agency); a.tier = reqW(a.tier); a.tOrdered = numW(a.tOrdered); a.tNotified = numW(a.tNotified);
    a.channel = textW(a.channel); a.tFirstArrival = numW(a.tFirstArrival); a.units = reqW(a.units);
  }
  for (const d of r.depots) {
    d.depot = textW(d.depot); d.item = textW(d.item); d.initial = reqW(d.initial); d.restocked = reqW(d.restocked); d.drawn = reqW(d.drawn); d.final = reqW(d.final);
  }
  return r;
}
