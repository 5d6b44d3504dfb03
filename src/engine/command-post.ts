/**
 * Command and reporting (指挥协调, 信息报告). Only a 突发事件 — an incident whose level its type grades
 * — is reported and approved; a routine call never is. From the report grade up the event is
 * reported in stages: 初报 (first report) after the report delay from grading, 续报 (the written
 * follow-up) after the update delay, 终报 (final) after the response ends. From the approval grade up
 * plan lines marked `afterApproval` wait for the government's approval of the first report; from the
 * experts grade up experts and agency commanders convene at the center, and from then on follow-up
 * orders no longer wait for approval. Where the plan says, an on-site command post (现场指挥部)
 * opens after its set-up time from the first arrival; its decision meeting (会商决策) then releases
 * the lines marked `afterDecision`; while it runs, hand-offs between agencies on scene take
 * `handoffFactor` of their time.
 */
import { NO_DATA } from './log.ts';
import { sample } from '../random/distributions.ts';
import { GRADES } from '../scenario/schema.ts';
import type { ResponseLine } from '../scenario/scenario.ts';
import type { IncidentState, World } from './world.ts';
import { incidentStream } from './incident.ts';
import { eventGrade } from './plan.ts';

type Order = (w: World, inc: IncidentState, lines: ResponseLine[]) => void;

/** The 突发事件 grade index of the level the center works to (null: routine, or not yet graded). */
const gradeNow = (inc: IncidentState): number | null => eventGrade(inc.type, inc.grade);

/** Starts reporting, approval and experts as the incident's current grade requires (idempotent). */
export function applyCommandRules(w: World, inc: IncidentState, order: Order): void {
  const cmd = w.scenario.command;
  const g = gradeNow(inc);
  if (g === null) return;
  if (g >= cmd.reportGrade && !inc.reportStarted) startReporting(w, inc, order, g);
  // A grade raised after the first report needs approval from then on.
  if (inc.rec.tReported !== null) startApproval(w, inc, order);
  if (g >= cmd.expertsGrade && !inc.expertsStarted) startExperts(w, inc, order);
}

// Each step that schedules is a function of its own, so that an incident below its grades (most of
// them) allocates no closure or context on its way through `applyCommandRules`.

/** 初报 after the report delay, then 续报 after the update delay (both drawn now, from the type's command stream). */
function startReporting(w: World, inc: IncidentState, order: Order, g: number): void {
  const cmd = w.scenario.command;
  const id = inc.rec.incidentId;
  const rng = incidentStream(w, inc, `command/${inc.type.id}`);
  inc.reportStarted = true;
  const reportS = Math.max(0, sample(cmd.reportDelay, rng));
  const updateS = Math.max(0, sample(cmd.updateDelay, rng));
  w.kernel.after(reportS, () => {
    inc.rec.tReported = w.kernel.now();
    w.logging && w.emit('incident.report', { incident: id }, { stage: 'first', grade: GRADES[gradeNow(inc) ?? g], to: 'government' });
    startApproval(w, inc, order);
    w.kernel.after(updateS, () => {
      inc.rec.tReportUpdate = w.kernel.now();
      w.logging && w.emit('incident.report', { incident: id }, { stage: 'update', grade: GRADES[gradeNow(inc) ?? g], to: 'government' });
    });
  });
}

/** Experts and commanders convene at the center after the experts delay, and approve follow-up. */
function startExperts(w: World, inc: IncidentState, order: Order): void {
  inc.expertsStarted = true;
  const expertsS = Math.max(0, sample(w.scenario.command.expertsDelay, incidentStream(w, inc, `command/${inc.type.id}`)));
  w.kernel.after(expertsS, () => {
    inc.rec.tExperts = w.kernel.now();
    inc.expertsConvened = true;
    w.logging && w.emit('incident.experts', { incident: inc.rec.incidentId }, NO_DATA);
    // Commanders at the center decide follow-up at once.
    approve(w, inc, order, 'experts');
  });
}

