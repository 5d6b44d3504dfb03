/**
 * An incident's life at the center: occurrence → callers → (first answered call) verification and
 * grading → plan activation → orders to agencies → first arrival (on-scene report, re-grading) →
 * work → close.
 */
import { GRADES } from '../scenario/schema.ts';
import { pickIndex, sample } from '../random/distributions.ts';
import type { IncidentState, World } from './world.ts';
import { callArrives } from './center.ts';
import { initialGrade, planFor, planIncrement, resolveAgency } from './plan.ts';
import { sendOrder } from './agency.ts';
import { clearUnit } from './unit.ts';
import type { ResponseLine } from '../scenario/scenario.ts';
import type { IncidentRecord } from '../metrics/records.ts';

export interface Occurrence {
  type: string;
  zone: string;
  lon: number;
  lat: number;
  /** Grade index, or null to draw from the type's distribution. */
  grade: number | null;
  source: IncidentRecord['source'];
}

/** An incident happens now: draw its attributes and schedule its callers. */
export function occur(w: World, o: Occurrence): IncidentState {
  const now = w.kernel.now();
  const type = w.incidentTypesById.get(o.type)!;
  // All of an incident's own draws come from its type's stream, in a fixed order, at occurrence.
  const rng = w.streams.get(`incident/${type.id}`);
  const gradeDraw = pickIndex(type.gradeWeights, rng);
  const gradeTrue = o.grade ?? gradeDraw;
  const c = w.scenario.center;
  const callers = Math.max(1, Math.round(sample(type.callerCount[gradeTrue], rng)));
  const delays: number[] = [];
  const channels: string[] = [];
  for (let k = 0; k < callers; k++) {
    delays.push(Math.max(0, sample(type.callerDelay, rng)));
    channels.push(type.channels.length === 1 ? type.channels[0].name : type.channels[pickIndex(type.channelWeights, rng)].name);
  }
  const workS = Math.max(0, sample(type.workTime[gradeTrue], rng));
  const needsTransport = type.transport ? rng() < type.transport.probability : false;
  const draw = {
    verifyS: Math.max(0, sample(c.verificationTime, rng)),
    planS: Math.max(0, sample(c.planTime, rng)),
    gradeInitial: initialGrade(gradeTrue, c.gradingErrorProbability, c.gradingMaxError, rng),
  };
  const id = `inc-${String(++w.counters.incident).padStart(6, '0')}`;
  const inc: IncidentState = {
    rec: {
      incidentId: id,
      type: type.id,
      zone: o.zone,
      lon: o.lon,
      lat: o.lat,
      source: o.source,
      gradeTrue: GRADES[gradeTrue],
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
    },
    type,
    place: w.travel.place({ lon: o.lon, lat: o.lat }, { zone: o.zone }),
    gradeTrue,
    grade: -1,
    known: false,
    workS,
    needsTransport,
    open: true,
    dispatches: [],
    requiredAgencies: new Set(),
    arrivedAgencies: new Set(),
    pendingCalls: callers,
    recorded: false,
    closeTimer: null,
    draw,
  };
  w.open.set(id, inc);
  w.logging && w.emit('incident.occur', { incident: id, detail: `type=${type.id} zone=${o.zone} grade=${GRADES[gradeTrue]} source=${o.source}` });
  if (callers === 1) w.kernel.after(delays[0], () => callArrives(w, inc, channels[0]));
  else {
    const order = delays.map((d, k) => k).sort((a, b) => delays[a] - delays[b] || a - b);
    for (const k of order) w.kernel.after(delays[k], () => callArrives(w, inc, channels[k]));
  }
  return inc;
}

