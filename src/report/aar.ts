/**
 * The after-action report (评估总结): one self-contained HTML file — no network, opens from disk — in
 * Chinese or English, structured as exercise evaluation reports are: overview, score card, findings,
 * linkage timelines of the largest incidents, charts, what moved the score, and the table of every
 * indicator with the source of its target. Built from the run's records (or the CSV files read
 * back), so `linkdrill report DIR` re-renders it exactly. Each section is drawn in `aar/`.
 */
import { resolveRubric, scoreContext, scoreRuns } from '../metrics/score.ts';
import { findings as makeFindings } from '../metrics/findings.ts';
import { findingText } from './format.ts';
import { REPORT_TEXT as T, type Lang } from './i18n.ts';
import { esc } from './svg.ts';
import { mapSvg } from './map.ts';
import type { RepRecords, ReportData, RunMeta } from './aar/types.ts';
import { REPORT_CSS } from './aar/style.ts';
import { overviewSection } from './aar/overview.ts';
import { scorecardSection } from './aar/scorecard.ts';
import { findingsSection } from './aar/findings.ts';
import { timelinesSection } from './aar/timeline.ts';
import { chartsSection } from './aar/charts.ts';
import { sensitivity, sensitivitySection } from './aar/sensitivity.ts';
import { indicatorsSection } from './aar/indicators.ts';

export type { RepRecords, ReportData, RunMeta, SensitivityRow } from './aar/types.ts';
export { largestIncidents, timelineModel, timelineSvg, type TimelineModel } from './aar/timeline.ts';

/** Scores the pooled replications, lists the findings, and works out what moved the score. */
export function buildReport(meta: RunMeta, reps: RepRecords[]): ReportData {
  const rubric = resolveRubric(meta.scoring);
  const ctx = scoreContext(meta.scenario);
  const result = scoreRuns(reps, ctx, rubric);
  const specs = new Map(result.indicators.map((i) => [i.spec.id, i]));
  const names = new Map(meta.scenario.agencies.map((a) => [a.id, a.name]));
  const agencyName = (id: string) => names.get(id) ?? id;
  const findings = makeFindings(result, rubric).map((f) => {
    const i = specs.get(f.indicator)!;
    const text = (lang: Lang) => findingText(f, i.spec, i.value!, meta.scenario.startSecondOfDay, lang, agencyName, reps.length > 1);
    return { ...f, text: { zh: text('zh'), en: text('en') } };
  });
  return { meta, reps, rubric, result, findings, sensitivity: sensitivity(result, reps, ctx, rubric) };
}

/** The report as one HTML document. */
export function renderReport(data: ReportData, lang: Lang): string {
  const sc = data.meta.scenario;
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(T.title[lang])} · ${esc(sc.title)}</title>
<style>${REPORT_CSS}</style></head><body>
<h1>${esc(T.title[lang])}</h1><p>${esc(sc.title)}</p>
<h2>${T.overview[lang]}</h2>${overviewSection(data, lang)}${data.meta.map ? mapSvg(data.meta.map, data.reps[0].records.incidents, lang, T.mapCaption[lang]) : ''}
<h2>${T.scorecard[lang]}</h2>${scorecardSection(data, lang)}
<h2>${T.findings[lang]}</h2>${findingsSection(data, lang)}
<h2>${T.timelines[lang]}</h2>${timelinesSection(data.meta, data.reps[0].records, data.rubric, lang)}
<h2>${T.charts[lang]}</h2>${chartsSection(data, lang)}
<h2>${T.sensitivity[lang]}</h2>${sensitivitySection(data, lang)}
<h2>${T.indicators[lang]}</h2>${indicatorsSection(data, lang)}
<p class="note">${T.generated[lang]}</p>
</body></html>
`;
}
