/**
 * The linkage score: how well the linkage worked in a run, 0–100, from six sub-scores made of
 * indicators, each with a target and the source of that target. An indicator scores 100 at or under
 * its target and falls linearly to 0 at its zero point (twice the target unless it says otherwise);
 * over incidents (or other items) and replications it is taken at the 90th percentile unless it
 * says otherwise. Pure: records in, numbers out. Defaults are overridable per scenario (`scoring:`).
 */
import { quantileSorted } from 'd3';
import type { RunRecords, IncidentRecord, DispatchRecord } from '../engine/records.ts';
import { SCORE_GROUPS, type ScoringOverrides } from '../scenario/scoring.ts';

export const GROUPS = SCORE_GROUPS;
export type Group = (typeof GROUPS)[number];

/** How an indicator's items are summed up: a percentile, or the mean (a share, for 0/1 items). */
export type Aggregate = { kind: 'percentile'; p: number } | { kind: 'mean' };

/** One measured item behind an indicator, with what a finding needs to point at it. */
export interface Sample {
  value: number;
  rep: number;
  incident?: string;
  agency?: string;
  unit?: string;
  /** Simulation time (s) the item refers to. */
  t?: number;
  /** A short extra fact (e.g. the channel of an order). */
  note?: string;
}

/** Facts about the run that records alone do not carry. */
export interface ScoreContext {
  durationS: number;
  /** Agency id → kind and tier. */
  agencies: Record<string, { kind: string; tier: number }>;
}

/** The facts a score needs from a scenario (or from a run folder's `run.json`). */
export function scoreContext(scenario: { durationS: number; agencies: readonly { id: string; kind: string; tier: number }[] }): ScoreContext {
  return { durationS: scenario.durationS, agencies: Object.fromEntries(scenario.agencies.map((a) => [a.id, { kind: a.kind, tier: a.tier }])) };
}

export interface IndicatorSpec {
  id: string;
  group: Group;
  name: { zh: string; en: string };
  /** `s` seconds, or `share` (0–1). */
  unit: 's' | 'share';
  target: number;
  /** Value at which the score reaches 0 (default: target × the rubric's zeroAtMultiple). */
  zeroAt?: number;
  aggregate: Aggregate;
  weight: number;
  /** Missing it (score 0) forces the rating to U. */
  critical: boolean;
  source: { zh: string; en: string };
  /** What one item is, for findings: "incidents", "orders", … */
  items: { zh: string; en: string };
}

export interface Rubric {
  /** Sub-score weights (their sum need not be 100). */
  groups: Record<Group, number>;
  indicators: IndicatorSpec[];
  zeroAtMultiple: number;
  /** Which agency kinds count as fire and as EMS for the NFPA indicators. */
  kinds: { fire: string[]; ems: string[] };
}

const P90: Aggregate = { kind: 'percentile', p: 0.9 };
const MEAN: Aggregate = { kind: 'mean' };
const PLAN = { zh: '被检验预案自身的目标（无外部标准）', en: 'the plan under test (no external standard exists)' };
const NFPA1221 = { zh: 'NFPA 1221/1225：90% 的报警在 15 秒内接听', en: 'NFPA 1221/1225: 90% of alarms answered within 15 s' };

