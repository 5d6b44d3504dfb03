/**
 * Changes to an incident from outside the model — an exercise's injects and a facilitator's
 * overrides: its true grade revised, a size jump (a secondary explosion 次生事故, a wind shift
 * enlarging a hazmat zone), a casualty revision (patients to take to hospital). The center learns of
 * a change the way it learns of growth: from units on scene.
 */
import { GRADES, MAX_SIZE } from '../scenario/schema.ts';
import type { IncidentState, World } from './world.ts';
import { gradeForSize, isHeld, trueGradeNow, watchThresholds } from './escalation.ts';
import { checkControl, closeIncident, reportFromScene, sizeCrossed } from './incident.ts';
import type { Refusal } from './refusal.ts';

/** The incident's true grade becomes `grade` (index 0 = IV … 3 = I). */
export function setTrueGrade(w: World, inc: IncidentState, grade: number): void {
  inc.gradeTrue = grade;
  inc.rec.gradeTrue = GRADES[grade];
  if (inc.grade >= 0 && inc.grade < trueGradeNow(w, inc) && inc.underGradedSince === null) inc.underGradedSince = w.kernel.now();
  reportFromScene(w, inc);
}

/**
 * The incident's size jumps to `size` now (types with dynamics only), past the type's `maxSize` if so
 * (growth stops there on its own; a jump from outside may go beyond, and then stays). It grows on
 * from there while too few units hold it; an incident under control whose units can no longer hold
 * the new size is out of control again, and its work starts over once enough units are there; one
 * still held works on for the changed size's share of the work.
 * Returns why not (data), or null.
 */
export function setSize(w: World, inc: IncidentState, size: number): Refusal | null {
  const d = inc.type.dynamics;
  if (!d) return { code: 'no-size', type: inc.type.id };
  if (!inc.open) return { code: 'incident-closed', incident: inc.rec.incidentId };
  const now = w.kernel.now();
  inc.sizeFrom = { size: Math.min(MAX_SIZE, Math.max(1e-6, size)), t: now };
  if (inc.sizeFinal !== null) {
    const heldSize = inc.sizeFinal;
    inc.sizeFinal = null;
    if (isHeld(w, inc)) {
      // Still held: the work carries on, longer (or shorter) by the work of the size it changed by.
      inc.sizeFinal = inc.sizeFrom.size;
      inc.rec.size = inc.sizeFinal;
      const timer = inc.closeTimer;
      if (timer && inc.sizeFinal !== heldSize) {
        const at = Math.max(now, timer.at + d.workPerSizeS * (inc.sizeFinal - heldSize));
        timer.cancel();
        inc.closeTimer = w.kernel.call(at - now, closeIncident, w, inc);
      }
    } else {
      inc.closeTimer?.cancel();
      inc.closeTimer = null;
      inc.tWorkStart = null;
      inc.rec.tControlled = null;
    }
  }
  const g = gradeForSize(d, inc.sizeFrom.size);
  if (g > inc.sizeGrade) {
    inc.sizeGrade = g;
    if (g > inc.gradeTrue) sizeCrossed(w, inc);
  }
  if (inc.sizeFinal === null) {
    watchThresholds(w, inc, () => sizeCrossed(w, inc));
    checkControl(w, inc);
  }
  return null;
}

/** Whether patients must be taken to hospital (a casualty revision). */
export function setTransport(inc: IncidentState, needed: boolean): void {
  inc.needsTransport = needed;
}
