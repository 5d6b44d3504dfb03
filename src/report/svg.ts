/**
 * Charts as inline SVG text, drawn with d3's scales, bins and shape generators (no DOM: the same
 * code runs in Node for the report file and in the browser). Each chart is a pure model step (data →
 * scaled geometry, testable) followed by a string render. All text is escaped.
 */
import { area, bin, curveStepAfter, max, quantileSorted, scaleBand, scaleLinear } from 'd3';
import { sortedFinite } from '../metrics/stats.ts';

/** Escapes text for HTML and SVG. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const W = 640;
const H = 220;
const M = { top: 16, right: 16, bottom: 34, left: 48 };
const n2 = (x: number) => (Math.round(x * 100) / 100).toString();

function axes(xTicks: { x: number; label: string }[], yTicks: { y: number; label: string }[], x0 = M.left): string {
  const xs = xTicks.map((t) => `<g transform="translate(${n2(t.x)},${H - M.bottom})"><line y2="4" stroke="#555"/><text y="16" text-anchor="middle">${esc(t.label)}</text></g>`).join('');
  const ys = yTicks.map((t) => `<g transform="translate(${M.left},${n2(t.y)})"><line x2="-4" stroke="#555"/><line x2="${W - M.left - M.right}" stroke="#eee"/><text x="-7" dy="0.32em" text-anchor="end">${esc(t.label)}</text></g>`).join('');
  return `<g class="axis" font-size="10" fill="#333">${ys}<line x1="${x0}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#555"/>${xs}</g>`;
}

/** Width (px) a label takes at `fontPx`: CJK and other wide characters 1 em, the rest about 0.6 em. */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.6;
  return em * fontPx;
}

/** Left margin (px) that fits the longest label, between `min` and half the chart. */
export function labelMargin(labels: readonly string[], fontPx: number, min: number): number {
  return Math.round(Math.min(W / 2, Math.max(min, ...labels.map((l) => textWidth(l, fontPx) + 14))));
}

/** A label cut to fit `widthPx` (with …), the whole text in its tooltip. */
export function fitLabel(text: string, fontPx: number, widthPx: number): string {
  if (textWidth(text, fontPx) <= widthPx) return esc(text);
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, fontPx) > widthPx) cut = cut.slice(0, -1);
  return `<title>${esc(text)}</title>${esc(cut)}…`;
}

const frame = (title: string, body: string) =>
  `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">${body}</svg><figcaption>${esc(title)}</figcaption></figure>`;

export interface HistogramModel {
  bars: { x: number; y: number; width: number; height: number; count: number }[];
  targetX: number | null;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
}

/** Histogram of `values` with a target line; the x range covers the target and the 99th percentile. */
export function histogramModel(values: readonly number[], target: number | null): HistogramModel {
  const sorted = Array.from(sortedFinite(values));
  const hi = Math.max(sorted.length ? quantileSorted(sorted, 0.99)! : 1, (target ?? 0) * 1.5, 1);
  const x = scaleLinear().domain([0, hi]).nice().range([M.left, W - M.right]);
  const bins = bin().domain(x.domain() as [number, number]).thresholds(x.ticks(30))(sorted.map((v) => Math.min(v, x.domain()[1])));
  const y = scaleLinear().domain([0, max(bins, (b) => b.length) || 1]).nice().range([H - M.bottom, M.top]);
  return {
    bars: bins.map((b) => ({ x: x(b.x0!), y: y(b.length), width: Math.max(0, x(b.x1!) - x(b.x0!) - 1), height: y(0) - y(b.length), count: b.length })),
    targetX: target === null ? null : x(target),
    xTicks: x.ticks(8).map((t) => ({ x: x(t), label: String(t) })),
    // Counts are whole: with few items d3 would tick 0.2, 0.4…
    yTicks: y.ticks(4).filter(Number.isInteger).map((t) => ({ y: y(t), label: String(t) })),
  };
}

