/**
 * Recognising expected actions: an engine event of the named kind (for the named incident and
 * agency; a report of the named stage — 初报, 续报, 终报), a decision taken (with the named choice), or
 * an evaluator's tick. The first time an action is seen at or after the start of its window counts;
 * whether it was on time is judged against `by`.
 */
import { EVENT_KINDS, type LogEvent } from '../engine/log.ts';
import type { ExercisePackage } from './package.ts';
import type { ExerciseParsed } from './schema.ts';
import type { Words } from '../scenario/errors.ts';
import { noIncidentCalled } from './problems.ts';

/** A staged report as `incident.report` events name it: 初报 (first), 续报 (update), 终报 (final). */
export type ReportStage = 'first' | 'update' | 'final';

/** How an expected action is recognised, checked against the package. */
export type Detect = { kind: 'event'; event: string; incident?: string; agency?: string; stage?: ReportStage } | { kind: 'decision'; decision: string; choice?: string } | { kind: 'manual' };

const KNOWN_KINDS: ReadonlySet<string> = new Set(EVENT_KINDS);

/**
 * An expected action's `detect` as written, normalised; problems go to `err` by their place under
 * `path`. `incidentNames`: the scripted and injected incidents' names. (A decision is checked once the
 * decisions are known.)
 */
export function detectOf(d: ExerciseParsed['phases'][number]['expected'][number]['detect'], path: string, incidentNames: ReadonlySet<string>, err: (path: string, words: Words) => void): Detect {
  if ('decision' in d) return { kind: 'decision', decision: d.decision, choice: d.choice };
  if (!('event' in d)) return { kind: 'manual' };
  if (d.incident !== undefined && !incidentNames.has(d.incident)) err(`${path}.incident`, noIncidentCalled(d.incident));
  // A misspelt kind would never be seen: the action would read as missed, silently.
  if (!KNOWN_KINDS.has(d.event)) err(`${path}.event`, { zh: `没有事件类别“${d.event}”（如 incident.verify、order.send、unit.arrive、incident.report、incident.commandpost）`, en: `no event kind "${d.event}" (e.g. incident.verify, order.send, unit.arrive, incident.report, incident.commandpost)` });
  if (d.stage !== undefined && d.event !== 'incident.report') err(`${path}.stage`, { zh: '报告阶段（first、update、final）只与事件 incident.report 搭配', en: 'a report stage (first, update, final) goes with event incident.report' });
  return { kind: 'event', event: d.event, incident: d.incident, agency: d.agency, stage: d.stage };
}

/** When an expected action was seen (exercise s) and how. */
export interface Met {
  t: number;
  how: 'event' | 'decision' | 'observed';
  /** The event kind or decision that showed it. */
  by?: string;
}

/**
 * Marks the expected actions that `events` (or the decision just taken) show, in `met`. `incidentIds`
 * maps the package's incident names to ids; `startS` is the scenario time of the exercise start.
 */
export function detectFromEvents(
  pkg: ExercisePackage,
  events: readonly LogEvent[],
  incidentIds: ReadonlyMap<string, string>,
  startS: number,
  met: Map<string, Met>,
  decision?: { decision: string; choice: string; t: number },
): void {
  for (const x of pkg.expected) {
    if (met.has(x.id)) continue;
    const d = x.detect;
    if (d.kind === 'decision') {
      if (decision && decision.decision === d.decision && (d.choice === undefined || d.choice === decision.choice) && decision.t >= x.fromS) met.set(x.id, { t: decision.t, how: 'decision', by: d.decision });
      continue;
    }
    if (d.kind !== 'event') continue;
    const incident = d.incident === undefined ? undefined : incidentIds.get(d.incident);
    if (d.incident !== undefined && incident === undefined) continue;
    for (const e of events) {
      const t = e.t - startS;
      if (t < x.fromS || e.kind !== d.event) continue;
      if (incident !== undefined && e.incident !== incident) continue;
      if (d.agency !== undefined && e.agency !== d.agency) continue;
      if (d.stage !== undefined && (e.kind !== 'incident.report' || e.data.stage !== d.stage)) continue;
      met.set(x.id, { t, how: 'event', by: e.kind });
      break;
    }
  }
}