/** The default rubric; every target names its source. */
export function defaultRubric(): Rubric {
  const ind = (x: Omit<IndicatorSpec, 'critical'> & { critical?: boolean }): IndicatorSpec => ({ critical: false, ...x });
  const incidents = { zh: '起事件', en: 'incidents' };
  const calls = { zh: '次来电', en: 'calls' };
  const dispatches = { zh: '次出动', en: 'dispatches' };
  const notices = { zh: '次通知', en: 'notifications' };
  return {
    groups: { alarm: 15, mobilisation: 25, linkage: 25, command: 10, information: 10, outcome: 15 },
    zeroAtMultiple: 2,
    kinds: { fire: ['fire'], ems: ['ems'] },
    indicators: [
      ind({ id: 'A1', group: 'alarm', name: { zh: '接警应答时间（P90）', en: 'Call answer time (p90)' }, unit: 's', target: 15, aggregate: P90, weight: 3, source: NFPA1221, items: calls }),
      ind({ id: 'A2', group: 'alarm', name: { zh: '接警应答时间（P95）', en: 'Call answer time (p95)' }, unit: 's', target: 10, aggregate: { kind: 'percentile', p: 0.95 }, weight: 2, source: { zh: '中国 120 调度指引：95% 的呼叫在 10 秒内接听', en: 'China 120 guidance: 95% of calls answered within 10 s' }, items: calls }),
      ind({ id: 'A3', group: 'alarm', name: { zh: '接警处理至首次指令（P90）', en: 'Alarm processing to first order (p90)' }, unit: 's', target: 64, aggregate: P90, weight: 3, source: { zh: 'NFPA 1221：90% 的报警在 64 秒内处理完毕', en: 'NFPA 1221: 90% of alarms processed within 64 s' }, items: incidents }),
      ind({ id: 'A4', group: 'alarm', name: { zh: '初次定级错误率', en: 'Share graded wrongly at first' }, unit: 'share', target: 0.1, zeroAt: 0.3, aggregate: MEAN, weight: 2, source: PLAN, items: incidents }),
      ind({ id: 'A5', group: 'alarm', name: { zh: '定级偏低持续时间（均值）', en: 'Time spent under-graded (mean)' }, unit: 's', target: 600, aggregate: MEAN, weight: 1, source: PLAN, items: incidents }),
      ind({ id: 'B1', group: 'mobilisation', name: { zh: '急救出车准备时间（P90）', en: 'EMS turnout (p90)' }, unit: 's', target: 60, aggregate: P90, weight: 2, source: { zh: 'NFPA 1710：急救出车 60 秒（90%）', en: 'NFPA 1710: EMS turnout 60 s (90%)' }, items: dispatches }),
      ind({ id: 'B2', group: 'mobilisation', name: { zh: '消防出车准备时间（P90）', en: 'Fire turnout (p90)' }, unit: 's', target: 80, aggregate: P90, weight: 2, source: { zh: 'NFPA 1710：消防出车 80 秒（90%）', en: 'NFPA 1710: fire turnout 80 s (90%)' }, items: dispatches }),
      ind({ id: 'B3', group: 'mobilisation', name: { zh: '消防接令至首车到场（P90）', en: 'Fire order to first arrival (p90)' }, unit: 's', target: 300, aggregate: P90, weight: 3, source: { zh: '城市消防站建设标准：接警出动后 5 分钟内到达辖区边缘', en: 'China 城市消防站建设标准: 5 min from the dispatch order to the district edge' }, items: incidents }),
      ind({ id: 'B4', group: 'mobilisation', name: { zh: '首辆消防车行驶时间（P90）', en: 'First engine travel (p90)' }, unit: 's', target: 240, aggregate: P90, weight: 2, source: { zh: 'NFPA 1710：首车行驶 240 秒（90%）', en: 'NFPA 1710: first-engine travel 240 s (90%)' }, items: incidents }),
      ind({ id: 'B5', group: 'mobilisation', name: { zh: '首批力量集结行驶时间（P90）', en: 'First-alarm assignment travel (p90)' }, unit: 's', target: 480, aggregate: P90, weight: 2, source: { zh: 'NFPA 1710：首批出动力量 480 秒内全部到场（90%）', en: 'NFPA 1710: full first-alarm assignment within 480 s travel (90%)' }, items: incidents }),
      ind({ id: 'C1', group: 'linkage', name: { zh: '一级联动单位通知时延（P90）', en: 'Tier-1 agency notification latency (p90)' }, unit: 's', target: 60, aggregate: P90, weight: 3, source: PLAN, items: notices }),
      ind({ id: 'C2', group: 'linkage', name: { zh: '二级联动单位通知时延（P90）', en: 'Tier-2 agency notification latency (p90)' }, unit: 's', target: 600, aggregate: P90, weight: 2, source: PLAN, items: notices }),
      ind({ id: 'C3', group: 'linkage', name: { zh: '三级联动力量通知时延（P90）', en: 'Tier-3 force notification latency (p90)' }, unit: 's', target: 1800, aggregate: P90, weight: 1, source: PLAN, items: notices }),
      ind({ id: 'C4', group: 'linkage', name: { zh: '一级联动单位首到时间差（P90）', en: 'Spread of tier-1 agencies’ first arrivals (p90)' }, unit: 's', target: 600, aggregate: P90, weight: 2, source: PLAN, items: incidents }),
      ind({ id: 'C5', group: 'linkage', name: { zh: '跨区增援指令至到场（P90）', en: 'Mutual aid, order to arrival (p90)' }, unit: 's', target: 1200, aggregate: P90, weight: 1, source: PLAN, items: dispatches }),
      ind({ id: 'C6', group: 'linkage', name: { zh: '等待其他单位的协同损耗（P90）', en: 'Time lost waiting on other agencies (p90)' }, unit: 's', target: 600, aggregate: P90, weight: 2, source: PLAN, items: incidents }),
      ind({ id: 'D1', group: 'command', name: { zh: '现场指挥部开设用时（P90）', en: 'Command post established after first arrival (p90)' }, unit: 's', target: 300, aggregate: P90, weight: 3, source: { zh: 'HSEEP 时期能力目标：5 分钟内建立现场指挥', en: 'HSEEP-era capability target: command established within 5 min' }, items: incidents }),
      ind({ id: 'D2', group: 'command', name: { zh: '专家和指挥人员进驻用时（P90）', en: 'Experts and commanders convened (p90)' }, unit: 's', target: 3600, aggregate: P90, weight: 1, source: PLAN, items: incidents }),
      ind({ id: 'E1', group: 'information', name: { zh: '向政府报告用时（P90）', en: 'Report to government (p90)' }, unit: 's', target: 1800, zeroAt: 14400, aggregate: P90, weight: 3, critical: true, source: { zh: '默认 30 分钟；国家突发公共事件总体应急预案：最迟不得超过 4 小时（零分点）', en: 'default 30 min; 国家突发公共事件总体应急预案: no later than 4 hours (the zero point)' }, items: incidents }),
      ind({ id: 'E2', group: 'information', name: { zh: '状态报告时延（均值）', en: 'Status-report latency (mean)' }, unit: 's', target: 60, aggregate: MEAN, weight: 1, source: PLAN, items: { zh: '个单位', en: 'units' } }),
      ind({ id: 'E3', group: 'information', name: { zh: '指令下达给已不空闲单位的比例', en: 'Share of orders to a unit no longer free' }, unit: 'share', target: 0.02, zeroAt: 0.1, aggregate: MEAN, weight: 1, source: PLAN, items: { zh: '次指令', en: 'orders' } }),
      ind({ id: 'F1', group: 'outcome', name: { zh: '需排队等待力量的事件比例', en: 'Share of incidents that waited for a unit' }, unit: 'share', target: 0.05, zeroAt: 0.2, aggregate: MEAN, weight: 3, source: PLAN, items: incidents }),
      ind({ id: 'F2', group: 'outcome', name: { zh: '结束时仍未控制的事件比例', en: 'Share of incidents not controlled by the end' }, unit: 'share', target: 0.01, zeroAt: 0.1, aggregate: MEAN, weight: 2, source: PLAN, items: incidents }),
      ind({ id: 'F3', group: 'outcome', name: { zh: '伤员获得救治的时延（均值）', en: 'Casualties’ delay to care (mean)' }, unit: 's', target: 720, aggregate: MEAN, weight: 2, source: { zh: '《关于进一步完善院前医疗急救服务的指导意见》（2020）：急救反应时间 12 分钟以内', en: 'China guideline on pre-hospital emergency care (2020): response within 12 min' }, items: incidents }),
    ],
  };
}

