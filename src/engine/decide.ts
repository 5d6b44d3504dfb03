/**
 * The center's decision on a new incident (研判): after the whole first call, verification and plan
 * time (the serial chain), or while the call goes on once type and address are known (边接边派), the
 * center gives a response level — and with it a 突发事件 grade where the type grades that level —
 * then activates the plan: orders, reporting and approval as the grade requires, the command post.
 */
import { GRADES, type Grade } from '../scenario/schema.ts';
import type { IncidentState, World } from './world.ts';
import { eventGrade, gradeName, planFor } from './plan.ts';
import { trueGradeNow } from './escalation.ts';
import { applyCommandRules, gateLines, maybeOpenCommandPost } from './command-post.ts';
import { closeIncident, orderLines } from './incident.ts';

/** The center gives its first level (and with it the grade, if the level makes it a 突发事件). */
function verify(w: World, inc: IncidentState, duringCall: boolean): void {
  inc.rec.tVerified = w.kernel.now();
  // Growth seen by later callers, or an on-scene report, may already have raised the level.
  inc.grade = Math.max(inc.grade, inc.draw.gradeInitial);
  inc.rec.levelInitial = GRADES[inc.draw.gradeInitial];
  inc.rec.gradeInitial = gradeName(eventGrade(inc.type, inc.draw.gradeInitial));
  inc.rec.levelFinal = GRADES[inc.grade];
  inc.rec.gradeFinal = gradeName(eventGrade(inc.type, inc.grade));
  if (inc.rec.gradeFinal !== null && inc.rec.tGraded === null) inc.rec.tGraded = inc.rec.tVerified;
  if (inc.grade < trueGradeNow(w, inc)) inc.underGradedSince = inc.rec.tVerified;
  w.logging && w.emit('incident.verify', { incident: inc.rec.incidentId }, { level: GRADES[inc.grade], grade: inc.rec.gradeFinal as Grade | null, duringCall });
}

/** Activates the plan for the level the center works to, and starts reporting where the grade says. */
function activatePlan(w: World, inc: IncidentState): void {
  inc.rec.tPlan = w.kernel.now();
  w.logging && w.emit('incident.plan', { incident: inc.rec.incidentId }, { type: inc.type.id, level: GRADES[inc.grade] });
  if (!inc.open) return;
  applyCommandRules(w, inc, orderLines);
  orderLines(w, inc, gateLines(w, inc, planFor(w.scenario, inc.type.id, inc.grade)));
  maybeOpenCommandPost(w, inc, orderLines);
  // A plan with no units means the center settled it by phone.
  if (inc.rec.unitsRequired === 0 && inc.awaitingApproval.length === 0 && inc.awaitingDecision.length === 0) closeIncident(w, inc);
}

/** The serial chain: the first call about `inc` has been handled; verify, give a level, activate the plan. */
export function verifyAndPlan(w: World, inc: IncidentState): void {
  w.kernel.call(inc.draw.verifyS, verified, w, inc);
}

/** Verification done: the level now, the plan after the plan time. */
function verified(w: World, inc: IncidentState): void {
  verify(w, inc, false);
  w.kernel.call(inc.draw.planS, activatePlan, w, inc);
}

/** 边接边派: type and address are known while the first call goes on; the level and the plan come now. */
export function decideDuringCall(w: World, inc: IncidentState): void {
  verify(w, inc, true);
  activatePlan(w, inc);
}
