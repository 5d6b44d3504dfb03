/**
 * The calibration's CSV tables (Excel-friendly, through the spreadsheet-safe writer of report/csv):
 * - parameters.csv — every fitted parameter with its standard error and 95% interval, and the
 *   scenario place it feeds;
 * - fits.csv — each candidate family of each duration: log-likelihood, AIC, KS and AD with p-values,
 *   and which form was chosen;
 * - tests.csv — the checks of the demand model (overdispersion, NB against Poisson, independence);
 * - demand.csv — counts by type × zone × weekday × hour with exposure, observed rate and its interval,
 *   and what the fitted model expects;
 * - problems.csv — every problem row by row.
 */
import { toCsv } from '../report/csv.ts';
import type { Lang } from '../report/i18n.ts';
import { civilFromDays, weekdayOf } from '../scenario/duration.ts';
import type { Calibration, Quantity } from './calibrate.ts';
import { problemRow, type RowProblem } from './cad/rows.ts';
import type { History } from './observations.ts';
import { poissonInterval } from './fit/special.ts';

type Cell = string | number | boolean | null;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The scenario place a fitted quantity feeds. */
export function scenarioPlace(q: Pick<Quantity, 'kind' | 'group'>): string {
  switch (q.kind) {
    case 'handling':
      return 'center.handlingTime';
    case 'dispatch':
      return `agencies[${q.group}].alertDelay`;
    case 'turnout': {
      const [agency, part] = q.group.split('/');
      return `agencies[${agency}].turnout.${part}`;
    }
    case 'onscene':
      return `incidentTypes[${q.group}].workTime`;
    case 'handover':
      return q.group ? `hospitals[${q.group}].handover` : 'hospitals[*].handover';
  }
}

export const PARAMETER_COLUMNS = ['quantity', 'group', 'scenario_path', 'form', 'parameter', 'value', 'se', 'ci95_low', 'ci95_high', 'n'] as const;

/** parameters.csv. */
export function parametersCsv(c: Calibration, bom: boolean): string {
  const rows: Cell[][] = [];
  for (const q of c.quantities) {
    for (const e of q.fit.estimates) rows.push([q.kind, q.group, scenarioPlace(q), q.fit.form, e.name, e.value, e.se, e.low, e.high, q.fit.n]);
  }
  for (const d of c.demand) {
    const path = `demand.background[type=${d.type}]`;
    rows.push(['demand', d.type, `${path}.ratePerDay`, 'poisson', 'rate_per_day', d.ratePerDay.value, null, d.ratePerDay.low, d.ratePerDay.high, d.n]);
    d.hourly.forEach((h, k) => rows.push(['demand', d.type, `${path}.profile[${k}]`, '', `hour_${pad2(k)}`, h.factor, null, h.low, h.high, h.n]));
    d.weekly?.forEach((w, k) => rows.push(['demand', d.type, `${path}.weekly[${k}]`, '', `weekday_${WEEKDAYS[k]}`, w.factor, null, w.low, w.high, w.n]));
    d.monthly?.forEach((m, k) => rows.push(['demand', d.type, `${path}.monthly[${k}]`, '', `month_${pad2(k + 1)}`, m.factor, null, m.low, m.high, m.n]));
    for (const z of d.zones) rows.push(['demand', d.type, `${path}.zones.${z.zone}`, '', `zone_share_${z.zone}`, z.share, null, z.low, z.high, z.n]);
    const k = d.dispersion?.k;
    if (k) rows.push(['demand', d.type, `${path}.dayFactor.shape`, d.dispersion!.model, 'nb_shape', k.value, null, k.low, Number.isFinite(k.high) ? k.high : null, d.days]);
  }
  for (const t of c.transport) rows.push(['transport', t.type, `incidentTypes[${t.type}].transport.probability`, 'binomial', 'share', t.share, null, t.low, t.high, t.attended]);
  const tr = c.travel;
  if (tr) {
    rows.push(['travel', 'all', '', 'lognormal', 'factor_vs_free_flow', tr.overall.factor, null, tr.overall.low, tr.overall.high, tr.overall.n]);
    tr.hourly.forEach((h, k) => rows.push(['travel', 'hour', `travel.congestion[${k}]`, '', `hour_${pad2(k)}`, h.factor, null, h.low, h.high, h.n]));
    rows.push(['travel', 'noise', 'travel.noise', 'lognormal', 'sigma_log', tr.noiseSigma.value, null, tr.noiseSigma.low, tr.noiseSigma.high, tr.trips]);
    for (const p of tr.pairs) rows.push(['travel', `${p.from}→${p.to}`, '', '', 'pair_factor', p.factor, null, p.low, p.high, p.n]);
  }
  return toCsv(PARAMETER_COLUMNS, rows, { bom });
}

