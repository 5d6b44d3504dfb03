/**
 * Injections: what a trainer, an exercise script or a test does to a run at the current time —
 * the situation changes (a new incident, a size jump, units or a station out of service, a channel
 * down, roads closed, a call surge, more or less demand), the room's decisions that the engine can act
 * on (raise the response level, order units, send a chosen unit, open the command post, approve), and
 * a facilitator's overrides (force an arrival, set a size). Every injection is logged as an `inject`
 * event; a refused one changes nothing and says why.
 */
import { GRADES, type Grade } from '../scenario/schema.ts';
import type { Channel } from '../scenario/scenario.ts';
import { nearestZone } from '../geo/zones.ts';
import { pickIndex } from '../random/distributions.ts';
import type { IncidentState, World } from './world.ts';
import { occur, orderLines, regrade } from './incident.ts';
import { setSize, setTransport, setTrueGrade } from './incident-change.ts';
import { currentSize } from './escalation.ts';
import { arriveNow, isDispatchable, refreshDuty } from './unit.ts';
import { sendUnit } from './agency.ts';
import { injectOutage } from './comms.ts';
import { approve, maybeOpenCommandPost } from './command-post.ts';
import { setDemandFactor } from './demand.ts';
import { callArrives } from './center.ts';
import type { Refusal } from './refusal.ts';
import { recordNumber } from './kept.ts';

export type { Refusal, RefusalCode } from './refusal.ts';

/** Something done to a run at the current time. Incidents are named by id (`inc-000042`) or by name. */
export type Injection =
  // The situation.
  | { kind: 'incident'; type: string; zone?: string; lon?: number; lat?: number; grade?: Grade; size?: number; callers?: number; name?: string; pin?: boolean }
  | { kind: 'incident.change'; incident: string; grade?: Grade; size?: number; sizeFactor?: number; transport?: boolean }
  | { kind: 'unit.out' | 'unit.in'; unit: string }
  | { kind: 'station.out' | 'station.in'; station: string }
  | { kind: 'channel.down'; channel: Channel; forS?: number }
  | { kind: 'channel.up'; channel: Channel }
  | { kind: 'road.close'; id: string; lon: number; lat: number; radiusM: number; forS?: number }
  | { kind: 'road.open'; id: string }
  | { kind: 'call.surge'; incident: string; callers: number; overS: number }
  | { kind: 'demand.factor'; factor: number; type?: string; forS?: number }
  // Decisions the engine acts on.
  | { kind: 'regrade'; incident: string; grade: Grade }
  | { kind: 'order'; incident: string; agency: string; unitType: string; count?: number }
  | { kind: 'send'; incident: string; unit: string }
  | { kind: 'commandpost'; incident: string }
  | { kind: 'approve'; incident: string }
  // Overrides.
  | { kind: 'arrive'; unit: string }
  | { kind: 'size'; incident: string; size: number };

export type InjectionKind = Injection['kind'];

/** What an injection did: the new incident's id where it made one; or why it was refused (data, see `refusal.ts`). */
export type InjectResult = { ok: true; incident?: string } | { ok: false; refused: Refusal };

/** The incident an injection names (by id or by name), open or not yet handed on. */
export function findIncident(w: World, ref: string): IncidentState | undefined {
  const n = recordNumber('inc', ref);
  return (n === null ? undefined : w.open.get(n)) ?? w.named.get(ref);
}

/** The injection's parameters as the `inject` event logs them (plain scalars, fixed order). */
function params(x: Injection): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(x)) if (k !== 'kind' && v !== undefined) out[k] = v as string | number | boolean;
  return out;
}

/** Applies `x` at the current time: checks it, logs it, then carries it out (so the log reads cause, then effects). */
export function applyInjection(w: World, x: Injection): InjectResult {
  const act = check(w, x);
  if (typeof act !== 'function') return { ok: false, refused: act };
  w.logging && w.emit('inject', idsOf(w, x), { action: x.kind, params: params(x) });
  return act();
}

