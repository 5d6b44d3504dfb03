/**
 * The after-action report (评估总结): one self-contained HTML file — no network, opens from disk — in
 * Chinese or English, structured as exercise evaluation reports are: overview, score card, findings,
 * linkage timelines of the largest incidents, charts, and the table of every indicator. Built from
 * the run's records (or the CSV files read back), so `linkdrill report DIR` re-renders it exactly.
 */
import { scaleLinear } from 'd3';
import type { RunRecords, IncidentRecord } from '../engine/records.ts';
import { resolveRubric, scoreContext, scoreRuns, GROUPS, type ScoreResult, type Rubric } from '../metrics/score.ts';
import { findings as makeFindings, type Finding } from '../metrics/findings.ts';
import { clock, findingText, formatValue } from './format.ts';
import type { ScoringOverrides } from '../scenario/scoring.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { formatNumber } from './csv.ts';
import { mapSvg, type MapData } from './map.ts';
import { FINDING_TAGS, REPORT_TEXT as T, type Lang } from './i18n.ts';
import { barsSvg, binnedMean, boxesSvg, esc, histogramModel, histogramSvg, occupancySeries, stepAreaSvg } from './svg.ts';

/** What a run's folder says about the run besides its CSV files (`run.json`). */
export interface RunMeta {
  scenario: Pick<Scenario, 'name' | 'title' | 'description' | 'start' | 'startSecondOfDay' | 'durationS'> & {
    agencies: Pick<Scenario['agencies'][number], 'id' | 'name' | 'kind' | 'tier'>[];
    incidentTypes: Pick<Scenario['incidentTypes'][number], 'id' | 'name'>[];
  };
  seeds: number[];
  scoring: ScoringOverrides;
  /** The area's geography for the report's map (absent in run folders written before it existed). */
  map?: MapData;
}

export interface RepRecords {
  rep: number;
  records: RunRecords;
}

export interface ReportData {
  meta: RunMeta;
  reps: RepRecords[];
  rubric: Rubric;
  result: ScoreResult;
  /** Findings with their sentence in both languages. */
  findings: (Finding & { text: Record<Lang, string> })[];
}


/** Scores the pooled replications and lists the findings. */
export function buildReport(meta: RunMeta, reps: RepRecords[]): ReportData {
  const rubric = resolveRubric(meta.scoring);
  const result = scoreRuns(reps, scoreContext(meta.scenario), rubric);
  const specs = new Map(result.indicators.map((i) => [i.spec.id, i]));
  const names = new Map(meta.scenario.agencies.map((a) => [a.id, a.name]));
  const agencyName = (id: string) => names.get(id) ?? id;
  const findings = makeFindings(result, rubric).map((f) => {
    const i = specs.get(f.indicator)!;
    const text = (lang: Lang) => findingText(f, i.spec, i.value!, meta.scenario.startSecondOfDay, lang, agencyName);
    return { ...f, text: { zh: text('zh'), en: text('en') } };
  });
  return { meta, reps, rubric, result, findings };
}

/** The incidents that drew the most units and agencies (for the timelines). */
export function largestIncidents(r: RunRecords, k = 3): IncidentRecord[] {
  return [...r.incidents]
    .filter((i) => i.unitsRequired > 0)
    .sort((a, b) => b.unitsRequired - a.unitsRequired || b.agenciesRequired - a.agenciesRequired || a.tOccur - b.tOccur)
    .slice(0, k);
}

/** Lanes of one incident's linkage chain: marks (points in time) and segments (spans). */
export interface TimelineModel {
  t0: number;
  t1: number;
  lanes: { label: string; marks: { t: number; label: string; late?: boolean }[]; segments: { a: number; b: number; kind: 'turnout' | 'travel' | 'wait' | 'scene' }[] }[];
}

