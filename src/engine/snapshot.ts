/**
 * The state of a run now, as plain data: every incident not yet handed on, every unit (where it is
 * and what it does, and what the center believes of it), the call-takers, the channels and the roads.
 * An exercise's views are made from it: the facilitator sees all of it, the players only what the
 * center knows.
 */
import type { Channel } from '../scenario/scenario.ts';
import type { UnitStatus, World } from './world.ts';
import { currentSize, trueGradeNow } from './escalation.ts';
import { positionAt } from './unit.ts';

export interface IncidentSnapshot {
  id: string;
  name: string | null;
  type: string;
  zone: string;
  lon: number;
  lat: number;
  source: string;
  /** The true grade now (index 0 = IV … 3 = I), growth included. */
  gradeTrue: number;
  /** The grade the center works to (−1 until it has verified the incident). */
  gradeCenter: number;
  /** The center has answered a call about it. */
  known: boolean;
  open: boolean;
  size: number | null;
  controlled: boolean;
  tOccur: number;
  tFirstCall: number | null;
  tAnswered: number | null;
  tVerified: number | null;
  tPlan: number | null;
  tFirstArrival: number | null;
  tReported: number | null;
  tApproved: number | null;
  tCommandPost: number | null;
  unitsRequired: number;
  unitsArrived: number;
  /** Unit requests waiting for a free unit. */
  queued: number;
  /** Plan lines waiting for government approval. */
  awaitingApproval: number;
  agencies: { agency: string; tNotified: number | null; tFirstArrival: number | null; units: number }[];
}

export interface UnitSnapshot {
  id: string;
  agency: string;
  type: string;
  station: string;
  status: UnitStatus;
  lon: number;
  lat: number;
  incident: string | null;
  /** What the center believes: free or not, and where (status reports lag the truth). */
  believedFree: boolean;
  believedLon: number;
  believedLat: number;
  inService: boolean;
  /** Off by roster or maintenance: planned, so the center knows it without a report. */
  plannedOff: boolean;
}

export interface WorldSnapshot {
  t: number;
  incidents: IncidentSnapshot[];
  units: UnitSnapshot[];
  center: { staffed: number; busy: number; waiting: number };
  channels: Record<Channel, boolean>;
  closures: { id: string; lon: number; lat: number; radiusM: number }[];
  demandFactor: { type: string; factor: number }[];
}

/** The run's state at the current time. */
export function snapshot(w: World): WorldSnapshot {
  const t = w.kernel.now();
  const incidents: IncidentSnapshot[] = [...w.open.values()].map((inc) => {
    const r = inc.rec;
    return {
      id: r.incidentId,
      name: inc.name,
      type: r.type,
      zone: r.zone,
      lon: r.lon,
      lat: r.lat,
      source: r.source,
      gradeTrue: trueGradeNow(w, inc),
      gradeCenter: inc.grade,
      known: inc.known,
      open: inc.open,
      size: currentSize(w, inc),
      controlled: inc.tWorkStart !== null,
      tOccur: r.tOccur,
      tFirstCall: r.tFirstCall,
      tAnswered: r.tAnswered,
      tVerified: r.tVerified,
      tPlan: r.tPlan,
      tFirstArrival: r.tFirstArrival,
      tReported: r.tReported,
      tApproved: r.tApproved,
      tCommandPost: r.tCommandPost,
      unitsRequired: r.unitsRequired,
      unitsArrived: r.unitsArrived,
      queued: inc.queued.length,
      awaitingApproval: inc.awaitingApproval.length,
      agencies: [...(inc.agencies?.values() ?? [])].map((a) => ({ agency: a.agency, tNotified: a.tNotified, tFirstArrival: a.tFirstArrival, units: a.units })),
    };
  });
  const units: UnitSnapshot[] = w.units.map((u) => {
    const p = positionAt(w, u, t);
    return {
      id: u.def.id,
      agency: u.agency.id,
      type: u.def.type,
      station: u.def.station,
      status: u.status,
      lon: p.lon,
      lat: p.lat,
      incident: u.dispatch?.incident.rec.incidentId ?? null,
      believedFree: u.believedFree,
      believedLon: u.believedAt.lon,
      believedLat: u.believedAt.lat,
      inService: u.onDuty && !u.outOfService && !u.inMaintenance,
      plannedOff: !u.onDuty || u.inMaintenance,
    };
  });
  return {
    t,
    incidents,
    units,
    center: { staffed: w.takers.staffed, busy: w.takers.busy, waiting: w.takers.holding() },
    channels: { platform: w.channelDown.platform === 0, phone: w.channelDown.phone === 0, radio: w.channelDown.radio === 0 },
    closures: [...w.travel.activeClosures()].map(([id, c]) => ({ id, ...c })),
    demandFactor: w.background.map((b) => ({ type: b.def.type, factor: b.factor })),
  };
}
