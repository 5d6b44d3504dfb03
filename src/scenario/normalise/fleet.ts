/** Agencies, stations, hospitals and units, with their cross-references checked. */
import type { DistInput, ScenarioParsed } from '../schema.ts';
import type { PlacedScenario } from './geography.ts';
import type { Agency, Hospital, Station, Unit } from '../scenario.ts';
import { uniqueIds, type NormaliseContext } from './context.ts';
import { secs } from './dist.ts';
import { FROM_BEFORE_TO, unknownAgency, unknownStation, unknownZone } from './words.ts';

/** What later steps need to know of the fleet. */
export interface Fleet {
  agencies: Agency[];
  agencyIds: Set<string>;
  /** Agency kinds present (fire, ems, …). */
  kinds: Set<string>;
  stations: Station[];
  stationIds: Set<string>;
  hospitals: Hospital[];
  units: Unit[];
  /** Unit types each agency has. */
  unitTypesByAgency: Map<string, Set<string>>;
}

/** On-duty hours (1) by local hour from "HH:MM-HH:MM" (may wrap midnight) or 24 values. Pure. */
export function parseRoster(r: string | number[] | undefined): number[] | null {
  if (r === undefined) return null;
  if (Array.isArray(r)) return r.slice();
  const [a, b] = r.split('-').map((s) => {
    const [h, m] = s.split(':').map(Number);
    return h + (m || 0) / 60;
  });
  // Hour h is on duty when its start lies in [a, b) (wrapping past midnight when b ≤ a).
  return Array.from({ length: 24 }, (_, h) => (b > a ? (h >= a && h < b ? 1 : 0) : h >= a || h < b ? 1 : 0));
}

function normaliseAgencies(s: ScenarioParsed, zoneIds: Set<string>, agencyIds: Set<string>, ctx: NormaliseContext): Agency[] {
  const { err, distOr } = ctx;
  return s.agencies.map((a, i) => {
    const p = `agencies[${i}]`;
    if (a.jurisdiction !== 'all') a.jurisdiction.forEach((z, k) => zoneIds.has(z) || err(`${p}.jurisdiction[${k}]`, unknownZone(z)));
    a.mutualAid?.from.forEach((f, k) => {
      if (!agencyIds.has(f)) err(`${p}.mutualAid.from[${k}]`, unknownAgency(f));
      else if (f === a.id) err(`${p}.mutualAid.from[${k}]`, { zh: '联动单位不能把自己列为增援来源', en: 'an agency cannot be its own neighbour' });
    });
    return {
      id: a.id,
      name: a.name ?? a.id,
      kind: a.kind,
      tier: a.tier,
      jurisdiction: a.jurisdiction === 'all' ? null : a.jurisdiction.slice(),
      channel: a.channel,
      channelDelay: {
        platform: distOr(a.channels?.platform, 10, `${p}.channels.platform`),
        phone: distOr(a.channels?.phone, { dist: 'lognormal', mean: 120, sd: 60 }, `${p}.channels.phone`),
        radio: distOr(a.channels?.radio, { dist: 'lognormal', mean: 60, sd: 30 }, `${p}.channels.radio`),
      },
      alertDelay: distOr(a.alertDelay, 30, `${p}.alertDelay`),
      staging: a.staging === undefined ? null : ctx.dist(a.staging, `${p}.staging`),
      mutualAid: a.mutualAid
        ? {
            from: a.mutualAid.from.slice(),
            withinS: secs(a.mutualAid.within),
            requestDelay: distOr(a.mutualAid.requestDelay, 180, `${p}.mutualAid.requestDelay`),
            approvalDelay: distOr(a.mutualAid.approvalDelay, 0, `${p}.mutualAid.approvalDelay`),
            backfill: a.mutualAid.backfill,
          }
        : undefined,
    };
  });
}

