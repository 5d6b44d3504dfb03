import { describe, expect, it } from 'vitest';
import { detailText, eventText, minSec, type Names } from '../../../web/model/event-text.ts';
import { EVENT_KIND_TEXT, DETAIL_KEY_TEXT, DETAIL_VALUE_TEXT, EVENT_GRADE_TEXT, UNIT_TYPE_TEXT, INJECTION_KIND_TEXT } from '../../../web/i18n/terms.ts';
import { ENGINE_INJECT_KINDS, engineParams } from '../../../src/exercise/schema.ts';
import { EVENT_KINDS, type LogEvent } from '../../../src/engine/log.ts';
import { KPI_TEXT } from '../../../src/report/kpi-text.ts';
import { KPI_COLUMNS } from '../../../src/metrics/kpis.ts';
import { MESSAGES } from '../../../web/i18n/index.ts';

const names: Names = {
  agencies: new Map([['EMS', '县急救中心']]),
  incidentTypes: new Map([['fire', '火灾']]),
  places: new Map([['S1', '一号站'], ['H1', '人民医院']]),
  gradeNames: MESSAGES.zh.gradeNames,
};
const ev = (kind: LogEvent['kind'], data: object, t = 1000): LogEvent => ({ seq: 1, t, kind, incident: 'inc-000001', agency: 'EMS', data }) as LogEvent;

describe('event text', () => {
  it('durations read as m:ss, times to come as +m:ss from the event, never raw seconds', () => {
    expect(minSec(93.2)).toBe('1:33');
    expect(minSec(3725)).toBe('1:02:05');
    expect(minSec(-5)).toBe('−0:05');
    expect(detailText(ev('order.receive', { unitType: 'ambulance', count: 1, channel: 'phone', delayS: 93.2 }), names, 'zh')).toBe('类型 救护车 · 数量 1 · 渠道 电话转接 · 时延 1:33');
    expect(detailText(ev('unit.enroute', { etaT: 1252.807 }), names, 'en')).toBe('ETA +4:13');
  });
  it('levels and 突发事件 grades, places, agencies and unit types by name; bookkeeping numbers left out', () => {
    expect(detailText(ev('incident.regrade', { from: 'III', to: 'II', grade: null }), names, 'zh')).toBe('自 III 级 · 至 II 级 · 事件分级 非突发事件');
    expect(detailText(ev('incident.verify', { level: 'II', grade: 'IV', duringCall: false }), names, 'zh')).toBe('出动等级 II 级 · 事件分级 一般（IV）');
    expect(detailText(ev('unit.return', { dispatch: 'dsp-000001', to: 'S1' }), names, 'zh')).toBe('至 一号站');
    expect(detailText(ev('unit.transport', { hospital: 'H1' }), names, 'zh')).toBe('医院 人民医院');
    expect(detailText(ev('incident.occur', { type: 'fire', zone: 'Z9', level: 'IV', grade: null, source: 'background' }), names, 'zh')).toBe('类型 火灾 · 区域 Z9 · 出动等级 IV 级 · 事件分级 非突发事件 · 来源 日常');
    expect(detailText(ev('unit.report', { free: false, resent: false }), names, 'en')).toBe('status busy');
    // In English the field's own name says "level" once; a change of level names both ends.
    const en = { ...names, gradeNames: MESSAGES.en.gradeNames };
    expect(detailText(ev('incident.plan', { type: 'fire', level: 'IV' }), en, 'en')).toBe('type 火灾 · level IV');
    expect(detailText(ev('incident.regrade', { from: 'III', to: 'II', grade: null }), en, 'en')).toMatch(/level III .* level II /);
    expect(eventText(ev('call.answer', { call: 'call-000001', duplicate: true }), 0, names, 'zh')).toEqual({ time: '00:16', kind: '接听', subject: 'inc-000001 · 县急救中心', detail: '重复来电' });
    expect(detailText(ev('call.answer', { call: 'call-000001', duplicate: false }), names, 'zh')).toBe('');
  });
  it('an inject reads in words: what was done and each of its fields, durations as m:ss', () => {
    expect(detailText(ev('inject', { action: 'road.close', params: { id: 'park-road', lon: 121.1234, lat: 31.6, radiusM: 900, forS: 7200 } }), names, 'zh')).toBe('操作 道路封闭 · 编号 park-road · 经度 121.1234 · 纬度 31.6 · 半径（米） 900 · 持续 2:00:00');
    expect(detailText(ev('inject', { action: 'call.surge', params: { incident: '储罐区阀门泄漏', callers: 25, overS: 900 } }), names, 'en')).toBe('action call surge · incident 储罐区阀门泄漏 · callers 25 · over 15:00');
    // Every kind of inject and every field it logs (the engine logs durations in seconds: forS, overS) in both languages.
    for (const k of ENGINE_INJECT_KINDS) {
      expect(INJECTION_KIND_TEXT[k]?.zh && INJECTION_KIND_TEXT[k]?.en, k).toBeTruthy();
      for (const f of Object.keys(engineParams[k].shape)) {
        const key = f === 'for' ? 'forS' : f === 'over' ? 'overS' : f;
        expect(DETAIL_KEY_TEXT[key]?.zh && DETAIL_KEY_TEXT[key]?.en, `${k}.${key}`).toBeTruthy();
      }
    }
  });
  it('every event kind, detail key, word and KPI has both languages, none empty', () => {
    for (const k of EVENT_KINDS) expect(EVENT_KIND_TEXT[k].zh && EVENT_KIND_TEXT[k].en).toBeTruthy();
    for (const k of KPI_COLUMNS) expect(KPI_TEXT[k].zh && KPI_TEXT[k].en).toBeTruthy();
    for (const table of [DETAIL_KEY_TEXT, DETAIL_VALUE_TEXT, UNIT_TYPE_TEXT, EVENT_GRADE_TEXT]) for (const v of Object.values(table)) expect(v.zh && v.en).toBeTruthy();
  });
});