/** fits.csv. */
export function fitsCsv(c: Calibration, bom: boolean): string {
  const rows: Cell[][] = [];
  for (const q of c.quantities) {
    for (const k of q.fit.candidates) {
      rows.push([q.kind, q.group, k.family, q.fit.n, q.fit.zeros, k.logLik, k.aic, k.ks, k.ksP, k.ad, k.adP, q.fit.form === k.family, q.fit.choice]);
    }
    if (q.fit.form === 'empirical') rows.push([q.kind, q.group, 'empirical', q.fit.n, q.fit.zeros, null, null, null, null, null, null, true, q.fit.choice]);
  }
  return toCsv(['quantity', 'group', 'form', 'n', 'zeros', 'log_lik', 'aic', 'ks', 'ks_p', 'ad', 'ad_p', 'chosen', 'reason'], rows, { bom });
}

/** tests.csv. */
export function testsCsv(c: Calibration, bom: boolean): string {
  const rows: Cell[][] = [];
  for (const d of c.demand) {
    const disp = d.dispersion;
    if (disp) {
      rows.push([d.type, 'overdispersion_pearson', disp.pearson.statistic, disp.pearson.df, disp.pearson.p, disp.pearson.p < 0.01 ? 'overdispersed' : 'consistent_with_poisson']);
      rows.push([d.type, 'negative_binomial_lr', disp.lr, 1, disp.lrP, disp.model]);
    }
    if (d.hourByWeekday) rows.push([d.type, 'hour_by_weekday_independence', d.hourByWeekday.statistic, d.hourByWeekday.df, d.hourByWeekday.p, verdict(d.hourByWeekday)]);
    if (d.hourByZone) rows.push([d.type, 'hour_by_zone_independence', d.hourByZone.statistic, d.hourByZone.df, d.hourByZone.p, verdict(d.hourByZone)]);
  }
  return toCsv(['type', 'test', 'statistic', 'df', 'p', 'verdict'], rows, { bom });
}

const verdict = (t: { p: number; sparse: boolean }) => (t.p < 0.01 ? 'assumption_rejected' : 'assumption_holds') + (t.sparse ? '_sparse' : '');

/** demand.csv: observed against fitted counts in every type × zone × weekday × hour cell. */
export function demandCsv(c: Calibration, h: History, bom: boolean): string {
  const rows: Cell[][] = [];
  const days = Array.from({ length: c.days }, (_, i) => c.firstDay + i);
  for (const d of c.demand) {
    const counts = new Map<string, number>();
    for (const i of h.incidents) if (i.type === d.type) counts.set(`${i.zone ?? ''}|${i.weekday}|${i.hour}`, (counts.get(`${i.zone ?? ''}|${i.weekday}|${i.hour}`) ?? 0) + 1);
    // Expected per weekday: λ × weekday factor × each day's month factor, summed over the window's days.
    const perWeekday = Array(7).fill(0) as number[];
    const nWeekday = Array(7).fill(0) as number[];
    for (const day of days) {
      const w = weekdayOf(day);
      nWeekday[w]++;
      perWeekday[w] += d.ratePerDay.value * (d.weekly?.[w].factor ?? 1) * (d.monthly?.[civilFromDays(day).month - 1].factor ?? 1);
    }
    const zones = d.zones.length ? d.zones : [{ zone: '', share: 1 }];
    for (const z of zones) {
      for (let w = 0; w < 7; w++) {
        for (let hour = 0; hour < 24; hour++) {
          const n = counts.get(`${z.zone}|${w}|${hour}`) ?? 0;
          const exposureH = nWeekday[w];
          const [lo, hi] = poissonInterval(n);
          const expected = perWeekday[w] * (d.hourly[hour].factor / 24) * z.share;
          rows.push([d.type, z.zone, WEEKDAYS[w], hour, exposureH, n, expected, exposureH ? n / exposureH : null, exposureH ? lo / exposureH : null, exposureH ? hi / exposureH : null]);
        }
      }
    }
  }
  return toCsv(['type', 'zone', 'weekday', 'hour', 'exposure_h', 'observed', 'expected', 'rate_per_h', 'ci95_low', 'ci95_high'], rows, { bom });
}

/** problems.csv: each problem's message in the report's language `lang` (the column names and kinds stay as they are, for scripts). */
export function problemsCsv(problems: readonly RowProblem[], bom: boolean, lang: Lang): string {
  return toCsv(['row', 'column', 'kind', 'message'], problems.map((p) => [problemRow(p, lang), p.column, p.kind, p[lang]]), { bom });
}
