/**
 * Each kind of event's detail, said once in parts (`report/event-detail.ts`), must give the text the
 * templates below gave (kept here as they were, the reference), and the CSV line written straight
 * from the parts must be the line `csvLine` writes from the detail's string — whatever the ids and
 * words hold — handed on in chunks that end where writing the detail's string would end them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EVENT_KINDS, type EventData, type EventKind, type LogEvent } from '../../src/engine/log.ts';
import { eventDetail } from '../../src/report/event-detail.ts';
import { CsvEncoder } from '../../src/report/csv-encoder.ts';
import { csvLine, eventRow, writeEventHead, writeEventLine } from '../../src/report/csv.ts';

const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261130);

// The details as templates of text, the reference the parts are held to.
const f3 = (x: number) => x.toFixed(3);
const f1 = (x: number) => x.toFixed(1);

const TEMPLATES: { [K in EventKind]: (d: EventData[K]) => string } = {
  'incident.occur': (d) => `type=${d.type} zone=${d.zone} level=${d.level} grade=${d.grade ?? 'none'} source=${d.source}`,
  'call.arrive': (d) => `call=${d.call} channel=${d.channel}${d.kind !== 'emergency' ? ` kind=${d.kind}` : ''}${d.line !== 'emergency' ? ` line=${d.line}` : ''}`,
  'call.answer': (d) => `call=${d.call}${d.duplicate ? ' duplicate=1' : ''}`,
  'call.abandon': (d) => `call=${d.call}`,
  'call.end': (d) => `call=${d.call}`,
  'call.transfer': (d) => `call=${d.call} to=${d.to}`,
  'incident.verify': (d) => `level=${d.level} grade=${d.grade ?? 'none'}${d.duringCall ? ' during_call=1' : ''}`,
  'incident.plan': (d) => `type=${d.type} level=${d.level}`,
  'order.send': (d) => `type=${d.unitType} count=${d.count}`,
  'order.receive': (d) => `type=${d.unitType} count=${d.count} channel=${d.channel} delay=${f3(d.delayS)}`,
  'mutualaid.request': (d) => `type=${d.unitType} to=${d.to.join(',')} own_eta=${d.ownEtaS === null ? 'none' : f1(d.ownEtaS)}`,
  'request.queue': (d) => `type=${d.unitType} position=${d.position}`,
  'request.lost': (d) => `type=${d.unitType}`,
  'unit.alert': (d) => `dispatch=${d.dispatch} channel=${d.channel}${d.mutualAid ? ' mutual_aid=1' : ''}${d.fromRoad ? ' from=road' : ''}`,
  'unit.enroute': (d) => `eta=${f3(d.etaT)}`,
  'unit.arrive': () => '',
  'unit.wait': (d) => `after=${d.after}`,
  'unit.enter': (d) => `waited=${f3(d.waitedS)}`,
  'unit.staged': (d) => `staging=${f3(d.stagingS)}`,
  'incident.regrade': (d) => `from=${d.from} to=${d.to} grade=${d.grade ?? 'none'}`,
  'incident.escalate': (d) => `size=${f3(d.size)} level=${d.level}`,
  'incident.report': (d) => `stage=${d.stage} grade=${d.grade} to=${d.to}`,
  'incident.approve': (d) => `by=${d.by}`,
  'incident.experts': () => '',
  'incident.commandpost': () => '',
  'incident.decision': () => '',
  'incident.controlled': (d) => `size=${f3(d.size)}`,
  'incident.full': () => '',
  'supply.request': (d) => `item=${d.item} amount=${f1(d.amount)}`,
  'supply.shortage': (d) => `item=${d.item} amount=${f1(d.amount)}${d.waitFor !== undefined ? ` wait_for=${d.waitFor}` : ''}`,
  'supply.dispatch': (d) => `item=${d.item} amount=${f1(d.amount)} depot=${d.depot} eta=${f3(d.etaT)}`,
  'supply.arrive': (d) => `item=${d.item} depot=${d.depot}`,
  'depot.restock': (d) => `depot=${d.depot}`,
  'incident.close': () => '',
  'unit.cancel': () => '',
  'unit.clear': () => '',
  'unit.transport': (d) => `hospital=${d.hospital}`,
  'unit.hospital': (d) => `hospital=${d.hospital}`,
  'unit.return': (d) => `dispatch=${d.dispatch} to=${d.to}`,
  'unit.back': (d) => (d.covers !== undefined ? `covers=${d.covers}` : ''),
  'unit.offduty': (d) => `reason=${d.reason}`,
  'unit.onduty': () => '',
  'unit.report': (d) => `status=${d.free ? 'free' : 'busy'}${d.resent ? ' resent=1' : ''}`,
  'unit.task': () => '',
  'unit.taskdone': () => '',
  'order.refused': (d) => `status=${d.status}`,
  'unit.moveup': (d) => `covers=${d.covers} to=${d.to}`,
  'unit.cover': (d) => (d.covers !== undefined ? `covers=${d.covers}` : ''),
  'unit.release': (d) => `covered=${d.covered} to=${d.to}`,
  'comms.down': (d) => `channel=${d.channel} cause=${d.cause}`,
  'comms.up': (d) => `channel=${d.channel}`,
  'calltakers.change': (d) => `staffed=${d.staffed}${d.line ? ` line=${d.line}` : ''}`,
  inject: (d) => [d.action, ...Object.entries(d.params).map(([k, v]) => `${k}=${String(v)}`)].join(' '),
};


/** One or more payloads of each kind, with every optional part there and not. */
const SAMPLES: { [K in EventKind]: EventData[K][] } = {
  'incident.occur': [{ type: 'fire', zone: 'Z1', level: 'III', grade: 'IV', source: 'background' }, { type: 'call', zone: 'Z', level: 'IV', grade: null, source: 'injected', name: 'x' }],
  'call.arrive': [{ call: 'call-000001', channel: '119', kind: 'emergency', line: 'emergency' }, { call: 'call-000002', channel: '12345', kind: 'consult', line: 'nonEmergency' }],
  'call.answer': [{ call: 'call-000001', duplicate: false }, { call: 'call-000003', duplicate: true }],
  'call.abandon': [{ call: 'call-000004' }],
  'call.end': [{ call: 'call-000005' }],
  'call.transfer': [{ call: 'call-000006', to: 'away' }, { call: 'call-000007', to: 'nonEmergency' }],
  'incident.verify': [{ level: 'II', grade: 'II', duringCall: false }, { level: 'IV', grade: null, duringCall: true }],
  'incident.plan': [{ type: 'flood', level: 'I' }],
  'order.send': [{ unitType: 'engine', count: 3 }],
  'order.receive': [{ unitType: 'engine', count: 2, channel: 'radio', delayS: 12.3456 }],
  'mutualaid.request': [{ unitType: 'ambulance', to: ['N1', 'N2'], ownEtaS: 1234.56 }, { unitType: 'ambulance', to: [], ownEtaS: null }],
  'request.queue': [{ unitType: 'engine', position: 4 }],
  'request.lost': [{ unitType: 'engine' }],
  'unit.alert': [{ dispatch: 'dsp-000001', channel: 'phone', mutualAid: false, fromRoad: false }, { dispatch: 'dsp-000002', channel: 'mutual_aid', mutualAid: true, fromRoad: true }],
  'unit.enroute': [{ etaT: 3600.0005 }],
  'unit.arrive': [{}],
  'unit.wait': [{ after: 'FIRE' }],
  'unit.enter': [{ waitedS: 61.25 }],
  'unit.staged': [{ stagingS: 0 }],
  'incident.regrade': [{ from: 'IV', to: 'III', grade: 'III' }, { from: 'IV', to: 'III', grade: null }],
  'incident.escalate': [{ size: 2.5, level: 'II' }],
  'incident.report': [{ stage: 'first', grade: 'III', to: 'government' }],
  'incident.approve': [{ by: 'experts' }],
  'incident.experts': [{}],
  'incident.commandpost': [{}],
  'incident.decision': [{}],
  'incident.controlled': [{ size: 1.0004 }],
  'incident.full': [{}],
  'supply.request': [{ item: 'sandbags', amount: 120.26 }],
  'supply.shortage': [{ item: 'sandbags', amount: 5 }, { item: 'water', amount: 0.05, waitFor: 'D1' }],
  'supply.dispatch': [{ item: 'water', amount: 3, depot: 'D1', etaT: 7200.1 }],
  'supply.arrive': [{ item: 'water', depot: 'D1' }],
  'depot.restock': [{ depot: 'D2' }],
  'incident.close': [{}],
  'unit.cancel': [{}],
  'unit.clear': [{}],
  'unit.transport': [{ hospital: 'H1' }],
  'unit.hospital': [{ hospital: 'H1' }],
  'unit.return': [{ dispatch: 'dsp-000003', to: 'S1' }],
  'unit.back': [{}, { covers: 'S2' }],
  'unit.offduty': [{ reason: 'maintenance' }],
  'unit.onduty': [{}],
  'unit.report': [{ free: true, resent: false }, { free: false, resent: true }],
  'unit.task': [{}],
  'unit.taskdone': [{}],
  'order.refused': [{ status: 'enroute' }],
  'unit.moveup': [{ covers: 'S1', to: 'S3' }],
  'unit.cover': [{}, { covers: 'S1' }],
  'unit.release': [{ covered: 'S1', to: 'S3' }],
  'comms.down': [{ channel: 'radio', cause: 'injected' }],
  'comms.up': [{ channel: 'radio' }],
  'calltakers.change': [{ staffed: 4 }, { staffed: 2, line: 'nonEmergency' }],
  inject: [{ action: 'close-road', params: {} }, { action: 'surge', params: { type: 'fire', factor: 2.5, announce: true } }],
};

