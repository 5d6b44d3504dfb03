/**
 * The after-action report (评估总结): one self-contained HTML file — no network, opens from disk — in
 * Chinese or English, structured as exercise evaluation reports are: overview, score card, findings,
 * linkage timelines of the largest incidents, charts, what moved the score, and the table of every
 * indicator with the source of its target. Built from the run's records (or the CSV files read
 * back), so `linkdrill report DIR` re-renders it exactly. Each section is drawn in `aar/`; the
 * figures are gathered one replication at a time (`ReportBuilder`), so a run need not keep them all.
 */
import type { RunRecords } from '../engine/records.ts';
import { pointsLost, resolveRubric, scoreContext, ScoreAccumulator, type Rubric, type ScoreResult } from '../metrics/score.ts';
import { findings as makeFindings } from '../metrics/findings.ts';
import { findingText } from './format.ts';
import { REPORT_TEXT as T, type Lang } from './i18n.ts';
import { esc } from './svg.ts';
import { mapSvg } from './map.ts';
import { DigestBuilder } from './digest.ts';
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

/**
 * The report's figures gathered one replication at a time (in rep order), so a run can hand each
 * replication over and let it go: `add` each, then `finish`.
 */
export class ReportBuilder {
  readonly rubric: Rubric;
  private readonly score: ScoreAccumulator;
  private readonly digest: DigestBuilder;
  /** Points each indicator cost each replication's own score, in replication order (for the sensitivity view). */
  private readonly lostPerRep: Map<string, number>[] = [];

  constructor(readonly meta: RunMeta) {
    this.rubric = resolveRubric(meta.scoring);
    this.score = new ScoreAccumulator(scoreContext(meta.scenario), this.rubric);
    this.digest = new DigestBuilder(meta.scenario.durationS);
  }

  /** Adds a replication's records (as the CSV files hold them); returns its own score. */
  add(rep: number, records: RunRecords): ScoreResult {
    this.digest.add(records);
    const own = this.score.addAndScore(rep, records);
    this.lostPerRep.push(pointsLost(own, this.rubric));
    return own;
  }

  /** Scores the pooled replications, lists the findings, and works out what moved the score. */
  finish(): ReportData {
    const { meta, rubric } = this;
    const result = this.score.result();
    const digest = this.digest.result();
    const specs = new Map(result.indicators.map((i) => [i.spec.id, i]));
    const names = new Map(meta.scenario.agencies.map((a) => [a.id, a.name]));
    const agencyName = (id: string) => names.get(id) ?? id;
    const findings = makeFindings(result, rubric).map((f) => {
      const i = specs.get(f.indicator)!;
      const text = (lang: Lang) => findingText(f, i.spec, i.value!, meta.scenario.startSecondOfDay, lang, agencyName, digest.reps > 1);
      return { ...f, text: { zh: text('zh'), en: text('en') } };
    });
    return { meta, digest, rubric, result, findings, sensitivity: sensitivity(result, this.lostPerRep, rubric) };
  }
}

/** Scores the pooled replications, lists the findings, and works out what moved the score. */
export function buildReport(meta: RunMeta, reps: readonly RepRecords[]): ReportData {
  const b = new ReportBuilder(meta);
  for (const r of reps) b.add(r.rep, r.records);
  return b.finish();
}

/** The report as one HTML document. */
export function renderReport(data: ReportData, lang: Lang): string {
  const sc = data.meta.scenario;
  const d = data.digest;
  // The timelines' incidents with their dispatches and agencies, as records of their own.
  const chains: RunRecords = { incidents: d.chains.map((c) => c.incident), calls: [], dispatches: d.chains.flatMap((c) => c.dispatches), units: [], agencies: d.chains.flatMap((c) => c.agencies), depots: [] };
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(T.title[lang])} · ${esc(sc.title)}</title>
<style>${REPORT_CSS}</style></head><body>
<h1>${esc(T.title[lang])}</h1><p>${esc(sc.title)}</p>
<h2>${T.overview[lang]}</h2>${overviewSection(data, lang)}${data.meta.map ? mapSvg(data.meta.map, d.places, lang, T.mapCaption[lang]) : ''}
<h2>${T.scorecard[lang]}</h2>${scorecardSection(data, lang)}
<h2>${T.findings[lang]}</h2>${findingsSection(data, lang)}
<h2>${T.timelines[lang]}</h2>${timelinesSection(data.meta, chains, data.rubric, lang)}
<h2>${T.charts[lang]}</h2>${chartsSection(data, lang)}
<h2>${T.sensitivity[lang]}</h2>${sensitivitySection(data, lang)}
<h2>${T.indicators[lang]}</h2>${indicatorsSection(data, lang)}
<p class="note">${T.generated[lang]}</p>
</body></html>
`;
}
