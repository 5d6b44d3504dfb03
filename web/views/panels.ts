/**
 * The side panels: the incident's linkage chain (swimlanes), the state of the system (unit-status
 * Gantt, callers waiting, units per agency), the event log synced with the timeline, and the score
 * card with findings. Each is model (pure, from src/ or web/model) → d3 DOM; text always as text.
 */
import * as d3 from 'd3';
import type { RunRecords } from '../../src/engine/records.ts';
import type { LogEvent } from '../../src/engine/log.ts';
import { timelineModel, type ReportData, type RunMeta } from '../../src/report/aar.ts';
import { clock } from '../../src/report/format.ts';
import { eventDetail } from '../../src/report/csv.ts';
import { binnedMean, occupancySeries } from '../../src/report/svg.ts';
import { lastAtOrBefore, type Replay } from '../model/replay.ts';
import type { Lang, Messages } from '../i18n/index.ts';
import { FINDING_TAGS, REPORT_TEXT } from '../../src/report/i18n.ts';
import { sourceLine } from '../../src/report/aar/findings.ts';

const SEG = { staging: '#edc948', turnout: '#bab0ac', travel: '#4e79a7', wait: '#e15759', scene: '#59a14f' } as const;
export const STATUS_COLOR: Record<string, string> = {
  available: '#e8f5e9', alerted: '#ffd54f', enroute: '#4e79a7', onscene: '#59a14f', transporting: '#b07aa1', hospital: '#ff9da7',
  returning: '#9ecae1', moving: '#76b7b2', tasked: '#bab0ac', off: '#cccccc',
};

/** Linkage chain of one incident as swimlanes, with a cursor at the current time. */
export function renderChain(el: HTMLElement, meta: RunMeta, records: RunRecords, report: ReportData, incidentId: string | null, t: number, lang: Lang, m: Messages): void {
  el.replaceChildren();
  const inc = incidentId ? records.incidents.find((i) => i.incidentId === incidentId) : undefined;
  if (!inc) {
    d3.select(el).append('p').text(m.pickIncident);
    return;
  }
  const model = timelineModel(meta, records, inc, report.rubric, lang);
  const typeName = meta.scenario.incidentTypes.find((x) => x.id === inc.type)?.name ?? inc.type;
  d3.select(el).append('h3').text(`${inc.incidentId} · ${typeName} · ${inc.zone} · ${inc.gradeTrue}→${inc.gradeFinal ?? '–'}`);
  const W = Math.max(420, el.clientWidth - 10);
  const row = 17;
  const left = 170;
  const H = 24 + row * model.lanes.length + 24;
  const x = d3.scaleLinear().domain([model.t0, model.t1]).range([left, W - 10]);
  const svg = d3.select(el).append('svg').attr('width', W).attr('height', H).attr('class', 'chain').attr('font-size', 10);
  const ticks = svg.append('g');
  for (const tk of x.ticks(6)) {
    ticks.append('line').attr('x1', x(tk)).attr('x2', x(tk)).attr('y1', 18).attr('y2', H - 20).attr('stroke', '#eee');
    ticks.append('text').attr('x', x(tk)).attr('y', 12).attr('text-anchor', 'middle').text(clock(meta.scenario.startSecondOfDay, tk));
  }
  model.lanes.forEach((lane, i) => {
    const y = 20 + i * row;
    const g = svg.append('g');
    if (i % 2) g.append('rect').attr('x', 0).attr('y', y).attr('width', W).attr('height', row).attr('fill', '#fafafa');
    g.append('text').attr('x', left - 5).attr('y', y + row / 2).attr('dy', '0.32em').attr('text-anchor', 'end').text(lane.label.trim());
    for (const s of lane.segments) {
      g.append('rect').attr('x', x(s.a)).attr('y', y + 4).attr('width', Math.max(1, x(s.b) - x(s.a))).attr('height', row - 8).attr('fill', SEG[s.kind])
        .append('title').text(`${REPORT_TEXT.phases[lang][s.kind]} ${clock(meta.scenario.startSecondOfDay, s.a)}–${clock(meta.scenario.startSecondOfDay, s.b)}`);
    }
    for (const mk of lane.marks) {
      g.append('path').attr('d', 'M0,-6L5,0L0,6L-5,0Z').attr('transform', `translate(${x(mk.t)},${y + row / 2})`).attr('fill', mk.late ? '#c0392b' : '#333')
        .attr('class', mk.late ? 'late' : null).append('title').text(`${mk.label} ${clock(meta.scenario.startSecondOfDay, mk.t)}`);
    }
  });
  if (t >= model.t0 && t <= model.t1) svg.append('line').attr('x1', x(t)).attr('x2', x(t)).attr('y1', 16).attr('y2', H - 20).attr('stroke', '#0057ff').attr('stroke-width', 1.5);
  d3.select(el).append('p').attr('class', 'hint').text(REPORT_TEXT.timelineNote[lang]);
}