function idsOf(w: World, x: Injection): { incident?: string; unit?: string; agency?: string } {
  const ids: { incident?: string; unit?: string; agency?: string } = {};
  if ('incident' in x && typeof x.incident === 'string') ids.incident = findIncident(w, x.incident)!.rec.incidentId;
  if ('unit' in x) {
    const u = w.unitsById.get(x.unit)!;
    ids.unit = u.def.id;
    ids.agency = u.agency.id;
  } else if (x.kind === 'order') ids.agency = x.agency;
  return ids;
}

const done = (): InjectResult => ({ ok: true });

/** Checks `x`: the action that carries it out, or why it is refused (nothing changed). */
function check(w: World, x: Injection): (() => InjectResult) | Refusal {
  const named = 'incident' in x && typeof x.incident === 'string' ? x.incident : null;
  const inc = named !== null ? findIncident(w, named) : undefined;
  if (named !== null && !inc) return { code: 'no-incident', incident: named };
  const open = inc?.open ?? true;
  const unit = 'unit' in x ? w.unitsById.get(x.unit) : undefined;
  if ('unit' in x && !unit) return { code: 'unknown-unit', unit: x.unit };
  const closed: Refusal = { code: 'incident-closed', incident: named ?? '' };
  switch (x.kind) {
    case 'incident':
      return checkNewIncident(w, x);
    case 'incident.change': {
      if (!open) return closed;
      if ((x.size !== undefined || x.sizeFactor !== undefined) && !inc!.type.dynamics) return { code: 'no-size', type: inc!.type.id };
      return () => {
        if (x.grade !== undefined) setTrueGrade(w, inc!, GRADES.indexOf(x.grade));
        const size = x.size ?? (x.sizeFactor !== undefined ? currentSize(w, inc!)! * x.sizeFactor : undefined);
        if (size !== undefined) setSize(w, inc!, size);
        if (x.transport !== undefined) setTransport(inc!, x.transport);
        return { ok: true };
      };
    }
    case 'unit.out':
    case 'unit.in':
      return () => {
        unit!.outOfService = x.kind === 'unit.out';
        refreshDuty(w, unit!);
        return { ok: true };
      };
    case 'station.out':
    case 'station.in': {
      const at = w.units.filter((u) => u.def.station === x.station);
      if (at.length === 0) return { code: 'no-station-units', station: x.station };
      return () => {
        for (const u of at) {
          u.outOfService = x.kind === 'station.out';
          refreshDuty(w, u);
        }
        return { ok: true };
      };
    }
    case 'channel.down':
    case 'channel.up':
      if ((x.kind === 'channel.down') === w.injectedDown.has(x.channel)) return { code: x.kind === 'channel.down' ? 'channel-down-already' : 'channel-up-already', channel: x.channel };
      return () => {
        injectOutage(w, x.channel, x.kind === 'channel.down');
        if (x.kind === 'channel.down' && x.forS !== undefined) w.kernel.after(x.forS, () => void applyInjection(w, { kind: 'channel.up', channel: x.channel }));
        return { ok: true };
      };
    case 'road.close':
      return () => {
        w.travel.close(x.id, { lon: x.lon, lat: x.lat, radiusM: x.radiusM });
        if (x.forS !== undefined) w.kernel.after(x.forS, () => void applyInjection(w, { kind: 'road.open', id: x.id }));
        return { ok: true };
      };
    case 'road.open':
      if (!w.travel.activeClosures().has(x.id)) return { code: 'no-road-closure', road: x.id };
      return () => (w.travel.open(x.id), done());
    case 'call.surge':
      if (!open) return closed;
      return () => callSurge(w, inc!, x.callers, x.overS);
    case 'demand.factor':
      if (x.type !== undefined && !w.background.some((b) => b.def.type === x.type)) return { code: 'no-background-demand', type: x.type };
      return () => {
        setDemandFactor(w, x.factor, x.type);
        if (x.forS !== undefined) w.kernel.after(x.forS, () => void applyInjection(w, { kind: 'demand.factor', factor: 1, type: x.type }));
        return { ok: true };
      };
    case 'regrade':
      if (!open) return closed;
      if (inc!.grade < 0) return { code: 'not-graded', incident: named! };
      return () => (regrade(w, inc!, GRADES.indexOf(x.grade)), done());
    case 'order': {
      if (!open) return closed;
      const agency = w.agenciesById.get(x.agency);
      if (!agency) return { code: 'unknown-agency', agency: x.agency };
      if (!w.pools.get(agency.id)?.has(x.unitType)) return { code: 'no-unit-type', agency: x.agency, unitType: x.unitType };
      return () => (orderLines(w, inc!, [{ agency: agency.id, unitType: x.unitType, count: x.count ?? 1, afterApproval: false, afterDecision: false, handoff: { dist: 'fixed', value: 0 } }]), done());
    }
    case 'send': {
      const u = w.unitsById.get(x.unit);
      if (!u) return { code: 'unknown-unit', unit: x.unit };
      if (!open) return closed;
      if (!isDispatchable(w, u)) return { code: 'unit-not-free', unit: x.unit, status: u.status };
      return () => (sendUnit(w, inc!, u), done());
    }
    case 'commandpost':
      if (!open) return closed;
      if (inc!.commandPostOrdered) return { code: 'command-post-ordered', incident: named! };
      return () => {
        inc!.commandPostForced = true;
        maybeOpenCommandPost(w, inc!, orderLines);
        return { ok: true };
      };
    case 'approve':
      if (inc!.approved) return { code: 'approved-already', incident: named! };
      return () => (approve(w, inc!, orderLines, 'government'), done());
    case 'arrive':
      if (unit!.status !== 'enroute') return unit!.status === 'alerted' ? { code: 'unit-not-left', unit: x.unit } : { code: 'unit-not-en-route', unit: x.unit, status: unit!.status };
      return () => (arriveNow(w, unit!), done());
    case 'size':
      if (!inc!.type.dynamics) return { code: 'no-size', type: inc!.type.id };
      if (!open) return closed;
      return () => (setSize(w, inc!, x.size), done());
  }
}

