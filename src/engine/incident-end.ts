/**
 * An incident's end as a record: its summary fields sealed from its state, and the record handed on
 * once the incident is closed and its last caller done (or the run ends first).
 */
import type { IncidentState, World } from './world.ts';
import { currentSize } from './escalation.ts';

/** The tiers of the agencies ordered to `inc`, e.g. "1,2" ('' for none). */
function tiersOf(inc: IncidentState): string {
  if (inc.agencies === null) return '';
  const seen: number[] = [];
  for (const a of inc.agencies.values()) if (!seen.includes(a.tier)) seen.push(a.tier);
  return seen.sort().join(',');
}

/** Fills the record's summary fields from the incident's state. */
export function sealRecord(w: World, inc: IncidentState): void {
  inc.rec.tiersInvolved = tiersOf(inc);
  // Still under-graded when the run (or the incident) ended: count it up to then.
  if (inc.underGradedSince !== null) {
    inc.rec.underGradedS += (inc.rec.tClosed ?? w.kernel.now()) - inc.underGradedSince;
    inc.underGradedSince = null;
  }
  if (inc.rec.size === null && inc.type.dynamics) inc.rec.size = currentSize(w, inc);
}

/** Hands the record on once the incident is closed and its last caller is done. */
export function finishIncident(w: World, inc: IncidentState): void {
  if (!inc.open && inc.pendingCalls === 0 && !inc.recorded) {
    w.open.delete(inc.n);
    inc.recorded = true;
    sealRecord(w, inc);
    w.sinks.incident?.(inc.rec, inc.n);
    for (const a of inc.agencies?.values() ?? []) w.sinks.agency?.(a);
  }
}