const event = <K extends EventKind>(kind: K, data: EventData[K], seq = 0): LogEvent => ({ seq, t: 60.5, kind, incident: 'inc-000001', unit: undefined, agency: undefined, data }) as LogEvent;
const template = (e: LogEvent) => (TEMPLATES[e.kind] as (d: unknown) => string)(e.data);

/** The line the detail's text would give, its detail written as `writeEventLine` did with the templates. */
function referenceLine(enc: CsvEncoder, rep: number, e: LogEvent): void {
  writeEventHead(enc, rep, e);
  enc.text(template(e));
  enc.eol();
}

/** `events` written with chunks of `chunkBytes`: the text, decoded back, and each chunk's size. */
function written(events: readonly LogEvent[], chunkBytes = 1 << 18, line = writeEventLine): { text: string; chunks: number[] } {
  const parts: Uint8Array[] = [];
  const enc = new CsvEncoder((c) => void parts.push(c.slice()), chunkBytes);
  for (const e of events) line(enc, 1, e);
  enc.flush();
  const d = new TextDecoder('utf-8', { ignoreBOM: true });
  return { text: parts.map((p) => d.decode(p, { stream: true })).join('') + d.decode(), chunks: parts.map((p) => p.length) };
}
const asText = (events: readonly LogEvent[]) => events.map((e) => csvLine(eventRow(1, e)) + '\r\n').join('');
/** What a string becomes in UTF-8: a lone surrogate is written as U+FFFD. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

describe("events' details", () => {
  const samples = EVENT_KINDS.flatMap((k) => (SAMPLES[k] as EventData[typeof k][]).map((d, i) => event(k, d, i)));

  it('say what the templates said, for every kind', () => {
    expect(new Set(samples.map((e) => e.kind))).toEqual(new Set(EVENT_KINDS));
    for (const e of samples) expect(eventDetail(e), e.kind).toBe(template(e));
  });

  it('are written straight into the file as the text would be, whatever the words hold', () => {
    expect(written(samples).text).toBe(asText(samples));
    // A number where the types say text (a payload from outside the engine) is written as the template wrote it.
    const loose = [event('unit.wait', { after: 7 as unknown as string }), event('incident.plan', { type: 'fire', level: 3 as unknown as 'III' })];
    expect(loose.map(eventDetail)).toEqual(['after=7', 'type=fire level=3']);
    expect(written(loose).text).toBe(asText(loose));
    // Words that need quotes or a guard, or are beyond ASCII, or long, and chunks that end anywhere.
    const words = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('a', '1', ',', '"', '\r', '\n', ' ', '=', '+', '-', '@', '\t', "'", '\uFEFF', '火', '\uD800'), maxLength: 8 }),
      fc.string({ minLength: 200, maxLength: 400 }),
    );
    const anEvent = fc.oneof(
      fc.record({ call: words, channel: words, kind: fc.constantFrom('emergency', 'consult'), line: fc.constantFrom('emergency', 'nonEmergency') }).map((d) => event('call.arrive', d as EventData['call.arrive'])),
      fc.record({ action: words, params: fc.dictionary(words, fc.oneof(words, fc.double(), fc.boolean()), { maxKeys: 3 }) }).map((d) => event('inject', d)),
      fc.record({ unitType: words, to: fc.array(words, { maxLength: 3 }), ownEtaS: fc.option(fc.double({ min: 0, max: 1e5 })) }).map((d) => event('mutualaid.request', d)),
      fc.constantFrom(...samples),
    );
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 30 }), fc.integer({ min: 1, max: 600 }), (events, chunk) => {
        for (const e of events) expect(eventDetail(e)).toBe(template(e));
        const out = written(events, chunk);
        expect(out.text).toBe(wellFormed(asText(events)));
        // Chunks end where they ended when the details were written as text.
        expect(out.chunks).toEqual(written(events, chunk, referenceLine).chunks);
      }),
      { seed },
    );
  });
});
