/**
 * The calibration and validation reports' charts as inline SVG strings, drawn with d3 scales and
 * shape generators (no DOM), like report/svg.ts: observed against fitted distributions (empirical CDF
 * and the fitted CDF), QQ plots, factors with their intervals (hourly profiles, weekday factors),
 * daily counts against the fitted mean, and observed quantiles against simulated ones.
 */
import { line, max, min, scaleBand, scaleLinear, scaleLog } from 'd3';
import { esc } from '../report/svg.ts';

const W = 640;
const H = 240;
const M = { top: 16, right: 16, bottom: 36, left: 52 };
const n2 = (x: number) => (Math.round(x * 100) / 100).toString();
const tick = (t: number) => (Math.abs(t) >= 1e6 || (Math.abs(t) < 1e-3 && t !== 0) ? t.toExponential(1) : String(Number(t.toPrecision(4))));

function frame(title: string, body: string, h = H): string {
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${h}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">${body}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

function axes(x: { ticks: (n: number) => number[]; (v: number): number }, y: { ticks: (n: number) => number[]; (v: number): number }, xLabel: string, yLabel: string, h = H): string {
  const xs = x.ticks(7).map((t) => `<g transform="translate(${n2(x(t))},${h - M.bottom})"><line y2="4" stroke="#555"/><text y="15" text-anchor="middle">${esc(tick(t))}</text></g>`).join('');
  const ys = y.ticks(5).map((t) => `<g transform="translate(${M.left},${n2(y(t))})"><line x2="-4" stroke="#555"/><line x2="${W - M.left - M.right}" stroke="#eee"/><text x="-7" dy="0.32em" text-anchor="end">${esc(tick(t))}</text></g>`).join('');
  return (
    `<g font-size="10" fill="#333">${ys}${xs}<line x1="${M.left}" x2="${W - M.right}" y1="${h - M.bottom}" y2="${h - M.bottom}" stroke="#555"/>` +
    `<text x="${(M.left + W - M.right) / 2}" y="${h - 4}" text-anchor="middle">${esc(xLabel)}</text>` +
    `<text transform="translate(12,${(M.top + h - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text></g>`
  );
}

const legend = (items: { label: string; color: string; dash?: boolean }[]) =>
  items
    .map((it, i) => `<g transform="translate(${M.left + 10 + i * 150},${M.top + 6})"><line x2="18" stroke="${it.color}" stroke-width="2"${it.dash ? ' stroke-dasharray="5,3"' : ''}/><text x="22" dy="0.32em" font-size="10">${esc(it.label)}</text></g>`)
    .join('');

/** Empirical CDF of sorted `values` (step) against a fitted CDF (line), on the data's range. */
export function cdfSvg(title: string, sorted: readonly number[], fitted: ((x: number) => number) | null, labels: { observed: string; fitted: string; x: string }): string {
  if (sorted.length === 0) return '';
  const hi = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.995))] || 1;
  const x = scaleLinear().domain([0, hi]).nice().range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, 1]).range([H - M.bottom, M.top]);
  const n = sorted.length;
  const steps: [number, number][] = [[0, 0]];
  const stride = Math.max(1, Math.floor(n / 400));
  for (let i = 0; i < n; i += stride) steps.push([Math.min(sorted[i], hi), (i + 1) / n]);
  steps.push([hi, 1]);
  const ecdf = line<[number, number]>().x((p) => x(p[0])).y((p) => y(p[1]))(steps.flatMap((p, i) => (i ? [[p[0], steps[i - 1][1]] as [number, number], p] : [p])));
  let fit = '';
  if (fitted) {
    const pts = Array.from({ length: 121 }, (_, i) => [(hi * i) / 120, fitted((hi * i) / 120)] as [number, number]);
    fit = `<path d="${line<[number, number]>().x((p) => x(p[0])).y((p) => y(p[1]))(pts)}" fill="none" stroke="#c0392b" stroke-width="2" stroke-dasharray="5,3"/>`;
  }
  const leg = legend([{ label: labels.observed, color: '#4e79a7' }, ...(fitted ? [{ label: labels.fitted, color: '#c0392b', dash: true }] : [])]);
  return frame(title, axes(x, y, labels.x, 'F(x)') + `<path d="${ecdf}" fill="none" stroke="#4e79a7" stroke-width="1.5"/>` + fit + leg);
}

