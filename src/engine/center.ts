/**
 * The linkage center's call-takers (接警坐席): an FCFS line served by the positions staffed in the
 * current hour, with optional caller abandonment. With exponential handling and no abandonment this
 * is the M/M/c queue of Erlang C (validated in test/validation).
 */
import { sample } from '../random/distributions.ts';
import type { CallState, IncidentState, World } from './world.ts';
import { finishIncident, reported } from './incident.ts';

/** A caller reaches the center about `inc` on `channel`. */
export function callArrives(w: World, inc: IncidentState, channel: string): void {
  const now = w.kernel.now();
  const id = `call-${String(++w.counters.call).padStart(6, '0')}`;
  const call: CallState = {
    rec: { callId: id, incidentId: inc.rec.incidentId, channel, tArrive: now, tAnswer: null, tEnd: null, abandoned: false, duplicate: false },
    incident: inc,
    gone: false,
    patienceTimer: null,
  };
  inc.rec.callers++;
  w.liveCalls.add(call);
  if (inc.rec.tFirstCall === null) inc.rec.tFirstCall = now;
  w.logging && w.emit('call.arrive', { incident: inc.rec.incidentId }, { call: id, channel });
  if (w.takers.request(call)) {
    answer(w, call);
    return;
  }
  const patience = w.scenario.center.patience;
  if (patience) {
    const p = sample(patience, w.patienceRng);
    call.patienceTimer = w.kernel.after(p, () => abandon(w, call));
  }
}

function abandon(w: World, call: CallState): void {
  call.gone = true;
  call.patienceTimer = null;
  call.rec.abandoned = true;
  call.rec.tEnd = w.kernel.now();
  w.logging && w.emit('call.abandon', { incident: call.incident.rec.incidentId }, { call: call.rec.callId });
  finishCall(w, call);
}

/** A call-taker has taken the call: answers after the answer time, handles it, frees up. */
function answer(w: World, call: CallState): void {
  call.patienceTimer?.cancel();
  call.patienceTimer = null;
  const c = w.scenario.center;
  const rng = w.takerRng;
  const answerS = sample(c.answerTime, rng);
  w.kernel.after(answerS, () => {
    const inc = call.incident;
    call.rec.tAnswer = w.kernel.now();
    call.rec.duplicate = inc.known;
    // A repeat call about a known incident is recognised and merged into it.
    if (inc.known) inc.rec.duplicateCalls++;
    if (inc.rec.tAnswered === null) inc.rec.tAnswered = call.rec.tAnswer;
    w.logging && w.emit('call.answer', { incident: inc.rec.incidentId }, { call: call.rec.callId, duplicate: call.rec.duplicate });
    const first = !inc.known;
    inc.known = true;
    const handleS = sample(first ? c.handlingTime : c.duplicateHandlingTime, rng);
    w.kernel.after(handleS, () => {
      call.rec.tEnd = w.kernel.now();
      w.logging && w.emit('call.end', { incident: inc.rec.incidentId }, { call: call.rec.callId });
      w.takers.release();
      finishCall(w, call);
      if (first) reported(w, inc);
      serveLine(w);
    });
  });
}

function finishCall(w: World, call: CallState): void {
  w.liveCalls.delete(call);
  call.incident.pendingCalls--;
  w.sinks.call?.(call.rec);
  finishIncident(w, call.incident);
}

/** Gives waiting callers to free call-takers, oldest first. */
export function serveLine(w: World): void {
  for (let call = w.takers.next(); call !== null; call = w.takers.next()) answer(w, call);
}

/** Sets the number of staffed positions (at an hour boundary); busy takers finish their call. */
export function setStaffed(w: World, n: number): void {
  if (n === w.takers.staffed) return;
  w.takers.staffed = n;
  w.logging && w.emit('calltakers.change', {}, { staffed: n });
  serveLine(w);
}
