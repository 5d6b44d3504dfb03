/**
 * The work of one replication, estimated from the scenario alone before anything runs: expected
 * incidents, calls, unit requests and logged events, from the rates, the duration, callers per
 * incident, plans, units, duties and outages. A scenario that validates can still ask for more than
 * a machine can hold (a rate of 1e9 a day, 1e7 callers per incident, a 100-year run); the CLI and
 * the app's worker compare the estimate with a ceiling and refuse, naming the inputs that weigh most.
 */
import type { Scenario } from '../scenario/scenario.ts';
import type { InputError, Words } from '../scenario/errors.ts';
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

/** One input's share of the work: where it is written, what it makes, and its weight in events. */
export interface WorkPart {
  /** Where in the scenario (`demand (incident type fire)`, `incidentTypes[1].callers.count`, `units`). */
  path: string;
  /** What it makes, in words (`850 incidents`, `850起事件`). */
  what: Words;
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

/** A count in words, exact while small (`12`), then rounded (`3.4 million`, `2.1e+15`). Locale-free. */
export function approx(n: number): string {
  if (!Number.isFinite(n)) return 'more than 1e308';
  if (n < 10) return String(Number(n.toPrecision(2)));
  if (n < 1e4) return String(Math.round(n));
  if (n < 1e6) return `${Math.round(n / 1e3)} thousand`;
  if (n < 1e9) return `${Number((n / 1e6).toPrecision(3))} million`;
  if (n < 1e12) return `${Number((n / 1e9).toPrecision(3))} billion`;
  return n.toExponential(1);
}

/** A count in Chinese words, exact while small (`12`), then rounded (`5.7万`, `346万`, `25亿`, `2.1e+15`). Locale-free. */
export function approxZh(n: number): string {
  if (!Number.isFinite(n)) return '超过 1e308';
  if (n < 1e4) return approx(n);
  if (n < 1e8) return `${Number((n / 1e4).toPrecision(3))}万`;
  if (n < 1e12) return `${Number((n / 1e8).toPrecision(3))}亿`;
  return n.toExponential(1);
}

/** The expected work of one replication of `s`. Pure; never throws (an overflow is Infinity). */
export function estimateWork(s: Scenario): WorkEstimate {
  const days = s.durationS / 86400;
  const parts: WorkPart[] = [];
  const add = (path: string, what: Words, events: number) => events > 0 && parts.push({ path, what, events });
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
    add(rate > 0 ? `demand (incident type ${t.id})` : 'demand.scripted / demand.history', { zh: `${approxZh(n)}起“${t.id}”类事件`, en: `${approx(n)} incidents of type ${t.id}` }, n * (EVENTS.incident + supplyEach));
    add(`incidentTypes[${ti}].callers.count`, { zh: `${approxZh(n * callersEach)}次来电（每起事件${approxZh(callersEach)}次）`, en: `${approx(n * callersEach)} calls (${approx(callersEach)} per incident)` }, n * callersEach * EVENTS.call);
    add(`plans (type ${t.id})`, { zh: `出动${approxZh(n * unitsEach)}个单位`, en: `${approx(n * unitsEach)} units sent` }, n * unitsEach * (EVENTS.request + (statusReports ? EVENTS.report : 0)));
  });
  s.demand.nonEmergency.forEach((x, i) => {
    // A call that needs no unit still arrives, is answered, maybe transferred, and ends.
    const n = x.ratePerDay * days;
    calls += n;
    add(`demand.nonEmergency[${i}].ratePerDay`, { zh: `${approxZh(n)}次无需出动的来电`, en: `${approx(n)} calls that need no unit` }, n * (EVENTS.call + (x.transfer ? x.transfer.probability : 0)));
  });
  add('units', { zh: `为${approxZh(requests)}次请求在${approxZh(s.units.length)}个单位中选派`, en: `choosing among ${approx(s.units.length)} units for ${approx(requests)} requests` }, looks / LOOKS_PER_EVENT);
  add('units', { zh: `${approxZh(s.units.length)}个单位`, en: `${approx(s.units.length)} units` }, s.units.length * UNIT_WEIGHT);

  let taskEvents = 0;
  let dutyEvents = 0;
  for (const u of s.units) {
    if (u.tasks) taskEvents += u.tasks.ratePerDay * days * (EVENTS.task + (statusReports ? 2 : 0));
    if (u.roster) dutyEvents += rosterChanges(u.roster) * days * 2;
    dutyEvents += u.maintenance.length * 4;
  }
  add('units[*].tasks.ratePerDay', { zh: '单位执行本单位勤务', en: `units’ own duties` }, taskEvents);
  add('units[*].roster / maintenance', { zh: '单位下岗与上岗', en: `units going off and on duty` }, dutyEvents);
  add('duration', { zh: `${approxZh(s.durationS / 3600)}小时的勤务变化`, en: `${approx(s.durationS / 3600)} hours of duty changes` }, s.durationS / 3600);
  s.comms.random.forEach((r) => add(`comms.random.${r.channel}.ratePerDay`, { zh: `${approxZh(r.ratePerDay * days)}次通信中断`, en: `${approx(r.ratePerDay * days)} outages` }, r.ratePerDay * days * 2));
  add('comms.outages', { zh: `${s.comms.outages.length}次通信中断`, en: `${s.comms.outages.length} outages` }, s.comms.outages.length * 2);
  add('depots', { zh: '储备补充', en: 'restocks' }, restockEvents(s, days));

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