/** The default rubric with a scenario's changes applied (the loader has checked them). */
export function resolveRubric(o: ScoringOverrides = {}): Rubric {
  const r = defaultRubric();
  if (o.groups) for (const g of GROUPS) if (o.groups[g] !== undefined) r.groups[g] = o.groups[g]!;
  if (o.zeroAtMultiple !== undefined) r.zeroAtMultiple = o.zeroAtMultiple;
  if (o.kinds?.fire) r.kinds.fire = o.kinds.fire.slice();
  if (o.kinds?.ems) r.kinds.ems = o.kinds.ems.slice();
  for (const spec of r.indicators) {
    const x = o.indicators?.[spec.id];
    if (!x) continue;
    if (x.target !== undefined) spec.target = x.target;
    if (x.zeroAt !== undefined) spec.zeroAt = x.zeroAt;
    else if (x.target !== undefined && spec.zeroAt !== undefined && spec.zeroAt <= x.target) spec.zeroAt = undefined;
    if (x.weight !== undefined) spec.weight = x.weight;
    if (x.percentile !== undefined) spec.aggregate = { kind: 'percentile', p: x.percentile / 100 };
    if (x.critical !== undefined) spec.critical = x.critical;
  }
  return r;
}

const d = (a: number | null, b: number | null) => (a === null || b === null ? NaN : b - a);

