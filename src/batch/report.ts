/**
 * `comparison.html`: a self-contained report of a batch — what changed significantly against the
 * baseline (ranked), each KPI's distribution per variant, and the paired differences with their 95%
 * intervals — drawn with d3 as inline SVG. Pure: rows in, HTML out.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { ReplicationResult } from '../worker/api.ts';
import type { ComparisonRow } from './plan.ts';
import { HIGHER_IS_BETTER, type Kpi } from '../metrics/kpis.ts';
import type { BatchMeta } from './run.ts';
import { formatNumber } from '../report/csv.ts';
import { boxesSvg, esc } from '../report/svg.ts';
import type { Lang } from '../report/i18n.ts';

const TEXT = {
  title: { zh: '方案比选报告', en: 'Batch comparison' },
  summary: { zh: '一、显著变化（相对基准方案，配对 95% 置信区间不含 0）', en: '1. Significant changes (paired 95% interval against the baseline excludes 0)' },
  none: { zh: '没有变化达到统计显著。', en: 'No change is statistically significant.' },
  better: { zh: '改善', en: 'better' },
  worse: { zh: '变差', en: 'worse' },
  setup: { zh: '方案与重复次数', en: 'Variants and replications' },
  charts: { zh: '二、主要指标分布与配对差值', en: '2. Main KPIs: distributions and paired differences' },
  table: { zh: '三、全部指标', en: '3. Every KPI' },
  dist: { zh: '各方案分布', en: 'distribution by variant' },
  diff: { zh: '与基准方案的配对差值（95% 区间）', en: 'paired difference from the baseline (95% interval)' },
  baseline: { zh: '基准方案', en: 'baseline' },
  note: { zh: '每个重复在所有方案中使用相同随机种子（公共随机数），差值按重复配对计算。', en: 'Each replication uses the same seed in every variant (common random numbers); differences are paired by replication.' },
} as const;

const MAIN: Kpi[] = ['score', 'score_alarm', 'score_mobilisation', 'score_linkage', 'score_outcome', 'response_s_p90', 'answer_wait_s_p90', 'notification_tier2_s_p90', 'incidents_waited_for_unit'];

/** A forest plot: each variant's paired difference with its interval, against a zero line. */
function forestSvg(title: string, rows: readonly ComparisonRow[]): string {
  const W = 640;
  const H = Math.max(120, 28 * rows.length + 50);
  const vals = rows.flatMap((r) => [r.diffLow, r.diffHigh, r.diffMean]).filter(Number.isFinite);
  const ext = Math.max(1e-9, ...vals.map(Math.abs));
  const x = scaleLinear().domain([-ext, ext]).nice().range([160, W - 20]);
  const y = scaleBand().domain(rows.map((r) => r.variant)).range([16, H - 30]).padding(0.4);
  const body = rows
    .map((r) => {
      const yy = y(r.variant)! + y.bandwidth() / 2;
      const line = Number.isFinite(r.diffLow) ? `<line x1="${x(r.diffLow).toFixed(1)}" x2="${x(r.diffHigh).toFixed(1)}" y1="${yy}" y2="${yy}" stroke="#333" stroke-width="2"/>` : '';
      const dot = Number.isFinite(r.diffMean) ? `<circle cx="${x(r.diffMean).toFixed(1)}" cy="${yy}" r="4" fill="${r.significant ? '#c0392b' : '#777'}"/>` : '';
      return `<text x="154" y="${yy}" dy="0.32em" text-anchor="end" font-size="11">${esc(r.variant)}</text>${line}${dot}`;
    })
    .join('');
  const ticks = x.ticks(6).map((t) => `<g transform="translate(${x(t).toFixed(1)},${H - 30})"><line y2="4" stroke="#555"/><text y="15" text-anchor="middle" font-size="10">${esc(formatNumber(t))}</text></g>`).join('');
  const zero = `<line x1="${x(0).toFixed(1)}" x2="${x(0).toFixed(1)}" y1="10" y2="${H - 30}" stroke="#c0392b" stroke-dasharray="4,3"/>`;
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" role="img" aria-label="${esc(title)}">${zero}${body}<line x1="160" x2="${W - 20}" y1="${H - 30}" y2="${H - 30}" stroke="#555"/>${ticks}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

export function comparisonHtml(meta: BatchMeta, rows: readonly ReplicationResult[], cmp: readonly ComparisonRow[], lang: Lang): string {
  const base = meta.variants[0].name;
  const title = (v: string) => meta.variants.find((x) => x.name === v)?.title ?? v;
  const sig = cmp
    .filter((r) => r.significant)
    .map((r) => {
      const baseRow = cmp.find((b) => b.variant === base && b.metric === r.metric)!;
      const rel = Math.abs(r.diffMean) / Math.max(1e-9, Math.abs(baseRow.mean));
      const better = HIGHER_IS_BETTER.has(r.metric) ? r.diffMean > 0 : r.diffMean < 0;
      return { r, rel, better };
    })
    .sort((a, b) => b.rel - a.rel || a.r.variant.localeCompare(b.r.variant) || a.r.metric.localeCompare(b.r.metric));
  const summary = sig.length
    ? `<ol>${sig
        .map(
          ({ r, rel, better }) =>
            `<li><strong>${esc(title(r.variant))}</strong> <code>${esc(r.metric)}</code>: ${formatNumber(r.diffMean)} [${formatNumber(r.diffLow)}, ${formatNumber(r.diffHigh)}] (${(rel * 100).toFixed(1)}%) — <span class="${better ? 'good' : 'bad'}">${better ? TEXT.better[lang] : TEXT.worse[lang]}</span></li>`,
        )
        .join('')}</ol>`
    : `<p>${TEXT.none[lang]}</p>`;
  const setup = `<table><tr><th>variant</th><th></th><th>n</th></tr>${meta.variants
    .map((v) => `<tr><td><code>${esc(v.name)}</code></td><td>${esc(v.title)}${v.description ? `<br><small>${esc(v.description)}</small>` : ''}</td><td>${rows.filter((r) => r.variant === v.name).length}</td></tr>`)
    .join('')}</table>`;
  const charts = MAIN.map((k) => {
    const groups = meta.variants.map((v) => ({ label: v.name, values: rows.filter((r) => r.variant === v.name).map((r) => r.kpis[k]).filter(Number.isFinite), target: null }));
    const diffs = cmp.filter((r) => r.metric === k && r.variant !== base);
    return `<h3><code>${esc(k)}</code></h3>${boxesSvg(`${k}: ${TEXT.dist[lang]}`, groups)}${diffs.length ? forestSvg(`${k}: ${TEXT.diff[lang]}`, diffs) : ''}`;
  }).join('');
  const table = `<table class="cmp"><thead><tr>${['variant', 'metric', 'n', 'mean', 'sd', 'ci95_low', 'ci95_high', 'diff_mean', 'diff_ci95_low', 'diff_ci95_high', 'significant'].map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${cmp
    .map(
      (r) =>
        `<tr class="${r.significant ? 'sig' : ''}"><td>${esc(r.variant)}</td><td>${esc(r.metric)}</td>${[r.n, r.mean, r.sd, r.ci95Low, r.ci95High, r.diffMean, r.diffLow, r.diffHigh].map((v) => `<td class="n">${formatNumber(v)}</td>`).join('')}<td>${r.significant === null ? '' : r.significant ? '1' : '0'}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(TEXT.title[lang])} · ${esc(meta.scenario.title)}</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
h2{border-bottom:2px solid #333}table{border-collapse:collapse;width:100%;font-size:.85em}th,td{border:1px solid #ddd;padding:.2em .4em;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.sig td{background:#fff4e5}.good{color:#2e7d32;font-weight:bold}.bad{color:#c62828;font-weight:bold}figcaption{font-size:.9em;color:#444;text-align:center}code{background:#f3f3f3;padding:0 .3em}</style></head><body>
<h1>${esc(TEXT.title[lang])}</h1><p>${esc(meta.scenario.title)} — ${TEXT.baseline[lang]} <code>${esc(base)}</code>, seeds ${meta.seed}…${meta.seed + meta.reps - 1}</p>
<h2>${TEXT.setup[lang]}</h2>${setup}<p class="note">${TEXT.note[lang]}</p>
<h2>${TEXT.summary[lang]}</h2>${summary}
<h2>${TEXT.charts[lang]}</h2>${charts}
<h2>${TEXT.table[lang]}</h2>${table}
</body></html>
`;
}