/** QQ plot: (theoretical, observed) points of each candidate against the line y = x. */
export function qqSvg(title: string, series: { label: string; color: string; points: [number, number][] }[], xLabel: string, yLabel: string): string {
  const all = series.flatMap((s) => s.points.flat());
  if (all.length === 0) return '';
  const hi = max(all) ?? 1;
  const lo = Math.min(0, min(all) ?? 0);
  const x = scaleLinear().domain([lo, hi]).nice().range([M.left, W - M.right]);
  const y = scaleLinear().domain(x.domain()).range([H - M.bottom, M.top]);
  const diag = `<line x1="${x(x.domain()[0])}" y1="${y(y.domain()[0])}" x2="${x(x.domain()[1])}" y2="${y(y.domain()[1])}" stroke="#999" stroke-dasharray="4,3"/>`;
  const dots = series.map((s) => s.points.map(([a, b]) => `<circle cx="${n2(x(a))}" cy="${n2(y(b))}" r="2.2" fill="${s.color}" fill-opacity="0.7"/>`).join('')).join('');
  return frame(title, axes(x, y, xLabel, yLabel) + diag + dots + legend(series.map((s) => ({ label: s.label, color: s.color }))));
}

/** Bars of factors with 95% whiskers, one per level (hours 0–23, weekdays …), and a line at 1. */
export function factorsSvg(title: string, levels: readonly string[], factors: readonly { factor: number; low: number; high: number }[], yLabel: string): string {
  const x = scaleBand().domain(levels as string[]).range([M.left, W - M.right]).padding(0.2);
  const top = Math.max(1.2, ...factors.map((f) => (Number.isFinite(f.high) ? f.high : f.factor)));
  const y = scaleLinear().domain([0, top]).nice().range([H - M.bottom, M.top]);
  const bars = factors
    .map((f, i) => {
      const cx = x(levels[i])! + x.bandwidth() / 2;
      const w = Number.isFinite(f.low) && Number.isFinite(f.high) ? `<line x1="${n2(cx)}" x2="${n2(cx)}" y1="${n2(y(f.low))}" y2="${n2(y(f.high))}" stroke="#333"/>` : '';
      return `<rect x="${n2(x(levels[i])!)}" y="${n2(y(f.factor))}" width="${n2(x.bandwidth())}" height="${n2(y(0) - y(f.factor))}" fill="#76b7b2"><title>${esc(`${levels[i]}: ${tick(f.factor)} [${tick(f.low)}, ${tick(f.high)}]`)}</title></rect>${w}`;
    })
    .join('');
  const labels = levels.map((l) => `<text x="${n2(x(l)! + x.bandwidth() / 2)}" y="${H - M.bottom + 14}" text-anchor="middle" font-size="9">${esc(l)}</text>`).join('');
  const ys = y.ticks(5).map((t) => `<g transform="translate(${M.left},${n2(y(t))})"><line x2="-4" stroke="#555"/><text x="-7" dy="0.32em" text-anchor="end" font-size="10">${esc(tick(t))}</text></g>`).join('');
  const one = `<line x1="${M.left}" x2="${W - M.right}" y1="${n2(y(1))}" y2="${n2(y(1))}" stroke="#c0392b" stroke-dasharray="4,3"/>`;
  const yl = `<text transform="translate(12,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="10">${esc(yLabel)}</text>`;
  return frame(title, ys + bars + one + labels + yl + `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#555"/>`);
}

/** Daily counts (dots) against the fitted mean (line) with a band (the model's 95% range per day). */
export function dailySvg(title: string, days: readonly { n: number; expected: number; low: number; high: number }[], labels: { observed: string; fitted: string; x: string; y: string }): string {
  if (days.length === 0) return '';
  const x = scaleLinear().domain([0, days.length - 1 || 1]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, Math.max(1, ...days.map((d) => Math.max(d.n, d.high)))]).nice().range([H - M.bottom, M.top]);
  const band = days.map((d, i) => `${i ? 'L' : 'M'}${n2(x(i))},${n2(y(d.high))}`).join('') + days.map((_, k) => { const i = days.length - 1 - k; return `L${n2(x(i))},${n2(y(days[i].low))}`; }).join('') + 'Z';
  const mean = line<{ expected: number }>().x((_, i) => x(i)).y((d) => y(d.expected))(days.slice());
  const dots = days.map((d, i) => `<circle cx="${n2(x(i))}" cy="${n2(y(d.n))}" r="2.5" fill="${d.n < d.low || d.n > d.high ? '#c0392b' : '#4e79a7'}"/>`).join('');
  return frame(title, axes(x, y, labels.x, labels.y) + `<path d="${band}" fill="#f28e2b" fill-opacity="0.2"/><path d="${mean}" fill="none" stroke="#f28e2b" stroke-width="2"/>` + dots + legend([{ label: labels.observed, color: '#4e79a7' }, { label: labels.fitted, color: '#f28e2b' }]));
}

