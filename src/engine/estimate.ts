/**
 * The work of one replication, estimated from the scenario alone before anything runs: expected
 * incidents, calls, unit requests and logged events, from the rates, the duration, callers per
 * incident, plans, units, duties and outages. A scenario that validates can still ask for more than
 * a machine can hold (a rate of 1e9 a day, 1e7 callers per incident, a 100-year run); the CLI and
 * the app's worker compare the estimate with a ceiling and refuse, naming the inputs that weigh most.
 */
import type { Scenario } from '../scenario/scenario.ts';
import { distMean } from '../random/distributions.ts';

/**
 * Default ceiling on the estimated events of one replication (`--max-events`). Outputs are streamed,
 * so what a replication holds is its records: the bench's M/M/5 run (1.4 million events) peaks at
 * about 400 MB and takes about 10 s, so the ceiling is about half a gigabyte and a quarter of a minute.
 */
export const DEFAULT_MAX_EVENTS = 2_000_000;

/** The highest `--max-events` accepted: about a terabyte of events. */
export const MAX_EVENTS_OPTION = 5_000_000_000;

/**
 * What each thing costs, in logged events (measured on the bundled scenarios: an incident with no
 * unit logs about 5 events, a call about 4, a unit sent about 12 with its status reports).
 */
const EVENTS = { incident: 6, call: 4, request: 12, report: 4, task: 4, supply: 3 };
/** A unit's state (three random streams, its records) weighs about as much as 10 logged events. */
const UNIT_WEIGHT = 10;
/** Choosing a unit looks at every unit of the type: about 100 such looks cost as much as one event. */
const LOOKS_PER_EVENT = 100;

/**
 * What an input makes, as data (counts expected in one replication); report/work-words.ts says it
 * in words (`850 incidents of type fire`, `850 起“fire”类事件`).
 */
export type WorkWhat =
  | { kind: 'incidents'; n: number; type: string }
  | { kind: 'calls'; n: number; each: number }
  | { kind: 'sent'; n: number }
  | { kind: 'no-unit-calls'; n: number }
  | { kind: 'choosing'; units: number; requests: number }
  | { kind: 'units'; n: number }
  | { kind: 'own-duties' }
  | { kind: 'duty-changes' }
  | { kind: 'hours'; n: number }
  | { kind: 'outages'; n: number }
  | { kind: 'restocks' };

/**
 * Where an input is written, as data; report/work-words.ts says it in words. A key path reads the
 * same in both languages (`incidentTypes[1].callers.count`, `units`); `of` names one incident type's
 * entries under `demand` (its background rates) or `plans` (said `demand (incident type fire)`).
 */
export type WorkPlace = { key: string } | { of: 'demand' | 'plans'; type: string };

/** One input's share of the work: where it is written, what it makes, and its weight in events. */
export interface WorkPart {
  place: WorkPlace;
  what: WorkWhat;
  events: number;
}

export interface WorkEstimate {
  /** Expected incidents, calls and unit requests in one replication. */
  incidents: number;
  calls: number;
  requests: number;
  /** Expected logged events, plus units and unit choices in event equivalents. */
  events: number;
  /** The parts, heaviest first. */
  parts: WorkPart[];
}

/** Shares of a list of non-negative weights (all zero → all zero). */
const shares = (w: readonly number[]) => {
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (total > 0 ? x / total : 0));
};

/** On↔off changes a roster makes in a day. */
const rosterChanges = (r: readonly number[]) => r.reduce((n, v, h) => n + (v !== r[(h + 23) % 24] ? 1 : 0), 0);