export function histogramSvg(title: string, m: HistogramModel): string {
  const bars = m.bars.map((b) => `<rect x="${n2(b.x)}" y="${n2(b.y)}" width="${n2(b.width)}" height="${n2(b.height)}" fill="#4e79a7"><title>${b.count}</title></rect>`).join('');
  const target = m.targetX === null ? '' : `<line x1="${n2(m.targetX)}" x2="${n2(m.targetX)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#c0392b" stroke-width="2" stroke-dasharray="5,3"/>`;
  return frame(title, axes(m.xTicks, m.yTicks) + bars + target);
}

/** A step function: `level[k]` from time `t[k]` until `t[k + 1]`, the last level from its time on. */
export interface StepSeries {
  t: Float64Array;
  level: Float64Array;
}

/**
 * Number waiting at each change, from 0, of the intervals `starts[k]`…`ends[k]` (k below the shorter
 * length; one that does not end after it starts counts for nothing); a step series, where changes at
 * the same time make one step. Typed arrays throughout: a busy run has hundreds of thousands of
 * callers.
 */
export function occupancySeries(starts: ArrayLike<number>, ends: ArrayLike<number>): StepSeries {
  // Starts and ends sorted apart (typed arrays sort without a comparator), then merged in time order.
  const all = Math.min(starts.length, ends.length);
  const s = new Float64Array(all);
  const e = new Float64Array(all);
  let m = 0;
  for (let k = 0; k < all; k++) {
    if (!(ends[k] > starts[k])) continue;
    s[m] = starts[k];
    e[m++] = ends[k];
  }
  s.subarray(0, m).sort();
  e.subarray(0, m).sort();
  const t = new Float64Array(2 * m + 1);
  const level = new Float64Array(2 * m + 1);
  let len = 1;
  let n = 0;
  for (let i = 0, j = 0; i < m || j < m; ) {
    const end = j < m && !(i < m && s[i] < e[j]);
    const at = end ? e[j++] : s[i++];
    n += end ? -1 : 1;
    if (t[len - 1] === at) level[len - 1] = n;
    else {
      t[len] = at;
      level[len++] = n;
    }
  }
  return { t: t.subarray(0, len), level: level.subarray(0, len) };
}

/** Time average of a step series over consecutive bins of `binS` seconds up to `endS`: [bin start, mean] pairs. */
export function binnedMean(series: StepSeries, endS: number, binS: number): [number, number][] {
  const { t, level } = series;
  const out: [number, number][] = [];
  let k = 0;
  for (let b0 = 0; b0 < endS; b0 += binS) {
    const b1 = Math.min(endS, b0 + binS);
    let area = 0;
    while (k + 1 < t.length && t[k + 1] <= b0) k++;
    for (let j = k; j < t.length && t[j] < b1; j++) {
      const a = Math.max(b0, t[j]);
      const b = Math.min(b1, j + 1 < t.length ? t[j + 1] : b1);
      if (b > a) area += (b - a) * level[j];
    }
    out.push([b0, area / (b1 - b0)]);
  }
  return out;
}

/** Step-area chart of a series over [0, endS], with wall-clock hour labels. */
export function stepAreaSvg(title: string, series: readonly [number, number][], endS: number, startSecondOfDay: number): string {
  const x = scaleLinear().domain([0, endS]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, Math.max(1, max(series, (p) => p[1]) ?? 1)]).nice().range([H - M.bottom, M.top]);
  const pts = [...series, [endS, series.length ? series[series.length - 1][1] : 0] as [number, number]];
  const path = area<[number, number]>().x((p) => x(p[0])).y0(y(0)).y1((p) => y(p[1])).curve(curveStepAfter)(pts) ?? '';
  const stepH = endS > 2 * 86400 ? 86400 : endS > 12 * 3600 ? 3 * 3600 : 3600;
  const xTicks: { x: number; label: string }[] = [];
  for (let t = 0; t <= endS; t += stepH) {
    const sod = (startSecondOfDay + t) % 86400;
    xTicks.push({ x: x(t), label: `${String(Math.floor(sod / 3600)).padStart(2, '0')}:${String(Math.floor((sod % 3600) / 60)).padStart(2, '0')}` });
  }
  return frame(title, axes(xTicks, y.ticks(4).map((t) => ({ y: y(t), label: String(t) }))) + `<path d="${path}" fill="#f28e2b" fill-opacity="0.7" stroke="#d0701a"/>`);
}

