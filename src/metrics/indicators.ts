/**
 * The default rubric's indicators: each one's definition (group, name, unit, target and the source
 * of the target — document, edition, clause —, how its items are summed up, weight) next to its
 * measure — how its items are taken from one replication's records. The definitions are plain data
 * (they travel to the app and into `run.json`); the measures stay here and are looked up by id.
 */
import type { Aggregate, IndicatorSpec, Rubric, Sample } from './score.ts';
import { SOURCES } from './sources.ts';
import { reportLimits } from './reporting.ts';
import {
  answerTimes, delayToCare, fireIncident, firstAlarm, firstAndLast, inClass, isEms, isFire, notify, perIncident, reportStages, span, turnout,
  type Measure, type MeasureInput,
} from './measures.ts';

export type { MeasureInput };

const P80: Aggregate = { kind: 'percentile', p: 0.8 };
const P90: Aggregate = { kind: 'percentile', p: 0.9 };
const P95: Aggregate = { kind: 'percentile', p: 0.95 };
const MEAN: Aggregate = { kind: 'mean' };
const INCIDENTS = { zh: '起事件', en: 'incidents' };
const CALLS = { zh: '次来电', en: 'calls' };
const DISPATCHES = { zh: '次出动', en: 'dispatches' };
const NOTICES = { zh: '次通知', en: 'notifications' };
const REPORTS = { zh: '次报告', en: 'reports' };

/** An indicator of the default rubric: its definition and its measure, side by side. */
export interface Indicator {
  spec: IndicatorSpec;
  measure: Measure;
}

/**
 * `from→to` for pairs of levels, each made once: A4 has an item per incident, and a level is one of
 * four (or, read back from a file, what the file says).
 */
function levelChanges(): (from: string, to: string) => string {
  const made = new Map<string, Map<string, string>>();
  return (from, to) => {
    let row = made.get(from);
    if (!row) made.set(from, (row = new Map()));
    let note = row.get(to);
    if (note === undefined) row.set(to, (note = `${from}→${to}`));
    return note;
  };
}

const indicator = (spec: Omit<IndicatorSpec, 'critical'> & { critical?: boolean }, measure: Measure): Indicator => ({ spec: { critical: false, ...spec }, measure });

