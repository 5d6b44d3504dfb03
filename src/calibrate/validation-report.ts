/**
 * validate-history's outputs: `validation.html` (zh/en: the verdict, where the model is off and by
 * how much, each measure's observed value against the replications' prediction interval, drawn as
 * charts), `comparison.csv` (every measure) and the lines the CLI prints. Pure.
 */
import { toCsv } from '../report/csv.ts';
import type { Lang } from '../report/i18n.ts';
import { esc } from '../report/svg.ts';
import { dateOfDay } from './cad/rows.ts';
import { comparisonSvg } from './charts.ts';
import { fmt, PAGE_STYLE } from './report.ts';
import type { Comparison, Validation } from './validate.ts';

type T = { zh: string; en: string };
const t = (zh: string, en: string): T => ({ zh, en });

const TEXT = {
  title: t('模型与历史数据对比验证', 'Validation against history'),
  verdict: t('一、结论', '1. Verdict'),
  where: t('二、模型偏离之处', '2. Where the model is off'),
  charts: t('三、逐项对比', '3. Measure by measure'),
  table: t('四、全部指标', '4. Every measure'),
  pass: t('在 {alpha} 的族错误率下，没有指标显著偏离历史数据：未发现模型与这段历史不符（重复次数越少，能发现的偏差越大）。', 'At a family-wise error rate of {alpha}, no measure is off the history: nothing shows the model differs from it (the fewer the replications, the larger a difference must be to show).'),
  fail: t('{off} / {all} 项指标显著偏离历史数据（族错误率 {alpha}，Holm 校正）。', '{off} of {all} measures are off the history (family-wise error rate {alpha}, Holm).'),
  method: t(
    '把历史数据视为再多一次的仿真重复：每项指标的观测值与 {reps} 次重复（种子 {seeds}）的均值比较，给出 t 分布预测区间（新一次重复的 95% 范围）与 p 值；过半重复取同一值的指标（如很少出动的力量利用率为 0）改按观测值在各次重复中的秩计算 p 值；分布整体差异用 Kolmogorov–Smirnov 距离，与各重复相对其余重复的距离比较。所有 p 值经 Holm 逐步校正。',
    'The history is treated as one more replication: each observed measure is set against the mean of {reps} replications (seeds {seeds}) with Student’s t prediction interval (the 95% range of one more replication) and a p-value; a measure more than half the replications give one value (a rarely used unit’s utilisation of 0) gets its p-value from the observed value’s rank among them; whole distributions by the Kolmogorov–Smirnov distance, against each replication’s distance from the others. All p-values go through Holm’s step-down procedure.',
  ),
  period: t('时段', 'Period'),
  source: t('历史数据', 'History'),
  scenario: t('场景', 'Scenario'),
  incidents: t('事件数：观测 {obs}，仿真均值 {sim}', 'Incidents: observed {obs}, simulated mean {sim}'),
  none: t('无。', 'None.'),
  ksFinding: t('观测分布与仿真分布的距离 {d}，而各次重复之间通常为 {m} [{lo}, {hi}]', 'the observed distribution is {d} from the simulated one, where replications are {m} [{lo}, {hi}] from each other'),
  higher: t('模型偏高', 'the model is higher'),
  lower: t('模型偏低', 'the model is lower'),
  observed: t('观测', 'observed'),
  simulated: t('仿真均值', 'simulated mean'),
  interval: t('预测区间', 'prediction interval'),
  off: t('偏离', 'off'),
  ok: t('一致', 'ok'),
  measure: t('指标', 'Measure'),
  group: t('对象', 'Group'),
  n: t('样本', 'n'),
  generated: t('由 linkdrill validate-history 生成；全部数值见 comparison.csv。', 'Made by linkdrill validate-history; every figure is in comparison.csv.'),
  metrics: {
    response: t('接警至首车到场时间', 'call to first arrival'),
    turnout: t('出车准备时间', 'turnout'),
    travel: t('行驶时间', 'travel'),
    dispatch: t('调度时延', 'dispatch delay'),
    handling: t('接警通话时长', 'call handling'),
    onscene: t('现场处置时长', 'on-scene work'),
    incidents_per_day: t('日均事件数', 'incidents per day'),
    incidents_per_hour: t('各小时日均事件数', 'incidents per day in hour'),
    utilisation: t('力量利用率', 'unit utilisation'),
  } as Record<string, T>,
  stats: { p50: t('中位数（秒）', 'median (s)'), p90: t('90 分位（秒）', '90th percentile (s)'), mean: t('均值（秒）', 'mean (s)'), ks: t('KS 距离', 'KS distance') } as Record<string, T>,
};

