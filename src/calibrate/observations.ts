/**
 * CAD rows grouped into incidents with their dispatches, in local time, and the duration samples the
 * fits use — each defined so that it measures what the scenario parameter of the same name draws:
 * - call handling (center.handlingTime): answer → end of the first call;
 * - dispatch delay per agency (folded into the agency's alertDelay): end of the first call → the
 *   agency's first unit alerted (the center's verification, plan and order transmission and the
 *   agency's alerting, which a CAD export does not time apart);
 * - turnout per agency, day and night (units[].turnout): alert → en route, by the alert's local hour;
 * - travel: en route → on scene;
 * - on-scene work per incident type (incidentTypes[].workTime): first unit on scene → last unit clear
 *   (the model's work clock runs from control, the first unit on scene for types without dynamics,
 *   to close, when every unit clears);
 * - hospital handover per hospital (hospitals[].handover): at hospital → free again.
 */
import { civilFromDays, weekdayOf } from '../scenario/duration.ts';
import type { CadRow } from './cad/rows.ts';

/** One unit's part in an incident. Times are absolute seconds. */
export interface ObservedDispatch {
  row: number;
  unit: string | null;
  agency: string | null;
  unitType: string | null;
  hospital: string | null;
  tAlert: number | null;
  tEnroute: number | null;
  tArrive: number | null;
  tClear: number | null;
  tHospital: number | null;
  tAvailable: number | null;
}

/** An incident with its local calendar position. */
export interface ObservedIncident {
  id: string;
  type: string;
  zone: string | null;
  grade: number | null;
  lon: number | null;
  lat: number | null;
  tCall: number;
  tAnswer: number | null;
  tCallEnd: number | null;
  /** Local day number (days since 1970-01-01), hour 0–23, weekday 0 = Monday, month 1–12. */
  day: number;
  hour: number;
  weekday: number;
  month: number;
  dispatches: ObservedDispatch[];
}

/** A history: its incidents and the whole local days it spans. */
export interface History {
  incidents: ObservedIncident[];
  /** UTC offset (s) of local time. */
  offsetS: number;
  /** First and last local day (inclusive) and their count. */
  firstDay: number;
  lastDay: number;
  days: number;
}

/** Local calendar position of an absolute time. */
export function localTime(absS: number, offsetS: number): { day: number; hour: number; weekday: number; month: number; secondOfDay: number } {
  const local = absS + offsetS;
  const day = Math.floor(local / 86400);
  const secondOfDay = local - day * 86400;
  return { day, hour: Math.floor(secondOfDay / 3600), weekday: weekdayOf(day), month: civilFromDays(day).month, secondOfDay };
}