/** The default rubric's indicators, in report order. */
export const INDICATORS: readonly Indicator[] = [
  indicator(
    { id: 'A1', group: 'alarm', name: { zh: '报警接听时间（P90）', en: 'Alarm answer time (p90)' }, unit: 's', target: 15, aggregate: P90, weight: 3, source: SOURCES.alarmAnswer, items: CALLS },
    (m) => answerTimes(m),
  ),
  indicator(
    { id: 'A2', group: 'alarm', name: { zh: '120 呼救接听时间（P95）', en: '120 call answer time (p95)' }, unit: 's', target: 10, aggregate: P95, weight: 2, source: SOURCES.answer120, items: CALLS },
    (m) => answerTimes(m, (c) => m.rubric.emsChannels.includes(c)),
  ),
  indicator(
    { id: 'A3', group: 'alarm', name: { zh: '接警处理至首次指令（P90）', en: 'Alarm processing to first order (p90)' }, unit: 's', target: 60, aggregate: P90, weight: 3, source: SOURCES.alarmProcessing, items: INCIDENTS },
    (m) => perIncident(m, (i) => span(i.tAnswered, i.tFirstOrder), (i) => i.tAnswered),
  ),
  indicator(
    { id: 'A4', group: 'alarm', name: { zh: '初次出动等级判定错误率', en: 'Share given a wrong level at first' }, unit: 'share', target: 0.1, zeroAt: 0.3, aggregate: MEAN, weight: 2, source: SOURCES.plan, items: INCIDENTS },
    (m) => {
      const note = levelChanges();
      const out: Sample[] = [];
      for (const i of m.r.incidents) {
        if (i.levelInitial !== null) out.push({ value: i.levelInitial === i.levelTrue ? 0 : 1, rep: m.rep, incident: i.incidentId, t: i.tVerified ?? i.tOccur, note: note(i.levelTrue, i.levelInitial) });
      }
      return out;
    },
  ),
  indicator(
    { id: 'A5', group: 'alarm', name: { zh: '等级偏低持续时间（均值）', en: 'Time worked to too low a level (mean)' }, unit: 's', target: 600, aggregate: MEAN, weight: 1, source: SOURCES.plan, items: INCIDENTS },
    (m) => m.r.incidents.filter((i) => i.underGradedS > 0).map((i) => ({ value: i.underGradedS, rep: m.rep, incident: i.incidentId, t: i.tVerified ?? i.tOccur })),
  ),
  indicator(
    { id: 'B1', group: 'mobilisation', name: { zh: '120 出车时间（P95）', en: 'Ambulance departure after dispatch (p95)' }, unit: 's', target: 180, aggregate: P95, weight: 2, source: SOURCES.departure120, items: DISPATCHES },
    (m) => turnout(m, (a) => isEms(m, a)),
  ),
  indicator(
    { id: 'B2', group: 'mobilisation', name: { zh: '消防出动准备时间（P90）', en: 'Fire turnout (p90)' }, unit: 's', target: 60, aggregate: P90, weight: 2, source: SOURCES.fireTurnout, items: DISPATCHES },
    (m) => turnout(m, (a) => isFire(m, a)),
  ),
  indicator(
    { id: 'B3', group: 'mobilisation', name: { zh: '城区及近郊：接令至首车到场（P90）', en: 'Urban and suburban zones: alert to first fire unit on scene (p90)' }, unit: 's', target: 300, aggregate: P90, weight: 3, source: SOURCES.fiveMinute, items: INCIDENTS },
    (m) =>
      firstAlarm(m, inClass('urban', 'suburban')).map(({ incident, units }) => {
        const x = firstAndLast(units).first;
        return { value: x.tArrive! - x.tAlert!, rep: m.rep, incident: incident.incidentId, unit: x.unitId, agency: x.agency, t: x.tAlert!, note: incident.zoneClass };
      }),
  ),
  indicator(
    { id: 'B4', group: 'mobilisation', name: { zh: '城区火灾：首车行驶时间（P90）', en: 'Urban fires: first fire unit travel (p90)' }, unit: 's', target: 240, aggregate: P90, weight: 2, source: SOURCES.firstEngine, items: INCIDENTS },
    (m) =>
      firstAlarm(m, (i) => fireIncident(m)(i) && i.zoneClass === 'urban').map(({ incident, units }) => {
        const x = firstAndLast(units).first;
        return { value: x.travelS!, rep: m.rep, incident: incident.incidentId, unit: x.unitId, agency: x.agency, t: x.tEnroute ?? x.tOrder };
      }),
  ),
  indicator(
    { id: 'B5', group: 'mobilisation', name: { zh: '城区火灾：首批力量全部到场行驶时间（P90）', en: 'Urban fires: full first-alarm travel (p90)' }, unit: 's', target: 480, aggregate: P90, weight: 2, source: SOURCES.fullAlarm, items: INCIDENTS },
    (m) =>
      firstAlarm(m, (i) => fireIncident(m)(i) && i.zoneClass === 'urban')
        .filter(({ units }) => units.length >= 2)
        .map(({ incident, units }) => {
          const x = firstAndLast(units).last;
          return { value: x.travelS!, rep: m.rep, incident: incident.incidentId, unit: x.unitId, agency: x.agency, t: x.tEnroute ?? x.tOrder };
        }),
  ),
  indicator(
    { id: 'B6', group: 'mobilisation', name: { zh: '近郊火灾：首批力量集结用时（P80）', en: 'Suburban fires: first-alarm force assembled (p80)' }, unit: 's', target: 600, aggregate: P80, weight: 1, source: SOURCES.suburban1720, items: INCIDENTS },
    (m) => assembled(m, 'suburban'),
  ),
  indicator(
    { id: 'B7', group: 'mobilisation', name: { zh: '农村火灾：首批力量集结用时（P80）', en: 'Rural fires: first-alarm force assembled (p80)' }, unit: 's', target: 840, aggregate: P80, weight: 1, source: SOURCES.rural1720, items: INCIDENTS },
    (m) => assembled(m, 'rural'),
  ),
  indicator(
    { id: 'C1', group: 'linkage', name: { zh: '一级联动单位通知时延（P90）', en: 'Tier-1 agency notification latency (p90)' }, unit: 's', target: 60, aggregate: P90, weight: 3, source: SOURCES.plan, items: NOTICES },
    (m) => notify(m, 1),
  ),
  indicator(
    { id: 'C2', group: 'linkage', name: { zh: '二级联动单位通知时延（P90）', en: 'Tier-2 agency notification latency (p90)' }, unit: 's', target: 600, aggregate: P90, weight: 2, source: SOURCES.plan, items: NOTICES },
    (m) => notify(m, 2),
  ),
  indicator(
    { id: 'C3', group: 'linkage', name: { zh: '三级联动力量通知时延（P90）', en: 'Tier-3 force notification latency (p90)' }, unit: 's', target: 1800, aggregate: P90, weight: 1, source: SOURCES.plan, items: NOTICES },
    (m) => notify(m, 3),
  ),
  indicator(
    { id: 'C4', group: 'linkage', name: { zh: '同批一级联动单位首到时间差（P90）', en: 'Spread of first arrivals of tier-1 agencies ordered together (p90)' }, unit: 's', target: 600, aggregate: P90, weight: 2, source: SOURCES.plan, items: INCIDENTS },
    // Agencies the plan has wait for another (`after`), and those ordered later, are meant to arrive later.
    (m) => {
      if (m.r.agencies.length === 0) return [];
      const firstOrder = new Map(m.r.incidents.map((i) => [i.incidentId, i.tFirstOrder]));
      const groups = new Map<string, number[]>();
      for (const a of m.r.agencies) {
        if ((m.ctx.agencies[a.agency]?.tier ?? a.tier) !== 1 || a.tFirstArrival === null || a.waitsFor !== '' || a.tOrdered !== firstOrder.get(a.incidentId)) continue;
        if (!groups.has(a.incidentId)) groups.set(a.incidentId, []);
        groups.get(a.incidentId)!.push(a.tFirstArrival);
      }
      return [...groups]
        .filter(([, ts]) => ts.length >= 2)
        .map(([incidentId, ts]) => ({ value: Math.max(...ts) - Math.min(...ts), rep: m.rep, incident: incidentId, t: Math.min(...ts) }));
    },
  ),
  indicator(
    { id: 'C5', group: 'linkage', name: { zh: '跨区增援指令至到场（P90）', en: 'Mutual aid, order to arrival (p90)' }, unit: 's', target: 1200, aggregate: P90, weight: 1, source: SOURCES.plan, items: DISPATCHES },
    (m) => m.r.dispatches.filter((x) => x.mutualAid && x.tArrive !== null).map((x) => ({ value: x.tArrive! - x.tOrder, rep: m.rep, incident: x.incidentId, unit: x.unitId, agency: x.agency, t: x.tOrder })),
  ),
  indicator(
    { id: 'C6', group: 'linkage', name: { zh: '等待其他单位的协同损耗（P90）', en: 'Time lost waiting on other agencies (p90)' }, unit: 's', target: 600, aggregate: P90, weight: 2, source: SOURCES.plan, items: INCIDENTS },
    (m) => m.r.incidents.filter((i) => i.coordinationWaitS > 0).map((i) => ({ value: i.coordinationWaitS, rep: m.rep, incident: i.incidentId, t: i.tFirstArrival ?? i.tOccur })),
  ),
  indicator(
    { id: 'D1', group: 'command', name: { zh: '现场指挥部开设用时（P90）', en: 'Command post set up (p90)' }, unit: 's', target: 1800, aggregate: P90, weight: 3, source: SOURCES.plan, items: INCIDENTS },
    (m) => perIncident(m, (i) => span(i.tCommandPostOrdered, i.tCommandPost), (i) => i.tCommandPostOrdered),
  ),
  indicator(
    { id: 'D2', group: 'command', name: { zh: '专家和指挥人员进驻用时（P90）', en: 'Experts and commanders convened (p90)' }, unit: 's', target: 3600, aggregate: P90, weight: 1, source: SOURCES.plan, items: INCIDENTS },
    (m) => perIncident(m, (i) => span(i.tPlan, i.tExperts), (i) => i.tPlan),
  ),
  indicator(
    {
      id: 'E1', group: 'information', name: { zh: '初报、续报时间与时限之比（P90）', en: 'First and follow-up reports against their limits (p90)' }, unit: 'ratio', target: 1, zeroAt: 4, aggregate: P90, weight: 3, critical: true,
      source: reportLimits(undefined, SOURCES.plan).source, items: REPORTS,
    },
    (m) => reportStages(m),
  ),
  indicator(
    { id: 'E2', group: 'information', name: { zh: '状态报告时延（均值）', en: 'Status-report latency (mean)' }, unit: 's', target: 60, aggregate: MEAN, weight: 1, source: SOURCES.plan, items: { zh: '个单位', en: 'units' } },
    (m) => m.r.units.filter((u) => u.reportLatencyMeanS !== null).map((u) => ({ value: u.reportLatencyMeanS!, rep: m.rep, unit: u.unitId, agency: u.agency })),
  ),
  indicator(
    { id: 'E3', group: 'information', name: { zh: '指令下达给已不空闲单位的比例', en: 'Share of orders to a unit no longer free' }, unit: 'share', target: 0.02, zeroAt: 0.1, aggregate: MEAN, weight: 1, source: SOURCES.plan, items: { zh: '次指令', en: 'orders' } },
    (m) => {
      const out: Sample[] = [];
      for (const i of m.r.incidents) for (let k = 0; k < i.ordersRefused; k++) out.push({ value: 1, rep: m.rep, incident: i.incidentId, t: i.tFirstOrder ?? i.tOccur });
      for (let k = 0; k < m.r.dispatches.length; k++) out.push({ value: 0, rep: m.rep });
      return out;
    },
  ),
  indicator(
    { id: 'F1', group: 'outcome', name: { zh: '需排队等待力量的事件比例', en: 'Share of incidents that waited for a unit' }, unit: 'share', target: 0.05, zeroAt: 0.2, aggregate: MEAN, weight: 3, source: SOURCES.plan, items: INCIDENTS },
    (m) => m.r.incidents.filter((i) => i.unitsRequired > 0).map((i) => ({ value: i.queuedRequests > 0 || i.lostRequests > 0 ? 1 : 0, rep: m.rep, incident: i.incidentId, t: i.tOccur })),
  ),
  indicator(
    { id: 'F2', group: 'outcome', name: { zh: '结束时仍未控制的事件比例', en: 'Share of incidents not controlled by the end' }, unit: 'share', target: 0.01, zeroAt: 0.1, aggregate: MEAN, weight: 2, source: SOURCES.plan, items: INCIDENTS },
    // Incidents that had two hours or more before the end to be brought under control.
    (m) =>
      m.r.incidents
        .filter((i) => i.unitsRequired > 0 && i.tOccur <= m.ctx.durationS - 7200)
        .map((i) => ({ value: i.tControlled === null ? 1 : 0, rep: m.rep, incident: i.incidentId, t: i.tOccur })),
  ),
  indicator(
    { id: 'F3', group: 'outcome', name: { zh: '城区及近郊：呼救至急救到场（均值）', en: 'Urban and suburban: call to ambulance on scene (mean)' }, unit: 's', target: 900, aggregate: MEAN, weight: 2, source: SOURCES.emsUrban, items: INCIDENTS },
    (m) => delayToCare(m, inClass('urban', 'suburban')),
  ),
  indicator(
    { id: 'F4', group: 'outcome', name: { zh: '农村：呼救至急救到场（均值）', en: 'Rural: call to ambulance on scene (mean)' }, unit: 's', target: 1800, aggregate: MEAN, weight: 1, source: SOURCES.emsRural, items: INCIDENTS },
    (m) => delayToCare(m, inClass('rural')),
  ),
];