/** State of the system: Gantt of unit statuses, callers waiting, units per agency. */
export class StateView {
  private cursor: d3.Selection<SVGLineElement, unknown, null, undefined> | null = null;
  private queueCursor: d3.Selection<SVGLineElement, unknown, null, undefined> | null = null;
  private x: d3.ScaleLinear<number, number> | null = null;
  private countsEl: HTMLElement | null = null;

  constructor(private readonly el: HTMLElement) {}

  build(replay: Replay, records: RunRecords, meta: RunMeta, m: Messages, agencyColor: (id: string) => string, onJump: (t: number) => void): void {
    this.el.replaceChildren();
    const root = d3.select(this.el);
    root.append('h3').text(m.counts);
    this.countsEl = root.append('div').node()!;
    root.append('h3').text(m.gantt);
    // The tab may be hidden while this is built: size by the side panel.
    const W = Math.max(420, (this.el.parentElement?.clientWidth ?? 440) - 30);
    const row = 9;
    const left = 80;
    const H = 20 + row * replay.units.length;
    const x = d3.scaleLinear().domain([0, replay.endS]).range([left, W - 6]);
    this.x = x;
    const svg = root.append('svg').attr('width', W).attr('height', H).attr('font-size', 8).attr('class', 'gantt');
    svg.on('click', (ev: MouseEvent) => onJump(Math.max(0, x.invert(d3.pointer(ev)[0]))));
    replay.units.forEach((u, i) => {
      const y = 14 + i * row;
      svg.append('text').attr('x', left - 3).attr('y', y + row / 2).attr('dy', '0.32em').attr('text-anchor', 'end').attr('fill', agencyColor(u.agency)).text(u.id);
      for (const s of u.segments) {
        if (s.status === 'available') continue;
        svg.append('rect').attr('x', x(s.t0)).attr('y', y).attr('width', Math.max(0.5, x(s.t1) - x(s.t0))).attr('height', row - 1).attr('fill', STATUS_COLOR[s.status]);
      }
    });
    for (const tk of x.ticks(8)) svg.append('text').attr('x', x(tk)).attr('y', 9).attr('text-anchor', 'middle').text(clock(meta.scenario.startSecondOfDay, tk));
    this.cursor = svg.append('line').attr('y1', 10).attr('y2', H).attr('stroke', '#0057ff').attr('stroke-width', 1.5);
    const legend = root.append('div').attr('class', 'hint');
    for (const [k, c] of Object.entries(STATUS_COLOR)) {
      const s = legend.append('span').style('margin-right', '.8em');
      s.append('span').style('display', 'inline-block').style('width', '10px').style('height', '10px').style('background', c).style('margin-right', '3px');
      s.append('span').text(m.statusNames[k as keyof Messages['statusNames']]);
    }
    root.append('h3').text(m.queue);
    const series = binnedMean(occupancySeries(records.calls.map((c) => [c.tArrive, c.tAnswer ?? c.tEnd ?? replay.endS] as [number, number])), replay.endS, replay.endS > 3 * 86400 ? 3600 : 300);
    const qh = 110;
    const qy = d3.scaleLinear().domain([0, Math.max(0.5, d3.max(series, (p) => p[1]) ?? 0.5)]).nice().range([qh - 16, 6]);
    const q = root.append('svg').attr('width', W).attr('height', qh).attr('font-size', 9);
    const area = d3.area<[number, number]>().x((p) => x(p[0])).y0(qy(0)).y1((p) => qy(p[1])).curve(d3.curveStepAfter);
    q.append('path').attr('d', area([...series, [replay.endS, series.at(-1)?.[1] ?? 0]]) ?? '').attr('fill', '#f28e2b').attr('fill-opacity', 0.7);
    for (const tk of qy.ticks(3)) q.append('text').attr('x', left - 4).attr('y', qy(tk)).attr('text-anchor', 'end').attr('dy', '0.32em').text(String(tk));
    this.queueCursor = q.append('line').attr('y1', 4).attr('y2', qh - 14).attr('stroke', '#0057ff');
  }

