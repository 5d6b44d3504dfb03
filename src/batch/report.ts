/**
 * `comparison.html`: a self-contained report of a batch — a verdict per variant, the changes that
 * matter (real after Holm's adjustment and at least each KPI's minimum that matters, ranked), each
 * KPI's distribution per variant, and the paired differences with their 95% intervals — drawn with
 * d3 as inline SVG. Pure: rows in, HTML out.
 */
import { scaleBand, scaleLinear } from 'd3';
import type { ReplicationResult } from '../worker/api.ts';
import { COMPARISON_COLUMNS, type ComparisonRow } from './plan.ts';
import type { Kpi } from '../metrics/kpis.ts';
import type { BatchMeta } from './run.ts';
import { formatNumber } from '../report/csv.ts';
import { boxesSvg, esc, fitLabel, labelMargin } from '../report/svg.ts';
import { KPI_TEXT } from '../report/kpi-text.ts';
import { verdicts, verdictText } from './verdict.ts';
import type { Lang } from '../report/i18n.ts';

const TEXT = {
  title: { zh: '方案比选报告', en: 'Batch comparison' },
  verdict: { zh: '一、结论（相对基准方案）', en: '1. Verdict (against the baseline)' },
  verdictNote: {
    zh: '“改善/变差”指：配对 t 检验经 Holm 多重比较校正后 p < 0.05，且差值不小于该指标的最小有意义差值（时间 10 秒、得分 1 分、比例 1 个百分点、计数 1；可逐项设定）。',
    en: '“Better/worse” means: a paired t-test, Holm-adjusted over the variant’s KPIs, gives p < 0.05, and the difference is at least the KPI’s minimum that matters (10 s of time, 1 score point, 1 percentage point of a share, 1 of a count; each can be set).',
  },
  summary: { zh: '二、值得关注的变化', en: '2. Changes that matter' },
  none: { zh: '没有任何方案在任何指标上出现值得关注的变化：各方案与基准方案的差异要么不显著，要么小于最小有意义差值。', en: 'Nothing changed by an amount that matters: every difference from the baseline is either not significant or smaller than its minimum that matters.' },
  negligible: { zh: '另有统计显著但小于最小有意义差值的变化（不计入结论）：', en: 'Also significant but smaller than the minimum that matters (not counted):' },
  better: { zh: '改善', en: 'better' },
  worse: { zh: '变差', en: 'worse' },
  setup: { zh: '方案与重复次数', en: 'Variants and replications' },
  charts: { zh: '三、主要指标分布与配对差值', en: '3. Main KPIs: distributions and paired differences' },
  table: { zh: '四、全部指标', en: '4. Every KPI' },
  dist: { zh: '各方案分布', en: 'distribution by variant' },
  diff: { zh: '与基准方案的配对差值（95% 区间）', en: 'paired difference from the baseline (95% interval)' },
  baseline: { zh: '基准方案', en: 'baseline' },
  variant: { zh: '方案', en: 'variant' },
  seeds: { zh: '随机种子', en: 'seeds' },
  note: { zh: '每个重复在所有方案中使用相同随机种子（公共随机数），差值按重复配对计算。', en: 'Each replication uses the same seed in every variant (common random numbers); differences are paired by replication.' },
} as const;

const MAIN: Kpi[] = ['score', 'score_alarm', 'score_mobilisation', 'score_linkage', 'score_outcome', 'response_s_p90', 'answer_wait_s_p90', 'notification_tier2_s_p90', 'incidents_waited_for_unit'];

