/**
 * The linkage center's call-takers (接警坐席): an FCFS line served by the positions staffed in the
 * current hour, with optional caller abandonment. With exponential handling and no abandonment this
 * is the M/M/c queue of Erlang C (validated in test/validation). Calls that need no unit (咨询, calls
 * to transfer to 12345) load the same positions — or a separate non-emergency line where the center
 * has one — and are never verified, graded or dispatched. With dispatch during the call (边接边派)
 * the first call's order goes out while the call-taker is still on the line.
 */
import { pickIndex, sample } from '../random/distributions.ts';
import type { NonEmergencyStream } from '../scenario/scenario.ts';
import type { CallKind, CallLine, CallRecord } from './records.ts';
import type { CallState, IncidentState, World } from './world.ts';
import type { CallTakers } from './resources/call-takers.ts';
import { finishIncident } from './incident-end.ts';
import { recordId } from './kept.ts';
import { decideDuringCall, verifyAndPlan } from './decide.ts';

/** A new call's state and record (the caller has not reached a position yet). */
function newCall(w: World, incident: IncidentState | null, stream: NonEmergencyStream | null, channel: string, kind: CallKind, line: CallLine): CallState {
  const n = ++w.counters.call;
  const id = recordId('call', n);
  // A literal of its own: the record outlives the call's state (see `occur`).
  const rec: CallRecord = { callId: id, incidentId: incident?.rec.incidentId ?? '', channel, tArrive: w.kernel.now(), tAnswer: null, tEnd: null, abandoned: false, duplicate: false, kind, line };
  return {
    rec,
    n,
    incident,
    stream,
    gone: false,
    patienceTimer: null,
  };
}

/** The positions of `line`. */
const takersOf = (w: World, line: CallLine): CallTakers<CallState> => (line === 'nonEmergency' ? w.nonEmergencyTakers! : w.takers);

/** A caller reaches the center about `inc` on `channel`. */
export function callArrives(w: World, inc: IncidentState, channel: string): void {
  const now = w.kernel.now();
  const call = newCall(w, inc, null, channel, 'emergency', 'emergency');
  inc.rec.callers++;
  if (inc.rec.tFirstCall === null) inc.rec.tFirstCall = now;
  queueCall(w, call);
}

/** A call that needs no unit arrives from `stream` (on its own line, or the emergency one). */
export function nonEmergencyArrives(w: World, stream: NonEmergencyStream, line: CallLine = stream.line): void {
  const rng = w.nonEmergencyRng;
  const channel = stream.channels.length === 1 ? stream.channels[0].name : stream.channels[pickIndex(stream.channelWeights, rng)].name;
  // A call arriving on the non-emergency line is handled there, never transferred again.
  const transfer = line === 'emergency' && stream.transfer !== null && rng() < stream.transfer.probability;
  queueCall(w, newCall(w, null, stream, channel, transfer ? 'transfer' : 'consult', line));
}

/** The call joins its line: answered at once by a free position, or waits (and may hang up). */
function queueCall(w: World, call: CallState): void {
  w.liveCalls.add(call);
  w.logging && w.emit('call.arrive', { incident: call.incident?.rec.incidentId }, { call: call.rec.callId, channel: call.rec.channel, kind: call.rec.kind, line: call.rec.line });
  if (takersOf(w, call.rec.line).request(call)) {
    answer(w, call);
    return;
  }
  const patience = w.scenario.center.patience;
  if (patience) {
    const p = sample(patience, w.patienceRng);
    call.patienceTimer = w.kernel.call(p, abandon, w, call);
  }
}

function abandon(w: World, call: CallState): void {
  call.gone = true;
  call.patienceTimer = null;
  call.rec.abandoned = true;
  call.rec.tEnd = w.kernel.now();
  w.logging && w.emit('call.abandon', { incident: call.incident?.rec.incidentId }, { call: call.rec.callId });
  finishCall(w, call);
}

/** A call-taker has taken the call: answers after the answer time, handles it, frees up. */
function answer(w: World, call: CallState): void {
  call.patienceTimer?.cancel();
  call.patienceTimer = null;
  if (call.stream) {
    answerNonEmergency(w, call, call.stream);
    return;
  }
  w.kernel.call(sample(w.scenario.center.answerTime, w.takerRng), answered, w, call);
}

