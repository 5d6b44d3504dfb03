/**
 * An incident's life at the center: occurrence → callers → (first answered call) verification and
 * a response level (出动等级) → plan activation (with reporting and approval where the level makes
 * it a 突发事件 of a high enough grade) → orders to agencies → first arrival (on-scene report,
 * re-grading, command post) → units enter, after any precedence wait → controlled → work (slowed
 * while supplies are short) → close (→ final report). With dispatch during the call (边接边派) the
 * level and the plan come while the first call is still going on.
 */
import { NO_DATA } from './log.ts';
import { GRADES, type Grade } from '../scenario/schema.ts';
import { pickIndex, sample } from '../random/distributions.ts';
import type { DispatchState, IncidentState, World } from './world.ts';
import type { Rng } from '../random/streams.ts';
import type { Place } from '../geo/travel.ts';
import { callArrives } from './center.ts';
import { eventGrade, gradeName, initialGrade, planIncrement, resolveAgency } from './plan.ts';
import { forgetRequests, rekeyRequests, sendOrder } from './agency.ts';
import { clearUnit } from './unit.ts';
import type { ResponseLine } from '../scenario/scenario.ts';
import type { IncidentRecord } from './records.ts';
import { currentSize, gradeForSize, isHeld, trueGradeNow, watchThresholds } from './escalation.ts';
import { finishIncident } from './incident-end.ts';
import { recordId } from './kept.ts';
import { applyCommandRules, finalReport, gateLines, handoffFactor, maybeOpenCommandPost } from './command-post.ts';
import { requestSupplies, workEnd } from './stockpile.ts';

export interface Occurrence {
  type: string;
  zone: string;
  lon: number;
  lat: number;
  /** Level index, or null to draw from the type's distribution. */
  grade: number | null;
  source: IncidentRecord['source'];
  /** A scripted or injected incident's name (how injections and exercises refer to it). */
  name?: string;
  /** Draw from the incident's own streams (`pinned/<pin>/…`) instead of its type's shared ones. */
  pin?: string;
  /** Pinned attributes: initial size, and number of callers (instead of drawing them). */
  size?: number;
  callers?: number;
}

/**
 * The stream an incident draws `name` from: its type's shared stream, or — when its draws are
 * pinned — its own, so that other incidents and decisions never shift them.
 */
export function incidentStream(w: World, inc: Pick<IncidentState, 'pin'>, name: string): Rng {
  return w.streams.get(inc.pin === null ? name : `pinned/${inc.pin}/${name}`);
}