/** Free-flow against observed travel (log–log) with the fitted overall factor as a line. */
export function travelSvg(title: string, points: readonly [number, number][], factor: number, labels: { x: string; y: string }): string {
  if (points.length === 0) return '';
  const vals = points.flat().filter((v) => v > 0);
  const lo = Math.max(1, min(vals) ?? 1);
  const hi = max(vals) ?? 10;
  const x = scaleLog().domain([lo, hi]).nice().range([M.left, W - M.right]);
  const y = scaleLog().domain([lo, hi]).nice().range([H - M.bottom, M.top]);
  const stride = Math.max(1, Math.floor(points.length / 1500));
  const dots = points.filter((_, i) => i % stride === 0).map(([a, b]) => `<circle cx="${n2(x(Math.max(lo, a)))}" cy="${n2(y(Math.max(lo, b)))}" r="1.8" fill="#4e79a7" fill-opacity="0.5"/>`).join('');
  const [d0, d1] = x.domain();
  const fit = `<line x1="${n2(x(d0))}" y1="${n2(y(Math.max(lo, d0 * factor)))}" x2="${n2(x(d1))}" y2="${n2(y(Math.min(y.domain()[1], d1 * factor)))}" stroke="#c0392b" stroke-width="2" stroke-dasharray="5,3"/>`;
  const ticks = (s: typeof x) => s.ticks(5).filter((t) => [1, 2, 5].includes(Number(String(t)[0])));
  const xs = ticks(x).map((t) => `<g transform="translate(${n2(x(t))},${H - M.bottom})"><line y2="4" stroke="#555"/><text y="15" text-anchor="middle" font-size="10">${esc(tick(t))}</text></g>`).join('');
  const ys = ticks(y).map((t) => `<g transform="translate(${M.left},${n2(y(t))})"><line x2="-4" stroke="#555"/><text x="-7" dy="0.32em" text-anchor="end" font-size="10">${esc(tick(t))}</text></g>`).join('');
  const lab = `<text x="${(M.left + W - M.right) / 2}" y="${H - 4}" text-anchor="middle" font-size="10">${esc(labels.x)}</text><text transform="translate(12,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="10">${esc(labels.y)}</text>`;
  return frame(title, xs + ys + lab + dots + fit + `<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#555"/>`);
}

/**
 * Observed value (dot) against the simulated replications' spread (bar: the prediction interval,
 * tick: their mean), one row per comparison; red where the observed value falls outside.
 */
export function comparisonSvg(title: string, rows: readonly { label: string; observed: number; simMean: number; low: number; high: number; off: boolean }[], xLabel: string): string {
  if (rows.length === 0) return '';
  const h = Math.max(120, 22 * rows.length + M.top + M.bottom);
  const vals = rows.flatMap((r) => [r.observed, r.low, r.high, r.simMean]).filter(Number.isFinite);
  const x = scaleLinear().domain([Math.min(0, min(vals) ?? 0), max(vals) ?? 1]).nice().range([200, W - M.right]);
  const y = scaleBand().domain(rows.map((r) => r.label)).range([M.top, h - M.bottom]).padding(0.35);
  const body = rows
    .map((r) => {
      const yy = y(r.label)! + y.bandwidth() / 2;
      const bar = Number.isFinite(r.low) ? `<line x1="${n2(x(r.low))}" x2="${n2(x(r.high))}" y1="${n2(yy)}" y2="${n2(yy)}" stroke="#999" stroke-width="6" stroke-linecap="round"/>` : '';
      const mean = Number.isFinite(r.simMean) ? `<line x1="${n2(x(r.simMean))}" x2="${n2(x(r.simMean))}" y1="${n2(yy - 6)}" y2="${n2(yy + 6)}" stroke="#333" stroke-width="2"/>` : '';
      const dot = Number.isFinite(r.observed) ? `<circle cx="${n2(x(r.observed))}" cy="${n2(yy)}" r="4.5" fill="${r.off ? '#c0392b' : '#4e79a7'}"/>` : '';
      return `<text x="194" y="${n2(yy)}" dy="0.32em" text-anchor="end" font-size="10">${esc(r.label)}</text>${bar}${mean}${dot}`;
    })
    .join('');
  const xs = x.ticks(7).map((t) => `<g transform="translate(${n2(x(t))},${h - M.bottom})"><line y2="4" stroke="#555"/><text y="15" text-anchor="middle" font-size="10">${esc(tick(t))}</text></g>`).join('');
  const lab = `<text x="${(200 + W - M.right) / 2}" y="${h - 4}" text-anchor="middle" font-size="10">${esc(xLabel)}</text>`;
  return frame(title, body + xs + lab + `<line x1="200" x2="${W - M.right}" y1="${h - M.bottom}" y2="${h - M.bottom}" stroke="#555"/>`, h);
}