/**
 * Why one replication of `s` is too much work for the ceiling `maxEvents`, naming its heaviest
 * inputs, or `null` when it fits.
 */
export function workProblem(s: Scenario, maxEvents: number = DEFAULT_MAX_EVENTS): Words | null {
  const e = estimateWork(s);
  if (e.events <= maxEvents) return null;
  // The inputs that make at least a tenth of it (the heaviest one at least).
  const heavy = e.parts.filter((p, i) => i === 0 || p.events >= e.events / 10).slice(0, 3);
  const top = (lang: keyof Words, sep: string, colon: string) => heavy.map((p) => `${p.path}${colon}${p.what[lang]}`).join(sep);
  const days = s.durationS / 86400;
  const raise = Math.ceil(e.events * 1.1);
  const runnable = e.events <= MAX_EVENTS_OPTION;
  return {
    zh:
      `一次重复运行约产生${approxZh(e.events)}条事件记录（${approxZh(e.incidents)}起事件、${approxZh(e.calls)}次来电、出动${approxZh(e.requests)}个单位，历时${approxZh(days)}天），` +
      `超过上限${approxZh(maxEvents)}条；主要来自 ${top('zh', '；', '：')}。` +
      (runnable ? `请缩短时长或调低上述数值，或用 --max-events ${raise} 提高上限` : '这超出了任何机器的运行能力：请缩短时长或调低上述数值'),
    en:
      `one replication would log about ${approx(e.events)} events (${approx(e.incidents)} incidents, ${approx(e.calls)} calls, ${approx(e.requests)} units sent over ${approx(days)} days), ` +
      `more than the limit of ${approx(maxEvents)}; most of it from ${top('en', '; ', ': ')}. ` +
      (runnable ? `Shorten the duration or lower these, or raise the limit with --max-events ${raise}` : 'That is beyond what any machine can run: shorten the duration or lower these'),
  };
}

/**
 * The scenarios (a base and its variants, by name) whose replication is estimated to exceed
 * `maxEvents`, each named by the file and the variant.
 */
export function workErrors(file: string, scenarios: readonly { name: string; scenario: Scenario }[], maxEvents: number = DEFAULT_MAX_EVENTS): InputError[] {
  const out: InputError[] = [];
  for (const { name, scenario } of scenarios) {
    const problem = workProblem(scenario, maxEvents);
    if (problem) out.push({ path: name === 'baseline' ? file : `${file} (variant ${name})`, ...problem });
  }
  return out;
}
