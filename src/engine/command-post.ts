/**
 * Command and reporting (指挥协调, 信息报告). From the report grade up, first response (先期处置)
 * goes at once, the event is reported to government, and plan lines marked `afterApproval` wait for
 * its approval; from the experts grade up, experts and agency commanders convene at the center, and
 * from then on follow-up orders no longer wait for approval. Where the plan says, an on-site command
 * post (现场指挥部) opens after its set-up time from the first arrival; while it runs, hand-offs between
 * agencies on scene take `handoffFactor` of their time.
 */
import { NO_DATA } from './log.ts';
import { sample } from '../random/distributions.ts';
import type { ResponseLine } from '../scenario/scenario.ts';
import type { IncidentState, World } from './world.ts';
import { incidentStream } from './incident.ts';

/** Starts reporting/experts as the incident's current grade requires (idempotent). */
export function applyCommandRules(w: World, inc: IncidentState, order: (w: World, inc: IncidentState, lines: ResponseLine[]) => void): void {
  const cmd = w.scenario.command;
  const id = inc.rec.incidentId;
  const rng = incidentStream(w, inc, `command/${inc.type.id}`);
  if (inc.grade >= cmd.reportGrade && inc.rec.tReported === null && !inc.reportStarted) {
    inc.reportStarted = true;
    const reportS = Math.max(0, sample(cmd.reportDelay, rng));
    const approvalS = Math.max(0, sample(cmd.approvalDelay, rng));
    w.kernel.after(reportS, () => {
      inc.rec.tReported = w.kernel.now();
      w.logging && w.emit('incident.report', { incident: id }, { to: 'government' });
      w.kernel.after(approvalS, () => approve(w, inc, order, 'government'));
    });
  }
  if (inc.grade >= cmd.expertsGrade && !inc.expertsStarted) {
    inc.expertsStarted = true;
    const expertsS = Math.max(0, sample(cmd.expertsDelay, rng));
    w.kernel.after(expertsS, () => {
      inc.rec.tExperts = w.kernel.now();
      inc.expertsConvened = true;
      w.logging && w.emit('incident.experts', { incident: id }, NO_DATA);
      // Commanders at the center decide follow-up at once.
      approve(w, inc, order, 'experts');
    });
  }
}

export function approve(w: World, inc: IncidentState, order: (w: World, inc: IncidentState, lines: ResponseLine[]) => void, by: 'government' | 'experts'): void {
  if (inc.approved) return;
  inc.approved = true;
  inc.rec.tApproved = w.kernel.now();
  w.logging && w.emit('incident.approve', { incident: inc.rec.incidentId }, { by });
  const lines = inc.awaitingApproval;
  inc.awaitingApproval = [];
  if (inc.open && lines.length) order(w, inc, lines);
}

/** Splits plan lines into those that go now and those that wait for approval at this grade. */
export function gateLines(w: World, inc: IncidentState, lines: readonly ResponseLine[]): ResponseLine[] {
  const reported = inc.grade >= w.scenario.command.reportGrade;
  if (!reported || inc.approved) return lines.slice();
  const now: ResponseLine[] = [];
  for (const l of lines) (l.afterApproval ? inc.awaitingApproval : now).push(l);
  return now;
}

/** Opens the command post if the plan for the current grade says so and units are on scene. */
export function maybeOpenCommandPost(w: World, inc: IncidentState): void {
  if (inc.commandPostOrdered || !(inc.commandPostForced || w.scenario.commandPost[inc.type.id][inc.grade])) return;
  if (inc.rec.tFirstArrival === null) return;
  inc.commandPostOrdered = true;
  const setupS = Math.max(0, sample(w.scenario.command.commandPostSetup, incidentStream(w, inc, `command/${inc.type.id}/post`)));
  const start = Math.max(w.kernel.now(), inc.rec.tFirstArrival);
  w.kernel.after(start - w.kernel.now() + setupS, () => {
    if (!inc.open) return;
    inc.rec.tCommandPost = w.kernel.now();
    w.logging && w.emit('incident.commandpost', { incident: inc.rec.incidentId }, NO_DATA);
  });
}

/** Hand-off factor on scene now: faster while a command post runs. */
export function handoffFactor(w: World, inc: IncidentState): number {
  return inc.rec.tCommandPost !== null ? w.scenario.command.handoffFactor : 1;
}