/** Horizontal bars of (label, value 0–1). */
export function barsSvg(title: string, rows: readonly { label: string; value: number }[]): string {
  const h = Math.max(H, 24 * rows.length + M.top + M.bottom);
  const x = scaleLinear().domain([0, Math.max(0.05, max(rows, (r) => r.value) ?? 0)]).nice().range([150, W - M.right - 40]);
  const y = scaleBand().domain(rows.map((r) => r.label)).range([M.top, h - M.bottom]).padding(0.25);
  const bars = rows
    .map(
      (r) =>
        `<g transform="translate(0,${n2(y(r.label)!)})"><text x="144" y="${n2(y.bandwidth() / 2)}" dy="0.32em" text-anchor="end" font-size="11">${esc(r.label)}</text>` +
        `<rect x="150" width="${n2(x(r.value) - 150)}" height="${n2(y.bandwidth())}" fill="#59a14f"/>` +
        `<text x="${n2(x(r.value) + 4)}" y="${n2(y.bandwidth() / 2)}" dy="0.32em" font-size="10">${(r.value * 100).toFixed(1)}%</text></g>`,
    )
    .join('');
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${h}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">${bars}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

/** Box plots (p10–p90 whiskers, quartile box, median) with the points, one row per group. */
export function boxesSvg(title: string, groups: readonly { label: string; values: readonly number[]; target: number | null }[]): string {
  const all = groups.flatMap((g) => g.values);
  const hi = Math.max(1, max(all) ?? 1, ...groups.map((g) => g.target ?? 0));
  const text = (g: (typeof groups)[number]) => `${g.label} (n=${g.values.length})`;
  // The labels get the room they need (up to half the chart), so no variant's name is clipped.
  const left = labelMargin(groups.map(text), 11, 110);
  const x = scaleLinear().domain([0, hi]).nice().range([left, W - M.right]);
  const y = scaleBand().domain(groups.map((g) => g.label)).range([M.top, H - M.bottom]).padding(0.3);
  const rows = groups
    .map((g) => {
      const yy = y(g.label)!;
      const bw = y.bandwidth();
      const label = `<text x="${left - 6}" y="${n2(yy + bw / 2)}" dy="0.32em" text-anchor="end" font-size="11">${fitLabel(text(g), 11, left - 8)}</text>`;
      const tgt = g.target === null ? '' : `<line x1="${n2(x(g.target))}" x2="${n2(x(g.target))}" y1="${n2(yy)}" y2="${n2(yy + bw)}" stroke="#c0392b" stroke-width="2" stroke-dasharray="4,3"/>`;
      if (g.values.length === 0) return label + tgt;
      const s = Array.from(Float64Array.from(g.values).sort());
      const q = (p: number) => x(quantileSorted(s, p)!);
      const box =
        `<line x1="${n2(q(0.1))}" x2="${n2(q(0.9))}" y1="${n2(yy + bw / 2)}" y2="${n2(yy + bw / 2)}" stroke="#333"/>` +
        `<rect x="${n2(q(0.25))}" y="${n2(yy)}" width="${n2(Math.max(1, q(0.75) - q(0.25)))}" height="${n2(bw)}" fill="#76b7b2" fill-opacity="0.6" stroke="#333"/>` +
        `<line x1="${n2(q(0.5))}" x2="${n2(q(0.5))}" y1="${n2(yy)}" y2="${n2(yy + bw)}" stroke="#000" stroke-width="2"/>`;
      const dots = s.map((v, i) => `<circle cx="${n2(x(v))}" cy="${n2(yy + bw / 2 + ((i % 5) - 2) * (bw / 8))}" r="2" fill="#333" fill-opacity="0.5"/>`).join('');
      return label + box + dots + tgt;
    })
    .join('');
  return frame(title, axes(x.ticks(8).map((t) => ({ x: x(t), label: String(t) })), [], left) + rows);
}
