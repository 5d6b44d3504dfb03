/**
 * The two views of an exercise, as plain data. The facilitator sees the truth: true grades and
 * sizes, every unit as it is, the MSEL with what comes next, the expected actions and how they
 * stand. The players see only what the center knows and has been told: incidents once a call about
 * them has been answered, graded as the center graded them, units as their status reports say,
 * the injects delivered to them — no true grade, no future event, no upcoming inject.
 */
import type { LogEvent, EventKind } from '../engine/log.ts';
import type { ExerciseSession } from './session.ts';
import type { Text } from './text.ts';
import type { Action } from './log.ts';

export interface ViewIncident {
  id: string;
  name: string | null;
  type: string;
  lon: number;
  lat: number;
  /** The grade the center works to (−1: not yet graded). */
  grade: number;
  /** Facilitator only: the true grade and size. */
  gradeTrue?: number;
  size?: number | null;
  controlled?: boolean;
  unitsRequired: number;
  unitsArrived: number;
  queued: number;
  tReported: number | null;
  tCommandPost: number | null;
}

export interface ViewUnit {
  id: string;
  agency: string;
  type: string;
  lon: number;
  lat: number;
  /** Players: free / busy / off as the center believes; facilitator: the true status. */
  status: string;
  incident: string | null;
}

export interface ViewMessage {
  t: number;
  id: string;
  from: string;
  to: string;
  kind: string;
  text: Text;
}

export interface ExerciseView {
  role: 'facilitator' | 'player';
  /** Exercise time (s from its start) and the scenario time it stands for. */
  t: number;
  scenarioT: number;
  end: number;
  phase: { id: string; title: Text; situation: Text; questions: Text[] };
  incidents: ViewIncident[];
  units: ViewUnit[];
  center: { staffed: number; busy: number; waiting: number };
  channels: Record<string, boolean>;
  closures: { id: string; lon: number; lat: number; radiusM: number }[];
  /** Injects and prompts delivered so far, newest last. */
  messages: ViewMessage[];
  /** The decision the clock waits for (players do not see the expected choice). */
  decision: { id: string; role: string; prompt: Text; options: { id: string; label: Text }[]; expected?: string | null } | null;
  /** The engine's events so far (players: only those the center learns of). */
  events: LogEvent[];
  /** Notes taken in the room, newest last: every one for the facilitator, the players' own for the players. */
  notes: { t: number; text: string; role: string | null }[];
  /** Facilitator only: the script ahead and the expected actions. */
  upcoming?: { id: string; t: number; kind: string; text: Text; contingency: boolean }[];
  expected?: { id: string; role: string; action: Text; by: number; met: number | null; onTime: boolean | null }[];
}

/** Events the center learns of whatever its status reporting: its own calls, grading, orders, reports, the channels. */
const CENTER_KNOWS: ReadonlySet<EventKind> = new Set<EventKind>([
  'call.answer', 'call.end', 'incident.verify', 'incident.plan', 'incident.regrade', 'incident.report', 'incident.approve',
  'incident.experts', 'incident.commandpost', 'incident.close', 'order.send', 'order.receive', 'order.refused',
  'mutualaid.request', 'request.queue', 'request.lost', 'unit.alert', 'unit.report', 'comms.down', 'comms.up', 'calltakers.change',
]);
/** Where the center sees every unit's true state at once (no status reporting), it also sees these. */
const UNIT_TRUTH: ReadonlySet<EventKind> = new Set<EventKind>(['unit.enroute', 'unit.arrive', 'unit.clear', 'unit.transport', 'unit.hospital', 'unit.return', 'unit.back', 'unit.offduty', 'unit.onduty', 'unit.cancel']);

const messageText = (a: Extract<Action, { type: 'inject' | 'live-inject' | 'prompt' }>, s: ExerciseSession): ViewMessage | null => {
  if (a.type === 'prompt') {
    const due = { initial: { zh: '初报', en: 'first report' }, update: { zh: '续报', en: 'update report' }, final: { zh: '终报', en: 'final report' } }[a.report];
    return { t: a.t, id: `report-${a.report}`, from: 'control', to: a.role, kind: 'prompt', text: { zh: `${due.zh}时限已到：请向上级报送「${a.incident}」的${due.zh}。`, en: `The ${due.en} on "${a.incident}" is due: report it to the superior now.` } };
  }
  const d = a.delivery;
  if (!d) return null;
  if (a.type === 'inject') {
    const inj = s.pkg.injects.find((x) => x.id === a.inject)!;
    return { t: a.t, id: inj.id, from: inj.from, to: inj.to, kind: inj.kind, text: inj.synopsis };
  }
  if ('message' in d) return { t: a.t, id: a.id, from: d.from, to: d.to, kind: 'message', text: d.message };
  return { t: a.t, id: a.id, from: a.role ?? 'control', to: 'center', kind: d.injection.kind, text: { zh: `现场新情况（${d.injection.kind}）`, en: `New development on scene (${d.injection.kind})` } };
};

