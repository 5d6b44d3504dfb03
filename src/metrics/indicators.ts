/**
 * The default rubric's indicators: each one's definition (group, name, unit, target and where the
 * target comes from, how its items are summed up, weight) next to its measure — how its items are
 * taken from one replication's records. The definitions are plain data (they travel to the app and
 * into `run.json`); the measures stay here and are looked up by id.
 */
import type { DispatchRecord, IncidentRecord, RunRecords } from '../engine/records.ts';
import type { Aggregate, IndicatorSpec, Rubric, Sample, ScoreContext } from './score.ts';

/** What a measure sees: one replication's records, its number, and the run's facts. */
export interface MeasureInput {
  r: RunRecords;
  rep: number;
  ctx: ScoreContext;
  rubric: Rubric;
}

type Measure = (m: MeasureInput) => Sample[];

const P90: Aggregate = { kind: 'percentile', p: 0.9 };
const P95: Aggregate = { kind: 'percentile', p: 0.95 };
const MEAN: Aggregate = { kind: 'mean' };
const PLAN = { zh: '被检验预案自身的目标（无外部标准）', en: 'the plan under test (no external standard exists)' };
const NFPA1221 = { zh: 'NFPA 1221/1225：90% 的报警在 15 秒内接听', en: 'NFPA 1221/1225: 90% of alarms answered within 15 s' };
const INCIDENTS = { zh: '起事件', en: 'incidents' };
const CALLS = { zh: '次来电', en: 'calls' };
const DISPATCHES = { zh: '次出动', en: 'dispatches' };
const NOTICES = { zh: '次通知', en: 'notifications' };

const span = (a: number | null, b: number | null) => (a === null || b === null ? NaN : b - a);
const finite = (s: Sample) => Number.isFinite(s.value);
const kindOf = (m: MeasureInput, agency: string) => m.ctx.agencies[agency]?.kind ?? '';
const isFire = (m: MeasureInput, agency: string) => m.rubric.kinds.fire.includes(kindOf(m, agency));
const isEms = (m: MeasureInput, agency: string) => m.rubric.kinds.ems.includes(kindOf(m, agency));

/** One item per incident: `f` of it, at time `t` of it (its occurrence by default). */
const perIncident = (m: MeasureInput, f: (i: IncidentRecord) => number, t: (i: IncidentRecord) => number | null = (i) => i.tOccur): Sample[] =>
  m.r.incidents.map((i) => ({ value: f(i), rep: m.rep, incident: i.incidentId, t: t(i) ?? i.tOccur })).filter(finite);

/** Alert → leaving the station, for dispatches of the agencies `pick` chooses. */
const turnout = (m: MeasureInput, pick: (agency: string) => boolean): Sample[] =>
  m.r.dispatches
    .filter((x) => pick(x.agency) && x.tAlert !== null && x.tEnroute !== null)
    .map((x) => ({ value: x.tEnroute! - x.tAlert!, rep: m.rep, incident: x.incidentId, unit: x.unitId, agency: x.agency, t: x.tAlert! }));

/** Center → agency command: from the center's first order to the agency to its command having it. */
const notify = (m: MeasureInput, tier: number): Sample[] =>
  m.r.agencies
    .filter((a) => a.tier === tier && a.tNotified !== null && a.channel !== 'mutual_aid')
    .map((a) => ({ value: span(a.tOrdered, a.tNotified), rep: m.rep, incident: a.incidentId, agency: a.agency, t: a.tNotified!, note: a.channel }))
    .filter(finite);

/** Travel of the first (`first`) or last fire unit of each incident's first order. */
function fireTravel(m: MeasureInput, first: boolean): Sample[] {
  const out: Sample[] = [];
  const byIncident = new Map<string, DispatchRecord[]>();
  for (const x of m.r.dispatches) {
    if (!byIncident.has(x.incidentId)) byIncident.set(x.incidentId, []);
    byIncident.get(x.incidentId)!.push(x);
  }
  for (const [incidentId, ds] of byIncident) {
    const fire = ds.filter((x) => isFire(m, x.agency) && x.travelS !== null && x.tOrder === ds[0].tOrder);
    if (fire.length === 0 || (!first && fire.length < 2)) continue;
    const x = fire.reduce((a, b) => (first ? (b.tArrive! < a.tArrive! ? b : a) : b.tArrive! > a.tArrive! ? b : a));
    out.push({ value: x.travelS!, rep: m.rep, incident: incidentId, unit: x.unitId, agency: x.agency, t: x.tEnroute ?? x.tOrder });
  }
  return out;
}

/** An indicator of the default rubric: its definition and its measure, side by side. */
export interface Indicator {
  spec: IndicatorSpec;
  measure: Measure;
}

