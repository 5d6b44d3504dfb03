/**
 * The event log: one plain object per step of the chain, in the order the engine ran them. Each kind
 * carries its own typed payload (`data`), so readers — the replay, the exercise session, tests — read
 * fields instead of parsing text; `events.csv` writes the payload as a `key=value` detail
 * (`src/report/csv.ts`). Times are seconds from the scenario start.
 */
import type { Grade } from '../scenario/schema.ts';
import type { Channel } from '../scenario/scenario.ts';
import type { CallKind, CallLine, IncidentSource } from './records.ts';

/** What each kind of event says beyond its time and the incident, unit and agency it concerns. */
export interface EventData {
  /** `level`: the true response level; `grade`: its 突发事件 grade (null: a routine call); `name`: a scripted or injected incident's name (not written to `events.csv`). */
  'incident.occur': { type: string; zone: string; level: Grade; grade: Grade | null; source: IncidentSource; name?: string };
  'call.arrive': { call: string; channel: string; kind: CallKind; line: CallLine };
  'call.answer': { call: string; duplicate: boolean };
  'call.abandon': { call: string };
  'call.end': { call: string };
  /** A call that needs no unit handed on: to the non-emergency line (`to`) or away (12345). */
  'call.transfer': { call: string; to: CallLine | 'away' };
  /** The center's level after verification (or during the call), and its 突发事件 grade (null: routine). */
  'incident.verify': { level: Grade; grade: Grade | null; duringCall: boolean };
  'incident.plan': { type: string; level: Grade };
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
  /** 集结: the unit's team assembled, `stagingS` after its alert. */
  'unit.staged': { stagingS: number };
  /** Levels `from` → `to`, and the 突发事件 grade of the new level (null: routine). */
  'incident.regrade': { from: Grade; to: Grade; grade: Grade | null };
  /** The incident grew to a size whose true level is `level`. */
  'incident.escalate': { size: number; level: Grade };
  /** 初报 (`first`), 续报 (`update`) or 终报 (`final`) of a 突发事件 of `grade`. */
  'incident.report': { stage: 'first' | 'update' | 'final'; grade: Grade; to: 'government' };
  'incident.approve': { by: 'government' | 'experts' };
  'incident.experts': Record<string, never>;
  'incident.commandpost': Record<string, never>;
  /** The command post's decision meeting (会商决策) decided. */
  'incident.decision': Record<string, never>;
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
  /** Positions staffed now, on the emergency line or (`line`) the non-emergency one. */
  'calltakers.change': { staffed: number; line?: 'nonEmergency' };
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
  'call.transfer',
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
  'unit.staged',
  'incident.regrade',
  'incident.escalate',
  'incident.report',
  'incident.approve',
  'incident.experts',
  'incident.commandpost',
  'incident.decision',
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
