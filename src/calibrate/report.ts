/**
 * `calibration.html`: a self-contained report (no network; opens from disk; prints) of what was
 * fitted from the records, in Chinese or English — the data and its problems, demand by type (rates,
 * hourly, weekday and month factors with intervals, daily counts against the fitted model, the tests of
 * its assumptions), every duration (form and why, mean and sd with intervals, goodness of fit, the
 * empirical against the fitted CDF and QQ plots), travel factors, transport shares, and what the
 * model cannot represent. Pure: calibration in, HTML out.
 */
import type { Lang } from '../report/i18n.ts';
import { esc } from '../report/svg.ts';
import { formatSignificant } from '../report/format.ts';
import type { Calibration, Quantity } from './calibrate.ts';
import { dateOfDay, PROBLEM_KINDS, problemRow, type ProblemKind } from './cad/rows.ts';
import { cdfSvg, dailySvg, factorsSvg, qqSvg, travelSvg } from './charts.ts';
import { cdf, type Params } from './fit/families.ts';
import { countRange } from './fit/demand.ts';
import { CAL_TEXT as T, tr } from './i18n.ts';
import { scenarioPlace } from './tables.ts';

/** A number for people (significant digits; report/format). */
export const fmt = formatSignificant;
const pval = (p: number) => (Number.isNaN(p) ? '–' : p < 0.001 ? '< 0.001' : fmt(p, 2));
const interval = (v: number, lo: number, hi: number) => `${fmt(v)} [${fmt(lo)}, ${fmt(hi)}]`;

export const PAGE_STYLE = `body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
h1{border-bottom:3px solid #c0392b;padding-bottom:.3em}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:1em 0;font-size:13px;width:100%}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f4f4f4}
td.num{text-align:right;font-variant-numeric:tabular-nums}.charts{display:grid;grid-template-columns:1fr 1fr;gap:8px}.chart{margin:0}figcaption{font-size:12px;color:#555;text-align:center}
.bad{color:#c0392b;font-weight:bold}.ok{color:#2e7d32}.note{font-size:13px;color:#444}code{background:#f4f4f4;padding:0 3px}
@media print{.charts{grid-template-columns:1fr 1fr}h2{page-break-before:auto}}`;