  update(t: number, counts: Map<string, { free: number; busy: number; off: number }>, names: Map<string, string>, m: Messages, agencyColor: (id: string) => string): void {
    if (this.x) {
      this.cursor?.attr('x1', this.x(t)).attr('x2', this.x(t));
      this.queueCursor?.attr('x1', this.x(t)).attr('x2', this.x(t));
    }
    if (!this.countsEl) return;
    const rows = [...counts].sort((a, b) => a[0].localeCompare(b[0]));
    const table = d3.select(this.countsEl).selectAll<HTMLTableElement, null>('table').data([null]).join('table').attr('class', 'data counts');
    table.selectAll('thead').data([null]).join('thead').selectAll('tr').data([[m.agency, m.free, m.busy, m.off]]).join('tr').selectAll('th').data((d) => d).join('th').text((d) => d);
    const tr = table.selectAll('tbody').data([null]).join('tbody').selectAll<HTMLTableRowElement, [string, { free: number; busy: number; off: number }]>('tr').data(rows, (d) => d[0]).join('tr');
    tr.selectAll<HTMLTableCellElement, string>('td')
      .data((d) => [names.get(d[0]) ?? d[0], String(d[1].free), String(d[1].busy), String(d[1].off)])
      .join('td')
      .text((d) => d);
    tr.select('td').style('color', (d) => agencyColor(d[0]));
  }
}

/** A window of the event log around time t; click an entry to jump there. */
export function renderEvents(el: HTMLElement, events: readonly LogEvent[], t: number, startSecondOfDay: number, onPick: (e: LogEvent) => void): void {
  const k = lastAtOrBefore(events, t, (e) => e.t);
  const from = Math.max(0, k - 60);
  const to = Math.min(events.length, k + 60);
  const ul = d3.select(el).selectAll<HTMLUListElement, null>('ul').data([null]).join('ul').attr('class', 'events');
  ul.selectAll<HTMLLIElement, LogEvent>('li')
    .data(events.slice(from, to), (e) => String(e.seq))
    .join('li')
    .classed('now', (e) => e.seq === events[k]?.seq)
    .text((e) => `${clock(startSecondOfDay, e.t)} ${e.kind} ${e.incident ?? ''} ${e.unit ?? ''} ${e.agency ?? ''} ${eventDetail(e)}`)
    .on('click', (_ev, e) => onPick(e));
  el.classList.add('events');
  const now = el.querySelector('li.now') as HTMLElement | null;
  if (now) el.scrollTop = Math.max(0, now.offsetTop - el.clientHeight / 2);
}

/** The score card and findings. */
export function renderScore(el: HTMLElement, report: ReportData, lang: Lang, m: Messages): void {
  el.replaceChildren();
  const root = d3.select(el);
  const r = report.result;
  root.append('h3').text(m.score);
  const top = root.append('div');
  top.append('span').attr('class', 'score-big').text(r.score === null ? '–' : r.score.toFixed(1));
  top.append('span').text(`  ${m.rating}: ${r.rating ?? '–'}`);
  if (r.rating) root.append('p').text(REPORT_TEXT.ratingText[lang][r.rating]);
  for (const g of Object.keys(r.groups) as (keyof typeof r.groups)[]) {
    const v = r.groups[g];
    const bar = root.append('div').attr('class', 'bar');
    bar.append('span').style('width', '10em').text(REPORT_TEXT.groups[lang][g]);
    bar.append('span').attr('class', 'track').append('span').attr('class', 'fill').style('width', `${v ?? 0}%`);
    bar.append('span').style('width', '3em').text(v === null ? '–' : v.toFixed(1));
  }
  root.append('h3').text(m.findings);
  if (report.findings.length === 0) root.append('p').text(m.noFindings);
  const ol = root.append('ol');
  for (const f of report.findings) {
    const li = ol.append('li').attr('class', 'finding');
    li.append('span').attr('class', `tag t-${f.tag}`).text(FINDING_TAGS[f.tag][lang]);
    li.append('code').text(`${f.indicator} `);
    li.append('span').text(f.text[lang]);
    const spec = report.rubric.indicators.find((s) => s.id === f.indicator);
    if (spec) li.append('div').attr('class', 'hint').text(`${REPORT_TEXT.column[lang].source}: ${sourceLine(spec, lang)}`);
  }
}
