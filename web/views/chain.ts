/**
 * The linkage chain tab: the selected incident's swimlanes as they stood at the current time (the
 * chain of an open incident grows as the replay plays), with a cursor at t and a legend of the bars.
 */
import * as d3 from 'd3';
import { timelineModel, type TimelineModel } from '../../src/report/aar.ts';
import { clock } from '../../src/report/format.ts';
import { REPORT_TEXT } from '../../src/report/i18n.ts';
import { chainAt } from '../model/chain.ts';
import { minSec } from '../model/event-text.ts';
import { lastAtOrBefore } from '../model/replay.ts';
import { PHASE_COLOR } from './colors.ts';
import { swatchLegend } from './legend.ts';
import type { TabContext, TabView } from '../app/tabs.ts';
import type { RunView } from '../app/state.ts';

/** The full chain of the selected incident, kept while the run, incident and language stay. */
const cache = new WeakMap<RunView, { key: string; model: TimelineModel }>();

function fullModel(r: RunView, id: string, ctx: TabContext): TimelineModel | null {
  const key = `${id}|${ctx.lang}`;
  const hit = cache.get(r);
  if (hit?.key === key) return hit.model;
  const inc = r.records.incidents.find((i) => i.incidentId === id);
  if (!inc) return null;
  const model = timelineModel(r.meta, r.records, inc, r.report.rubric, ctx.lang);
  cache.set(r, { key, model });
  return model;
}

function draw(el: HTMLElement, ctx: TabContext): void {
  el.replaceChildren();
  const { m, lang, t } = ctx;
  const r = ctx.state.run;
  if (!r) {
    el.textContent = m.noRun;
    return;
  }
  const id = ctx.state.selected;
  const full = id ? fullModel(r, id, ctx) : null;
  const track = id ? r.replay.incidents.find((i) => i.id === id) : undefined;
  if (!full || !track) {
    d3.select(el).append('p').text(m.pickIncident);
    return;
  }
  const start = r.scenario.startSecondOfDay;
  const root = d3.select(el);
  const typeName = r.scenario.incidentTypes.find((x) => x.id === track.type)?.name ?? track.type;
  const zoneName = r.scenario.zones.find((z) => z.id === track.zone)?.name ?? track.zone;
  const g = lastAtOrBefore(track.grades, t, (x) => x.t);
  const gradeNow = g < 0 ? m.ungraded : m.gradeNames[track.grades[g].grade];
  root.append('h2').text(`${track.id} · ${typeName} · ${zoneName} · ${gradeNow}`);
  if (t < track.tOccur) {
    root.append('p').text(m.notYet);
    return;
  }
  const model = chainAt(full, t);
  const W = Math.max(320, el.clientWidth - 10);
  const row = 17;
  const left = Math.min(170, Math.round(W * 0.38));
  const H = 24 + row * model.lanes.length + 24;
  const x = d3.scaleLinear().domain([model.t0, model.t1]).range([left + 8, W - 10]);
  const svg = root.append('svg').attr('width', W).attr('height', H).attr('class', 'chain').attr('font-size', 10);
  const ticks = svg.append('g');
  for (const tk of x.ticks(Math.max(2, Math.floor((W - left) / 70)))) {
    ticks.append('line').attr('x1', x(tk)).attr('x2', x(tk)).attr('y1', 18).attr('y2', H - 20).attr('stroke', '#eee');
    ticks.append('text').attr('x', x(tk)).attr('y', 12).attr('text-anchor', 'middle').text(clock(start, tk));
  }
  model.lanes.forEach((lane, i) => {
    const y = 20 + i * row;
    const lg = svg.append('g');
    if (i % 2) lg.append('rect').attr('x', 0).attr('y', y).attr('width', W).attr('height', row).attr('fill', '#fafafa');
    lg.append('text').attr('x', left - 5).attr('y', y + row / 2).attr('dy', '0.32em').attr('text-anchor', 'end').text(lane.label.trim());
    for (const s of lane.segments) {
      lg.append('rect').attr('x', x(s.a)).attr('y', y + 4).attr('width', Math.max(1, x(s.b) - x(s.a))).attr('height', row - 8).attr('fill', PHASE_COLOR[s.kind])
        .append('title').text(`${REPORT_TEXT.phases[lang][s.kind]} ${clock(start, s.a)}–${clock(start, s.b)} (${minSec(s.b - s.a)})`);
    }
    for (const mk of lane.marks) {
      lg.append('path').attr('d', 'M0,-6L5,0L0,6L-5,0Z').attr('transform', `translate(${x(mk.t)},${y + row / 2})`).attr('fill', mk.late ? '#c0392b' : '#333')
        .attr('class', mk.late ? 'late' : null).append('title').text(`${mk.label} ${clock(start, mk.t)} (+${minSec(mk.t - track.tOccur)})`);
    }
  });
  svg.append('line').attr('x1', x(Math.min(t, model.t1))).attr('x2', x(Math.min(t, model.t1))).attr('y1', 16).attr('y2', H - 20).attr('stroke', '#0057ff').attr('stroke-width', 1.5);
  swatchLegend(el, [
    ...(['staging', 'turnout', 'travel', 'wait', 'scene'] as const).map((k) => ({ color: PHASE_COLOR[k], label: REPORT_TEXT.phases[lang][k] })),
    { color: '#333', label: m.chainMark, shape: 'diamond' as const },
    { color: '#c0392b', label: m.chainLate, shape: 'diamond' as const },
    { color: '#0057ff', label: m.now, shape: 'line' as const },
  ]);
  root.append('p').attr('class', 'hint').text(REPORT_TEXT.timelineNote[lang]);
}

export const chainTab: TabView = {
  id: 'chain',
  label: (m) => m.tabChain,
  render: draw,
  update: (el, ctx) => {
    if (ctx.state.selected) draw(el, ctx);
  },
};