/** A forest plot: each variant's paired difference with its interval, against a zero line. */
function forestSvg(title: string, rows: readonly ComparisonRow[]): string {
  const W = 640;
  const H = Math.max(120, 28 * rows.length + 50);
  const vals = rows.flatMap((r) => [r.diffLow, r.diffHigh, r.diffMean]).filter(Number.isFinite);
  const ext = Math.max(1e-9, ...vals.map(Math.abs));
  const left = labelMargin(rows.map((r) => r.variant), 11, 120);
  const x = scaleLinear().domain([-ext, ext]).nice().range([left, W - 20]);
  const y = scaleBand().domain(rows.map((r) => r.variant)).range([16, H - 30]).padding(0.4);
  const body = rows
    .map((r) => {
      const yy = y(r.variant)! + y.bandwidth() / 2;
      const line = Number.isFinite(r.diffLow) ? `<line x1="${x(r.diffLow).toFixed(1)}" x2="${x(r.diffHigh).toFixed(1)}" y1="${yy}" y2="${yy}" stroke="#333" stroke-width="2"/>` : '';
      const dot = Number.isFinite(r.diffMean) ? `<circle cx="${x(r.diffMean).toFixed(1)}" cy="${yy}" r="4" fill="${r.effect === 'better' ? '#2e7d32' : r.effect === 'worse' ? '#c62828' : '#777'}"/>` : '';
      return `<text x="${left - 6}" y="${yy}" dy="0.32em" text-anchor="end" font-size="11">${fitLabel(r.variant, 11, left - 8)}</text>${line}${dot}`;
    })
    .join('');
  const ticks = x.ticks(6).map((t) => `<g transform="translate(${x(t).toFixed(1)},${H - 30})"><line y2="4" stroke="#555"/><text y="15" text-anchor="middle" font-size="10">${esc(formatNumber(t))}</text></g>`).join('');
  const zero = `<line x1="${x(0).toFixed(1)}" x2="${x(0).toFixed(1)}" y1="10" y2="${H - 30}" stroke="#c0392b" stroke-dasharray="4,3"/>`;
  return `<figure class="chart"><svg viewBox="0 0 ${W} ${H}" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" role="img" aria-label="${esc(title)}">${zero}${body}<line x1="${left}" x2="${W - 20}" y1="${H - 30}" y2="${H - 30}" stroke="#555"/>${ticks}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

/** The name of a KPI for people, with its column name for those who read the CSV. */
const kpiName = (k: Kpi, lang: Lang) => `${esc(KPI_TEXT[k][lang])} <code>${esc(k)}</code>`;

export function comparisonHtml(meta: BatchMeta, rows: readonly ReplicationResult[], cmp: readonly ComparisonRow[], lang: Lang): string {
  const base = meta.variants[0].name;
  const order = meta.variants.map((v) => v.name);
  const title = (v: string) => meta.variants.find((x) => x.name === v)?.title ?? v;
  const vs = verdicts(cmp, order);
  const verdict = vs.length
    ? `<ul class="verdicts">${vs.map((v) => `<li><strong>${esc(title(v.variant))}</strong> <code>${esc(v.variant)}</code>: ${esc(verdictText(v, lang))}</li>`).join('')}</ul>`
    : '';
  const matters = cmp
    .filter((r) => r.effect === 'better' || r.effect === 'worse')
    .map((r) => {
      const baseRow = cmp.find((b) => b.variant === base && b.metric === r.metric)!;
      return { r, rel: Math.abs(r.diffMean) / Math.max(1e-9, Math.abs(baseRow.mean)) };
    })
    .sort((a, b) => b.rel - a.rel || (a.r.variant < b.r.variant ? -1 : a.r.variant > b.r.variant ? 1 : 0) || (a.r.metric < b.r.metric ? -1 : 1));
  const small = cmp.filter((r) => r.effect === 'negligible');
  const summary =
    (matters.length
      ? `<ol>${matters
          .map(
            ({ r, rel }) =>
              `<li><strong>${esc(title(r.variant))}</strong> ${kpiName(r.metric, lang)}: ${formatNumber(r.diffMean)} [${formatNumber(r.diffLow)}, ${formatNumber(r.diffHigh)}] (${(rel * 100).toFixed(1)}%, p<sub>Holm</sub> ${r.pHolm < 0.001 ? '&lt; 0.001' : `= ${formatNumber(r.pHolm)}`}) — <span class="${r.effect === 'better' ? 'good' : 'bad'}">${r.effect === 'better' ? TEXT.better[lang] : TEXT.worse[lang]}</span></li>`,
          )
          .join('')}</ol>`
      : `<p class="nothing">${TEXT.none[lang]}</p>`) +
    (small.length ? `<p class="small">${TEXT.negligible[lang]} ${small.map((r) => `${esc(r.variant)} ${kpiName(r.metric, lang)} ${formatNumber(r.diffMean)}`).join('; ')}</p>` : '');
  const setup = `<table><tr><th>${TEXT.variant[lang]}</th><th></th><th>n</th></tr>${meta.variants
    .map((v) => `<tr><td><code>${esc(v.name)}</code></td><td>${esc(v.title)}${v.description ? `<br><small>${esc(v.description)}</small>` : ''}</td><td>${rows.filter((r) => r.variant === v.name).length}</td></tr>`)
    .join('')}</table>`;
  const charts = MAIN.map((k) => {
    const groups = meta.variants.map((v) => ({ label: v.name, values: rows.filter((r) => r.variant === v.name).map((r) => r.kpis[k]).filter(Number.isFinite), target: null }));
    const diffs = cmp.filter((r) => r.metric === k && r.variant !== base);
    return `<h3>${kpiName(k, lang)}</h3>${boxesSvg(`${KPI_TEXT[k][lang]}: ${TEXT.dist[lang]}`, groups)}${diffs.length ? forestSvg(`${KPI_TEXT[k][lang]}: ${TEXT.diff[lang]}`, diffs) : ''}`;
  }).join('');
  const table = `<table class="cmp"><thead><tr>${COMPARISON_COLUMNS.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${cmp
    .map(
      (r) =>
        `<tr class="${r.effect === 'better' || r.effect === 'worse' ? 'sig' : ''}"><td>${esc(r.variant)}</td><td title="${esc(KPI_TEXT[r.metric][lang])}">${esc(r.metric)}</td>${[r.n, r.mean, r.sd, r.ci95Low, r.ci95High, r.diffMean, r.diffLow, r.diffHigh].map((v) => `<td class="n">${formatNumber(v)}</td>`).join('')}<td>${r.significant === null ? '' : r.significant ? '1' : '0'}</td>${[r.pValue, r.pHolm, r.minDiff].map((v) => `<td class="n">${formatNumber(v)}</td>`).join('')}<td>${r.effect ?? ''}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(TEXT.title[lang])} · ${esc(meta.scenario.title)}</title>
<style>body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
h2{border-bottom:2px solid #333}table{border-collapse:collapse;width:100%;font-size:.85em}th,td{border:1px solid #ddd;padding:.2em .4em;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.sig td{background:#fff4e5}.good{color:#2e7d32;font-weight:bold}.bad{color:#c62828;font-weight:bold}figcaption{font-size:.9em;color:#444;text-align:center}code{background:#f3f3f3;padding:0 .3em}
.verdicts li{margin:.3em 0}.nothing{font-weight:bold}.small,.note{color:#555;font-size:.9em}.cmp-wrap{overflow-x:auto}</style></head><body>
<h1>${esc(TEXT.title[lang])}</h1><p>${esc(meta.scenario.title)} — ${TEXT.baseline[lang]} <code>${esc(base)}</code>, ${TEXT.seeds[lang]} ${meta.seed}…${meta.seed + meta.reps - 1}</p>
<h2>${TEXT.verdict[lang]}</h2>${verdict}<p class="note">${TEXT.verdictNote[lang]}</p>
<h2>${TEXT.summary[lang]}</h2>${summary}
<h3>${TEXT.setup[lang]}</h3>${setup}<p class="note">${TEXT.note[lang]}</p>
<h2>${TEXT.charts[lang]}</h2>${charts}
<h2>${TEXT.table[lang]}</h2><div class="cmp-wrap">${table}</div>
</body></html>
`;
}