/** From the approval grade up, the government approves follow-up after the approval delay (once). */
function startApproval(w: World, inc: IncidentState, order: Order): void {
  const g = gradeNow(inc);
  if (inc.approvalStarted || g === null || g < w.scenario.command.approvalGrade) return;
  inc.approvalStarted = true;
  const approvalS = Math.max(0, sample(w.scenario.command.approvalDelay, incidentStream(w, inc, `command/${inc.type.id}/approval`)));
  w.kernel.after(approvalS, () => approve(w, inc, order, 'government'));
}

/** Follow-up is approved (by the government, or by the experts convened): the lines that waited go. */
export function approve(w: World, inc: IncidentState, order: Order, by: 'government' | 'experts'): void {
  if (inc.approved) return;
  inc.approved = true;
  inc.rec.tApproved = w.kernel.now();
  w.logging && w.emit('incident.approve', { incident: inc.rec.incidentId }, { by });
  const lines = inc.awaitingApproval;
  inc.awaitingApproval = [];
  if (inc.open && lines.length) order(w, inc, gateLines(w, inc, lines));
}

/**
 * Splits plan lines into those that go now and those that wait: for the government's approval (at
 * the approval grade and up, until approved), or for the command post's decision meeting.
 */
export function gateLines(w: World, inc: IncidentState, lines: readonly ResponseLine[]): ResponseLine[] {
  const g = gradeNow(inc);
  const needsApproval = g !== null && g >= w.scenario.command.approvalGrade && !inc.approved;
  const now: ResponseLine[] = [];
  for (const l of lines) {
    if (l.afterApproval && needsApproval) inc.awaitingApproval.push(l);
    else if (l.afterDecision && !inc.decided) inc.awaitingDecision.push(l);
    else now.push(l);
  }
  return now;
}

/** Opens the command post if the plan for the current level says so (or it was ordered) and units are on scene. */
export function maybeOpenCommandPost(w: World, inc: IncidentState, order: Order): void {
  if (inc.commandPostOrdered || !(inc.commandPostForced || w.scenario.commandPost[inc.type.id][inc.grade])) return;
  if (inc.rec.tFirstArrival === null) return;
  inc.commandPostOrdered = true;
  const rng = incidentStream(w, inc, `command/${inc.type.id}/post`);
  const setupS = Math.max(0, sample(w.scenario.command.commandPostSetup, rng));
  const meetingS = Math.max(0, sample(w.scenario.command.decisionMeeting, rng));
  const start = Math.max(w.kernel.now(), inc.rec.tFirstArrival);
  inc.rec.tCommandPostOrdered = start;
  w.kernel.after(start - w.kernel.now() + setupS, () => {
    if (!inc.open) return;
    inc.rec.tCommandPost = w.kernel.now();
    w.logging && w.emit('incident.commandpost', { incident: inc.rec.incidentId }, NO_DATA);
    w.kernel.after(meetingS, () => {
      if (!inc.open) return;
      inc.decided = true;
      inc.rec.tDecision = w.kernel.now();
      w.logging && w.emit('incident.decision', { incident: inc.rec.incidentId }, NO_DATA);
      const lines = inc.awaitingDecision;
      inc.awaitingDecision = [];
      if (lines.length) order(w, inc, lines);
    });
  });
}

/** 终报: a reported event's final report follows the end of its response. */
export function finalReport(w: World, inc: IncidentState): void {
  if (inc.reportStarted) scheduleFinalReport(w, inc);
}

function scheduleFinalReport(w: World, inc: IncidentState): void {
  const finalS = Math.max(0, sample(w.scenario.command.finalDelay, incidentStream(w, inc, `command/${inc.type.id}/final`)));
  w.kernel.after(finalS, () => {
    inc.rec.tReportFinal = w.kernel.now();
    const g = gradeNow(inc);
    if (g !== null) w.logging && w.emit('incident.report', { incident: inc.rec.incidentId }, { stage: 'final', grade: GRADES[g], to: 'government' });
  });
}

/** Hand-off factor on scene now: faster while a command post runs. */
export function handoffFactor(w: World, inc: IncidentState): number {
  return inc.rec.tCommandPost !== null ? w.scenario.command.handoffFactor : 1;
}