export function timelineModel(meta: RunMeta, r: RunRecords, inc: IncidentRecord, rubric: Rubric, lang: Lang): TimelineModel {
  const mk = T.marks[lang];
  const pairs: [number | null, string][] = [
    [inc.tFirstCall, mk.call],
    [inc.tAnswered, mk.answered],
    [inc.tVerified, mk.verified],
    [inc.tPlan, mk.plan],
    [inc.tReported, mk.reported],
    [inc.tApproved, mk.approved],
    [inc.tExperts, mk.experts],
    [inc.tCommandPost, mk.post],
    [inc.tControlled, mk.controlled],
    [inc.tClosed, mk.closed],
  ];
  const center = pairs.filter((m): m is [number, string] => m[0] !== null).map(([t, label]) => ({ t, label }));
  const target = (tier: number) => rubric.indicators.find((x) => x.id === `C${tier}`)?.target ?? Infinity;
  const names = new Map(meta.scenario.agencies.map((a) => [a.id, a.name]));
  const lanes: TimelineModel['lanes'] = [{ label: T.lanes[lang].center, marks: center, segments: [] }];
  const ds = r.dispatches.filter((d) => d.incidentId === inc.incidentId);
  for (const a of r.agencies.filter((x) => x.incidentId === inc.incidentId)) {
    const marks: TimelineModel['lanes'][number]['marks'] = [];
    if (a.tNotified !== null) marks.push({ t: a.tNotified, label: `${mk.notified} (${T.channels[lang][a.channel] ?? a.channel})`, late: a.tOrdered !== null && a.channel !== 'mutual_aid' && a.tNotified - a.tOrdered > target(a.tier) });
    if (a.tFirstArrival !== null) marks.push({ t: a.tFirstArrival, label: mk.arrival });
    lanes.push({ label: `${names.get(a.agency) ?? a.agency} · ${T.tierName[lang][a.tier]}`, marks, segments: [] });
    for (const d of ds.filter((x) => x.agency === a.agency)) {
      const segs: TimelineModel['lanes'][number]['segments'] = [];
      if (d.tAlert !== null && d.tEnroute !== null) segs.push({ a: d.tAlert, b: d.tEnroute, kind: 'turnout' });
      if (d.tEnroute !== null) segs.push({ a: d.tEnroute, b: d.tArrive ?? d.tClear ?? d.tEnroute, kind: 'travel' });
      if (d.tArrive !== null && d.tEnter !== null && d.tEnter > d.tArrive) segs.push({ a: d.tArrive, b: d.tEnter, kind: 'wait' });
      if (d.tEnter !== null) segs.push({ a: d.tEnter, b: d.tClear ?? meta.scenario.durationS, kind: 'scene' });
      lanes.push({ label: `  ${d.unitId}`, marks: [], segments: segs });
    }
  }
  const ts = lanes.flatMap((l) => [...l.marks.map((m) => m.t), ...l.segments.flatMap((s) => [s.a, s.b])]);
  return { t0: Math.min(inc.tOccur, ...ts), t1: Math.max(...ts, inc.tOccur + 60), lanes };
}

const SEG_COLOR = { turnout: '#bab0ac', travel: '#4e79a7', wait: '#e15759', scene: '#59a14f' } as const;

export function timelineSvg(m: TimelineModel, meta: RunMeta, lang: Lang): string {
  const W = 900;
  const rowH = 18;
  const left = 210;
  const top = 24;
  const h = top + rowH * m.lanes.length + 30;
  const x = scaleLinear().domain([m.t0, m.t1]).range([left, W - 20]);
  const ticks = x.ticks(8).map((t) => `<g transform="translate(${x(t).toFixed(1)},${top - 4})"><line y2="${rowH * m.lanes.length + 4}" stroke="#eee"/><text y="-4" text-anchor="middle" font-size="10">${esc(clock(meta.scenario.startSecondOfDay, t))}</text></g>`).join('');
  const rows = m.lanes
    .map((l, i) => {
      const y = top + i * rowH;
      const label = `<text x="${left - 6}" y="${y + rowH / 2}" dy="0.32em" text-anchor="end" font-size="11" xml:space="preserve">${esc(l.label)}</text>`;
      const segs = l.segments.map((s) => `<rect x="${x(s.a).toFixed(1)}" y="${y + 4}" width="${Math.max(1, x(s.b) - x(s.a)).toFixed(1)}" height="${rowH - 8}" fill="${SEG_COLOR[s.kind]}"><title>${esc(T.phases[lang][s.kind])}: ${esc(clock(meta.scenario.startSecondOfDay, s.a))}–${esc(clock(meta.scenario.startSecondOfDay, s.b))}</title></rect>`).join('');
      const marks = l.marks.map((mk) => `<g transform="translate(${x(mk.t).toFixed(1)},${y + rowH / 2})"><path d="M0,-6L5,0L0,6L-5,0Z" fill="${mk.late ? '#c0392b' : '#333'}"/><title>${esc(mk.label)} ${esc(clock(meta.scenario.startSecondOfDay, mk.t))}</title></g>`).join('');
      return `<g>${i % 2 ? `<rect x="0" y="${y}" width="${W}" height="${rowH}" fill="#fafafa"/>` : ''}${label}${segs}${marks}</g>`;
    })
    .join('');
  const legend = (Object.keys(SEG_COLOR) as (keyof typeof SEG_COLOR)[]).map((k, i) => `<g transform="translate(${left + i * 150},${h - 12})"><rect width="12" height="10" fill="${SEG_COLOR[k]}"/><text x="16" y="9" font-size="11">${esc(T.phases[lang][k])}</text></g>`).join('');
  return `<svg viewBox="0 0 ${W} ${h}" width="100%" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" role="img">${ticks}${rows}${legend}</svg>`;
}