/** NFPA 1720: from the first-alarm assignment's dispatch to its last unit on scene, fires in zones of `cls`. */
function assembled(m: MeasureInput, cls: 'suburban' | 'rural'): Sample[] {
  return firstAlarm(m, (i) => fireIncident(m)(i) && i.zoneClass === cls).map(({ incident, units }) => {
    const { last } = firstAndLast(units);
    const tAlert = Math.min(...units.map((x) => x.tAlert!));
    return { value: last.tArrive! - tAlert, rep: m.rep, incident: incident.incidentId, unit: last.unitId, agency: last.agency, t: tAlert };
  });
}

const MEASURES = new Map(INDICATORS.map((x) => [x.spec.id, x.measure]));

/** The items behind indicator `id` in one replication. Throws on an id the rubric does not know. */
export function measure(id: string, m: MeasureInput): Sample[] {
  const f = MEASURES.get(id);
  if (!f) throw new RangeError(`no measure for indicator "${id}"`);
  return f(m);
}

/** The default rubric: sub-score weights and every indicator's definition (a fresh copy). */
export function defaultRubric(): Rubric {
  return {
    groups: { alarm: 15, mobilisation: 25, linkage: 25, command: 10, information: 10, outcome: 15 },
    zeroAtMultiple: 2,
    kinds: { fire: ['fire'], ems: ['ems'] },
    fireIncidents: ['fire'],
    emsChannels: ['120'],
    reporting: reportLimits(undefined, SOURCES.plan),
    indicators: INDICATORS.map((x) => ({ ...x.spec, aggregate: { ...x.spec.aggregate } })),
  };
}
