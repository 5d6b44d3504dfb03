/**
 * `events.csv`'s detail of each kind of event: its payload as space-separated `key=value` pairs.
 * Each kind's detail is said once, as the parts it is made of, so that the same words give the detail
 * as a string (`eventDetail`) and go straight into a CSV file's bytes without a string per event
 * (`CsvEncoder.parts`): a long run writes a detail per step.
 */
import type { EventData, EventKind, LogEvent } from '../engine/log.ts';
import type { Put } from './csv-encoder.ts';

const f3 = (x: number) => x.toFixed(3);
const f1 = (x: number) => x.toFixed(1);

/** Each kind's detail, part by part. */
const DETAIL: { [K in EventKind]: (d: EventData[K], put: Put) => void } = {
  'incident.occur': (d, put) => {
    put('type=', d.type);
    put(' zone=', d.zone);
    put(' level=', d.level);
    put(' grade=', d.grade ?? 'none');
    put(' source=', d.source);
  },
  'call.arrive': (d, put) => {
    put('call=', d.call);
    put(' channel=', d.channel);
    if (d.kind !== 'emergency') put(' kind=', d.kind);
    if (d.line !== 'emergency') put(' line=', d.line);
  },
  'call.answer': (d, put) => {
    put('call=', d.call);
    if (d.duplicate) put(' duplicate=1');
  },
  'call.abandon': (d, put) => put('call=', d.call),
  'call.end': (d, put) => put('call=', d.call),
  'call.transfer': (d, put) => {
    put('call=', d.call);
    put(' to=', d.to);
  },
  'incident.verify': (d, put) => {
    put('level=', d.level);
    put(' grade=', d.grade ?? 'none');
    if (d.duringCall) put(' during_call=1');
  },
  'incident.plan': (d, put) => {
    put('type=', d.type);
    put(' level=', d.level);
  },
  'order.send': (d, put) => {
    put('type=', d.unitType);
    put(' count=', String(d.count));
  },
  'order.receive': (d, put) => {
    put('type=', d.unitType);
    put(' count=', String(d.count));
    put(' channel=', d.channel);
    put(' delay=', f3(d.delayS));
  },
  'mutualaid.request': (d, put) => {
    put('type=', d.unitType);
    put(' to=', d.to.join(','));
    put(' own_eta=', d.ownEtaS === null ? 'none' : f1(d.ownEtaS));
  },
  'request.queue': (d, put) => {
    put('type=', d.unitType);
    put(' position=', String(d.position));
  },
  'request.lost': (d, put) => put('type=', d.unitType),
  'unit.alert': (d, put) => {
    put('dispatch=', d.dispatch);
    put(' channel=', d.channel);
    if (d.mutualAid) put(' mutual_aid=1');
    if (d.fromRoad) put(' from=road');
  },
  'unit.enroute': (d, put) => put('eta=', f3(d.etaT)),
  'unit.arrive': () => {},
  'unit.wait': (d, put) => put('after=', d.after),
  'unit.enter': (d, put) => put('waited=', f3(d.waitedS)),
  'unit.staged': (d, put) => put('staging=', f3(d.stagingS)),
  'incident.regrade': (d, put) => {
    put('from=', d.from);
    put(' to=', d.to);
    put(' grade=', d.grade ?? 'none');
  },
  'incident.escalate': (d, put) => {
    put('size=', f3(d.size));
    put(' level=', d.level);
  },
  'incident.report': (d, put) => {
    put('stage=', d.stage);
    put(' grade=', d.grade);
    put(' to=', d.to);
  },
  'incident.approve': (d, put) => put('by=', d.by),
  'incident.experts': () => {},
  'incident.commandpost': () => {},
  'incident.decision': () => {},
  'incident.controlled': (d, put) => put('size=', f3(d.size)),
  'incident.full': () => {},
  'supply.request': (d, put) => {
    put('item=', d.item);
    put(' amount=', f1(d.amount));
  },
  'supply.shortage': (d, put) => {
    put('item=', d.item);
    put(' amount=', f1(d.amount));
    if (d.waitFor !== undefined) put(' wait_for=', d.waitFor);
  },
  'supply.dispatch': (d, put) => {
    put('item=', d.item);
    put(' amount=', f1(d.amount));
    put(' depot=', d.depot);
    put(' eta=', f3(d.etaT));
  },
  'supply.arrive': (d, put) => {
    put('item=', d.item);
    put(' depot=', d.depot);
  },
  'depot.restock': (d, put) => put('depot=', d.depot),
  'incident.close': () => {},
  'unit.cancel': () => {},
  'unit.clear': () => {},
  'unit.transport': (d, put) => put('hospital=', d.hospital),
  'unit.hospital': (d, put) => put('hospital=', d.hospital),
  'unit.return': (d, put) => {
    put('dispatch=', d.dispatch);
    put(' to=', d.to);
  },
  'unit.back': (d, put) => {
    if (d.covers !== undefined) put('covers=', d.covers);
  },
  'unit.offduty': (d, put) => put('reason=', d.reason),
  'unit.onduty': () => {},
  'unit.report': (d, put) => {
    put('status=', d.free ? 'free' : 'busy');
    if (d.resent) put(' resent=1');
  },
  'unit.task': () => {},
  'unit.taskdone': () => {},
  'order.refused': (d, put) => put('status=', d.status),
  'unit.moveup': (d, put) => {
    put('covers=', d.covers);
    put(' to=', d.to);
  },
  'unit.cover': (d, put) => {
    if (d.covers !== undefined) put('covers=', d.covers);
  },
  'unit.release': (d, put) => {
    put('covered=', d.covered);
    put(' to=', d.to);
  },
  'comms.down': (d, put) => {
    put('channel=', d.channel);
    put(' cause=', d.cause);
  },
  'comms.up': (d, put) => put('channel=', d.channel),
  'calltakers.change': (d, put) => {
    put('staffed=', String(d.staffed));
    if (d.line) put(' line=', d.line);
  },
  inject: (d, put) => {
    put(d.action);
    for (const [k, v] of Object.entries(d.params)) put(` ${k}=`, String(v));
  },
};

/** Hands `e`'s detail to `put`, part by part. */
export function putDetail(e: LogEvent, put: Put): void {
  (DETAIL[e.kind] as (d: unknown, put: Put) => void)(e.data, put);
}

/** An event's `detail` as `events.csv` writes it. */
export function eventDetail(e: LogEvent): string {
  let s = '';
  putDetail(e, (text, value) => {
    s += value === undefined ? text : text + value;
  });
  return s;
}
