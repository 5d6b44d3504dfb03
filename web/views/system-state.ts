/**
 * The system state tab: units free and busy per agency now, the Gantt of unit statuses up to now
 * (canvas, at pixel resolution: its cost does not grow with the day's trips), and the callers
 * waiting up to now. Click or hover the Gantt for a unit's status and how long it lasted.
 */
import * as d3 from 'd3';
import Papa from 'papaparse';
import { clock } from '../../src/report/format.ts';
import { binnedMean, occupancySeries } from '../../src/report/svg.ts';
import { emergencyWaits } from '../../src/report/digest.ts';
import { countUnits, lastAtOrBefore, stateAt } from '../model/replay.ts';
import { agencyPalette } from '../model/palette.ts';
import { ganttColumns, runs, STATUS_CODES, type GanttColumns } from '../model/gantt.ts';
import { minSec } from '../model/event-text.ts';
import { STATUS_COLOR } from './colors.ts';
import { swatchLegend } from './legend.ts';
import type { Messages } from '../i18n/index.ts';
import type { TabContext, TabView } from '../app/tabs.ts';
import type { RunView } from '../app/state.ts';

const ROW_PX = 10;
const TOP_PX = 14;

interface Built {
  run: RunView;
  lang: string;
  x: d3.ScaleLinear<number, number>;
  canvas: HTMLCanvasElement;
  cols: GanttColumns;
  left: number;
  drawnTo: number;
  queueClip: d3.Selection<SVGRectElement, unknown, null, undefined>;
  countsEl: HTMLElement;
}
const built = new WeakMap<HTMLElement, Built>();

/** File name of the counts export: what it holds, the run and the time. */
export function countsFileName(r: RunView, t: number): string {
  return `${r.scenario.name}-seed${r.seed}-unit-counts-${clock(r.scenario.startSecondOfDay, t).replace(/[: +]/g, '')}.csv`;
}

function build(el: HTMLElement, ctx: TabContext): void {
  el.replaceChildren();
  built.delete(el);
  const r = ctx.state.run;
  const m = ctx.m;
  if (!r) return;
  const replay = r.replay;
  const color = agencyPalette(r.scenario.agencies);
  const root = d3.select(el);
  root.append('div').append('button').attr('type', 'button').attr('id', 'export-counts').text(`${m.exportCsv}: ${m.countsExport}`).on('click', () => {
    const rows = [...countUnits(stateAt(replay, ctx.t).units)].map(([agency, c]) => ({ agency, time: clock(r.scenario.startSecondOfDay, ctx.t), ...c }));
    ctx.download(countsFileName(r, ctx.t), Papa.unparse(rows, { newline: '\r\n' }));
  });
  root.append('h2').text(m.counts);
  const countsEl = root.append('div').node()!;
  root.append('h2').text(m.gantt);
  // The tab may be hidden while this is built: size by the side panel.
  const W = Math.max(300, (el.clientWidth || el.parentElement?.clientWidth || 440) - 24);
  const left = 64;
  const H = TOP_PX + ROW_PX * replay.units.length + 2;
  const x = d3.scaleLinear().domain([0, replay.endS]).range([left, W - 6]);
  const canvas = root.append('canvas').attr('class', 'gantt').style('width', `${W}px`).style('height', `${H}px`).node()!;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(W * dpr);
  canvas.height = Math.round(H * dpr);
  const cols = ganttColumns(replay.units, replay.endS, Math.round(W - 6 - left));
  const tip = root.append('div').attr('class', 'gantt-tip hint').attr('aria-live', 'polite').node()!;
  d3.select(canvas)
    .on('click', (ev: MouseEvent) => ctx.jump(Math.max(0, x.invert(d3.pointer(ev)[0]))))
    .on('pointermove', (ev: PointerEvent) => (tip.textContent = ganttTip(r, m, x, d3.pointer(ev))));
  swatchLegend(el, STATUS_CODES.map((k) => ({ color: STATUS_COLOR[k], label: m.statusNames[k as keyof Messages['statusNames']] })));
  root.append('h2').text(m.queue);
  // The emergency line's callers, as the report's chart counts them (up to the replay's end).
  const { arrive, leave } = emergencyWaits(r.records.calls, replay.endS);
  const waiting = occupancySeries(arrive, leave);
  const series = binnedMean(waiting, replay.endS, replay.endS > 3 * 86400 ? 3600 : 300);
  const qh = 110;
  const qy = d3.scaleLinear().domain([0, Math.max(0.5, d3.max(series, (p) => p[1]) ?? 0.5)]).nice().range([qh - 16, 6]);
  const q = root.append('svg').attr('width', W).attr('height', qh).attr('font-size', 9).attr('class', 'queue');
  // The area is drawn whole once and shown only up to now, through a clip that follows the time.
  const clipId = `queue-clip-${r.id}`;
  const queueClip = q.append('clipPath').attr('id', clipId).append('rect').attr('x', 0).attr('y', 0).attr('height', qh);
  const area = d3.area<[number, number]>().x((p) => x(p[0])).y0(qy(0)).y1((p) => qy(p[1])).curve(d3.curveStepAfter);
  q.append('path').attr('d', area([...series, [replay.endS, series.at(-1)?.[1] ?? 0]]) ?? '').attr('fill', '#f28e2b').attr('fill-opacity', 0.7).attr('clip-path', `url(#${clipId})`);
  for (const tk of qy.ticks(3)) q.append('text').attr('x', left - 4).attr('y', qy(tk)).attr('text-anchor', 'end').attr('dy', '0.32em').text(String(tk));
  for (const tk of x.ticks(Math.max(2, Math.floor((W - left) / 60)))) q.append('text').attr('x', x(tk)).attr('y', qh - 3).attr('text-anchor', 'middle').text(clock(r.scenario.startSecondOfDay, tk));
  built.set(el, { run: r, lang: ctx.lang, x, canvas, cols, left, drawnTo: -1, queueClip, countsEl });
  // Row labels and the time axis, drawn once.
  const c = canvas.getContext('2d')!;
  c.setTransform(dpr, 0, 0, dpr, 0, 0);
  c.font = '8px sans-serif';
  c.textBaseline = 'middle';
  c.textAlign = 'end';
  replay.units.forEach((u, i) => {
    c.fillStyle = color(u.agency);
    c.fillText(u.id, left - 3, TOP_PX + i * ROW_PX + ROW_PX / 2);
  });
  c.textAlign = 'center';
  c.fillStyle = '#333';
  for (const tk of x.ticks(Math.max(2, Math.floor((W - left) / 60)))) c.fillText(clock(r.scenario.startSecondOfDay, tk), x(tk), 6);
  follow(el, ctx);
}