const pct = (v: number | null) => (v === null ? '–' : v.toFixed(1));

/** The report as one HTML document. */
export function renderReport(data: ReportData, lang: Lang): string {
  const { meta, reps, rubric, result } = data;
  const sc = meta.scenario;
  const r1 = reps[0].records;
  const all = reps.map((r) => r.records);
  const sum = (f: (r: RunRecords) => number) => all.reduce((a, r) => a + f(r), 0);
  const overview = `<table class="kv">
<tr><th>${T.scenario[lang]}</th><td>${esc(sc.title)} <code>${esc(sc.name)}</code><br><small>${esc(sc.description)}</small></td></tr>
<tr><th>${T.start[lang]}</th><td>${esc(sc.start)}</td></tr>
<tr><th>${T.duration[lang]}</th><td>${formatNumber(sc.durationS / 3600)} ${T.hours[lang]}</td></tr>
<tr><th>${T.seeds[lang]}</th><td>${esc(meta.seeds.join(', '))}</td></tr>
<tr><th>${T.replications[lang]}</th><td>${reps.length}</td></tr>
<tr><th>${T.incidents[lang]} / ${T.calls[lang]} / ${T.dispatches[lang]}</th><td>${sum((r) => r.incidents.length)} / ${sum((r) => r.calls.length)} / ${sum((r) => r.dispatches.length)}</td></tr>
<tr><th>${T.agencies[lang]}</th><td>${sc.agencies.map((a) => `${esc(a.name)} <small>(${esc(a.id)}, ${T.tierName[lang][a.tier]})</small>`).join(lang === 'zh' ? '；' : '; ')}</td></tr>
</table>`;

  const groupRows = GROUPS.map((g) => {
    const v = result.groups[g];
    return `<div class="bar"><span class="name">${esc(T.groups[lang][g])}</span><span class="track"><span class="fill" style="width:${v === null ? 0 : v.toFixed(1)}%"></span></span><span class="val">${v === null ? T.noData[lang] : pct(v)}</span></div>`;
  }).join('');
  const ratingLetter = result.rating ?? '–';
  const ratingText = result.rating ? T.ratingText[lang][result.rating] : T.noData[lang];
  const scorecard = `<div class="score"><div class="big"><div class="num">${pct(result.score)}</div><div class="lbl">${T.overall[lang]}</div></div>
<div class="big rating r-${esc(ratingLetter)}"><div class="num">${esc(ratingLetter)}</div><div class="lbl">${T.rating[lang]}</div></div><div class="groups">${groupRows}</div></div>
<p>${esc(ratingText)}${result.criticalMissed.length ? `<br><strong>${T.criticalMissed[lang]}${esc(result.criticalMissed.join(', '))}</strong>` : ''}</p>`;

  const findingsHtml = data.findings.length
    ? `<ol class="findings">${data.findings.map((f) => `<li><span class="tag t-${f.tag}">${esc(FINDING_TAGS[f.tag][lang])}</span> <span class="fid">${esc(f.indicator)}</span> ${esc(f.text[lang])}</li>`).join('')}</ol>`
    : `<p>${T.noFindings[lang]}</p>`;

  const timelines = largestIncidents(r1)
    .map((inc) => {
      const typeName = sc.incidentTypes.find((t) => t.id === inc.type)?.name ?? inc.type;
      const head = `${inc.incidentId} · ${typeName} · ${inc.zone} · ${inc.gradeTrue}→${inc.gradeFinal ?? '–'} · ${clock(sc.startSecondOfDay, inc.tOccur)}`;
      return `<h3>${esc(head)}</h3>${timelineSvg(timelineModel(meta, r1, inc, rubric, lang), meta, lang)}`;
    })
    .join('') + `<p class="note">${T.timelineNote[lang]}</p>`;

  const ind = (id: string) => result.indicators.find((x) => x.spec.id === id)!;
  const answer = ind('A1');
  const fire = ind('B3');
  const care = ind('F3');
  const waits: [number, number][] = all.length ? r1.calls.map((c) => [c.tArrive, c.tAnswer ?? c.tEnd ?? sc.durationS]) : [];
  const agencyUtil = sc.agencies
    .map((a) => {
      const us = all.flatMap((r) => r.units.filter((u) => u.agency === a.id));
      return { label: a.name, value: us.length ? us.reduce((s, u) => s + u.utilization, 0) / us.length : 0, n: us.length };
    })
    .filter((x) => x.n > 0);
  const charts = [
    histogramSvg(T.chartAnswer[lang], histogramModel(answer.samples.map((s) => s.value), answer.spec.target)),
    fire.n ? histogramSvg(T.chartFire[lang], histogramModel(fire.samples.map((s) => s.value), fire.spec.target)) : '',
    care.n ? histogramSvg(T.chartCare[lang], histogramModel(care.samples.map((s) => s.value), care.spec.target)) : '',
    stepAreaSvg(T.chartQueue[lang], binnedMean(occupancySeries(waits), sc.durationS, sc.durationS > 3 * 86400 ? 3600 : 600), sc.durationS, sc.startSecondOfDay),
    barsSvg(T.chartUtil[lang], agencyUtil),
    boxesSvg(
      T.chartTier[lang],
      [1, 2, 3].map((tier) => ({ label: T.tierName[lang][tier], values: ind(`C${tier}`).samples.map((s) => s.value), target: ind(`C${tier}`).spec.target })),
    ),
  ].join('');

  const c = T.column[lang];
  const unitLabel = (u: 's' | 'share') => (u === 's' ? T.unitSeconds[lang] : T.unitShare[lang]);
  const table = `<table class="ind"><thead><tr><th>${c.id}</th><th>${c.group}</th><th>${c.indicator}</th><th>${c.n}</th><th>${c.value}</th><th>${c.target}</th><th>${c.zeroAt}</th><th>${c.score}</th><th>${c.weight}</th><th>${c.source}</th></tr></thead><tbody>${result.indicators
    .map(
      (i) =>
        `<tr class="${i.score === null ? 'nodata' : i.score < 100 ? 'miss' : 'ok'}"><td>${esc(i.spec.id)}</td><td>${esc(T.groups[lang][i.spec.group])}</td><td>${esc(i.spec.name[lang])}</td><td class="n">${i.n}</td>` +
        `<td class="n" title="${i.value === null ? '' : esc(formatValue(i.value, i.spec.unit, lang))}">${i.value === null ? '–' : formatNumber(i.value)}</td><td class="n">${formatNumber(i.spec.target)} ${unitLabel(i.spec.unit)}</td><td class="n">${formatNumber(i.zeroAt)}</td>` +
        `<td class="n">${i.score === null ? '–' : formatNumber(i.score)}</td><td class="n">${formatNumber(i.spec.weight)}</td><td class="src">${esc(i.spec.source[lang])}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(T.title[lang])} · ${esc(sc.title)}</title>