/** An incident happens now: draw its attributes and schedule its callers. */
export function occur(w: World, o: Occurrence): IncidentState {
  const now = w.kernel.now();
  const type = w.incidentTypesById.get(o.type)!;
  // All of an incident's own draws come from its type's stream (or its own), in a fixed order, at occurrence.
  const pin = o.pin ?? null;
  const rng = pin === null ? w.typeRng.get(type)! : incidentStream(w, { pin }, `incident/${type.id}`);
  const gradeDraw = pickIndex(type.gradeWeights, rng);
  const gradeTrue = o.grade ?? gradeDraw;
  const c = w.scenario.center;
  const callersDrawn = Math.max(1, Math.round(sample(type.callerCount[gradeTrue], rng)));
  const callers = o.callers !== undefined ? Math.max(1, Math.round(o.callers)) : callersDrawn;
  // Each caller's delay and channel, drawn in turn; lists only where there is more than one caller.
  const delay0 = Math.max(0, sample(type.callerDelay, rng));
  const channel0 = callerChannel(type, rng);
  let several: { delays: number[]; channels: string[] } | null = null;
  if (callers > 1) {
    several = { delays: [delay0], channels: [channel0] };
    for (let k = 1; k < callers; k++) {
      several.delays.push(Math.max(0, sample(type.callerDelay, rng)));
      several.channels.push(callerChannel(type, rng));
    }
  }
  const workS = Math.max(0, sample(type.workTime[gradeTrue], rng));
  const needsTransport = type.transport ? rng() < type.transport.probability : false;
  const draw = {
    verifyS: Math.max(0, sample(c.verificationTime, rng)),
    planS: Math.max(0, sample(c.planTime, rng)),
    gradeInitial: initialGrade(gradeTrue, c.gradingErrorProbability, c.gradingMaxError, rng),
    size0: type.dynamics ? Math.max(1e-6, sample(type.dynamics.initialSize[gradeTrue], rng)) : 0,
  };
  if (o.size !== undefined && type.dynamics) draw.size0 = Math.max(1e-6, o.size);
  const trueName = gradeName(eventGrade(type, gradeTrue));
  const n = ++w.counters.incident;
  const id = recordId('inc', n);
  // The record outlives the incident's state: a literal of its own, so V8 can learn to allocate
  // records where long-lived objects go instead of copying each one out of the young generation.
  const rec: IncidentRecord = {
    incidentId: id,
    type: type.id,
    zone: o.zone,
    lon: o.lon,
    lat: o.lat,
    source: o.source,
    gradeTrue: trueName,
    gradeInitial: null,
    gradeFinal: null,
    tOccur: now,
    tFirstCall: null,
    tAnswered: null,
    tVerified: null,
    tPlan: null,
    tFirstOrder: null,
    tFirstDispatch: null,
    tFirstArrival: null,
    tFullResponse: null,
    tClosed: null,
    callers: 0,
    unitsRequired: 0,
    unitsArrived: 0,
    agenciesRequired: 0,
    agenciesArrived: 0,
    mutualAidUnits: 0,
    queuedRequests: 0,
    lostRequests: 0,
    tReported: null,
    tApproved: null,
    tExperts: null,
    tCommandPost: null,
    tControlled: null,
    escalations: 0,
    coordinationWaitS: 0,
    tiersInvolved: '',
    size: null,
    ordersRefused: 0,
    duplicateCalls: 0,
    tSupplied: null,
    underGradedS: 0,
    zoneClass: w.zoneClass.get(o.zone) ?? 'urban',
    levelTrue: GRADES[gradeTrue],
    levelInitial: null,
    levelFinal: null,
    tReportUpdate: null,
    tReportFinal: null,
    tCommandPostOrdered: null,
    tDecision: null,
    tGraded: null,
  };
  const inc: IncidentState = {
    rec,
    n,
    type,
    name: o.name ?? null,
    pin,
    place: null,
    gradeTrue,
    grade: -1,
    known: false,
    workS,
    needsTransport,
    open: true,
    dispatches: [],
    agencies: null,
    pendingCalls: callers,
    recorded: false,
    closeTimer: null,
    draw,
    entered: 0,
    arrivedBy: null,
    queued: [],
    waitingUnits: [],
    tWorkStart: null,
    sizeGrade: type.dynamics ? gradeForSize(type.dynamics, draw.size0) : 0,
    sizeFinal: null,
    sizeFrom: { size: draw.size0, t: now },
    escalationTimer: null,
    awaitingApproval: [],
    awaitingDecision: [],
    approved: false,
    approvalStarted: false,
    decided: false,
    reportStarted: false,
    expertsStarted: false,
    expertsConvened: false,
    commandPostOrdered: false,
    commandPostForced: false,
    underGradedSince: null,
    suppliesAt: null,
  };
  w.open.set(n, inc);
  if (inc.name) w.named.set(inc.name, inc);
  if (w.logging) {
    const occurred = { type: type.id, zone: o.zone, level: GRADES[gradeTrue], grade: trueName, source: o.source };
    w.emit('incident.occur', { incident: id }, o.name ? { ...occurred, name: o.name } : occurred);
  }
  if (several === null) w.kernel.call(delay0, callArrives, w, inc, channel0);
  else scheduleCallers(w, inc, several.delays, several.channels);
  // A growing incident crosses its thresholds whether or not anyone is there to see it.
  if (type.dynamics) watchThresholds(w, inc, () => sizeCrossed(w, inc));
  return inc;
}

/** The channel a caller uses. */
function callerChannel(type: IncidentState['type'], rng: Rng): string {
  return type.channels.length === 1 ? type.channels[0].name : type.channels[pickIndex(type.channelWeights, rng)].name;
}

/** Schedules several callers, earliest first (ties in the order drawn). */
function scheduleCallers(w: World, inc: IncidentState, delays: number[], channels: string[]): void {
  const order = delays.map((d, k) => k).sort((a, b) => delays[a] - delays[b] || a - b);
  for (const k of order) w.kernel.call(delays[k], callArrives, w, inc, channels[k]);
}

/** The scene as a travel-model place, prepared the first time a unit or a delivery heads there. */
export function scenePlace(w: World, inc: IncidentState): Place {
  return (inc.place ??= w.travel.place({ lon: inc.rec.lon, lat: inc.rec.lat }, { zone: inc.rec.zone }));
}

