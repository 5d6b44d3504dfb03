/** The linkage chain tab: the selected incident's swimlanes, with a cursor at the current time. */
import * as d3 from 'd3';
import { timelineModel } from '../../src/report/aar.ts';
import { clock } from '../../src/metrics/findings.ts';
import { REPORT_TEXT } from '../../src/report/i18n.ts';
import { PHASE_COLOR } from './colors.ts';
import type { TabContext, TabView } from '../app/tabs.ts';

function draw(el: HTMLElement, ctx: TabContext): void {
  el.replaceChildren();
  const { m, lang, t } = ctx;
  const r = ctx.state.run;
  if (!r) {
    el.textContent = m.noRun;
    return;
  }
  const inc = ctx.state.selected ? r.records.incidents.find((i) => i.incidentId === ctx.state.selected) : undefined;
  if (!inc) {
    d3.select(el).append('p').text(m.pickIncident);
    return;
  }
  const meta = r.meta;
  const model = timelineModel(meta, r.records, inc, r.report.rubric, lang);
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
      g.append('rect').attr('x', x(s.a)).attr('y', y + 4).attr('width', Math.max(1, x(s.b) - x(s.a))).attr('height', row - 8).attr('fill', PHASE_COLOR[s.kind])
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

export const chainTab: TabView = {
  id: 'chain',
  label: (m) => m.tabChain,
  render: draw,
  update: (el, ctx) => {
    if (ctx.state.selected) draw(el, ctx);
  },
};
