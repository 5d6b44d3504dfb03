/**
 * The report's linkage timelines (联动时间线) of the largest incidents: one lane for the center's
 * steps, one per agency (order received — red when later than its tier's target — and first
 * arrival), and one per unit (staging, turnout, travel, waiting on others, on scene).
 */
import { scaleLinear } from 'd3';
import type { IncidentRecord, RunRecords } from '../../engine/records.ts';
import type { Rubric } from '../../metrics/score.ts';
import { keepFirst } from '../../metrics/first-k.ts';
import { clock } from '../format.ts';
import { REPORT_TEXT as T, type Lang } from '../i18n.ts';
import { esc } from '../svg.ts';
import type { RunMeta } from './types.ts';

/** Negative when incident `a` is the larger: more units, then more agencies, then the earlier. */
const larger = (a: IncidentRecord, b: IncidentRecord) => b.unitsRequired - a.unitsRequired || b.agenciesRequired - a.agenciesRequired || a.tOccur - b.tOccur;

/**
 * The `k` incidents (none for a `k` below 1) that drew the most units and agencies (for the
 * timelines), largest first; ties in the order of the records. The first `k` of a stable sort, in
 * one pass over a busy run's many.
 */
export function largestIncidents(r: RunRecords, k = 3): IncidentRecord[] {
  const top: IncidentRecord[] = [];
  if (!(k >= 1)) return top;
  for (const i of r.incidents) if (i.unitsRequired > 0) keepFirst(top, i, k, larger);
  return top;
}

type SegmentKind = 'staging' | 'turnout' | 'travel' | 'wait' | 'scene';

/** Lanes of one incident's linkage chain: marks (points in time) and segments (spans). */
export interface TimelineModel {
  t0: number;
  t1: number;
  lanes: { label: string; marks: { t: number; label: string; late?: boolean }[]; segments: { a: number; b: number; kind: SegmentKind }[] }[];
}

/** The lanes of one incident's chain: the center's steps, each agency's order and arrival, each unit's phases. */
export function timelineModel(meta: RunMeta, r: RunRecords, inc: IncidentRecord, rubric: Rubric, lang: Lang): TimelineModel {
  const mk = T.marks[lang];
  const pairs: [number | null, string][] = [
    [inc.tFirstCall, mk.call],
    [inc.tAnswered, mk.answered],
    [inc.tVerified, mk.verified],
    [inc.tPlan, mk.plan],
    [inc.tReported, mk.reported],
    [inc.tReportUpdate, mk.update],
    [inc.tApproved, mk.approved],
    [inc.tExperts, mk.experts],
    [inc.tCommandPost, mk.post],
    [inc.tDecision, mk.decision],
    [inc.tControlled, mk.controlled],
    [inc.tClosed, mk.closed],
    [inc.tReportFinal, mk.final],
  ];
  const center = pairs.filter((m): m is [number, string] => m[0] !== null).map(([t, label]) => ({ t, label }));
  const target = (tier: number) => rubric.indicators.find((x) => x.id === `C${tier}`)?.target ?? Infinity;
  const names = new Map(meta.scenario.agencies.map((a) => [a.id, a.name]));
  const lanes: TimelineModel['lanes'] = [{ label: T.lanes[lang].center, marks: center, segments: [] }];
  const ds = r.dispatches.filter((d) => d.incidentId === inc.incidentId);
  for (const a of r.agencies.filter((x) => x.incidentId === inc.incidentId)) {
    const marks: TimelineModel['lanes'][number]['marks'] = [];
    if (a.tNotified !== null) marks.push({ t: a.tNotified, label: `${mk.notified} (${T.channels[lang][a.channel] ?? a.channel})`, late: a.tOrdered !== null && a.channel !== 'mutual_aid' && a.tNotified - a.tOrdered > target(a.tier) });
    if (a.tFirstArrival !== null) marks.push({ t: a.tFirstArrival, label: mk.arrival });
    lanes.push({ label: `${names.get(a.agency) ?? a.agency} · ${T.tierName[lang][a.tier]}`, marks, segments: [] });
    for (const d of ds.filter((x) => x.agency === a.agency)) {
      const segs: TimelineModel['lanes'][number]['segments'] = [];
      const staged = d.tStaged ?? d.tAlert;
      if (d.tAlert !== null && staged !== null && staged > d.tAlert) segs.push({ a: d.tAlert, b: staged, kind: 'staging' });
      if (staged !== null && d.tEnroute !== null) segs.push({ a: staged, b: d.tEnroute, kind: 'turnout' });
      if (d.tEnroute !== null) segs.push({ a: d.tEnroute, b: d.tArrive ?? d.tClear ?? d.tEnroute, kind: 'travel' });
      if (d.tArrive !== null && d.tEnter !== null && d.tEnter > d.tArrive) segs.push({ a: d.tArrive, b: d.tEnter, kind: 'wait' });
      if (d.tEnter !== null) segs.push({ a: d.tEnter, b: d.tClear ?? meta.scenario.durationS, kind: 'scene' });
      lanes.push({ label: `  ${d.unitId}`, marks: [], segments: segs });
    }
  }
  const ts = lanes.flatMap((l) => [...l.marks.map((m) => m.t), ...l.segments.flatMap((s) => [s.a, s.b])]);
  return { t0: Math.min(inc.tOccur, ...ts), t1: Math.max(...ts, inc.tOccur + 60), lanes };
}