/** The items behind each indicator, from one replication's records. */
export function measure(id: string, r: RunRecords, rep: number, ctx: ScoreContext, rubric: Rubric): Sample[] {
  const kindOf = (agency: string) => ctx.agencies[agency]?.kind ?? '';
  const tierOf = (agency: string) => ctx.agencies[agency]?.tier ?? 1;
  const isFire = (agency: string) => rubric.kinds.fire.includes(kindOf(agency));
  const isEms = (agency: string) => rubric.kinds.ems.includes(kindOf(agency));
  const inc = r.incidents;
  const ok = (s: Sample) => Number.isFinite(s.value);
  const perIncident = (f: (i: IncidentRecord) => number, t: (i: IncidentRecord) => number | null = (i) => i.tOccur) =>
    inc.map((i) => ({ value: f(i), rep, incident: i.incidentId, t: t(i) ?? i.tOccur })).filter(ok);
  const turnout = (pick: (agency: string) => boolean) =>
    r.dispatches
      .filter((x) => pick(x.agency) && x.tAlert !== null && x.tEnroute !== null)
      .map((x) => ({ value: x.tEnroute! - x.tAlert!, rep, incident: x.incidentId, unit: x.unitId, agency: x.agency, t: x.tAlert! }));
  // Center → agency command: from the center's first order to the agency to its command having it.
  const notify = (tier: number) =>
    r.agencies
      .filter((a) => a.tier === tier && a.tNotified !== null && a.channel !== 'mutual_aid')
      .map((a) => ({ value: d(a.tOrdered, a.tNotified), rep, incident: a.incidentId, agency: a.agency, t: a.tNotified!, note: a.channel }))
      .filter(ok);
  switch (id) {
    case 'A1':
    case 'A2':
      return r.calls.filter((c) => c.tAnswer !== null).map((c) => ({ value: c.tAnswer! - c.tArrive, rep, incident: c.incidentId, t: c.tArrive, note: c.channel }));
    case 'A3':
      return perIncident((i) => d(i.tAnswered, i.tFirstOrder), (i) => i.tAnswered);
    case 'A4':
      return inc.filter((i) => i.gradeInitial !== null).map((i) => ({ value: i.gradeInitial === i.gradeTrue ? 0 : 1, rep, incident: i.incidentId, t: i.tVerified ?? i.tOccur, note: `${i.gradeTrue}→${i.gradeInitial}` }));
    case 'A5':
      return inc.filter((i) => i.underGradedS > 0).map((i) => ({ value: i.underGradedS, rep, incident: i.incidentId, t: i.tVerified ?? i.tOccur }));
    case 'B1':
      return turnout(isEms);
    case 'B2':
      return turnout(isFire);
    case 'B3': {
      const out: Sample[] = [];
      for (const a of r.agencies) {
        if (!isFire(a.agency) || a.tNotified === null || a.tFirstArrival === null || a.channel === 'mutual_aid') continue;
        out.push({ value: a.tFirstArrival - a.tNotified, rep, incident: a.incidentId, agency: a.agency, t: a.tNotified });
      }
      return out;
    }
    case 'B4':
    case 'B5': {
      const out: Sample[] = [];
      const byIncident = new Map<string, DispatchRecord[]>();
      for (const x of r.dispatches) {
        if (!byIncident.has(x.incidentId)) byIncident.set(x.incidentId, []);
        byIncident.get(x.incidentId)!.push(x);
      }
      for (const [incidentId, ds] of byIncident) {
        const fire = ds.filter((x) => isFire(x.agency) && x.travelS !== null && x.tOrder === ds[0].tOrder);
        if (fire.length === 0) continue;
        const first = fire.reduce((a, b) => (b.tArrive! < a.tArrive! ? b : a));
        const last = fire.reduce((a, b) => (b.tArrive! > a.tArrive! ? b : a));
        const x = id === 'B4' ? first : last;
        if (id === 'B5' && fire.length < 2) continue;
        out.push({ value: x.travelS!, rep, incident: incidentId, unit: x.unitId, agency: x.agency, t: x.tEnroute ?? x.tOrder });
      }
      return out;
    }
    case 'C1':
    case 'C2':
    case 'C3':
      return notify(Number(id[1]));
    case 'C4': {
      const out: Sample[] = [];
      const groups = new Map<string, number[]>();
      for (const a of r.agencies) {
        if (tierOf(a.agency) !== 1 || a.tFirstArrival === null) continue;
        if (!groups.has(a.incidentId)) groups.set(a.incidentId, []);
        groups.get(a.incidentId)!.push(a.tFirstArrival);
      }
      for (const [incidentId, ts] of groups) {
        if (ts.length < 2) continue;
        out.push({ value: Math.max(...ts) - Math.min(...ts), rep, incident: incidentId, t: Math.min(...ts) });
      }
      return out;
    }
    case 'C5':
      return r.dispatches.filter((x) => x.mutualAid && x.tArrive !== null).map((x) => ({ value: x.tArrive! - x.tOrder, rep, incident: x.incidentId, unit: x.unitId, agency: x.agency, t: x.tOrder }));
    case 'C6':
      return inc.filter((i) => i.coordinationWaitS > 0).map((i) => ({ value: i.coordinationWaitS, rep, incident: i.incidentId, t: i.tFirstArrival ?? i.tOccur }));
    case 'D1':
      return perIncident((i) => (i.tCommandPost === null ? NaN : i.tCommandPost - i.tFirstArrival!), (i) => i.tFirstArrival);
    case 'D2':
      return perIncident((i) => d(i.tPlan, i.tExperts), (i) => i.tPlan);
    case 'E1': {
      // Every incident that should have been reported: reported ones, and reported-grade ones never reported (4 h counted).
      return inc
        .filter((i) => i.tReported !== null || (i.tPlan !== null && ['II', 'I'].includes(i.gradeFinal ?? '') && ctx.durationS - i.tPlan >= 14400))
        .map((i) => ({ value: i.tReported !== null ? i.tReported - i.tPlan! : 14400, rep, incident: i.incidentId, t: i.tPlan! }));
    }
    case 'E2':
      return r.units.filter((u) => u.reportLatencyMeanS !== null).map((u) => ({ value: u.reportLatencyMeanS!, rep, unit: u.unitId, agency: u.agency }));
    case 'E3': {
      const refused = inc.reduce((a, i) => a + i.ordersRefused, 0);
      const orders = r.dispatches.length + refused;
      const out: Sample[] = [];
      for (const i of inc) for (let k = 0; k < i.ordersRefused; k++) out.push({ value: 1, rep, incident: i.incidentId, t: i.tFirstOrder ?? i.tOccur });
      for (let k = 0; k < orders - refused; k++) out.push({ value: 0, rep });
      return out;
    }
    case 'F1':
      return inc.filter((i) => i.unitsRequired > 0).map((i) => ({ value: i.queuedRequests > 0 || i.lostRequests > 0 ? 1 : 0, rep, incident: i.incidentId, t: i.tOccur }));
    case 'F2':
      // Incidents that had two hours or more before the end to be brought under control.
      return inc
        .filter((i) => i.unitsRequired > 0 && i.tOccur <= ctx.durationS - 7200)
        .map((i) => ({ value: i.tControlled === null ? 1 : 0, rep, incident: i.incidentId, t: i.tOccur }));
    case 'F3': {
      const out: Sample[] = [];
      const occur = new Map(inc.map((i) => [i.incidentId, i.tOccur]));
      for (const a of r.agencies) {
        if (!isEms(a.agency) || a.tFirstArrival === null || !occur.has(a.incidentId)) continue;
        const t = occur.get(a.incidentId)!;
        out.push({ value: a.tFirstArrival - t, rep, incident: a.incidentId, agency: a.agency, t });
      }
      return out;
    }
    default:
      return [];
  }
}