/** The expected work of one replication of `s`. Pure; never throws (an overflow is Infinity). */
export function estimateWork(s: Scenario): WorkEstimate {
  const days = s.durationS / 86400;
  const parts: WorkPart[] = [];
  const add = (place: WorkPlace | string, what: WorkWhat, events: number) => events > 0 && parts.push({ place: typeof place === 'string' ? { key: place } : place, what, events });
  const statusReports = s.center.statusReports !== null;
  let incidents = 0;
  let calls = 0;
  let requests = 0;
  let looks = 0;
  const unitsOfType = new Map<string, number>();
  for (const u of s.units) unitsOfType.set(u.type, (unitsOfType.get(u.type) ?? 0) + 1);

  s.incidentTypes.forEach((t, ti) => {
    const rate = s.demand.background.filter((b) => b.type === t.id).reduce((a, b) => a + b.ratePerDay, 0);
    const n = rate * days + s.demand.fixed.filter((f) => f.type === t.id).length;
    if (!(n > 0)) return;
    incidents += n;
    const p = shares(t.gradeWeights);
    const callersEach = p.reduce((a, pg, g) => a + pg * Math.max(1, distMean(t.callerCount[g])), 0);
    const plan = s.plans[t.id] ?? [];
    const unitsEach = p.reduce((a, pg, g) => a + pg * (plan[g] ?? []).reduce((c, line) => c + line.count, 0), 0);
    const looksEach = p.reduce((a, pg, g) => a + pg * (plan[g] ?? []).reduce((c, line) => c + line.count * (unitsOfType.get(line.unitType) ?? 0), 0), 0);
    calls += n * callersEach;
    requests += n * unitsEach;
    looks += n * looksEach;
    const supplyEach = t.supplies.length * EVENTS.supply;
    add(rate > 0 ? { of: 'demand', type: t.id } : 'demand.scripted / demand.history', { kind: 'incidents', n, type: t.id }, n * (EVENTS.incident + supplyEach));
    add(`incidentTypes[${ti}].callers.count`, { kind: 'calls', n: n * callersEach, each: callersEach }, n * callersEach * EVENTS.call);
    add({ of: 'plans', type: t.id }, { kind: 'sent', n: n * unitsEach }, n * unitsEach * (EVENTS.request + (statusReports ? EVENTS.report : 0)));
  });
  s.demand.nonEmergency.forEach((x, i) => {
    // A call that needs no unit still arrives, is answered, maybe transferred, and ends.
    const n = x.ratePerDay * days;
    calls += n;
    add(`demand.nonEmergency[${i}].ratePerDay`, { kind: 'no-unit-calls', n }, n * (EVENTS.call + (x.transfer ? x.transfer.probability : 0)));
  });
  add('units', { kind: 'choosing', units: s.units.length, requests }, looks / LOOKS_PER_EVENT);
  add('units', { kind: 'units', n: s.units.length }, s.units.length * UNIT_WEIGHT);

  let taskEvents = 0;
  let dutyEvents = 0;
  for (const u of s.units) {
    if (u.tasks) taskEvents += u.tasks.ratePerDay * days * (EVENTS.task + (statusReports ? 2 : 0));
    if (u.roster) dutyEvents += rosterChanges(u.roster) * days * 2;
    dutyEvents += u.maintenance.length * 4;
  }
  add('units[*].tasks.ratePerDay', { kind: 'own-duties' }, taskEvents);
  add('units[*].roster / maintenance', { kind: 'duty-changes' }, dutyEvents);
  add('duration', { kind: 'hours', n: s.durationS / 3600 }, s.durationS / 3600);
  s.comms.random.forEach((r) => add(`comms.random.${r.channel}.ratePerDay`, { kind: 'outages', n: r.ratePerDay * days }, r.ratePerDay * days * 2));
  add('comms.outages', { kind: 'outages', n: s.comms.outages.length }, s.comms.outages.length * 2);
  add('depots', { kind: 'restocks' }, restockEvents(s, days));

  parts.sort((a, b) => b.events - a.events);
  const events = parts.reduce((a, p) => a + p.events, 0);
  return { incidents, calls, requests, events, parts };
}

/**
 * Restocks: a depot short of an item restocks by its amount at a time, so a need far larger than
 * the restock amount takes many rounds. Expected need beyond the initial stock ÷ the amount.
 */
function restockEvents(s: Scenario, days: number): number {
  let events = 0;
  const need = new Map<string, number>();
  for (const t of s.incidentTypes) {
    const n = s.demand.background.filter((b) => b.type === t.id).reduce((a, b) => a + b.ratePerDay, 0) * days + s.demand.fixed.filter((f) => f.type === t.id).length;
    // Sizes grow while under-resourced; the initial size of grade IV stands in for it here.
    const size = t.dynamics ? Math.max(1, distMean(t.dynamics.initialSize[0])) : 1;
    for (const x of t.supplies) need.set(x.item, (need.get(x.item) ?? 0) + n * distMean(x.amount) * (x.perSize ? size : 1));
  }
  for (const [item, amount] of need) {
    const stock = s.depots.reduce((a, d) => a + (Object.hasOwn(d.stock, item) ? d.stock[item] : 0), 0);
    const rounds = s.depots.map((d) => (d.restock && Object.hasOwn(d.restock.amount, item) ? d.restock.amount[item] : 0)).filter((x) => x > 0);
    if (amount > stock && rounds.length) events += ((amount - stock) / Math.max(...rounds)) * 2;
  }
  return events;
}

/** One replication's work past a ceiling: the estimate, the ceiling, the days run and the inputs that weigh most. */
export interface WorkOverrun {
  estimate: WorkEstimate;
  maxEvents: number;
  days: number;
  /** The inputs that make at least a tenth of it (the heaviest one at least), at most three, heaviest first. */
  heavy: WorkPart[];
}

/** Why one replication of `s` is too much work for the ceiling `maxEvents`, or `null` when it fits. */
export function workProblem(s: Scenario, maxEvents: number = DEFAULT_MAX_EVENTS): WorkOverrun | null {
  const estimate = estimateWork(s);
  if (estimate.events <= maxEvents) return null;
  const heavy = estimate.parts.filter((p, i) => i === 0 || p.events >= estimate.events / 10).slice(0, 3);
  return { estimate, maxEvents, days: s.durationS / 86400, heavy };
}
