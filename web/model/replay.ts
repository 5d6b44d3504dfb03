/**
 * The replay model: from a run's event log (and its records), each unit's movements and statuses and
 * each incident's life as time-stamped tracks; `stateAt(t)` then gives the picture at any time
 * without re-running anything. Pure — tested without a DOM.
 */
import type { LogEvent } from '../../src/engine/log.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import type { RunRecords } from '../../src/engine/records.ts';
import { TravelModel, type Place } from '../../src/geo/travel.ts';
import { buildTimeIndex, activeAt, type TimeIndex } from './time-index.ts';

export type UnitStatus = 'available' | 'alerted' | 'enroute' | 'onscene' | 'transporting' | 'hospital' | 'returning' | 'moving' | 'tasked' | 'off';

/** A span of a unit's time: standing (path of one point) or moving along `path`. */
export interface Segment {
  t0: number;
  t1: number;
  status: UnitStatus;
  path: [number, number][];
  /** Cumulative path length at each point (degrees, for interpolation). */
  cum: number[];
  incident?: string;
}

export interface UnitTrack {
  id: string;
  agency: string;
  type: string;
  segments: Segment[];
}

export interface IncidentTrack {
  id: string;
  type: string;
  zone: string;
  lon: number;
  lat: number;
  tOccur: number;
  tFirstArrival: number | null;
  tClosed: number | null;
  /** When it leaves the map: closed, or the last caller hung up before anyone answered (the center never learned of it). */
  tEnd: number;
  /** The center never learned of it: every caller hung up. */
  lost: boolean;
  /** Levels (出动等级) the center worked to, from verification on (index 0 = IV … 3 = I). */
  grades: { t: number; grade: number }[];
  gradeTrue: number;
  /** Size as the log reports it over time (escalations, control); empty until the first report. */
  sizes: { t: number; size: number }[];
}

export interface Replay {
  endS: number;
  units: UnitTrack[];
  /** Sorted by occurrence. */
  incidents: IncidentTrack[];
  /** Which incidents are on the map at a time, by bucket of time. */
  index: TimeIndex;
  events: LogEvent[];
}

const GRADES = ['IV', 'III', 'II', 'I'];

function pathOf(points: [number, number][]): { path: [number, number][]; cum: number[] } {
  const cum = [0];
  for (let i = 1; i < points.length; i++) cum.push(cum[i - 1] + Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]));
  return { path: points, cum };
}

/** Position along a segment at time t (clamped to the segment). */
export function positionOn(s: Segment, t: number): [number, number] {
  if (s.path.length === 1 || s.t1 <= s.t0) return s.path[s.path.length - 1];
  const f = Math.min(1, Math.max(0, (t - s.t0) / (s.t1 - s.t0)));
  const total = s.cum[s.cum.length - 1];
  if (total === 0) return s.path[0];
  const d = f * total;
  let i = 1;
  while (i < s.cum.length - 1 && s.cum[i] < d) i++;
  const a = s.path[i - 1];
  const b = s.path[i];
  const seg = s.cum[i] - s.cum[i - 1];
  const g = seg > 0 ? (d - s.cum[i - 1]) / seg : 1;
  return [a[0] + (b[0] - a[0]) * g, a[1] + (b[1] - a[1]) * g];
}