/** The aggregate of `values` (NaN when there are none). */
export function aggregate(values: readonly number[], how: Aggregate): number {
  if (values.length === 0) return NaN;
  if (how.kind === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  return quantileSorted(sorted, how.p)!;
}

/** 100 at or under `target`, 0 at or over `zeroAt`, linear between. */
export function indicatorScore(value: number, target: number, zeroAt: number): number {
  if (!Number.isFinite(value)) return NaN;
  if (value <= target) return 100;
  if (value >= zeroAt) return 0;
  return (100 * (zeroAt - value)) / (zeroAt - target);
}

export interface IndicatorResult {
  spec: IndicatorSpec;
  zeroAt: number;
  n: number;
  value: number | null;
  score: number | null;
  samples: Sample[];
}

export interface ScoreResult {
  indicators: IndicatorResult[];
  groups: Record<Group, number | null>;
  score: number | null;
  rating: 'P' | 'S' | 'M' | 'U' | null;
  /** Critical indicators that scored 0. */
  criticalMissed: string[];
}

/** P ≥ 90, S ≥ 70, M ≥ 50, else U; a missed critical task forces U (as exercise evaluation guides rate). */
export function rating(score: number, criticalMissed: boolean): 'P' | 'S' | 'M' | 'U' {
  if (criticalMissed) return 'U';
  return score >= 90 ? 'P' : score >= 70 ? 'S' : score >= 50 ? 'M' : 'U';
}

/** Scores one or more replications together (their items pooled). */
export function scoreRuns(runs: readonly { rep: number; records: RunRecords }[], ctx: ScoreContext, rubric: Rubric = defaultRubric()): ScoreResult {
  const indicators: IndicatorResult[] = rubric.indicators.map((spec) => {
    const samples = runs.flatMap((r) => measure(spec.id, r.records, r.rep, ctx, rubric));
    const zeroAt = spec.zeroAt ?? spec.target * rubric.zeroAtMultiple;
    const value = aggregate(samples.map((s) => s.value), spec.aggregate);
    const score = indicatorScore(value, spec.target, zeroAt);
    return { spec, zeroAt, n: samples.length, value: Number.isFinite(value) ? value : null, score: Number.isFinite(score) ? score : null, samples };
  });
  const groups = {} as Record<Group, number | null>;
  for (const g of GROUPS) {
    const xs = indicators.filter((i) => i.spec.group === g && i.score !== null && i.spec.weight > 0);
    const w = xs.reduce((a, i) => a + i.spec.weight, 0);
    groups[g] = w > 0 ? xs.reduce((a, i) => a + i.spec.weight * i.score!, 0) / w : null;
  }
  const present = GROUPS.filter((g) => groups[g] !== null && rubric.groups[g] > 0);
  const wsum = present.reduce((a, g) => a + rubric.groups[g], 0);
  const score = wsum > 0 ? present.reduce((a, g) => a + rubric.groups[g] * groups[g]!, 0) / wsum : null;
  const criticalMissed = indicators.filter((i) => i.spec.critical && i.score === 0).map((i) => i.spec.id);
  return { indicators, groups, score, rating: score === null ? null : rating(score, criticalMissed.length > 0), criticalMissed };
}