function checkNewIncident(w: World, x: Extract<Injection, { kind: 'incident' }>): (() => InjectResult) | Refusal {
  const s = w.scenario;
  const type = w.incidentTypesById.get(x.type);
  if (!type) return { code: 'unknown-incident-type', type: x.type };
  let zone = x.zone !== undefined ? s.zones.find((z) => z.id === x.zone) : undefined;
  if (x.zone !== undefined && !zone) return { code: 'unknown-zone', zone: x.zone };
  if (!zone) {
    if (x.lon === undefined || x.lat === undefined) return { code: 'no-place' };
    zone = nearestZone(s.zones, { lon: x.lon, lat: x.lat })!;
  }
  if (x.name !== undefined && w.named.has(x.name)) return { code: 'name-taken', name: x.name };
  if (x.pin && x.name === undefined) return { code: 'pin-without-name' };
  const z = zone;
  return () => {
    const inc = occur(w, {
    type: x.type,
      zone: z.id,
      lon: x.lon ?? z.lon,
      lat: x.lat ?? z.lat,
      grade: x.grade ? GRADES.indexOf(x.grade) : null,
      source: 'injected',
      name: x.name,
      pin: x.pin ? x.name : undefined,
      size: x.size,
      callers: x.callers,
    });
    return { ok: true, incident: inc.rec.incidentId };
  };
}

/** `callers` more people call about `inc`, at even-spread random times over the next `overS`. */
function callSurge(w: World, inc: IncidentState, callers: number, overS: number): InjectResult {
  const rng = w.streams.get(`inject/${++w.counters.inject}/surge`);
  const channels = inc.type.channels;
  for (let k = 0; k < callers; k++) {
    const at = rng() * overS;
    const channel = channels.length === 1 ? channels[0].name : channels[pickIndex(inc.type.channelWeights, rng)].name;
    inc.pendingCalls++;
    w.kernel.after(at, () => callArrives(w, inc, channel));
  }
  return { ok: true };
}
