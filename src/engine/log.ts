/**
 * The event log: one plain object per step of the chain, in the order the engine ran them. Each kind
 * carries its own typed payload (`data`), so readers — the replay, the exercise session, tests — read
 * fields instead of parsing text; `events.csv` writes the payload as a `key=value` detail
 * (`src/report/csv.ts`). Times are seconds from the scenario start.
 */
import type { Grade } from '../scenario/schema.ts';
import type { Channel } from '../scenario/scenario.ts';
import type { IncidentSource } from './records.ts';

/** What each kind of event says beyond its time and the incident, unit and agency it concerns. */
export interface EventData {
  /** `name`: a scripted or injected incident's name (not written to `events.csv`). */
  'incident.occur': { type: string; zone: string; grade: Grade; source: IncidentSource; name?: string };
  'call.arrive': { call: string; channel: string };
  'call.answer': { call: string; duplicate: boolean };
  'call.abandon': { call: string };
  'call.end': { call: string };
  /** The center's grade after verification. */
  'incident.verify': { grade: Grade };
  'incident.plan': { type: string; grade: Grade };
  'order.send': { unitType: string; count: number };
  /** `delayS`: the order's time on the channel (s). */
  'order.receive': { unitType: string; count: number; channel: Channel; delayS: number };
  /** `ownEtaS`: the best own unit's travel time (s), or null when none was free. */
  'mutualaid.request': { unitType: string; to: string[]; ownEtaS: number | null };
  /** `position`: the request's place in its agency's queue, from 1. */
  'request.queue': { unitType: string; position: number };
  'request.lost': { unitType: string };
  'unit.alert': { dispatch: string; channel: string; mutualAid: boolean; fromRoad: boolean };
  /** `etaT`: the time (s) the unit will arrive. */
  'unit.enroute': { etaT: number };
  'unit.arrive': Record<string, never>;
  /** `after`: the agency id or kind it waits for. */
  'unit.wait': { after: string };
  'unit.enter': { waitedS: number };
  'incident.regrade': { from: Grade; to: Grade };
  'incident.escalate': { size: number; grade: Grade };
  'incident.report': { to: 'government' };
  'incident.approve': { by: 'government' | 'experts' };
  'incident.experts': Record<string, never>;
  'incident.commandpost': Record<string, never>;
  'incident.controlled': { size: number };
  'incident.full': Record<string, never>;
  'supply.request': { item: string; amount: number };
  /** `waitFor`: the depot whose restock the delivery waits for (absent: none will come). */
  'supply.shortage': { item: string; amount: number; waitFor?: string };
  'supply.dispatch': { item: string; amount: number; depot: string; etaT: number };
  'supply.arrive': { item: string; depot: string };
  'depot.restock': { depot: string };
  'incident.close': Record<string, never>;
  'unit.cancel': Record<string, never>;
  'unit.clear': Record<string, never>;
  'unit.transport': { hospital: string };
  'unit.hospital': { hospital: string };
  /** `to`: the station it heads back to. */
  'unit.return': { dispatch: string; to: string };
  'unit.back': { covers?: string };
  'unit.offduty': { reason: 'out_of_service' | 'maintenance' | 'roster' };
  'unit.onduty': Record<string, never>;
  /** A status report reached the center; `resent`: it was lost once. */
  'unit.report': { free: boolean; resent: boolean };
  'unit.task': Record<string, never>;
  'unit.taskdone': Record<string, never>;
  /** `status`: the unit's true status when the order reached it. */
  'order.refused': { status: string };
  'unit.moveup': { covers: string; to: string };
  'unit.cover': { covers?: string };
  'unit.release': { covered: string; to: string };
  'comms.down': { channel: Channel; cause: 'scheduled' | 'random' | 'injected' };
  'comms.up': { channel: Channel };
  'calltakers.change': { staffed: number };
  /** Something injected from outside the model (a trainer, a test) at this time. */
  inject: { action: string; params: Record<string, string | number | boolean> };
}

/** Kinds of events. */
export type EventKind = keyof EventData;

/** Kinds of events, in chain order. */
export const EVENT_KINDS = [
  'incident.occur',
  'call.arrive',
  'call.answer',
  'call.abandon',
  'call.end',
  'incident.verify',
  'incident.plan',
  'order.send',
  'order.receive',
  'mutualaid.request',
  'request.queue',
  'request.lost',
  'unit.alert',
  'unit.enroute',
  'unit.arrive',
  'unit.wait',
  'unit.enter',
  'incident.regrade',
  'incident.escalate',
  'incident.report',
  'incident.approve',
  'incident.experts',
  'incident.commandpost',
  'incident.controlled',
  'incident.full',
  'supply.request',
  'supply.shortage',
  'supply.dispatch',
  'supply.arrive',
  'depot.restock',
  'incident.close',
  'unit.cancel',
  'unit.clear',
  'unit.transport',
  'unit.hospital',
  'unit.return',
  'unit.back',
  'unit.offduty',
  'unit.onduty',
  'unit.report',
  'unit.task',
  'unit.taskdone',
  'order.refused',
  'unit.moveup',
  'unit.cover',
  'unit.release',
  'comms.down',
  'comms.up',
  'calltakers.change',
  'inject',
] as const satisfies readonly EventKind[];
// Every kind is listed above (a compile-time check).
const everyKindListed: Exclude<EventKind, (typeof EVENT_KINDS)[number]> extends never ? true : false = true;
void everyKindListed;

/** The incident, unit and agency an event concerns (the log's id columns). */
export interface EventIds {
  incident?: string;
  unit?: string;
  agency?: string;
}

/** One event of kind `K`. */
export type EventOf<K extends EventKind> = EventIds & {
  /** Position in the log, from 0. */
  seq: number;
  /** Simulation time (s). */
  t: number;
  kind: K;
  data: EventData[K];
};

/** An event of any kind: narrow on `kind` to read its `data`. */
export type LogEvent = { [K in EventKind]: EventOf<K> }[EventKind];

/** The payload of kinds that carry none, shared so that emitting them allocates nothing more. */
export const NO_DATA: Record<string, never> = Object.freeze({}) as Record<string, never>;