/** The unit, status and span under the pointer. */
function ganttTip(r: RunView, m: Messages, x: d3.ScaleLinear<number, number>, [px, py]: [number, number]): string {
  const u = r.replay.units[Math.floor((py - TOP_PX) / ROW_PX)];
  if (!u || px < x.range()[0]) return '';
  const t = x.invert(px);
  const s = u.segments[Math.max(0, lastAtOrBefore(u.segments, t, (z) => z.t0))];
  if (!s) return '';
  const start = r.scenario.startSecondOfDay;
  return `${u.id} · ${m.statusNames[s.status]} · ${clock(start, s.t0)}–${clock(start, s.t1)} (${minSec(s.t1 - s.t0)})${s.incident ? ` · ${s.incident}` : ''}`;
}

/** Paints the Gantt's bars up to time t (only the columns that changed since the last paint). */
function paintGantt(b: Built, t: number): void {
  const c = b.canvas.getContext('2d')!;
  const dpr = b.canvas.width / parseFloat(b.canvas.style.width);
  c.setTransform(dpr, 0, 0, dpr, 0, 0);
  const to = Math.max(0, Math.min(b.cols.columns, Math.ceil((t / b.cols.endS) * b.cols.columns)));
  const from = to >= b.drawnTo && b.drawnTo >= 0 ? b.drawnTo : 0;
  // Clear the bars' area right of `from` (the cursor moved back, or the first paint).
  c.clearRect(b.left + from, TOP_PX - 2, b.cols.columns - from + 6, b.cols.rows.length * ROW_PX + 4);
  b.cols.rows.forEach((row, i) => {
    for (const [a, z, code] of runs(row, to)) {
      if (z <= from || code === 0) continue;
      c.fillStyle = STATUS_COLOR[STATUS_CODES[code]];
      const xa = Math.max(a, from);
      c.fillRect(b.left + xa, TOP_PX + i * ROW_PX, z - xa, ROW_PX - 1);
    }
  });
  // The cursor: a line at t, over the bars.
  c.fillStyle = '#0057ff';
  c.fillRect(b.left + to - 1, TOP_PX - 2, 1.5, b.cols.rows.length * ROW_PX + 2);
  b.drawnTo = Math.max(0, to - 1);
}

function follow(el: HTMLElement, ctx: TabContext): void {
  const b = built.get(el);
  const r = ctx.state.run;
  if (!b || !r || b.run !== r || b.lang !== ctx.lang) return build(el, ctx);
  const { m, t } = ctx;
  paintGantt(b, t);
  b.queueClip.attr('width', Math.max(0, b.x(t)));
  const color = agencyPalette(r.scenario.agencies);
  const rows = [...countUnits(stateAt(r.replay, t).units)].sort((a, c) => (a[0] < c[0] ? -1 : a[0] > c[0] ? 1 : 0));
  const table = d3.select(b.countsEl).selectAll<HTMLTableElement, null>('table').data([null]).join('table').attr('class', 'data counts');
  table.selectAll('thead').data([null]).join('thead').selectAll('tr').data([[m.agency, m.free, m.busy, m.off]]).join('tr').selectAll('th').data((d) => d).join('th').text((d) => d);
  const tr = table.selectAll('tbody').data([null]).join('tbody').selectAll<HTMLTableRowElement, [string, { free: number; busy: number; off: number }]>('tr').data(rows, (d) => d[0]).join('tr');
  tr.selectAll<HTMLTableCellElement, string>('td')
    .data((d) => [r.agencyNames.get(d[0]) ?? d[0], String(d[1].free), String(d[1].busy), String(d[1].off)])
    .join('td')
    .text((d) => d);
  tr.select('td').style('border-left', (d) => `4px solid ${color(d[0])}`);
}

/** Opening the tab again keeps what was built for this run and language (the Gantt's columns and the queue cost a busy day hundreds of ms) and only follows the time. */
function open(el: HTMLElement, ctx: TabContext): void {
  const b = built.get(el);
  if (!b || !el.contains(b.canvas)) return build(el, ctx);
  b.drawnTo = -1;
  follow(el, ctx);
}

export const stateTab: TabView = { id: 'state', label: (m) => m.tabState, render: open, update: follow };
