/**
 * The sensitivity view (得分敏感性): which indicators moved the total and by how much — the points
 * each one cost the pooled score (what the total would gain had it met its target) and, over the
 * replications, the range of what it cost each one, so a planner sees both the big losses and the
 * indicators that make the total swing from run to run.
 */
import { scaleBand, scaleLinear } from 'd3';
import { pointsLost, type Rubric, type ScoreResult } from '../../metrics/score.ts';
import { REPORT_TEXT as T, type Lang } from '../i18n.ts';
import { esc } from '../svg.ts';
import type { ReportData, SensitivityRow } from './types.ts';

/**
 * Points each indicator cost: pooled, and in each replication (`perRep`: `pointsLost` of each
 * replication's own score, in order); most costly first, those that never cost anything left out.
 */
export function sensitivity(pooled: ScoreResult, perRep: readonly ReadonlyMap<string, number>[], rubric: Rubric): SensitivityRow[] {
  const lost = pointsLost(pooled, rubric);
  return rubric.indicators
    .map((s) => ({ id: s.id, lost: lost.get(s.id) ?? 0, perRep: perRep.map((m) => m.get(s.id) ?? 0) }))
    .filter((r) => r.lost > 0 || r.perRep.some((x) => x > 0))
    .sort((a, b) => b.lost - a.lost || Math.max(...b.perRep) - Math.max(...a.perRep) || (a.id < b.id ? -1 : 1));
}

const n1 = (x: number) => x.toFixed(1);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Bars of the pooled points lost, with a line for the range over replications. */
function sensitivitySvg(rows: readonly SensitivityRow[], title: string): string {
  const W = 640;
  const rowH = 20;
  const left = 60;
  const h = rowH * rows.length + 40;
  const hi = Math.max(1, ...rows.flatMap((r) => [r.lost, ...r.perRep]));
  const x = scaleLinear().domain([0, hi]).nice().range([left, W - 50]);
  const y = scaleBand().domain(rows.map((r) => r.id)).range([10, h - 30]).padding(0.25);
  const body = rows
    .map((r) => {
      const yy = y(r.id)!;
      const bw = y.bandwidth();
      const lo = Math.min(...r.perRep);
      const up = Math.max(...r.perRep);
      const range = r.perRep.length > 1 ? `<line x1="${x(lo).toFixed(1)}" x2="${x(up).toFixed(1)}" y1="${(yy + bw / 2).toFixed(1)}" y2="${(yy + bw / 2).toFixed(1)}" stroke="#333" stroke-width="2"/>` : '';
      return (
        `<text x="${left - 6}" y="${(yy + bw / 2).toFixed(1)}" dy="0.32em" text-anchor="end" font-size="11">${esc(r.id)}</text>` +
        `<rect x="${left}" y="${yy.toFixed(1)}" width="${Math.max(0, x(r.lost) - left).toFixed(1)}" height="${bw.toFixed(1)}" fill="#e15759" fill-opacity="0.75"/>` +
        range +
        `<text x="${(x(Math.max(r.lost, up)) + 4).toFixed(1)}" y="${(yy + bw / 2).toFixed(1)}" dy="0.32em" font-size="10">${n1(r.lost)}</text>`
      );
    })
    .join('');
  const ticks = x.ticks(6).map((t) => `<g transform="translate(${x(t).toFixed(1)},${h - 30})"><line y2="4" stroke="#555"/><text y="15" text-anchor="middle" font-size="10">${t}</text></g>`).join('');
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${h}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">${body}<line x1="${left}" x2="${W - 50}" y1="${h - 30}" y2="${h - 30}" stroke="#555"/>${ticks}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

/** The sensitivity section: what it says, the chart and the table (or a sentence when nothing was lost). */
export function sensitivitySection(data: ReportData, lang: Lang): string {
  const t = T.sens[lang];
  const rows = data.sensitivity;
  if (!rows.length) return `<p>${t.none}</p>`;
  const specs = new Map(data.rubric.indicators.map((s) => [s.id, s]));
  const total = data.result.score;
  const many = data.digest.reps > 1;
  const table = `<table class="sens"><thead><tr><th>${T.column[lang].id}</th><th>${T.column[lang].indicator}</th><th>${t.lost}</th>${many ? `<th>${t.perRep}</th>` : ''}<th>${t.ifMet}</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><td>${esc(r.id)}</td><td>${esc(specs.get(r.id)?.name[lang] ?? r.id)}</td><td class="n">${n1(r.lost)}</td>` +
        (many ? `<td class="n">${n1(mean(r.perRep))} (${n1(Math.min(...r.perRep))}–${n1(Math.max(...r.perRep))})</td>` : '') +
        `<td class="n">${total === null ? '–' : n1(total + r.lost)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  return `<p>${t.intro}</p>${sensitivitySvg(rows, t.chart)}${table}`;
}