<style>
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #333;padding-bottom:.2em;margin-top:2em}h3{font-size:1em;margin:1.2em 0 .3em}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
table.kv th{width:12em;background:#f5f5f5}td.n{text-align:right;font-variant-numeric:tabular-nums}td.src{font-size:.85em;color:#555}
tr.miss td:nth-child(8){color:#c0392b;font-weight:bold}tr.nodata{color:#999}
.score{display:flex;gap:1.5em;align-items:center;flex-wrap:wrap}.big{text-align:center;border:2px solid #333;border-radius:8px;padding:.5em 1em;min-width:6em}
.big .num{font-size:2.4em;font-weight:bold}.rating.r-P{border-color:#2e7d32;color:#2e7d32}.rating.r-S{border-color:#9e9d24;color:#827717}.rating.r-M{border-color:#ef6c00;color:#ef6c00}.rating.r-U{border-color:#c62828;color:#c62828}
.groups{flex:1;min-width:300px}.bar{display:flex;align-items:center;gap:.5em;margin:.2em 0}.bar .name{width:11em}.bar .track{flex:1;background:#eee;height:.9em;border-radius:3px}.bar .fill{display:block;height:100%;background:#4e79a7;border-radius:3px}.bar .val{width:4em;text-align:right}
.findings li{margin:.4em 0}.tag{display:inline-block;font-size:.8em;padding:0 .5em;border-radius:3px;color:#fff}.t-must-fix{background:#c62828}.t-deficiency{background:#ef6c00}.t-improvement{background:#1565c0}.fid{font-family:monospace;color:#555}
figure.chart{margin:1em 0}figcaption{font-size:.9em;color:#444;text-align:center}.note{font-size:.85em;color:#555}code{background:#f3f3f3;padding:0 .3em}
@media print{h2{page-break-after:avoid}figure,svg{page-break-inside:avoid}}
</style></head><body>
<h1>${esc(T.title[lang])}</h1><p>${esc(sc.title)}</p>
<h2>${T.overview[lang]}</h2>${overview}${meta.map ? mapSvg(meta.map, r1.incidents, lang, T.mapCaption[lang]) : ''}
<h2>${T.scorecard[lang]}</h2>${scorecard}
<h2>${T.findings[lang]}</h2>${findingsHtml}
<h2>${T.timelines[lang]}</h2>${timelines}
<h2>${T.charts[lang]}</h2>${charts}
<h2>${T.indicators[lang]}</h2>${table}
<p class="note">${T.generated[lang]}</p>
</body></html>
`;
}
