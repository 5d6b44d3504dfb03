/**
 * The building blocks of the indicators' measures: each takes one replication's records and returns
 * the items behind an indicator (a value per call, incident, dispatch or notification, with what a
 * finding needs to point at it). Pure.
 */
import type { DispatchRecord, IncidentRecord, RunRecords, ZoneClassName } from '../engine/records.ts';
import type { Rubric, Sample, ScoreContext } from './score.ts';

/** What a measure sees: one replication's records, its number, and the run's facts. */
export interface MeasureInput {
  r: RunRecords;
  rep: number;
  ctx: ScoreContext;
  rubric: Rubric;
}

export type Measure = (m: MeasureInput) => Sample[];

/** b − a in seconds, or NaN where either step never happened. */
export const span = (a: number | null, b: number | null) => (a === null || b === null ? NaN : b - a);
const finite = (s: Sample) => Number.isFinite(s.value);
const kindOf = (m: MeasureInput, agency: string) => m.ctx.agencies[agency]?.kind ?? '';
/** Is the agency of a kind the rubric counts as fire service? */
export const isFire = (m: MeasureInput, agency: string) => m.rubric.kinds.fire.includes(kindOf(m, agency));
/** Is the agency of a kind the rubric counts as EMS (120)? */
export const isEms = (m: MeasureInput, agency: string) => m.rubric.kinds.ems.includes(kindOf(m, agency));

/** One item per incident: `f` of it, at time `t` of it (its occurrence by default); NaN drops the item. */
export const perIncident = (m: MeasureInput, f: (i: IncidentRecord) => number, t: (i: IncidentRecord) => number | null = (i) => i.tOccur): Sample[] => {
  // Items only where the value is a number: a year of incidents makes many that are not.
  const out: Sample[] = [];
  for (const i of m.r.incidents) {
    const value = f(i);
    if (Number.isFinite(value)) out.push({ value, rep: m.rep, incident: i.incidentId, t: t(i) ?? i.tOccur });
  }
  return out;
};

/** Calls on the emergency line that were answered: answer time, with their channel as the note. */
export const answerTimes = (m: MeasureInput, channel: (c: string) => boolean = () => true): Sample[] => {
  // One pass: a busy run has hundreds of thousands of calls.
  const out: Sample[] = [];
  for (const c of m.r.calls) {
    if (c.line === 'emergency' && c.tAnswer !== null && channel(c.channel)) out.push({ value: c.tAnswer - c.tArrive, rep: m.rep, incident: c.incidentId || undefined, t: c.tArrive, note: c.channel });
  }
  return out;
};

/** Alert → leaving the station, for dispatches of the agencies `pick` chooses. */
export const turnout = (m: MeasureInput, pick: (agency: string) => boolean): Sample[] =>
  m.r.dispatches
    .filter((x) => pick(x.agency) && x.tAlert !== null && x.tEnroute !== null)
    .map((x) => ({ value: x.tEnroute! - x.tAlert!, rep: m.rep, incident: x.incidentId, unit: x.unitId, agency: x.agency, t: x.tAlert! }));

/** Center → agency command: from the center's first order to the agency to its command having it. */
export const notify = (m: MeasureInput, tier: number): Sample[] =>
  m.r.agencies
    .filter((a) => a.tier === tier && a.tNotified !== null && a.channel !== 'mutual_aid')
    .map((a) => ({ value: span(a.tOrdered, a.tNotified), rep: m.rep, incident: a.incidentId, agency: a.agency, t: a.tNotified!, note: a.channel }))
    .filter(finite);

/**
 * Each incident's own fire units of its first order (the first-alarm assignment: the dispatches
 * ordered when the fire agency was first ordered, mutual aid aside) that arrived, for incidents
 * `keep` chooses.
 */