/** Orders each plan line from its agency's command. */
export function orderLines(w: World, inc: IncidentState, lines: readonly ResponseLine[]): void {
  if (lines.length === 0) return;
  if (inc.rec.tFirstOrder === null) inc.rec.tFirstOrder = w.kernel.now();
  for (const line of lines) {
    const agency = resolveAgency(w.scenario.agencies, line.agency, inc.rec.zone);
    inc.rec.unitsRequired += line.count;
    sendOrder(w, inc, agency, line);
  }
  inc.rec.agenciesRequired = inc.agencies?.size ?? 0;
}

/** A unit reached the scene of its incident. */
export function unitArrived(w: World, d: DispatchState): void {
  const inc = d.incident;
  const now = w.kernel.now();
  const agency = d.unit.agency;
  inc.rec.unitsArrived++;
  const arec = inc.agencies?.get(agency.id);
  if (arec && arec.tFirstArrival === null) arec.tFirstArrival = now;
  let arrivedAgencies = 0;
  for (const a of inc.agencies?.values() ?? []) if (a.tFirstArrival !== null) arrivedAgencies++;
  inc.rec.agenciesArrived = arrivedAgencies;
  const arrivedBy = (inc.arrivedBy ??= new Map());
  const firstOfAgency = !arrivedBy.has(agency.id);
  if (firstOfAgency) arrivedBy.set(agency.id, now);
  if (!arrivedBy.has(agency.kind)) arrivedBy.set(agency.kind, now);
  if (inc.rec.tFirstArrival === null) {
    inc.rec.tFirstArrival = now;
    // The first unit's on-scene report tells the center the true grade (grown or misjudged).
    const truth = trueGradeNow(w, inc);
    if (truth !== inc.grade && inc.grade >= 0) {
      if (truth > Math.max(inc.grade, inc.gradeTrue)) inc.rec.escalations++;
      regrade(w, inc, truth);
    }
    maybeOpenCommandPost(w, inc, orderLines);
  }
  if (inc.rec.tFullResponse === null && inc.rec.unitsArrived >= inc.rec.unitsRequired) {
    inc.rec.tFullResponse = now;
    w.logging && w.emit('incident.full', { incident: inc.rec.incidentId }, NO_DATA);
  }
  // Precedence: this arrival may be what others wait for; and this unit may have to wait itself.
  if (firstOfAgency) {
    const still: DispatchState[] = [];
    for (const x of inc.waitingUnits) {
      if (x.line.after === agency.id || x.line.after === agency.kind) scheduleEntry(w, x, now);
      else still.push(x);
    }
    inc.waitingUnits = still;
  }
  const after = d.line.after;
  if (after === undefined) enter(w, d);
  else if (arrivedBy.has(after)) scheduleEntry(w, d, arrivedBy.get(after)!);
  else {
    inc.waitingUnits.push(d);
    w.logging && w.emit('unit.wait', { incident: inc.rec.incidentId, unit: d.unit.def.id, agency: agency.id }, { after });
  }
}

/** The unit may start `handoff` after the agency it waits for arrived at `tReady0`. */
function scheduleEntry(w: World, d: DispatchState, tReady0: number): void {
  const now = w.kernel.now();
  const handoffS = Math.max(0, sample(d.line.handoff, d.unit.rng)) * handoffFactor(w, d.incident);
  const at = Math.max(now, tReady0 + handoffS);
  if (at <= now) {
    enter(w, d);
    return;
  }
  d.unit.timer = w.kernel.after(at - now, () => {
    d.unit.timer = null;
    if (d.unit.dispatch === d && d.incident.open) enter(w, d);
  });
}

/** The unit starts working on scene. */
function enter(w: World, d: DispatchState): void {
  const inc = d.incident;
  const now = w.kernel.now();
  d.rec.tEnter = now;
  const waitS = now - (d.rec.tArrive ?? now);
  if (waitS > 0) {
    inc.rec.coordinationWaitS += waitS;
    w.logging && w.emit('unit.enter', { incident: inc.rec.incidentId, unit: d.unit.def.id, agency: d.unit.agency.id }, { waitedS: waitS });
  }
  const holdBy = inc.type.dynamics?.holdBy;
  if (!holdBy || holdBy.includes(d.unit.def.type)) inc.entered++;
  checkControl(w, inc);
}

