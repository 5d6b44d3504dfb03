/**
 * The event log tab: every event up to the current time (none after it), newest at the bottom, in
 * the reader's language. The list is virtual — only the rows in view are in the page — so a day of
 * hundreds of thousands of events scrolls and follows the time as smoothly as a short one. Each row
 * is a button: click or Enter opens its incident's chain at that moment.
 */
import * as d3 from 'd3';
import type { LogEvent } from '../../src/engine/log.ts';
import { lastAtOrBefore } from '../model/replay.ts';
import { eventText, type Names } from '../model/event-text.ts';
import { namesOf } from '../model/names.ts';
import { visibleRows } from '../model/virtual-list.ts';
import type { TabContext, TabView } from '../app/tabs.ts';
import type { RunView } from '../app/state.ts';

const ROW_PX = 20;

interface Built {
  run: RunView;
  lang: string;
  names: Names;
  box: HTMLElement;
  spacer: HTMLElement;
  /** Events shown: those at or before the current time. */
  count: number;
  ctx: TabContext;
}
const built = new WeakMap<HTMLElement, Built>();

export function eventsFileName(r: RunView): string {
  return `${r.scenario.name}-seed${r.seed}-events.csv`;
}

function pick(ctx: TabContext, e: LogEvent): void {
  if (e.incident) ctx.selectIncident(e.incident);
  ctx.jump(e.t);
}

/** Puts the rows in view into the page (reusing the rows already there, so focus stays). */
function rows(b: Built): void {
  const events = b.run.replay.events;
  const [from, to] = visibleRows(b.count, b.box.scrollTop, b.box.clientHeight || 400, ROW_PX);
  const start = b.run.scenario.startSecondOfDay;
  d3.select(b.spacer)
    .selectAll<HTMLButtonElement, LogEvent>('button.ev-row')
    .data(events.slice(from, to), (e) => String(e.seq))
    .join((enter) =>
      enter
        .append('button')
        .attr('type', 'button')
        .attr('class', 'ev-row')
        .each(function (e) {
          const x = eventText(e, start, b.names, b.ctx.lang);
          for (const [cls, text] of [['ev-time', x.time], ['ev-kind', x.kind], ['ev-subject', x.subject], ['ev-detail', x.detail]] as const) {
            const s = document.createElement('span');
            s.className = cls;
            s.textContent = text;
            this.append(s);
          }
        })
        .on('click', (_ev, e) => pick(b.ctx, e)),
    )
    .style('top', (_e, i) => `${(from + i) * ROW_PX}px`)
    .classed('now', (_e, i) => from + i === b.count - 1);
}

function render(el: HTMLElement, ctx: TabContext): void {
  el.replaceChildren();
  built.delete(el);
  const r = ctx.state.run;
  if (!r) return;
  const root = d3.select(el);
  root.append('button').attr('type', 'button').attr('id', 'export-events').text(`${ctx.m.exportCsv}: ${ctx.m.eventsExport}`).on('click', () => ctx.download(eventsFileName(r), r.files['events.csv']));
  const box = root.append('div').attr('class', 'ev').attr('aria-label', ctx.m.tabEvents).attr('role', 'region').node()!;
  const spacer = d3.select(box).append('div').attr('class', 'ev-spacer').node()!;
  const b: Built = { run: r, lang: ctx.lang, names: namesOf(r.scenario, ctx.m.gradeNames), box, spacer, count: 0, ctx };
  built.set(el, b);
  box.addEventListener('scroll', () => rows(b), { passive: true });
  follow(el, ctx);
}

/** Follows the time: the rows up to t, scrolled so the latest shows. */
function follow(el: HTMLElement, ctx: TabContext): void {
  const b = built.get(el);
  const r = ctx.state.run;
  if (!b || !r || b.run !== r || b.lang !== ctx.lang) return render(el, ctx);
  b.ctx = ctx;
  b.count = lastAtOrBefore(r.replay.events, ctx.t, (e) => e.t) + 1;
  b.spacer.style.height = `${b.count * ROW_PX}px`;
  b.box.scrollTop = Math.max(0, b.count * ROW_PX - (b.box.clientHeight || 400));
  rows(b);
}

export const eventsTab: TabView = { id: 'events', label: (m) => m.tabEvents, render, update: follow };
