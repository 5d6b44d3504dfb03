/**
 * Reading a run's CSV files back into records — the inverse of `csv.ts` — so the report can be
 * rendered again from a run folder alone (`linkdrill report DIR`).
 */
import type { AgencyRecord, CallKind, CallRecord, DepotRecord, DispatchRecord, IncidentRecord, UnitRecord, ZoneClassName } from '../engine/records.ts';
import type { InputError } from '../scenario/errors.ts';
import type { RepRecords } from './aar.ts';
import { readText } from './csv.ts';
import { decimal, readCsvTable } from '../scenario/table.ts';

/** Most problems named per file: a file full of them needs one look, not a thousand lines. */
const MAX_PROBLEMS = 10;

const CALL_KINDS: readonly CallKind[] = ['emergency', 'repeat', 'consult', 'transfer'];
/** A zone class as written; files from before classes existed read as urban. */
const zoneClass = (s: string): ZoneClassName => (s === 'suburban' || s === 'rural' ? s : 'urban');

/** One row's cells read as text, numbers and flags; a cell that is not what its column holds is a problem. */
class Cells {
  constructor(
    private readonly cells: Record<string, string>,
    private readonly at: string,
    private readonly problems: InputError[],
  ) {}
  private bad(column: string, message: string): void {
    this.problems.push({ path: `${this.at}, column ${column}`, message });
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
    if (v === null) this.bad(column, `"${cell.slice(0, 40)}" is not a number`);
    return v ?? NaN;
  }
  /** A number that every row has. */
  req(column: string): number {
    const v = this.num(column);
    if (v === null) this.bad(column, 'is empty');
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
    list.length > MAX_PROBLEMS ? [...list.slice(0, MAX_PROBLEMS), { path: list[0].path.replace(/ row .*$/, ''), message: `and ${list.length - MAX_PROBLEMS} more problems like these` }] : list,
  );
}

/** Records per replication from the CSV texts by file name; problems are path-named. */
export function readRunCsv(files: Record<string, string | undefined>): { reps: RepRecords[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const need = ['incidents.csv', 'calls.csv', 'dispatches.csv', 'units.csv', 'agencies.csv'];
  for (const n of need) if (files[n] === undefined) errors.push({ path: n, message: 'missing from the run folder' });
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