const SEG_COLOR: Record<SegmentKind, string> = { staging: '#edc948', turnout: '#bab0ac', travel: '#4e79a7', wait: '#e15759', scene: '#59a14f' };

/** A timeline model as inline SVG, with its legend. */
export function timelineSvg(m: TimelineModel, meta: RunMeta, lang: Lang): string {
  const W = 900;
  const rowH = 18;
  const left = 210;
  const top = 24;
  const h = top + rowH * m.lanes.length + 30;
  const x = scaleLinear().domain([m.t0, m.t1]).range([left, W - 20]);
  const ticks = x.ticks(8).map((t) => `<g transform="translate(${x(t).toFixed(1)},${top - 4})"><line y2="${rowH * m.lanes.length + 4}" stroke="#eee"/><text y="-4" text-anchor="middle" font-size="10">${esc(clock(meta.scenario.startSecondOfDay, t))}</text></g>`).join('');
  const rows = m.lanes
    .map((l, i) => {
      const y = top + i * rowH;
      const label = `<text x="${left - 6}" y="${y + rowH / 2}" dy="0.32em" text-anchor="end" font-size="11" xml:space="preserve">${esc(l.label)}</text>`;
      const segs = l.segments.map((s) => `<rect x="${x(s.a).toFixed(1)}" y="${y + 4}" width="${Math.max(1, x(s.b) - x(s.a)).toFixed(1)}" height="${rowH - 8}" fill="${SEG_COLOR[s.kind]}"><title>${esc(T.phases[lang][s.kind])}: ${esc(clock(meta.scenario.startSecondOfDay, s.a))}–${esc(clock(meta.scenario.startSecondOfDay, s.b))}</title></rect>`).join('');
      const marks = l.marks.map((mk) => `<g transform="translate(${x(mk.t).toFixed(1)},${y + rowH / 2})"><path d="M0,-6L5,0L0,6L-5,0Z" fill="${mk.late ? '#c0392b' : '#333'}"/><title>${esc(mk.label)} ${esc(clock(meta.scenario.startSecondOfDay, mk.t))}</title></g>`).join('');
      return `<g>${i % 2 ? `<rect x="0" y="${y}" width="${W}" height="${rowH}" fill="#fafafa"/>` : ''}${label}${segs}${marks}</g>`;
    })
    .join('');
  const legend = (Object.keys(SEG_COLOR) as SegmentKind[]).map((k, i) => `<g transform="translate(${left + i * 130},${h - 12})"><rect width="12" height="10" fill="${SEG_COLOR[k]}"/><text x="16" y="9" font-size="11">${esc(T.phases[lang][k])}</text></g>`).join('');
  return `<svg viewBox="0 0 ${W} ${h}" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" role="img">${ticks}${rows}${legend}</svg>`;
}

/** The timelines section: the largest incidents of the first replication. */
export function timelinesSection(meta: RunMeta, r1: RunRecords, rubric: Rubric, lang: Lang): string {
  const sc = meta.scenario;
  const which = meta.seeds.length > 1 ? `<p class="note">${esc(T.timelineRep[lang].replace('{seed}', String(meta.seeds[0])))}</p>` : '';
  return (
    which +
    largestIncidents(r1)
      .map((inc) => {
        const typeName = sc.incidentTypes.find((t) => t.id === inc.type)?.name ?? inc.type;
        const level = `${inc.levelTrue}→${inc.levelFinal ?? '–'}`;
        const grade = inc.gradeFinal ? ` · ${T.gradeLabel[lang]} ${inc.gradeFinal}` : '';
        const head = `${inc.incidentId} · ${typeName} · ${inc.zone} · ${T.levelLabel[lang]} ${level}${grade} · ${clock(sc.startSecondOfDay, inc.tOccur)}`;
        return `<h3>${esc(head)}</h3>${timelineSvg(timelineModel(meta, r1, inc, rubric, lang), meta, lang)}`;
      })
      .join('') + `<p class="note">${T.timelineNote[lang]}</p>`
  );
}
