/** The event log tab: a window of the log around the current time; click an entry to jump there. */
import * as d3 from 'd3';
import type { LogEvent } from '../../src/engine/log.ts';
import { clock } from '../../src/metrics/findings.ts';
import { lastAtOrBefore } from '../model/replay.ts';
import type { TabContext, TabView } from '../app/tabs.ts';

function pick(ctx: TabContext, e: LogEvent): void {
  if (e.incident) ctx.state.selected = e.incident;
  ctx.jump(e.t);
}

function list(el: HTMLElement, ctx: TabContext): void {
  const r = ctx.state.run;
  const box = el.querySelector<HTMLElement>('.ev');
  if (!r || !box) return;
  const events = r.replay.events;
  const k = lastAtOrBefore(events, ctx.t, (e) => e.t);
  const from = Math.max(0, k - 60);
  const to = Math.min(events.length, k + 60);
  const start = r.scenario.startSecondOfDay;
  const ul = d3.select(box).selectAll<HTMLUListElement, null>('ul').data([null]).join('ul').attr('class', 'events');
  ul.selectAll<HTMLLIElement, LogEvent>('li')
    .data(events.slice(from, to), (e) => String(e.seq))
    .join('li')
    .classed('now', (e) => e.seq === events[k]?.seq)
    .text((e) => `${clock(start, e.t)} ${e.kind} ${e.incident ?? ''} ${e.unit ?? ''} ${e.agency ?? ''} ${e.detail ?? ''}`)
    .on('click', (_ev, e) => pick(ctx, e));
  box.classList.add('events');
  const now = box.querySelector('li.now') as HTMLElement | null;
  if (now) box.scrollTop = Math.max(0, now.offsetTop - box.clientHeight / 2);
}

function render(el: HTMLElement, ctx: TabContext): void {
  el.replaceChildren();
  const r = ctx.state.run;
  if (!r) return;
  d3.select(el).append('button').attr('type', 'button').attr('id', 'export-events').text(`${ctx.m.exportCsv}: events.csv`).on('click', () => ctx.download('events.csv', r.files['events.csv']));
  d3.select(el).append('div').attr('class', 'ev').style('max-height', 'calc(100vh - 230px)').style('overflow', 'auto');
  list(el, ctx);
}

export const eventsTab: TabView = { id: 'events', label: (m) => m.tabEvents, render, update: list };