/** The first call about `inc` has been handled: verify, grade, activate the plan. */
export function reported(w: World, inc: IncidentState): void {
  w.kernel.after(inc.draw.verifyS, () => {
    inc.rec.tVerified = w.kernel.now();
    inc.grade = inc.draw.gradeInitial;
    inc.rec.gradeInitial = GRADES[inc.grade];
    inc.rec.gradeFinal = GRADES[inc.grade];
    w.logging && w.emit('incident.verify', { incident: inc.rec.incidentId, detail: `grade=${GRADES[inc.grade]}` });
    w.kernel.after(inc.draw.planS, () => {
      inc.rec.tPlan = w.kernel.now();
      w.logging && w.emit('incident.plan', { incident: inc.rec.incidentId, detail: `type=${inc.type.id} grade=${GRADES[inc.grade]}` });
      if (!inc.open) return;
      orderLines(w, inc, planFor(w.scenario, inc.type.id, inc.grade));
      // A plan with no units means the center settled it by phone.
      if (inc.rec.unitsRequired === 0) closeIncident(w, inc);
    });
  });
}

/** Orders each plan line from its agency's command. */
function orderLines(w: World, inc: IncidentState, lines: readonly ResponseLine[]): void {
  const now = w.kernel.now();
  if (inc.rec.tFirstOrder === null && lines.length > 0) inc.rec.tFirstOrder = now;
  for (const line of lines) {
    const agency = resolveAgency(w.scenario.agencies, line.agency, inc.rec.zone);
    inc.rec.unitsRequired += line.count;
    inc.requiredAgencies.add(agency.id);
    inc.rec.agenciesRequired = inc.requiredAgencies.size;
    sendOrder(w, inc, agency, line.unitType, line.count);
  }
}

/** A unit reached the scene of `inc`. */
export function unitArrived(w: World, inc: IncidentState, agencyId: string): void {
  const now = w.kernel.now();
  inc.rec.unitsArrived++;
  inc.arrivedAgencies.add(agencyId);
  inc.rec.agenciesArrived = inc.arrivedAgencies.size;
  if (inc.rec.tFirstArrival === null) {
    inc.rec.tFirstArrival = now;
    // Work starts with the first unit; its on-scene report also reveals the true grade.
    inc.closeTimer = w.kernel.after(inc.workS, () => closeIncident(w, inc));
    if (inc.gradeTrue !== inc.grade) regrade(w, inc, inc.gradeTrue);
  }
  if (inc.rec.tFullResponse === null && inc.rec.unitsArrived >= inc.rec.unitsRequired) {
    inc.rec.tFullResponse = now;
    w.logging && w.emit('incident.full', { incident: inc.rec.incidentId });
  }
}

/** The center re-grades `inc`; a higher grade orders what the new grade's plan adds. */
export function regrade(w: World, inc: IncidentState, to: number): void {
  const from = inc.grade;
  inc.grade = to;
  inc.rec.gradeFinal = GRADES[to];
  w.logging && w.emit('incident.regrade', { incident: inc.rec.incidentId, detail: `from=${GRADES[from]} to=${GRADES[to]}` });
  if (to > from) orderLines(w, inc, planIncrement(w.scenario, inc.type.id, from, to));
}

/** Work done: every unit still committed clears; the incident leaves the active set. */
export function closeIncident(w: World, inc: IncidentState): void {
  inc.open = false;
  inc.closeTimer = null;
  inc.rec.tClosed = w.kernel.now();
  w.logging && w.emit('incident.close', { incident: inc.rec.incidentId });
  // Drop its queued requests: nothing is needed any more.
  for (const [key, list] of w.waiting) {
    const kept = list.filter((r) => r.incident !== inc);
    if (kept.length !== list.length) w.waiting.set(key, kept);
  }
  let transportPending = inc.needsTransport;
  for (const d of inc.dispatches) {
    if (d.unit.dispatch !== d) continue;
    const carries = transportPending && d.unit.status === 'onscene' && d.unit.def.type === inc.type.transport?.unitType;
    if (carries) transportPending = false;
    clearUnit(w, d.unit, carries);
  }
  finishIncident(w, inc);
}

/** Hands the record on once the incident is closed and its last caller is done. */
export function finishIncident(w: World, inc: IncidentState): void {
  if (!inc.open && inc.pendingCalls === 0 && !inc.recorded) {
    w.open.delete(inc.rec.incidentId);
    inc.recorded = true;
    w.sinks.incident?.(inc.rec);
  }
}