const indicator = (spec: Omit<IndicatorSpec, 'critical'> & { critical?: boolean }, measure: Measure): Indicator => ({ spec: { critical: false, ...spec }, measure });

/** The default rubric's indicators, in report order. */
export const INDICATORS: readonly Indicator[] = [
  indicator(
    { id: 'A1', group: 'alarm', name: { zh: '接警应答时间（P90）', en: 'Call answer time (p90)' }, unit: 's', target: 15, aggregate: P90, weight: 3, source: NFPA1221, items: CALLS },
    (m) => m.r.calls.filter((c) => c.tAnswer !== null).map((c) => ({ value: c.tAnswer! - c.tArrive, rep: m.rep, incident: c.incidentId, t: c.tArrive, note: c.channel })),
  ),
  indicator(
    { id: 'A2', group: 'alarm', name: { zh: '接警应答时间（P95）', en: 'Call answer time (p95)' }, unit: 's', target: 10, aggregate: P95, weight: 2, source: { zh: '中国 120 调度指引：95% 的呼叫在 10 秒内接听', en: 'China 120 guidance: 95% of calls answered within 10 s' }, items: CALLS },
    (m) => m.r.calls.filter((c) => c.tAnswer !== null).map((c) => ({ value: c.tAnswer! - c.tArrive, rep: m.rep, incident: c.incidentId, t: c.tArrive, note: c.channel })),
  ),
  indicator(
    { id: 'A3', group: 'alarm', name: { zh: '接警处理至首次指令（P90）', en: 'Alarm processing to first order (p90)' }, unit: 's', target: 64, aggregate: P90, weight: 3, source: { zh: 'NFPA 1221：90% 的报警在 64 秒内处理完毕', en: 'NFPA 1221: 90% of alarms processed within 64 s' }, items: INCIDENTS },
    (m) => perIncident(m, (i) => span(i.tAnswered, i.tFirstOrder), (i) => i.tAnswered),
  ),
  indicator(
    { id: 'A4', group: 'alarm', name: { zh: '初次定级错误率', en: 'Share graded wrongly at first' }, unit: 'share', target: 0.1, zeroAt: 0.3, aggregate: MEAN, weight: 2, source: PLAN, items: INCIDENTS },
    (m) => m.r.incidents.filter((i) => i.gradeInitial !== null).map((i) => ({ value: i.gradeInitial === i.gradeTrue ? 0 : 1, rep: m.rep, incident: i.incidentId, t: i.tVerified ?? i.tOccur, note: `${i.gradeTrue}→${i.gradeInitial}` })),
  ),
  indicator(
    { id: 'A5', group: 'alarm', name: { zh: '定级偏低持续时间（均值）', en: 'Time spent under-graded (mean)' }, unit: 's', target: 600, aggregate: MEAN, weight: 1, source: PLAN, items: INCIDENTS },
    (m) => m.r.incidents.filter((i) => i.underGradedS > 0).map((i) => ({ value: i.underGradedS, rep: m.rep, incident: i.incidentId, t: i.tVerified ?? i.tOccur })),
  ),
  indicator(
    { id: 'B1', group: 'mobilisation', name: { zh: '急救出车准备时间（P90）', en: 'EMS turnout (p90)' }, unit: 's', target: 60, aggregate: P90, weight: 2, source: { zh: 'NFPA 1710：急救出车 60 秒（90%）', en: 'NFPA 1710: EMS turnout 60 s (90%)' }, items: DISPATCHES },
    (m) => turnout(m, (a) => isEms(m, a)),
  ),
  indicator(
    { id: 'B2', group: 'mobilisation', name: { zh: '消防出车准备时间（P90）', en: 'Fire turnout (p90)' }, unit: 's', target: 80, aggregate: P90, weight: 2, source: { zh: 'NFPA 1710：消防出车 80 秒（90%）', en: 'NFPA 1710: fire turnout 80 s (90%)' }, items: DISPATCHES },
    (m) => turnout(m, (a) => isFire(m, a)),
  ),
  indicator(
    { id: 'B3', group: 'mobilisation', name: { zh: '消防接令至首车到场（P90）', en: 'Fire order to first arrival (p90)' }, unit: 's', target: 300, aggregate: P90, weight: 3, source: { zh: '城市消防站建设标准：接警出动后 5 分钟内到达辖区边缘', en: 'China 城市消防站建设标准: 5 min from the dispatch order to the district edge' }, items: INCIDENTS },
    (m) =>
      m.r.agencies
        .filter((a) => isFire(m, a.agency) && a.tNotified !== null && a.tFirstArrival !== null && a.channel !== 'mutual_aid')
        .map((a) => ({ value: a.tFirstArrival! - a.tNotified!, rep: m.rep, incident: a.incidentId, agency: a.agency, t: a.tNotified! })),
  ),
  indicator(
    { id: 'B4', group: 'mobilisation', name: { zh: '首辆消防车行驶时间（P90）', en: 'First engine travel (p90)' }, unit: 's', target: 240, aggregate: P90, weight: 2, source: { zh: 'NFPA 1710：首车行驶 240 秒（90%）', en: 'NFPA 1710: first-engine travel 240 s (90%)' }, items: INCIDENTS },
    (m) => fireTravel(m, true),
  ),
  indicator(
    { id: 'B5', group: 'mobilisation', name: { zh: '首批力量集结行驶时间（P90）', en: 'First-alarm assignment travel (p90)' }, unit: 's', target: 480, aggregate: P90, weight: 2, source: { zh: 'NFPA 1710：首批出动力量 480 秒内全部到场（90%）', en: 'NFPA 1710: full first-alarm assignment within 480 s travel (90%)' }, items: INCIDENTS },
    (m) => fireTravel(m, false),
  ),
  indicator(
    { id: 'C1', group: 'linkage', name: { zh: '一级联动单位通知时延（P90）', en: 'Tier-1 agency notification latency (p90)' }, unit: 's', target: 60, aggregate: P90, weight: 3, source: PLAN, items: NOTICES },
    (m) => notify(m, 1),
  ),
  indicator(
    { id: 'C2', group: 'linkage', name: { zh: '二级联动单位通知时延（P90）', en: 'Tier-2 agency notification latency (p90)' }, unit: 's', target: 600, aggregate: P90, weight: 2, source: PLAN, items: NOTICES },
    (m) => notify(m, 2),
  ),
  indicator(
    { id: 'C3', group: 'linkage', name: { zh: '三级联动力量通知时延（P90）', en: 'Tier-3 force notification latency (p90)' }, unit: 's', target: 1800, aggregate: P90, weight: 1, source: PLAN, items: NOTICES },
    (m) => notify(m, 3),
  ),
  indicator(
    { id: 'C4', group: 'linkage', name: { zh: '一级联动单位首到时间差（P90）', en: 'Spread of tier-1 agencies’ first arrivals (p90)' }, unit: 's', target: 600, aggregate: P90, weight: 2, source: PLAN, items: INCIDENTS },
    (m) => {
      const groups = new Map<string, number[]>();
      for (const a of m.r.agencies) {
        if ((m.ctx.agencies[a.agency]?.tier ?? 1) !== 1 || a.tFirstArrival === null) continue;
        if (!groups.has(a.incidentId)) groups.set(a.incidentId, []);
        groups.get(a.incidentId)!.push(a.tFirstArrival);
      }
      return [...groups]
        .filter(([, ts]) => ts.length >= 2)
        .map(([incidentId, ts]) => ({ value: Math.max(...ts) - Math.min(...ts), rep: m.rep, incident: incidentId, t: Math.min(...ts) }));
    },
  ),
  indicator(
    { id: 'C5', group: 'linkage', name: { zh: '跨区增援指令至到场（P90）', en: 'Mutual aid, order to arrival (p90)' }, unit: 's', target: 1200, aggregate: P90, weight: 1, source: PLAN, items: DISPATCHES },
    (m) => m.r.dispatches.filter((x) => x.mutualAid && x.tArrive !== null).map((x) => ({ value: x.tArrive! - x.tOrder, rep: m.rep, incident: x.incidentId, unit: x.unitId, agency: x.agency, t: x.tOrder })),
  ),
  indicator(
    { id: 'C6', group: 'linkage', name: { zh: '等待其他单位的协同损耗（P90）', en: 'Time lost waiting on other agencies (p90)' }, unit: 's', target: 600, aggregate: P90, weight: 2, source: PLAN, items: INCIDENTS },
    (m) => m.r.incidents.filter((i) => i.coordinationWaitS > 0).map((i) => ({ value: i.coordinationWaitS, rep: m.rep, incident: i.incidentId, t: i.tFirstArrival ?? i.tOccur })),
  ),
  indicator(
    { id: 'D1', group: 'command', name: { zh: '现场指挥部开设用时（P90）', en: 'Command post established after first arrival (p90)' }, unit: 's', target: 300, aggregate: P90, weight: 3, source: { zh: 'HSEEP 时期能力目标：5 分钟内建立现场指挥', en: 'HSEEP-era capability target: command established within 5 min' }, items: INCIDENTS },
    (m) => perIncident(m, (i) => (i.tCommandPost === null ? NaN : i.tCommandPost - i.tFirstArrival!), (i) => i.tFirstArrival),
  ),
  indicator(
    { id: 'D2', group: 'command', name: { zh: '专家和指挥人员进驻用时（P90）', en: 'Experts and commanders convened (p90)' }, unit: 's', target: 3600, aggregate: P90, weight: 1, source: PLAN, items: INCIDENTS },
    (m) => perIncident(m, (i) => span(i.tPlan, i.tExperts), (i) => i.tPlan),
  ),
  indicator(
    {
      id: 'E1', group: 'information', name: { zh: '向政府报告用时（P90）', en: 'Report to government (p90)' }, unit: 's', target: 1800, zeroAt: 14400, aggregate: P90, weight: 3, critical: true,
      source: { zh: '默认 30 分钟；国家突发公共事件总体应急预案：最迟不得超过 4 小时（零分点）', en: 'default 30 min; 国家突发公共事件总体应急预案: no later than 4 hours (the zero point)' }, items: INCIDENTS,
    },
    // Every incident that should have been reported: reported ones, and reported-grade ones never reported (4 h counted).
    (m) =>
      m.r.incidents
        .filter((i) => i.tReported !== null || (i.tPlan !== null && ['II', 'I'].includes(i.gradeFinal ?? '') && m.ctx.durationS - i.tPlan >= 14400))
        .map((i) => ({ value: i.tReported !== null ? i.tReported - i.tPlan! : 14400, rep: m.rep, incident: i.incidentId, t: i.tPlan! })),
  ),
  indicator(
    { id: 'E2', group: 'information', name: { zh: '状态报告时延（均值）', en: 'Status-report latency (mean)' }, unit: 's', target: 60, aggregate: MEAN, weight: 1, source: PLAN, items: { zh: '个单位', en: 'units' } },
    (m) => m.r.units.filter((u) => u.reportLatencyMeanS !== null).map((u) => ({ value: u.reportLatencyMeanS!, rep: m.rep, unit: u.unitId, agency: u.agency })),
  ),
  indicator(
    { id: 'E3', group: 'information', name: { zh: '指令下达给已不空闲单位的比例', en: 'Share of orders to a unit no longer free' }, unit: 'share', target: 0.02, zeroAt: 0.1, aggregate: MEAN, weight: 1, source: PLAN, items: { zh: '次指令', en: 'orders' } },
    (m) => {
      const out: Sample[] = [];
      for (const i of m.r.incidents) for (let k = 0; k < i.ordersRefused; k++) out.push({ value: 1, rep: m.rep, incident: i.incidentId, t: i.tFirstOrder ?? i.tOccur });
      for (let k = 0; k < m.r.dispatches.length; k++) out.push({ value: 0, rep: m.rep });
      return out;
    },
  ),
  indicator(
    { id: 'F1', group: 'outcome', name: { zh: '需排队等待力量的事件比例', en: 'Share of incidents that waited for a unit' }, unit: 'share', target: 0.05, zeroAt: 0.2, aggregate: MEAN, weight: 3, source: PLAN, items: INCIDENTS },
    (m) => m.r.incidents.filter((i) => i.unitsRequired > 0).map((i) => ({ value: i.queuedRequests > 0 || i.lostRequests > 0 ? 1 : 0, rep: m.rep, incident: i.incidentId, t: i.tOccur })),
  ),
  indicator(
    { id: 'F2', group: 'outcome', name: { zh: '结束时仍未控制的事件比例', en: 'Share of incidents not controlled by the end' }, unit: 'share', target: 0.01, zeroAt: 0.1, aggregate: MEAN, weight: 2, source: PLAN, items: INCIDENTS },
    // Incidents that had two hours or more before the end to be brought under control.
    (m) =>
      m.r.incidents
        .filter((i) => i.unitsRequired > 0 && i.tOccur <= m.ctx.durationS - 7200)
        .map((i) => ({ value: i.tControlled === null ? 1 : 0, rep: m.rep, incident: i.incidentId, t: i.tOccur })),
  ),
  indicator(
    { id: 'F3', group: 'outcome', name: { zh: '伤员获得救治的时延（均值）', en: 'Casualties’ delay to care (mean)' }, unit: 's', target: 720, aggregate: MEAN, weight: 2, source: { zh: '《关于进一步完善院前医疗急救服务的指导意见》（2020）：急救反应时间 12 分钟以内', en: 'China guideline on pre-hospital emergency care (2020): response within 12 min' }, items: INCIDENTS },
    (m) => {
      const occur = new Map(m.r.incidents.map((i) => [i.incidentId, i.tOccur]));
      return m.r.agencies
        .filter((a) => isEms(m, a.agency) && a.tFirstArrival !== null && occur.has(a.incidentId))
        .map((a) => ({ value: a.tFirstArrival! - occur.get(a.incidentId)!, rep: m.rep, incident: a.incidentId, agency: a.agency, t: occur.get(a.incidentId)! }));
    },
  ),
];

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
    indicators: INDICATORS.map((x) => ({ ...x.spec, aggregate: { ...x.spec.aggregate } })),
  };
}
