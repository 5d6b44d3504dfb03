/** The event log: one plain object per step of the chain, in the order the engine ran them. */

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
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface LogEvent {
  /** Position in the log, from 0. */
  seq: number;
  /** Simulation time (s). */
  t: number;
  kind: EventKind;
  incident?: string;
  unit?: string;
  agency?: string;
  /** Short `key=value` details (space-separated), e.g. `channel=phone delay=93.2`. */
  detail?: string;
}
