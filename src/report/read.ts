/**
 * Reading a run's CSV files back into records — the inverse of `csv.ts` — so the report can be
 * rendered again from a run folder alone (`linkdrill report DIR`); and {@link asWritten}, which gives
 * a run the very records reading its files back would give, without writing and parsing them.
 */
import type { AgencyRecord, CallKind, CallRecord, DepotRecord, DispatchRecord, IncidentRecord, RunRecords, UnitRecord, ZoneClassName } from '../engine/records.ts';
import { csvRound } from '../metrics/round.ts';
import type { InputError, Words } from '../scenario/errors.ts';
import type { RepRecords } from './aar.ts';
import { readText } from './csv.ts';
import { decimal, readCsvTable } from '../scenario/table.ts';

/** Most problems named per file: a file full of them needs one look, not a thousand lines. */
const MAX_PROBLEMS = 10;

const CALL_KINDS: readonly CallKind[] = ['emergency', 'repeat', 'consult', 'transfer'];
/** A zone class as written; files from before classes existed read as urban. */
const zoneClass = (s: string): ZoneClassName => (s === 'suburban' || s === 'rural' ? s : 'urban');

/** A cell that should hold a number and does not, shown (its first 40 characters) as written. */
export const notANumber = (cell: string): Words => ({ zh: `“${cell.slice(0, 40)}”不是数字`, en: `"${cell.slice(0, 40)}" is not a number` });

/** One row's cells read as text, numbers and flags; a cell that is not what its column holds is a problem. */
class Cells {
  constructor(
    private readonly cells: Record<string, string>,
    private readonly at: string,
    private readonly problems: InputError[],
  ) {}
  private bad(column: string, words: Words): void {
    this.problems.push({ path: `${this.at}, column ${column}`, zh: words.zh, en: words.en });
  }
  has(column: string): boolean {
    return (this.cells[column] ?? '') !== '';
  }
  text(column: string): string {
    return readText(this.cells[column]);
  }
  /** A number, or null for an empty cell (a step that never happened). */
  num(column: string): number | null {
    const cell = this.cells[column];
    if (cell === undefined || cell === '') return null;
    const v = decimal(cell);
    if (v === null) this.bad(column, notANumber(cell));
    return v ?? NaN;
  }
  /** A number that every row has. */
  req(column: string): number {
    const v = this.num(column);
    if (v === null) this.bad(column, { zh: '为空', en: 'is empty' });
    return v ?? NaN;
  }
  bool(column: string): boolean {
    return this.cells[column] === '1';
  }
}

/** The rows of one of the run's files; its problems (quoting, cells) go to `problems`, named by file, row and column. */
function parse(name: string, csv: string, problems: InputError[][]): Cells[] {
  const table = readCsvTable(csv, name);
  const mine: InputError[] = [...table.errors];
  problems.push(mine);
  return table.rows.map((r) => new Cells(r.cells, `${name} row ${r.row}`, mine));
}

/** Each file's problems, at most {@link MAX_PROBLEMS} of each. */
function capped(problems: InputError[][]): InputError[] {
  return problems.flatMap((list) =>
    list.length > MAX_PROBLEMS ? [...list.slice(0, MAX_PROBLEMS), { path: list[0].path.replace(/ row .*$/, ''), zh: `另有 ${list.length - MAX_PROBLEMS} 个类似问题`, en: `and ${list.length - MAX_PROBLEMS} more problems like these` }] : list,
  );
}

/** A run folder's record tables, by file name (`depots.csv`, the last, may be missing). */
export const RECORD_CSV_FILES = ['incidents.csv', 'calls.csv', 'dispatches.csv', 'units.csv', 'agencies.csv', 'depots.csv'] as const;