/** Units, one per `count` (ids ID-1, ID-2, …), with their day and night turnout, roster and duties. */
function normaliseUnits(s: ScenarioParsed, agencyIds: Set<string>, stationIds: Set<string>, ctx: NormaliseContext): { units: Unit[]; unitTypesByAgency: Map<string, Set<string>> } {
  const { err, dist } = ctx;
  const units: Unit[] = [];
  const unitIdSeen = new Map<string, string>();
  const unitTypesByAgency = new Map<string, Set<string>>();
  s.units.forEach((u, i) => {
    const p = `units[${i}]`;
    if (!agencyIds.has(u.agency)) err(`${p}.agency`, unknownAgency(u.agency));
    if (!stationIds.has(u.station)) err(`${p}.station`, unknownStation(u.station));
    // A unit's own turnout, else its agency's, else 60 s; errors name where the value was written.
    const ai = s.agencies.findIndex((a) => a.id === u.agency);
    const fromAgency = u.turnout === undefined && ai >= 0 && s.agencies[ai].turnout !== undefined;
    const turnout = u.turnout ?? (fromAgency ? s.agencies[ai].turnout! : 60);
    const tp = fromAgency ? `agencies[${ai}].turnout` : `${p}.turnout`;
    const isDayNight = typeof turnout === 'object' && 'day' in turnout;
    const day = dist(isDayNight ? turnout.day : (turnout as DistInput), `${tp}${isDayNight ? '.day' : ''}`);
    const night = isDayNight ? dist(turnout.night, `${tp}.night`) : day;
    if (typeof u.roster === 'string' && !u.roster.split('-').every((t) => /^([01]?\d|2[0-3])(:[0-5]\d)?$|^24(:00)?$/.test(t))) {
      err(`${p}.roster`, { zh: `“${u.roster}”不是 00:00 到 24:00 之间的两个时刻`, en: `"${u.roster}" is not two times of day from 00:00 to 24:00` });
    }
    const roster = parseRoster(u.roster);
    for (let k = 1; k <= u.count; k++) {
      const uid = u.count === 1 ? u.id : `${u.id}-${k}`;
      if (unitIdSeen.has(uid)) err(`${p}.id`, { zh: `单位编号“${uid}”重复（另见 ${unitIdSeen.get(uid)}）`, en: `duplicate unit id "${uid}" (also ${unitIdSeen.get(uid)})` });
      unitIdSeen.set(uid, p);
      const maintenance = u.maintenance.map((m, k) => {
        const fromS = secs(m.from);
        const toS = secs(m.to);
        if (!(toS > fromS)) err(`${p}.maintenance[${k}]`, FROM_BEFORE_TO);
        return { fromS, toS };
      });
      const tasks = u.tasks ? { ratePerDay: u.tasks.ratePerDay, duration: dist(u.tasks.duration, `${p}.tasks.duration`) } : null;
      units.push({ id: uid, agency: u.agency, type: u.type, station: u.station, capabilities: u.capabilities.slice(), turnoutDay: day, turnoutNight: night, roster, maintenance, tasks });
    }
    if (!unitTypesByAgency.has(u.agency)) unitTypesByAgency.set(u.agency, new Set());
    unitTypesByAgency.get(u.agency)!.add(u.type);
  });
  return { units, unitTypesByAgency };
}

/** The scenario's agencies, stations, hospitals and units. */
export function normaliseFleet(s: PlacedScenario, zoneIds: Set<string>, ctx: NormaliseContext): Fleet {
  const agencyIds = uniqueIds(s.agencies, 'agencies', ctx);
  const kinds = new Set(s.agencies.map((a) => a.kind));
  const agencies = normaliseAgencies(s, zoneIds, agencyIds, ctx);
  const stationIds = uniqueIds(s.stations, 'stations', ctx);
  s.stations.forEach((st, i) => st.agency && !agencyIds.has(st.agency) && ctx.err(`stations[${i}].agency`, unknownAgency(st.agency)));
  const stations = s.stations.map((st) => ({ id: st.id, name: st.name ?? st.id, agency: st.agency, lon: st.lon, lat: st.lat }));
  uniqueIds(s.hospitals, 'hospitals', ctx);
  const hospitals = s.hospitals.map((h, i) => ({ id: h.id, name: h.name ?? h.id, lon: h.lon, lat: h.lat, handover: ctx.dist(h.handover, `hospitals[${i}].handover`) }));
  const { units, unitTypesByAgency } = normaliseUnits(s, agencyIds, stationIds, ctx);
  return { agencies, agencyIds, kinds, stations, stationIds, hospitals, units, unitTypesByAgency };
}