/** Once enough units work on scene the incident is controlled and its work clock starts. */
export function checkControl(w: World, inc: IncidentState): void {
  if (inc.tWorkStart !== null || !inc.open || !isHeld(w, inc)) return;
  const now = w.kernel.now();
  inc.tWorkStart = now;
  inc.rec.tControlled = now;
  inc.escalationTimer?.cancel();
  inc.escalationTimer = null;
  const size = currentSize(w, inc);
  let workS = inc.workS;
  if (size !== null) {
    inc.sizeFinal = size;
    inc.rec.size = size;
    workS += inc.type.dynamics!.workPerSizeS * size;
    w.logging && w.emit('incident.controlled', { incident: inc.rec.incidentId }, { size });
  }
  const suppliedAt = requestSupplies(w, inc, size ?? 1, () => {
    inc.rec.tSupplied = w.kernel.now();
  });
  if (inc.type.supplies.length && suppliedAt === now) inc.rec.tSupplied = now;
  inc.suppliesAt = suppliedAt;
  const end = workEnd(now, workS, suppliedAt, inc.type.shortageFactor);
  inc.closeTimer = w.kernel.call(end - now, closeIncident, w, inc);
}

/** A growing incident crossed a size threshold. */
export function sizeCrossed(w: World, inc: IncidentState): void {
  if (!inc.open) return;
  w.logging && w.emit('incident.escalate', { incident: inc.rec.incidentId }, { size: currentSize(w, inc)!, level: GRADES[trueGradeNow(w, inc)] });
  reportFromScene(w, inc);
}

/**
 * The center hears the truth from the scene if anyone is there and it has graded the incident
 * (otherwise the first arrival's report will tell).
 */
export function reportFromScene(w: World, inc: IncidentState): void {
  if (inc.rec.tFirstArrival === null || inc.grade < 0 || !inc.open) return;
  const truth = trueGradeNow(w, inc);
  if (truth > inc.grade) {
    inc.rec.escalations++;
    regrade(w, inc, truth);
  }
}

/** The center changes the level of `inc`; a higher level orders what its plan adds (and may make it a 突发事件). */
export function regrade(w: World, inc: IncidentState, to: number): void {
  const from = inc.grade;
  if (to === from) return;
  inc.grade = to;
  if (inc.underGradedSince !== null && to >= trueGradeNow(w, inc)) {
    inc.rec.underGradedS += w.kernel.now() - inc.underGradedSince;
    inc.underGradedSince = null;
  }
  inc.rec.levelFinal = GRADES[to];
  inc.rec.gradeFinal = gradeName(eventGrade(inc.type, to));
  if (inc.rec.gradeFinal !== null && inc.rec.tGraded === null) inc.rec.tGraded = w.kernel.now();
  rekeyRequests(w, inc);
  w.logging && w.emit('incident.regrade', { incident: inc.rec.incidentId }, { from: GRADES[from], to: GRADES[to], grade: inc.rec.gradeFinal as Grade | null });
  if (to > from && inc.open) {
    applyCommandRules(w, inc, orderLines);
    orderLines(w, inc, gateLines(w, inc, planIncrement(w.scenario, inc.type.id, from, to)));
    maybeOpenCommandPost(w, inc, orderLines);
  }
}

/** Work done: every unit still committed clears; the incident leaves the active set. */
export function closeIncident(w: World, inc: IncidentState): void {
  inc.open = false;
  inc.closeTimer = null;
  inc.escalationTimer?.cancel();
  inc.escalationTimer = null;
  inc.rec.tClosed = w.kernel.now();
  w.logging && w.emit('incident.close', { incident: inc.rec.incidentId }, NO_DATA);
  // Its queued requests leave the queues' counts now and are skipped when they reach the front.
  forgetRequests(w, inc);
  if (inc.queued.length) inc.queued = [];
  if (inc.waitingUnits.length) inc.waitingUnits = [];
  if (inc.awaitingApproval.length) inc.awaitingApproval = [];
  if (inc.awaitingDecision.length) inc.awaitingDecision = [];
  finalReport(w, inc);
  let transportPending = inc.needsTransport;
  for (const d of inc.dispatches) {
    if (d.unit.dispatch !== d) continue;
    const carries = transportPending && d.unit.status === 'onscene' && d.unit.def.type === inc.type.transport?.unitType;
    if (carries) transportPending = false;
    clearUnit(w, d.unit, carries);
  }
  finishIncident(w, inc);
}