/** Groups rows (already checked) into incidents, in call order. */
export function buildHistory(rows: readonly CadRow[], offsetS: number): History {
  const byId = new Map<string, ObservedIncident>();
  for (const r of rows) {
    let inc = byId.get(r.incidentId);
    if (!inc) {
      const lt = localTime(r.t.t_call!, offsetS);
      inc = { id: r.incidentId, type: r.type, zone: r.zone, grade: r.grade, lon: r.lon, lat: r.lat, tCall: r.t.t_call!, tAnswer: null, tCallEnd: null, day: lt.day, hour: lt.hour, weekday: lt.weekday, month: lt.month, dispatches: [] };
      byId.set(r.incidentId, inc);
    }
    inc.tAnswer ??= r.t.t_answer ?? null;
    inc.tCallEnd ??= r.t.t_call_end ?? null;
    if (r.unit !== null || r.t.t_alert !== undefined) {
      inc.dispatches.push({
        row: r.row, unit: r.unit, agency: r.agency, unitType: r.unitType, hospital: r.hospital,
        tAlert: r.t.t_alert ?? null, tEnroute: r.t.t_enroute ?? null, tArrive: r.t.t_arrive ?? null,
        tClear: r.t.t_clear ?? null, tHospital: r.t.t_hospital ?? null, tAvailable: r.t.t_available ?? null,
      });
    }
  }
  const incidents = [...byId.values()].sort((a, b) => a.tCall - b.tCall || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const firstDay = incidents.length ? incidents[0].day : 0;
  const lastDay = incidents.length ? incidents[incidents.length - 1].day : -1;
  return { incidents, offsetS, firstDay, lastDay, days: lastDay - firstDay + 1 };
}

/** Samples grouped by a key (agency, type, …), keys in first-seen order. */
export type Samples = Map<string, number[]>;
const push = (m: Samples, k: string, v: number) => {
  const xs = m.get(k);
  if (xs) xs.push(v);
  else m.set(k, [v]);
};

/** Call handling: answer (or the call, where no answer time is kept) → end of the first call. */
export function handlingTimes(h: History): number[] {
  return h.incidents.filter((i) => i.tCallEnd !== null).map((i) => i.tCallEnd! - (i.tAnswer ?? i.tCall));
}

/**
 * Dispatch delay by agency: end of the first call → the agency's first alert. Units alerted while
 * the call was still going on (边接边派) count as 0 and are counted in `duringCall`.
 */
export function dispatchDelays(h: History): { samples: Samples; duringCall: Map<string, number> } {
  const samples: Samples = new Map();
  const duringCall = new Map<string, number>();
  for (const i of h.incidents) {
    if (i.tCallEnd === null) continue;
    const first = new Map<string, number>();
    for (const d of i.dispatches) if (d.agency && d.tAlert !== null) first.set(d.agency, Math.min(first.get(d.agency) ?? Infinity, d.tAlert));
    for (const [agency, t] of first) {
      if (t < i.tCallEnd) duringCall.set(agency, (duringCall.get(agency) ?? 0) + 1);
      push(samples, agency, Math.max(0, t - i.tCallEnd));
    }
  }
  return { samples, duringCall };
}

/** Is local hour `h` night for turnout, with day hours [dayStartH, nightStartH) (as the engine decides)? */
export function isNightHour(h: number, dayStartH: number, nightStartH: number): boolean {
  return dayStartH <= nightStartH ? !(h >= dayStartH && h < nightStartH) : h >= nightStartH && h < dayStartH;
}

/** Turnout (alert → en route) by "agency/day" and "agency/night", by the alert's local hour. */
export function turnouts(h: History, dayStartH: number, nightStartH: number): Samples {
  const out: Samples = new Map();
  for (const i of h.incidents) {
    for (const d of i.dispatches) {
      if (!d.agency || d.tAlert === null || d.tEnroute === null) continue;
      const hour = localTime(d.tAlert, h.offsetS).hour;
      push(out, `${d.agency}/${isNightHour(hour, dayStartH, nightStartH) ? 'night' : 'day'}`, d.tEnroute - d.tAlert);
    }
  }
  return out;
}

/** On-scene work by incident type: first unit on scene → last unit clear. */
export function onSceneTimes(h: History): Samples {
  const out: Samples = new Map();
  for (const i of h.incidents) {
    const arrive = Math.min(...i.dispatches.map((d) => d.tArrive ?? Infinity));
    const clear = Math.max(...i.dispatches.filter((d) => d.tArrive !== null).map((d) => d.tClear ?? -Infinity));
    if (Number.isFinite(arrive) && Number.isFinite(clear)) push(out, i.type, clear - arrive);
  }
  return out;
}

/** Handover by hospital ("" where the export names none): at hospital → free again. */
export function handoverTimes(h: History): Samples {
  const out: Samples = new Map();
  for (const i of h.incidents) for (const d of i.dispatches) if (d.tHospital !== null && d.tAvailable !== null) push(out, d.hospital ?? '', d.tAvailable - d.tHospital);
  return out;
}

/** Per incident type: incidents with a unit on scene, and how many of them took a patient to hospital. */
export function transportCounts(h: History): Map<string, { attended: number; transported: number }> {
  const out = new Map<string, { attended: number; transported: number }>();
  for (const i of h.incidents) {
    if (!i.dispatches.some((d) => d.tArrive !== null)) continue;
    const c = out.get(i.type) ?? { attended: 0, transported: 0 };
    c.attended++;
    if (i.dispatches.some((d) => d.tHospital !== null)) c.transported++;
    out.set(i.type, c);
  }
  return out;
}