/** The call-taker answers: a first call about its incident, or a repeat one recognised and merged. */
function answered(w: World, call: CallState): void {
  const c = w.scenario.center;
  const inc = call.incident!;
  call.rec.tAnswer = w.kernel.now();
  call.rec.duplicate = inc.known;
  // A repeat call about a known incident is recognised and merged into it.
  if (inc.known) {
    inc.rec.duplicateCalls++;
    call.rec.kind = 'repeat';
  }
  if (inc.rec.tAnswered === null) inc.rec.tAnswered = call.rec.tAnswer;
  w.logging && w.emit('call.answer', { incident: inc.rec.incidentId }, { call: call.rec.callId, duplicate: call.rec.duplicate });
  const first = !inc.known;
  inc.known = true;
  const handleS = sample(first ? c.handlingTime : c.duplicateHandlingTime, w.takerRng);
  // 边接边派: once type and address are known the order goes, while the call-taker stays on the line.
  const during = first && c.dispatchDuringCall !== null;
  if (during) w.kernel.call(Math.min(handleS, Math.max(0, sample(c.dispatchDuringCall!.after, w.duringCallRng))), decideDuringCall, w, inc);
  // What the hang-up leaves to do: verify and plan after a first call, unless that was done during it.
  w.kernel.call(handleS, handled, w, call, first && !during);
}

/** The call-taker hangs up; after a first call handled in full the center verifies and plans. */
function handled(w: World, call: CallState, thenVerify: boolean): void {
  endCall(w, call);
  if (thenVerify) verifyAndPlan(w, call.incident!);
  serveLine(w, 'emergency');
}

/** A call that needs no unit: handled in its time, or transferred (to the non-emergency line or away). */
function answerNonEmergency(w: World, call: CallState, stream: NonEmergencyStream): void {
  w.kernel.call(sample(w.scenario.center.answerTime, w.nonEmergencyRng), answeredNonEmergency, w, call, stream);
}

/** The call that needs no unit is answered; it is handled, or its transfer takes its time. */
function answeredNonEmergency(w: World, call: CallState, stream: NonEmergencyStream): void {
  call.rec.tAnswer = w.kernel.now();
  w.logging && w.emit('call.answer', {}, { call: call.rec.callId, duplicate: false });
  const transfer = call.rec.kind === 'transfer';
  const handleS = Math.max(0, sample(transfer ? stream.transfer!.time : stream.handlingTime, w.nonEmergencyRng));
  w.kernel.call(handleS, handledNonEmergency, w, call, stream);
}

/** The call that needs no unit ends; a transfer goes on to the non-emergency line (or away). */
function handledNonEmergency(w: World, call: CallState, stream: NonEmergencyStream): void {
  const line = call.rec.line;
  endCall(w, call);
  if (call.rec.kind === 'transfer') {
    const to = w.nonEmergencyTakers ? 'nonEmergency' : 'away';
    w.logging && w.emit('call.transfer', {}, { call: call.rec.callId, to });
    if (to === 'nonEmergency') nonEmergencyArrives(w, stream, 'nonEmergency');
  }
  serveLine(w, line);
}

/** The call-taker hangs up: the position is free again. */
function endCall(w: World, call: CallState): void {
  call.rec.tEnd = w.kernel.now();
  w.logging && w.emit('call.end', { incident: call.incident?.rec.incidentId }, { call: call.rec.callId });
  takersOf(w, call.rec.line).release();
  finishCall(w, call);
}

function finishCall(w: World, call: CallState): void {
  w.liveCalls.delete(call);
  w.sinks.call?.(call.rec, call.n);
  if (call.incident) {
    call.incident.pendingCalls--;
    finishIncident(w, call.incident);
  }
}

/** Gives waiting callers of `line` to its free call-takers, oldest first. */
export function serveLine(w: World, line: CallLine = 'emergency'): void {
  const takers = takersOf(w, line);
  for (let call = takers.next(); call !== null; call = takers.next()) answer(w, call);
}

/** Sets the number of staffed positions (at an hour boundary); busy takers finish their call. */
export function setStaffed(w: World, n: number, nonEmergency: number | null = null): void {
  if (n !== w.takers.staffed) {
    w.takers.staffed = n;
    w.logging && w.emit('calltakers.change', {}, { staffed: n });
    serveLine(w, 'emergency');
  }
  if (nonEmergency !== null && w.nonEmergencyTakers && nonEmergency !== w.nonEmergencyTakers.staffed) {
    w.nonEmergencyTakers.staffed = nonEmergency;
    w.logging && w.emit('calltakers.change', {}, { staffed: nonEmergency, line: 'nonEmergency' });
    serveLine(w, 'nonEmergency');
  }
}