export function firstAlarm(m: MeasureInput, keep: (i: IncidentRecord) => boolean): { incident: IncidentRecord; units: DispatchRecord[] }[] {
  const byIncident = new Map<string, DispatchRecord[]>();
  for (const x of m.r.dispatches) {
    if (!isFire(m, x.agency) || x.mutualAid) continue;
    if (!byIncident.has(x.incidentId)) byIncident.set(x.incidentId, []);
    byIncident.get(x.incidentId)!.push(x);
  }
  const out: { incident: IncidentRecord; units: DispatchRecord[] }[] = [];
  // Without a fire dispatch no incident has a first alarm (a run of calls settled by phone has none).
  if (byIncident.size === 0) return out;
  for (const i of m.r.incidents) {
    const ds = byIncident.get(i.incidentId);
    if (!ds || !keep(i)) continue;
    const tFirst = Math.min(...ds.map((x) => x.tOrder));
    const units = ds.filter((x) => x.tOrder === tFirst && x.tArrive !== null && x.tAlert !== null);
    if (units.length) out.push({ incident: i, units });
  }
  return out;
}

/** Is the incident in a zone of one of `classes`? */
export const inClass = (...classes: ZoneClassName[]) => (i: IncidentRecord) => classes.includes(i.zoneClass);

/** Is the incident a fire suppression incident (the rubric's fire incident types)? */
export const fireIncident = (m: MeasureInput) => (i: IncidentRecord) => m.rubric.fireIncidents.includes(i.type);

/** The first-arriving and the last-arriving unit of a list (ties: the earlier in the list). */
export function firstAndLast(units: DispatchRecord[]): { first: DispatchRecord; last: DispatchRecord } {
  let first = units[0];
  let last = units[0];
  for (const x of units) {
    if (x.tArrive! < first.tArrive!) first = x;
    if (x.tArrive! > last.tArrive!) last = x;
  }
  return { first, last };
}

/** The first EMS arrival at each incident `keep` chooses, from its first call: the delay to care. */
export function delayToCare(m: MeasureInput, keep: (i: IncidentRecord) => boolean): Sample[] {
  const first = new Map<string, { t: number; agency: string }>();
  for (const a of m.r.agencies) {
    if (!isEms(m, a.agency) || a.tFirstArrival === null) continue;
    const cur = first.get(a.incidentId);
    if (!cur || a.tFirstArrival < cur.t) first.set(a.incidentId, { t: a.tFirstArrival, agency: a.agency });
  }
  const out: Sample[] = [];
  if (first.size === 0) return out;
  for (const i of m.r.incidents) {
    const f = first.get(i.incidentId);
    if (!f || i.tFirstCall === null || !keep(i)) continue;
    out.push({ value: f.t - i.tFirstCall, rep: m.rep, incident: i.incidentId, agency: f.agency, t: i.tFirstCall });
  }
  return out;
}

/**
 * Report stages against their limits (E1): for each 突发事件 with a limit for its grade, the time
 * from 接报 (the first answered call, or when a routine call was first judged a 突发事件) to its
 * 初报 and 续报, over the limit. A stage still missing when its limit has passed counts with the time
 * run so far (over 1); one whose limit has not passed yet is not judged.
 */
export function reportStages(m: MeasureInput): Sample[] {
  const out: Sample[] = [];
  const end = m.ctx.durationS;
  for (const i of m.r.incidents) {
    const grade = (i.gradeInitial ?? i.gradeFinal) as 'IV' | 'III' | 'II' | 'I' | null;
    const limits = grade ? m.rubric.reporting.limits[grade] : undefined;
    if (!limits) continue;
    const start = i.gradeInitial !== null ? i.tAnswered : i.tGraded;
    if (start === null) continue;
    for (const [stage, t, limit] of [['first', i.tReported, limits.first], ['update', i.tReportUpdate, limits.update]] as const) {
      if (limit === undefined) continue;
      const elapsed = t !== null ? t - start : end - start;
      if (t === null && elapsed <= limit) continue;
      out.push({ value: elapsed / limit, rep: m.rep, incident: i.incidentId, t: start, note: t === null ? `${stage}:missing` : stage });
    }
  }
  return out;
}
