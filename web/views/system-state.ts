/**
 * The system state tab: units free and busy per agency now, the Gantt of unit statuses, and the
 * callers waiting over time, with a cursor at the current time; click the Gantt to jump there.
 */
import * as d3 from 'd3';
import Papa from 'papaparse';
import { clock } from '../../src/metrics/findings.ts';
import { binnedMean, occupancySeries } from '../../src/report/svg.ts';
import { countsAt, countUnits, stateAt } from '../model/replay.ts';
import { agencyPalette } from '../model/palette.ts';
import { STATUS_COLOR } from './colors.ts';
import type { Messages } from '../i18n/index.ts';
import type { TabContext, TabView } from '../app/tabs.ts';
import type { RunView } from '../app/state.ts';

interface Built {
  run: RunView;
  lang: string;
  x: d3.ScaleLinear<number, number>;
  cursor: d3.Selection<SVGLineElement, unknown, null, undefined>;
  queueCursor: d3.Selection<SVGLineElement, unknown, null, undefined>;
  countsEl: HTMLElement;
}
const built = new WeakMap<HTMLElement, Built>();

function build(el: HTMLElement, ctx: TabContext): void {
  el.replaceChildren();
  built.delete(el);
  const r = ctx.state.run;
  const m = ctx.m;
  if (!r) return;
  const replay = r.replay;
  const color = agencyPalette(r.scenario.agencies.map((a) => a.id));
  const root = d3.select(el);
  const holder = root.append('div');
  holder.append('button').attr('type', 'button').attr('id', 'export-counts').text(`${m.exportCsv}: units.csv`).on('click', () => {
    const rows = [...countsAt(replay, ctx.t)].map(([agency, c]) => ({ agency, time: clock(r.scenario.startSecondOfDay, ctx.t), ...c }));
    ctx.download('units-now.csv', Papa.unparse(rows, { newline: '\r\n' }));
  });
  root.append('h3').text(m.counts);
  const countsEl = root.append('div').node()!;
  root.append('h3').text(m.gantt);
  // The tab may be hidden while this is built: size by the side panel.
  const W = Math.max(420, (el.parentElement?.clientWidth ?? 440) - 30);
  const row = 9;
  const left = 80;
  const H = 20 + row * replay.units.length;
  const x = d3.scaleLinear().domain([0, replay.endS]).range([left, W - 6]);
  const svg = root.append('svg').attr('width', W).attr('height', H).attr('font-size', 8).attr('class', 'gantt');
  svg.on('click', (ev: MouseEvent) => ctx.jump(Math.max(0, x.invert(d3.pointer(ev)[0]))));
  replay.units.forEach((u, i) => {
    const y = 14 + i * row;
    svg.append('text').attr('x', left - 3).attr('y', y + row / 2).attr('dy', '0.32em').attr('text-anchor', 'end').attr('fill', color(u.agency)).text(u.id);
    for (const s of u.segments) {
      if (s.status === 'available') continue;
      svg.append('rect').attr('x', x(s.t0)).attr('y', y).attr('width', Math.max(0.5, x(s.t1) - x(s.t0))).attr('height', row - 1).attr('fill', STATUS_COLOR[s.status]);
    }
  });
  for (const tk of x.ticks(8)) svg.append('text').attr('x', x(tk)).attr('y', 9).attr('text-anchor', 'middle').text(clock(r.scenario.startSecondOfDay, tk));
  const cursor = svg.append('line').attr('y1', 10).attr('y2', H).attr('stroke', '#0057ff').attr('stroke-width', 1.5);
  const legend = root.append('div').attr('class', 'hint');
  for (const [k, c] of Object.entries(STATUS_COLOR)) {
    const s = legend.append('span').style('margin-right', '.8em');
    s.append('span').style('display', 'inline-block').style('width', '10px').style('height', '10px').style('background', c).style('margin-right', '3px');
    s.append('span').text(m.statusNames[k as keyof Messages['statusNames']]);
  }
  root.append('h3').text(m.queue);
  const series = binnedMean(occupancySeries(r.records.calls.map((c) => [c.tArrive, c.tAnswer ?? c.tEnd ?? replay.endS] as [number, number])), replay.endS, replay.endS > 3 * 86400 ? 3600 : 300);
  const qh = 110;
  const qy = d3.scaleLinear().domain([0, Math.max(0.5, d3.max(series, (p) => p[1]) ?? 0.5)]).nice().range([qh - 16, 6]);
  const q = root.append('svg').attr('width', W).attr('height', qh).attr('font-size', 9);
  const area = d3.area<[number, number]>().x((p) => x(p[0])).y0(qy(0)).y1((p) => qy(p[1])).curve(d3.curveStepAfter);
  q.append('path').attr('d', area([...series, [replay.endS, series.at(-1)?.[1] ?? 0]]) ?? '').attr('fill', '#f28e2b').attr('fill-opacity', 0.7);
  for (const tk of qy.ticks(3)) q.append('text').attr('x', left - 4).attr('y', qy(tk)).attr('text-anchor', 'end').attr('dy', '0.32em').text(String(tk));
  const queueCursor = q.append('line').attr('y1', 4).attr('y2', qh - 14).attr('stroke', '#0057ff');
  built.set(el, { run: r, lang: ctx.lang, x, cursor, queueCursor, countsEl });
  follow(el, ctx);
}

function follow(el: HTMLElement, ctx: TabContext): void {
  const b = built.get(el);
  const r = ctx.state.run;
  if (!b || !r || b.run !== r || b.lang !== ctx.lang) return build(el, ctx);
  const { m, t } = ctx;
  b.cursor.attr('x1', b.x(t)).attr('x2', b.x(t));
  b.queueCursor.attr('x1', b.x(t)).attr('x2', b.x(t));
  const color = agencyPalette(r.scenario.agencies.map((a) => a.id));
  const rows = [...countUnits(stateAt(r.replay, t).units)].sort((a, c) => (a[0] < c[0] ? -1 : a[0] > c[0] ? 1 : 0));
  const table = d3.select(b.countsEl).selectAll<HTMLTableElement, null>('table').data([null]).join('table').attr('class', 'data counts');
  table.selectAll('thead').data([null]).join('thead').selectAll('tr').data([[m.agency, m.free, m.busy, m.off]]).join('tr').selectAll('th').data((d) => d).join('th').text((d) => d);
  const tr = table.selectAll('tbody').data([null]).join('tbody').selectAll<HTMLTableRowElement, [string, { free: number; busy: number; off: number }]>('tr').data(rows, (d) => d[0]).join('tr');
  tr.selectAll<HTMLTableCellElement, string>('td')
    .data((d) => [r.agencyNames.get(d[0]) ?? d[0], String(d[1].free), String(d[1].busy), String(d[1].off)])
    .join('td')
    .text((d) => d);
  tr.select('td').style('color', (d) => color(d[0]));
}

export const stateTab: TabView = { id: 'state', label: (m) => m.tabState, render: build, update: follow };