/** Records per replication from the CSV texts by file name; problems are path-named. */
export function readRunCsv(files: Record<string, string | undefined>): { reps: RepRecords[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const need = RECORD_CSV_FILES.slice(0, -1);
  for (const n of need) if (files[n] === undefined) errors.push({ path: n, zh: '运行文件夹中没有此文件', en: 'missing from the run folder' });
  if (errors.length) return { reps: [], errors };
  const problems: InputError[][] = [];
  const byRep = new Map<number, RepRecords>();
  const rep = (r: Cells) => {
    const k = r.req('rep');
    if (!byRep.has(k)) byRep.set(k, { rep: k, records: { incidents: [], calls: [], dispatches: [], units: [], agencies: [], depots: [] } });
    return byRep.get(k)!.records;
  };
  for (const r of parse('incidents.csv', files['incidents.csv']!, problems)) {
    const i: IncidentRecord = {
      incidentId: r.text('incident_id'), type: r.text('type'), zone: r.text('zone'), lon: r.req('lon'), lat: r.req('lat'),
      source: (r.text('source') || 'background') as IncidentRecord['source'],
      gradeTrue: r.has('grade_true') ? r.text('grade_true') : null, gradeInitial: r.has('grade_initial') ? r.text('grade_initial') : null, gradeFinal: r.has('grade_final') ? r.text('grade_final') : null,
      tOccur: r.req('t_occur'), tFirstCall: r.num('t_first_call'), tAnswered: r.num('t_answered'), tVerified: r.num('t_verified'), tPlan: r.num('t_plan'),
      tFirstOrder: r.num('t_first_order'), tFirstDispatch: r.num('t_first_dispatch'), tFirstArrival: r.num('t_first_arrival'), tFullResponse: r.num('t_full_response'),
      tClosed: r.num('t_closed'), callers: r.req('callers'), unitsRequired: r.req('units_required'), unitsArrived: r.req('units_arrived'),
      agenciesRequired: r.req('agencies_required'), agenciesArrived: r.req('agencies_arrived'), mutualAidUnits: r.req('mutual_aid_units'),
      queuedRequests: r.num('queued_requests') ?? 0, lostRequests: r.num('lost_requests') ?? 0,
      tReported: r.num('t_reported'), tApproved: r.num('t_approved'), tExperts: r.num('t_experts'), tCommandPost: r.num('t_command_post'), tControlled: r.num('t_controlled'),
      escalations: r.num('escalations') ?? 0, coordinationWaitS: r.num('coordination_wait_s') ?? 0, tiersInvolved: r.text('tiers_involved'), size: r.num('size'),
      ordersRefused: r.num('orders_refused') ?? 0, duplicateCalls: r.num('duplicate_calls') ?? 0, tSupplied: r.num('t_supplied'), underGradedS: r.num('under_graded_s') ?? 0,
      zoneClass: zoneClass(r.text('zone_class')), levelTrue: r.text('level_true') || r.text('grade_true'), levelInitial: r.has('level_initial') ? r.text('level_initial') : null, levelFinal: r.has('level_final') ? r.text('level_final') : null,
      tReportUpdate: r.num('t_report_update'), tReportFinal: r.num('t_report_final'), tCommandPostOrdered: r.num('t_command_post_ordered'), tDecision: r.num('t_decision'), tGraded: r.num('t_graded'),
    };
    rep(r).incidents.push(i);
  }
  for (const r of parse('calls.csv', files['calls.csv']!, problems)) {
    const kind = (CALL_KINDS.includes(r.text('kind') as CallKind) ? r.text('kind') : 'emergency') as CallKind;
    const c: CallRecord = {
      callId: r.text('call_id'), incidentId: r.text('incident_id'), channel: r.text('channel'), tArrive: r.req('t_arrive'), tAnswer: r.num('t_answer'), tEnd: r.num('t_end'), abandoned: r.bool('abandoned'),
      duplicate: kind === 'repeat', kind, line: r.text('line') === 'nonEmergency' ? 'nonEmergency' : 'emergency',
    };
    rep(r).calls.push(c);
  }
  for (const r of parse('dispatches.csv', files['dispatches.csv']!, problems)) {
    const d: DispatchRecord = {
      dispatchId: r.text('dispatch_id'), incidentId: r.text('incident_id'), unitId: r.text('unit_id'), agency: r.text('agency'), unitType: r.text('unit_type'),
      mutualAid: r.bool('mutual_aid'), tOrder: r.req('t_order'), tAlert: r.num('t_alert'), tEnroute: r.num('t_enroute'), tArrive: r.num('t_arrive'),
      tClear: r.num('t_clear'), tAvailable: r.num('t_available'), travelS: r.num('travel_s'), tier: r.num('tier') ?? 1, channel: r.text('channel'), tEnter: r.num('t_enter'), tStaged: r.num('t_staged'),
    };
    rep(r).dispatches.push(d);
  }
  for (const r of parse('units.csv', files['units.csv']!, problems)) {
    const u: UnitRecord = {
      unitId: r.text('unit_id'), agency: r.text('agency'), station: r.text('station'), type: r.text('type'), dispatches: r.req('dispatches'), busyS: r.req('busy_s'), utilization: r.req('utilization'),
      reports: r.num('reports') ?? 0, reportsLost: r.num('reports_lost') ?? 0, reportLatencyMeanS: r.num('report_latency_mean_s'), reportLatencyMaxS: r.num('report_latency_max_s'),
    };
    rep(r).units.push(u);
  }
  for (const r of parse('agencies.csv', files['agencies.csv']!, problems)) {
    const a: AgencyRecord = { incidentId: r.text('incident_id'), agency: r.text('agency'), tier: r.req('tier'), tOrdered: r.num('t_ordered'), tNotified: r.num('t_notified'), channel: r.text('channel'), tFirstArrival: r.num('t_first_arrival'), units: r.req('units'), waitsFor: r.text('waits_for') };
    rep(r).agencies.push(a);
  }
  if (files['depots.csv'] !== undefined) {
    for (const r of parse('depots.csv', files['depots.csv'], problems)) {
      const d: DepotRecord = { depot: r.text('depot'), item: r.text('item'), initial: r.req('initial'), restocked: r.req('restocked'), drawn: r.req('drawn'), final: r.req('final') };
      rep(r).depots.push(d);
    }
  }
  errors.push(...capped(problems));
  return { reps: [...byRep.values()].sort((a, b) => a.rep - b.rep), errors };
}

// What reading a cell back gives, from the value written (see `cell` in csv.ts and the readers above):
// numbers as their 3-decimal text parses (an empty cell as null, or NaN where the column is required:
// the reader names that as a problem), text without the apostrophe
// that `safeText` adds or that looks like one it added.
const reqW = (x: number | null): number => (x === null || !Number.isFinite(x) ? NaN : csvRound(x) || 0);
const numW = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : csvRound(x) || 0);
const textW = (s: string | null): string => (s === null ? '' : readText(s));

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
    i.gradeTrue = i.gradeTrue ? textW(i.gradeTrue) : null; i.gradeInitial = i.gradeInitial ? textW(i.gradeInitial) : null; i.gradeFinal = i.gradeFinal ? textW(i.gradeFinal) : null;
    i.tOccur = reqW(i.tOccur); i.tFirstCall = numW(i.tFirstCall); i.tAnswered = numW(i.tAnswered); i.tVerified = numW(i.tVerified); i.tPlan = numW(i.tPlan);
    i.tFirstOrder = numW(i.tFirstOrder); i.tFirstDispatch = numW(i.tFirstDispatch); i.tFirstArrival = numW(i.tFirstArrival); i.tFullResponse = numW(i.tFullResponse);
    i.tClosed = numW(i.tClosed); i.callers = reqW(i.callers); i.unitsRequired = reqW(i.unitsRequired); i.unitsArrived = reqW(i.unitsArrived);
    i.agenciesRequired = reqW(i.agenciesRequired); i.agenciesArrived = reqW(i.agenciesArrived); i.mutualAidUnits = reqW(i.mutualAidUnits);
    i.queuedRequests = numW(i.queuedRequests) ?? 0; i.lostRequests = numW(i.lostRequests) ?? 0;
    i.tReported = numW(i.tReported); i.tApproved = numW(i.tApproved); i.tExperts = numW(i.tExperts); i.tCommandPost = numW(i.tCommandPost); i.tControlled = numW(i.tControlled);
    i.escalations = numW(i.escalations) ?? 0; i.coordinationWaitS = numW(i.coordinationWaitS) ?? 0; i.tiersInvolved = textW(i.tiersInvolved); i.size = numW(i.size);
    i.ordersRefused = numW(i.ordersRefused) ?? 0; i.duplicateCalls = numW(i.duplicateCalls) ?? 0; i.tSupplied = numW(i.tSupplied); i.underGradedS = numW(i.underGradedS) ?? 0;
    i.zoneClass = zoneClass(textW(i.zoneClass)); i.levelTrue = textW(i.levelTrue) || (i.gradeTrue ?? ''); i.levelInitial = i.levelInitial ? textW(i.levelInitial) : null; i.levelFinal = i.levelFinal ? textW(i.levelFinal) : null;
    i.tReportUpdate = numW(i.tReportUpdate); i.tReportFinal = numW(i.tReportFinal); i.tCommandPostOrdered = numW(i.tCommandPostOrdered); i.tDecision = numW(i.tDecision); i.tGraded = numW(i.tGraded);
  }
  for (const c of r.calls) {
    c.callId = textW(c.callId); c.incidentId = textW(c.incidentId); c.channel = textW(c.channel);
    c.tArrive = reqW(c.tArrive); c.tAnswer = numW(c.tAnswer); c.tEnd = numW(c.tEnd); c.abandoned = c.abandoned === true;
    c.kind = CALL_KINDS.includes(textW(c.kind) as CallKind) ? (textW(c.kind) as CallKind) : 'emergency'; c.duplicate = c.kind === 'repeat'; c.line = textW(c.line) === 'nonEmergency' ? 'nonEmergency' : 'emergency';
  }
  for (const d of r.dispatches) {
    d.dispatchId = textW(d.dispatchId); d.incidentId = textW(d.incidentId); d.unitId = textW(d.unitId); d.agency = textW(d.agency); d.unitType = textW(d.unitType);
    d.mutualAid = d.mutualAid === true; d.tOrder = reqW(d.tOrder); d.tAlert = numW(d.tAlert); d.tEnroute = numW(d.tEnroute); d.tArrive = numW(d.tArrive);
    d.tClear = numW(d.tClear); d.tAvailable = numW(d.tAvailable); d.travelS = numW(d.travelS); d.tier = numW(d.tier) ?? 1; d.channel = textW(d.channel); d.tEnter = numW(d.tEnter); d.tStaged = numW(d.tStaged);
  }
  for (const u of r.units) {
    u.unitId = textW(u.unitId); u.agency = textW(u.agency); u.station = textW(u.station); u.type = textW(u.type);
    u.dispatches = reqW(u.dispatches); u.busyS = reqW(u.busyS); u.utilization = reqW(u.utilization);
    u.reports = numW(u.reports) ?? 0; u.reportsLost = numW(u.reportsLost) ?? 0; u.reportLatencyMeanS = numW(u.reportLatencyMeanS); u.reportLatencyMaxS = numW(u.reportLatencyMaxS);
  }
  for (const a of r.agencies) {
    a.incidentId = textW(a.incidentId); a.agency = textW(a.agency); a.tier = reqW(a.tier); a.tOrdered = numW(a.tOrdered); a.tNotified = numW(a.tNotified);
    a.channel = textW(a.channel); a.tFirstArrival = numW(a.tFirstArrival); a.units = reqW(a.units); a.waitsFor = textW(a.waitsFor);
  }
  for (const d of r.depots) {
    d.depot = textW(d.depot); d.item = textW(d.item); d.initial = reqW(d.initial); d.restocked = reqW(d.restocked); d.drawn = reqW(d.drawn); d.final = reqW(d.final);
  }
  return r;
}