/** The exercise as the facilitator or the players see it now. */
export function exerciseView(s: ExerciseSession, role: 'facilitator' | 'player'): ExerciseView {
  const facilitator = role === 'facilitator';
  const snap = s.snapshot;
  const phase = [...s.pkg.phases].reverse().find((p) => p.fromS <= s.t) ?? s.pkg.phases[0];
  const reportsKnown = s.scenario.center.statusReports === null;
  const incidents: ViewIncident[] = snap.incidents
    .filter((i) => facilitator || i.known)
    .map((i) => ({
      id: i.id,
      name: i.name,
      type: i.type,
      lon: i.lon,
      lat: i.lat,
      grade: i.gradeCenter,
      ...(facilitator ? { gradeTrue: i.gradeTrue, size: i.size, controlled: i.controlled } : {}),
      unitsRequired: i.unitsRequired,
      unitsArrived: i.unitsArrived,
      queued: i.queued,
      tReported: i.tReported,
      tCommandPost: i.tCommandPost,
    }));
  const units: ViewUnit[] = snap.units.map((u) =>
    facilitator
      ? { id: u.id, agency: u.agency, type: u.type, lon: u.lon, lat: u.lat, status: u.status, incident: u.incident }
      : { id: u.id, agency: u.agency, type: u.type, lon: u.believedLon, lat: u.believedLat, status: u.plannedOff ? 'off' : u.believedFree ? 'free' : 'busy', incident: u.believedFree ? null : u.incident },
  );
  const messages = s.log.actions
    .filter((a): a is Extract<Action, { type: 'inject' | 'live-inject' | 'prompt' }> => a.type === 'inject' || a.type === 'live-inject' || a.type === 'prompt')
    .map((a) => messageText(a, s))
    .filter((m): m is ViewMessage => m !== null && (facilitator || m.to !== 'control'));
  const events = facilitator ? s.events.slice() : s.events.filter((e) => CENTER_KNOWS.has(e.kind) || (reportsKnown && UNIT_TRUTH.has(e.kind)));
  const d = s.pending;
  const view: ExerciseView = {
    role,
    t: s.t,
    scenarioT: snap.t,
    end: s.end,
    phase: { id: phase.id, title: phase.title, situation: phase.situation, questions: phase.questions },
    incidents,
    units,
    center: snap.center,
    channels: { ...snap.channels },
    closures: snap.closures,
    messages,
    decision: d ? { id: d.id, role: d.role, prompt: d.prompt, options: d.options.map((o) => ({ id: o.id, label: o.label })), ...(facilitator ? { expected: d.expected } : {}) } : null,
    events,
    // A facilitator's note ("watch team B") is not for the screen the players read.
    notes: s.log.actions
      .filter((a): a is Extract<Action, { type: 'note' }> => a.type === 'note' && (facilitator || a.role === 'player'))
      .map((a) => ({ t: a.t, text: a.text, role: a.role ?? null })),
  };
  if (facilitator) {
    view.upcoming = [
      ...s.pkg.injects.filter((i) => !s.delivered.has(i.id)).map((i) => ({ id: i.id, t: i.tS, kind: i.kind, text: i.synopsis, contingency: i.contingency !== null })),
      ...s.pkg.decisions.filter((x) => !s.decided.has(x.id) && x !== d).map((x) => ({ id: x.id, t: x.tS, kind: 'decision', text: x.prompt, contingency: false })),
    ].sort((a, b) => a.t - b.t);
    view.expected = s.pkg.expected.map((x) => {
      const m = s.met.get(x.id);
      return { id: x.id, role: x.role, action: x.action, by: x.byS, met: m ? m.t : null, onTime: m ? m.t <= x.byS : s.t > x.byS ? false : null };
    });
  }
  return view;
}