const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));

/** "call to first arrival, 90th percentile (s)" for a metric key. */
export function metricLabel(metric: string, lang: Lang): string {
  const m = /^(.*)_(p50|p90|mean|ks)$/.exec(metric);
  const base = m ? m[1] : metric;
  const name = TEXT.metrics[base]?.[lang] ?? base;
  return m ? `${name} · ${TEXT.stats[m[2]][lang]}` : name;
}

const pText = (p: number) => (p < 1e-4 ? 'p < 0.0001' : `p = ${fmt(p, 2)}`);

/** One sentence on how far off a measure is. */
function finding(c: Comparison, lang: Lang): string {
  if (c.metric.endsWith('_ks')) {
    const s = fill(TEXT.ksFinding[lang], { d: fmt(c.observed, 3), m: fmt(c.simMean, 3), lo: fmt(c.low, 3), hi: fmt(c.high, 3) });
    return `${c.group} — ${metricLabel(c.metric, lang)}: ${s}, ${pText(c.p)}`;
  }
  const diff = c.simMean - c.observed;
  const rel = c.observed !== 0 ? ` (${diff > 0 ? '+' : ''}${fmt((100 * diff) / Math.abs(c.observed), 3)}%)` : '';
  const dir = diff > 0 ? TEXT.higher[lang] : TEXT.lower[lang];
  return `${c.group} — ${metricLabel(c.metric, lang)}: ${TEXT.observed[lang]} ${fmt(c.observed)}, ${TEXT.simulated[lang]} ${fmt(c.simMean)} [${fmt(c.low)}, ${fmt(c.high)}]; ${dir} ${fmt(Math.abs(diff))}${rel}, ${pText(c.p)}`;
}

/** What is off: values by their relative difference, largest first, then the distances of whole distributions. */
const offRanked = (v: Validation) => {
  const rel = (c: Comparison) => (c.metric.endsWith('_ks') ? -1 : Math.abs(c.simMean - c.observed) / (Math.abs(c.observed) || 1));
  return v.comparisons.filter((c) => c.off).sort((a, b) => rel(b) - rel(a) || a.p - b.p);
};

/** The lines the CLI prints: the verdict, then each measure that is off. */
export function validationSummary(v: Validation, lang: Lang): string[] {
  const off = offRanked(v);
  const head = off.length ? fill(TEXT.fail[lang], { off: off.length, all: v.comparisons.length, alpha: v.alpha }) : fill(TEXT.pass[lang], { alpha: v.alpha });
  return [head, ...off.map((c) => `  ${finding(c, lang)}`)];
}

/** comparison.csv: every measure with the observed value and interval, the replications' spread, p and the verdict. */
export function validationCsv(v: Validation, bom: boolean): string {
  return toCsv(
    ['metric', 'group', 'n', 'observed', 'observed_ci95_low', 'observed_ci95_high', 'sim_mean', 'sim_sd', 'pi95_low', 'pi95_high', 'difference', 'p', 'off'],
    v.comparisons.map((c) => [c.metric, c.group, c.n, c.observed, c.observedLow, c.observedHigh, c.simMean, c.simSd, c.low, c.high, c.simMean - c.observed, c.p, c.off]),
    { bom },
  );
}

