/**
 * Recognising expected actions: an engine event of the named kind (for the named incident and
 * agency), a decision taken (with the named choice), or an evaluator's tick. The first time an action
 * is seen at or after the start of its window counts; whether it was on time is judged against `by`.
 */
import type { LogEvent } from '../engine/log.ts';
import type { ExercisePackage } from './package.ts';

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
      met.set(x.id, { t, how: 'event', by: e.kind });
      break;
    }
  }
}