/** The whole report. */
export function calibrationHtml(c: Calibration, lang: Lang): string {
  const body = [overview(c, lang), demand(c, lang), durations(c, lang), travel(c, lang), transport(c, lang), limits(c, lang), problems(c, lang)].join('\n');
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(tr(T.title, lang))}</title><style>${PAGE_STYLE}</style></head><body><h1>${esc(tr(T.title, lang))}</h1>${body}<p class="note">${esc(tr(T.generated, lang))}</p></body></html>\n`;
}

function overview(c: Calibration, lang: Lang): string {
  const fields = Object.entries(c.has).filter(([, v]) => v).map(([k]) => k).join(', ');
  const counts = PROBLEM_KINDS.map((k) => [k, c.source.problems.filter((p) => p.kind === k).length] as const).filter(([, n]) => n > 0);
  const rows: [string, string][] = [
    [tr(T.source, lang), c.source.name],
    [tr(T.period, lang), `${dateOfDay(c.firstDay)} – ${dateOfDay(c.lastDay)} (${tr(T.periodNote, lang)})`],
    [tr(T.days, lang), String(c.days)],
    [tr(T.rows, lang), String(c.source.rows)],
    [tr(T.incidents, lang), String(c.incidents)],
    [tr(T.dispatches, lang), String(c.dispatches)],
    [tr(T.dropped, lang), droppedText(c, counts, lang)],
    [tr(T.fields, lang), fields],
    // What the reader was warned of (times to the minute, a repeated unused header) stays with the report.
    ...(c.source.warnings ?? []).map((w): [string, string] => [tr(T.warning, lang), w[lang]]),
  ];
  return `<h2>${esc(tr(T.overview, lang))}</h2><table>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table><p class="note"><strong>${esc(tr(T.method, lang))}:</strong> ${esc(tr(T.methodText, lang))}</p>`;
}

/** "6 (time: 1, zone: 1); 4 incidents lost every row…", with each language's punctuation. */
function droppedText(c: Calibration, counts: readonly (readonly [ProblemKind, number])[], lang: Lang): string {
  const zh = lang === 'zh';
  const kinds = counts.map(([k, n]) => (zh ? `${tr(T.problemKinds[k], lang)} ${n}` : `${tr(T.problemKinds[k], lang)}: ${n}`)).join(zh ? '，' : ', ');
  const lost = c.source.incidentsDropped ? `${zh ? '；' : '; '}${tr(T.incidentsDropped, lang).replace('{n}', String(c.source.incidentsDropped))}` : '';
  return `${c.source.dropped}${counts.length ? (zh ? `（${kinds}）` : ` (${kinds})`) : ''}${lost}`;
}

function demand(c: Calibration, lang: Lang): string {
  const head = `<tr><th>${esc(tr(T.type, lang))}</th><th>${esc(tr(T.n, lang))}</th><th>${esc(tr(T.rate, lang))}</th><th>${esc(tr(T.model, lang))}</th><th>${esc(tr(T.dispersionIndex, lang))}</th><th>${esc(tr(T.tests, lang))}</th></tr>`;
  const rows = c.demand
    .map((d) => {
      const disp = d.dispersion;
      const model = !disp ? '–' : disp.model === 'poisson' ? tr(T.poisson, lang) : `${tr(T.nb, lang)}: k = ${interval(disp.k!.value, disp.k!.low, disp.k!.high)}`;
      const tests = [
        disp ? `χ² ${pval(disp.pearson.p)}, LR ${pval(disp.lrP)}` : '',
        d.hourByWeekday ? `${tr(T.hourByWeekday, lang)} ${pval(d.hourByWeekday.p)}` : '',
        d.hourByZone ? `${tr(T.hourByZone, lang)} ${pval(d.hourByZone.p)}` : '',
      ].filter(Boolean);
      return `<tr><td>${esc(d.type)}</td><td class="num">${d.n}</td><td class="num">${esc(interval(d.ratePerDay.value, d.ratePerDay.low, d.ratePerDay.high))}</td><td>${esc(model)}</td><td class="num">${disp ? fmt(disp.index, 3) : '–'}</td><td>${esc(tests.join('; '))}</td></tr>`;
    })
    .join('');
  const charts = c.demand
    .map((d) => {
      const k = d.dispersion?.model === 'negative-binomial' ? d.dispersion.k!.value : null;
      const daily = d.daily.map((x) => {
        const [low, high] = countRange(x.expected, k);
        return { n: x.n, expected: x.expected, low, high };
      });
      const hours = Array.from({ length: 24 }, (_, h) => String(h));
      const parts = [
        factorsSvg(`${d.type}: ${tr(T.hourly, lang)}`, hours, d.hourly, tr(T.factor, lang)),
        dailySvg(`${d.type}: ${tr(T.daily, lang)}`, daily, { observed: tr(T.observed, lang), fitted: tr(T.fitted, lang), x: tr(T.day, lang), y: tr(T.count, lang) }),
        d.weekly ? factorsSvg(`${d.type}: ${tr(T.weekly, lang)}`, T.weekdays[lang], d.weekly, tr(T.factor, lang)) : '',
        d.monthly ? factorsSvg(`${d.type}: ${tr(T.monthly, lang)}`, Array.from({ length: 12 }, (_, m) => String(m + 1)), d.monthly, tr(T.factor, lang)) : '',
      ];
      return `<h3>${esc(d.type)}</h3><div class="charts">${parts.join('')}</div>`;
    })
    .join('');
  return `<h2>${esc(tr(T.demand, lang))}</h2><table>${head}${rows}</table>${charts}`;
}

function paramsOf(q: Quantity, family: 'lognormal' | 'gamma'): Params | null {
  const k = q.fit.candidates.find((x) => x.family === family);
  if (!k) return null;
  return family === 'lognormal' ? { family, mu: k.params.mu, sigma: k.params.sigma } : { family, shape: k.params.shape, scale: k.params.scale };
}

function durations(c: Calibration, lang: Lang): string {
  const head = `<tr><th>${esc(tr(T.quantity, lang))}</th><th>${esc(tr(T.scenarioPath, lang))}</th><th>${esc(tr(T.n, lang))}</th><th>${esc(tr(T.form, lang))}</th><th>${esc(tr(T.reason, lang))}</th><th>${esc(tr(T.mean, lang))}</th><th>${esc(tr(T.sd, lang))}</th><th>${esc(tr(T.gof, lang))}</th></tr>`;
  const rows = c.quantities
    .map((q) => {
      const est = (name: string) => q.fit.estimates.find((e) => e.name === name);
      const m = est('mean');
      const s = est('sd');
      const gof = q.fit.candidates.map((k) => `${k.family}: AD ${fmt(k.ad, 3)} (p ${pval(k.adP)}), KS ${fmt(k.ks, 3)} (p ${pval(k.ksP)})`).join('<br>');
      const label = `${tr(T.kinds[q.kind], lang)}${q.group && q.kind !== 'handling' ? ` · ${q.group}` : ''}`;
      return `<tr><td>${esc(label)}</td><td><code>${esc(scenarioPlace(q))}</code></td><td class="num">${q.fit.n}${q.fit.zeros ? ` (0: ${q.fit.zeros})` : ''}</td><td>${esc(q.fit.form)}</td><td>${esc(tr(T.choices[q.fit.choice], lang))}</td><td class="num">${m ? esc(interval(m.value, m.low, m.high)) : '–'}</td><td class="num">${s ? esc(interval(s.value, s.low, s.high)) : '–'}</td><td>${gof}</td></tr>`;
    })
    .join('');
  const charts = c.quantities
    .map((q) => {
      const label = `${tr(T.kinds[q.kind], lang)}${q.group && q.kind !== 'handling' ? ` · ${q.group}` : ''}`;
      // An empirical form still shows the better family, to show how far it is off.
      const best = q.fit.candidates.length ? q.fit.candidates.reduce((a, k) => (k.aic < a.aic ? k : a)).family : null;
      const shown = q.fit.form === 'empirical' ? best : q.fit.form;
      const p = shown ? paramsOf(q, shown) : null;
      const cdfChart = cdfSvg(`${label}: ${tr(T.cdf, lang)} (${q.fit.form})`, q.fit.sorted, p ? (x) => cdf(p, x) : null, { observed: tr(T.observed, lang), fitted: `${tr(T.fitted, lang)} ${shown ?? ''}`, x: tr(T.seconds, lang) });
      const qq = qqSvg(`${label}: ${tr(T.qq, lang)}`, q.fit.candidates.map((k, i) => ({ label: k.family, color: i === 0 ? '#4e79a7' : '#f28e2b', points: k.qq })), tr(T.fitted, lang), tr(T.observed, lang));
      return `<h3>${esc(label)}</h3><div class="charts">${cdfChart}${qq}</div>`;
    })
    .join('');
  return `<h2>${esc(tr(T.durations, lang))}</h2>${minuteNote(c, lang)}<table>${head}${rows}</table>${charts}`;
}

/** The warning of times to the minute, how stages were treated (resolution.ts), and the stages not fitted. */
function minuteNote(c: Calibration, lang: Lang): string {
  if (!c.source.minuteFields?.length) return '';
  const items = c.notEstimable.map((s) => `<li>${esc(`${tr(T.kinds[s.kind], lang)}${s.group && s.kind !== 'handling' ? ` · ${s.group}` : ''}`)} ${lang === 'zh' ? `（${s.n} 个）：` : ` (n ${s.n}): `}${esc(tr(T.notEstimableWhy[s.why], lang))}</li>`).join('');
  const list = c.notEstimable.length ? `<p>${esc(tr(T.notEstimable, lang))}</p><ul>${items}</ul>` : '';
  return `<p><strong>${esc(tr(T.minuteOnly, lang))}</strong> ${esc(c.source.minuteFields.join(', '))}</p><p class="note">${esc(tr(T.minuteMethod, lang))}</p>${list}`;
}

function travel(c: Calibration, lang: Lang): string {
  const t = c.travel;
  if (!t) return `<h2>${esc(tr(T.travel, lang))}</h2><p>${esc(tr(T.noTravel, lang))}</p>`;
  const ex = t.excluded;
  const table = `<table><tr><th>${esc(tr(T.trips, lang))}</th><td>${t.trips}</td></tr><tr><th>${esc(tr(T.excluded, lang))}</th><td>${ex.unknownUnit} / ${ex.notAtStation} / ${ex.noPlace} / ${ex.zeroFreeFlow} (${esc(tr(T.excludedWhy, lang))})</td></tr><tr><th>${esc(tr(T.travelFactor, lang))}</th><td>${esc(interval(t.overall.factor, t.overall.low, t.overall.high))}</td></tr><tr><th>${esc(tr(T.noise, lang))}</th><td>${esc(interval(t.noiseSigma.value, t.noiseSigma.low, t.noiseSigma.high))}</td></tr></table>`;
  const off = t.pairs.filter((p) => p.off);
  const pairs = off.length
    ? `<p>${esc(tr(T.pairsOff, lang))}</p><table><tr><th></th><th>${esc(tr(T.n, lang))}</th><th>${esc(tr(T.factor, lang))}</th><th>p</th></tr>${off.map((p) => `<tr><td>${esc(`${p.from} → ${p.to}`)}</td><td class="num">${p.n}</td><td class="num">${esc(interval(p.factor, p.low, p.high))}</td><td class="num">${pval(p.p)}</td></tr>`).join('')}</table>`
    : `<p>${esc(tr(T.noPairsOff, lang))}</p>`;
  const hours = Array.from({ length: 24 }, (_, h) => String(h));
  const hourly = t.hourly.map((h) => (h.n >= 2 ? h : { ...h, factor: t.overall.factor, low: NaN, high: NaN }));
  const charts = `<div class="charts">${factorsSvg(tr(T.travelHourly, lang), hours, hourly, tr(T.factor, lang))}${travelSvg(tr(T.travelFactor, lang), t.points, t.overall.factor, { x: tr(T.freeFlow, lang), y: tr(T.observedTravel, lang) })}</div>`;
  return `<h2>${esc(tr(T.travel, lang))}</h2>${table}${charts}${pairs}`;
}

function transport(c: Calibration, lang: Lang): string {
  if (c.transport.length === 0) return '';
  const rows = c.transport.map((t) => `<tr><td>${esc(t.type)}</td><td class="num">${t.attended}</td><td class="num">${t.transported}</td><td class="num">${esc(interval(t.share, t.low, t.high))}</td></tr>`).join('');
  return `<h2>${esc(tr(T.transport, lang))}</h2><table><tr><th>${esc(tr(T.type, lang))}</th><th>${esc(tr(T.attended, lang))}</th><th>${esc(tr(T.transported, lang))}</th><th>${esc(tr(T.share, lang))}</th></tr>${rows}</table>`;
}

function limits(c: Calibration, lang: Lang): string {
  const items: string[] = [];
  const during = Object.entries(c.alertedDuringCall).filter(([, n]) => n > 0);
  if (during.length) items.push(`<li>${esc(tr(T.duringCall, lang))}: ${esc(during.map(([a, n]) => `${a} ${n}`).join(', '))}. ${esc(tr(T.duringCallNote, lang))}</li>`);
  const rejected = c.demand.flatMap((d) => [d.hourByWeekday && d.hourByWeekday.p < 0.01 ? `${d.type} (${tr(T.hourByWeekday, lang)})` : '', d.hourByZone && d.hourByZone.p < 0.01 ? `${d.type} (${tr(T.hourByZone, lang)})` : ''].filter(Boolean));
  if (rejected.length) items.push(`<li>${esc(tr(T.interactionNote, lang))} ${esc(rejected.join(', '))}</li>`);
  const off = c.travel?.pairs.filter((p) => p.off) ?? [];
  if (off.length) items.push(`<li>${esc(tr(T.pairsOff, lang))}: ${esc(off.map((p) => `${p.from}→${p.to} ×${fmt(p.factor, 3)}`).join(', '))}</li>`);
  return `<h2>${esc(tr(T.limits, lang))}</h2>${items.length ? `<ul>${items.join('')}</ul>` : `<p>${esc(tr(T.noLimits, lang))}</p>`}`;
}

function problems(c: Calibration, lang: Lang): string {
  const ps = c.source.problems;
  if (ps.length === 0) return `<h2>${esc(tr(T.problems, lang))}</h2><p>${esc(tr(T.noProblems, lang))}</p>`;
  const shown = ps.slice(0, 200);
  const rows = shown.map((p) => `<tr><td${p.record ? '' : ' class="num"'}>${esc(String(problemRow(p, lang)))}</td><td>${esc(p.column)}</td><td>${esc(tr(T.problemKinds[p.kind], lang))}</td><td>${esc(p[lang])}</td></tr>`).join('');
  const more = ps.length > shown.length ? `<p class="note">${esc(tr(T.moreProblems, lang).replace('{n}', String(ps.length - shown.length)))}</p>` : '';
  return `<h2>${esc(tr(T.problems, lang))}</h2><p class="note">${esc(tr(T.problemsNote, lang))}</p><table><tr><th>${esc(tr(T.row, lang))}</th><th>${esc(tr(T.column, lang))}</th><th>${esc(tr(T.problemKind, lang))}</th><th>${esc(tr(T.message, lang))}</th></tr>${rows}</table>${more}`;
}