/** validation.html. */
export function validationHtml(v: Validation, lang: Lang): string {
  const off = offRanked(v);
  const simMean = v.simulatedIncidents.reduce((a, b) => a + b, 0) / Math.max(1, v.simulatedIncidents.length);
  const seeds = v.seeds.length > 1 ? `${v.seeds[0]}…${v.seeds[v.seeds.length - 1]}` : String(v.seeds[0]);
  const verdict = off.length ? `<p class="bad">${esc(fill(TEXT.fail[lang], { off: off.length, all: v.comparisons.length, alpha: v.alpha }))}</p>` : `<p class="ok">${esc(fill(TEXT.pass[lang], { alpha: v.alpha }))}</p>`;
  const facts = `<table><tr><th>${esc(TEXT.scenario[lang])}</th><td>${esc(v.scenario.title)} (${esc(v.scenario.name)})</td></tr><tr><th>${esc(TEXT.source[lang])}</th><td>${esc(v.source.name)} (${v.source.rows} rows${v.source.dropped ? `, ${v.source.dropped} dropped` : ''})</td></tr><tr><th>${esc(TEXT.period[lang])}</th><td>${dateOfDay(v.firstDay)} – ${dateOfDay(v.lastDay)} (${v.days})</td></tr><tr><th></th><td>${esc(fill(TEXT.incidents[lang], { obs: v.observedIncidents, sim: fmt(simMean) }))}</td></tr></table>`;
  const method = `<p class="note">${esc(fill(TEXT.method[lang], { reps: v.seeds.length, seeds }))}</p>`;
  const where = off.length ? `<ol>${off.map((c) => `<li>${esc(finding(c, lang))}</li>`).join('')}</ol>` : `<p>${esc(TEXT.none[lang])}</p>`;
  const groups = [...new Set(v.comparisons.map((c) => c.metric))];
  const charts = groups
    .map((metric) => {
      const rows = v.comparisons.filter((c) => c.metric === metric).map((c) => ({ label: c.group, observed: c.observed, simMean: c.simMean, low: c.low, high: c.high, off: c.off }));
      return comparisonSvg(`${metricLabel(metric, lang)} — ● ${TEXT.observed[lang]}, ▮ ${TEXT.interval[lang]}, | ${TEXT.simulated[lang]}`, rows, metricLabel(metric, lang));
    })
    .join('');
  const table = `<table><tr><th>${esc(TEXT.measure[lang])}</th><th>${esc(TEXT.group[lang])}</th><th>${esc(TEXT.n[lang])}</th><th>${esc(TEXT.observed[lang])}</th><th>${esc(TEXT.simulated[lang])}</th><th>${esc(TEXT.interval[lang])}</th><th>p</th><th></th></tr>${v.comparisons
    .map(
      (c) =>
        `<tr><td>${esc(metricLabel(c.metric, lang))}</td><td>${esc(c.group)}</td><td class="num">${c.n || ''}</td><td class="num">${fmt(c.observed)}${Number.isFinite(c.observedLow) ? ` [${fmt(c.observedLow)}, ${fmt(c.observedHigh)}]` : ''}</td><td class="num">${fmt(c.simMean)}</td><td class="num">[${fmt(c.low)}, ${fmt(c.high)}]</td><td class="num">${c.p < 1e-4 ? '&lt; 0.0001' : fmt(c.p, 2)}</td><td class="${c.off ? 'bad' : 'ok'}">${esc(c.off ? TEXT.off[lang] : TEXT.ok[lang])}</td></tr>`,
    )
    .join('')}</table>`;
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(TEXT.title[lang])}</title><style>${PAGE_STYLE}.charts{display:block}</style></head><body><h1>${esc(TEXT.title[lang])}</h1><h2>${esc(TEXT.verdict[lang])}</h2>${verdict}${facts}${method}<h2>${esc(TEXT.where[lang])}</h2>${where}<h2>${esc(TEXT.charts[lang])}</h2><div class="charts">${charts}</div><h2>${esc(TEXT.table[lang])}</h2>${table}<p class="note">${esc(TEXT.generated[lang])}</p></body></html>\n`;
}