/** Builds the tracks from a run. Routes follow the road network where the scenario has one. */
export function buildReplay(scenario: Scenario, log: readonly LogEvent[], records: RunRecords): Replay {
  const travel = new TravelModel(scenario);
  const stations = new Map(scenario.stations.map((s) => [s.id, s]));
  const hospitals = new Map(scenario.hospitals.map((h) => [h.id, h]));
  const incidentAt = new Map(records.incidents.map((i) => [i.incidentId, i]));
  const byUnit = new Map<string, LogEvent[]>();
  for (const e of log) {
    if (!e.unit) continue;
    if (!byUnit.has(e.unit)) byUnit.set(e.unit, []);
    byUnit.get(e.unit)!.push(e);
  }
  const places = new Map<string, Place>();
  const place = (lon: number, lat: number): Place => {
    const k = `${lon},${lat}`;
    let p = places.get(k);
    if (!p) places.set(k, (p = travel.place({ lon, lat })));
    return p;
  };
  const route = (a: [number, number], b: [number, number]) =>
    travel.route(place(a[0], a[1]), place(b[0], b[1])).map((p) => [p.lon, p.lat] as [number, number]);

  const units: UnitTrack[] = scenario.units.map((u) => {
    const home = stations.get(u.station)!;
    const segs: Segment[] = [];
    let status: UnitStatus = 'available';
    let pos: [number, number] = [home.lon, home.lat];
    let t = 0;
    let moving: Segment | null = null;
    let incident: string | undefined;
    const close = (tEnd: number) => {
      if (moving) {
        // The log's ETAs are rounded to the millisecond: an arrival at the ETA is at the end of the path.
        pos = tEnd >= moving.t1 - 0.001 ? moving.path[moving.path.length - 1] : positionOn(moving, tEnd);
        moving.t1 = tEnd;
        moving = null;
      } else if (tEnd > t || segs.length === 0) segs.push({ t0: t, t1: tEnd, status, ...pathOf([pos]), incident });
      t = tEnd;
    };
    const travelTo = (tS: number, dest: [number, number], st: UnitStatus, tEnd: number) => {
      close(tS);
      status = st;
      const seg: Segment = { t0: tS, t1: tEnd, status: st, ...pathOf(route(pos, dest)), incident };
      segs.push(seg);
      moving = seg;
      t = tS;
    };
    const stand = (tS: number, st: UnitStatus) => {
      close(tS);
      status = st;
    };
    const evs = byUnit.get(u.id) ?? [];
    evs.forEach((e, i) => {
      // A trip's end is the unit's next event (arrival, or a change of plan on the way).
      const next = evs[i + 1]?.t ?? scenario.durationS;
      switch (e.kind) {
        case 'unit.alert':
          // The span before the alert is not the incident's: close it first.
          close(e.t);
          incident = e.incident;
          stand(e.t, 'alerted');
          break;
        case 'unit.enroute': {
          const inc = incidentAt.get(e.incident!);
          close(e.t);
          incident = e.incident;
          if (inc) travelTo(e.t, [inc.lon, inc.lat], 'enroute', e.data.etaT);
          break;
        }
        case 'unit.arrive':
          stand(e.t, 'onscene');
          break;
        case 'unit.cancel':
          stand(e.t, 'returning');
          break;
        case 'unit.transport': {
          const h = hospitals.get(e.data.hospital);
          if (h) travelTo(e.t, [h.lon, h.lat], 'transporting', next);
          break;
        }
        case 'unit.hospital':
          stand(e.t, 'hospital');
          break;
        case 'unit.return':
        case 'unit.moveup':
        case 'unit.release': {
          const st = stations.get(e.data.to);
          const busy = status === 'alerted' || status === 'enroute' || status === 'onscene' || status === 'transporting' || status === 'hospital';
          if (e.kind === 'unit.release' && busy) break; // it goes home once free
          close(e.t); // the span before belongs to the incident just left
          if (e.kind === 'unit.return') incident = undefined;
          if (st && (st.lon !== pos[0] || st.lat !== pos[1] || moving)) travelTo(e.t, [st.lon, st.lat], e.kind === 'unit.moveup' ? 'moving' : 'returning', next);
          else stand(e.t, 'available');
          break;
        }
        case 'unit.back':
        case 'unit.cover':
        case 'unit.onduty':
        case 'unit.taskdone':
          stand(e.t, 'available');
          incident = undefined;
          break;
        case 'unit.offduty':
          stand(e.t, 'off');
          break;
        case 'unit.task':
          stand(e.t, 'tasked');
          break;
        default:
          break;
      }
    });
    close(scenario.durationS);
    const last = segs[segs.length - 1];
    if (last && last.t1 < scenario.durationS) last.t1 = scenario.durationS;
    return { id: u.id, agency: u.agency, type: u.type, segments: segs.filter((s) => s.t1 >= s.t0) };
  });

  const grades = new Map<string, { t: number; grade: number }[]>();
  const sizes = new Map<string, { t: number; size: number }[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  for (const e of log) {
    if (!e.incident) continue;
    if (e.kind === 'incident.verify' || e.kind === 'incident.regrade') {
      const g = GRADES.indexOf(e.kind === 'incident.verify' ? e.data.level : e.data.to);
      if (g >= 0) push(grades, e.incident, { t: e.t, grade: g });
    } else if (e.kind === 'incident.escalate' || e.kind === 'incident.controlled') {
      if (Number.isFinite(e.data.size)) push(sizes, e.incident, { t: e.t, size: e.data.size });
    }
  }
  // An incident none of whose callers was answered ends, for the map, when the last one hung up.
  const lastHangUp = new Map<string, number>();
  for (const c of records.calls) if (c.abandoned && c.tEnd !== null) lastHangUp.set(c.incidentId, Math.max(lastHangUp.get(c.incidentId) ?? -Infinity, c.tEnd));
  const incidents: IncidentTrack[] = records.incidents.map((i) => {
    const lost = i.tAnswered === null && i.tClosed === null && lastHangUp.has(i.incidentId);
    return {
      id: i.incidentId,
      type: i.type,
      zone: i.zone,
      lon: i.lon,
      lat: i.lat,
      tOccur: i.tOccur,
      tFirstArrival: i.tFirstArrival,
      tClosed: i.tClosed,
      tEnd: i.tClosed ?? (lost ? lastHangUp.get(i.incidentId)! : Infinity),
      lost,
      grades: grades.get(i.incidentId) ?? [],
      gradeTrue: GRADES.indexOf(i.levelTrue as (typeof GRADES)[number]),
      sizes: sizes.get(i.incidentId) ?? [],
    };
  });
  incidents.sort((a, b) => a.tOccur - b.tOccur || (a.id < b.id ? -1 : 1));
  const index = buildTimeIndex(incidents.map((i) => i.tOccur), incidents.map((i) => i.tEnd), scenario.durationS);
  return { endS: scenario.durationS, units, incidents, index, events: [...log] };
}

/** Index of the last element whose key is ≤ t (−1 if none). */
export function lastAtOrBefore<T>(xs: readonly T[], t: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]) <= t) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

export interface UnitState {
  id: string;
  agency: string;
  type: string;
  lon: number;
  lat: number;
  status: UnitStatus;
  /** When the unit's current status began (s). */
  since: number;
  incident?: string;
}

export interface IncidentState {
  id: string;
  type: string;
  lon: number;
  lat: number;
  tOccur: number;
  /** Grade index the center works to now (−1: not yet graded). */
  grade: number;
  attended: boolean;
  /** Size at t as last reported (null: the type has no dynamics). */
  size: number | null;
}

/** Everything on the map at time t: only what has happened by then. */
export function stateAt(r: Replay, t: number): { units: UnitState[]; incidents: IncidentState[] } {
  const units = r.units.map((u) => {
    const k = Math.max(0, lastAtOrBefore(u.segments, t, (s) => s.t0));
    const s = u.segments[k];
    const [lon, lat] = positionOn(s, t);
    return { id: u.id, agency: u.agency, type: u.type, lon, lat, status: s.status, since: s.t0, incident: s.incident };
  });
  const incidents: IncidentState[] = [];
  // Only the incidents of t's bucket of time are looked at: a frame costs what is open, not the day.
  for (const k of activeAt(r.index, t)) {
    const i = r.incidents[k];
    const g = lastAtOrBefore(i.grades, t, (x) => x.t);
    const s = lastAtOrBefore(i.sizes, t, (x) => x.t);
    incidents.push({
      id: i.id,
      type: i.type,
      lon: i.lon,
      lat: i.lat,
      tOccur: i.tOccur,
      grade: g < 0 ? -1 : i.grades[g].grade,
      attended: i.tFirstArrival !== null && i.tFirstArrival <= t,
      size: s < 0 ? null : i.sizes[s].size,
    });
  }
  return { units, incidents };
}

/** Busy and free units per agency at time t. */
export function countsAt(r: Replay, t: number): Map<string, { free: number; busy: number; off: number }> {
  return countUnits(stateAt(r, t).units);
}

/** Busy and free units per agency among `units` (a state already computed). */
export function countUnits(units: readonly UnitState[]): Map<string, { free: number; busy: number; off: number }> {
  const out = new Map<string, { free: number; busy: number; off: number }>();
  for (const u of units) {
    const c = out.get(u.agency) ?? { free: 0, busy: 0, off: 0 };
    if (u.status === 'available' || u.status === 'returning' || u.status === 'moving') c.free++;
    else if (u.status === 'off' || u.status === 'tasked') c.off++;
    else c.busy++;
    out.set(u.agency, c);
  }
  return out;
}
