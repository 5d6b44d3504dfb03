/**
 * Everything a run folder holds: the CSV files, `indicators.csv`, `run.json` (what re-rendering needs
 * besides the CSV) and the after-action report `report.html`. Pure: file name → text.
 */
import type { Scenario } from '../scenario/scenario.ts';
import { runCsvFiles, summaryCsv, toCsv, type RepOutput } from './csv.ts';
import { scoreContext } from '../metrics/score.ts';
import { buildReport, renderReport, type ReportData, type RunMeta, type RepRecords } from './aar.ts';
import { resolveRubric, scoreRuns, type IndicatorSpec } from '../metrics/score.ts';
import { readRunCsv } from './read.ts';
import { mapData } from './map.ts';
import type { Lang } from './i18n.ts';

/** The metadata of a run of `scenario` with these seeds. */
export function runMeta(scenario: Scenario, seeds: number[]): RunMeta {
  return {
    scenario: {
      name: scenario.name,
      title: scenario.title,
      description: scenario.description,
      start: scenario.start,
      startSecondOfDay: scenario.startSecondOfDay,
      durationS: scenario.durationS,
      agencies: scenario.agencies.map((a) => ({ id: a.id, name: a.name, kind: a.kind, tier: a.tier })),
      incidentTypes: scenario.incidentTypes.map((t) => ({ id: t.id, name: t.name })),
    },
    seeds,
    scoring: scenario.scoring,
    map: mapData(scenario),
  };
}

export const INDICATOR_COLUMNS = ['rep', 'indicator', 'group', 'n', 'value', 'target', 'zero_at', 'score', 'weight', 'critical', 'source'] as const;

/** The `source` cell: the target's citation, or — where the scenario changed it — that, with the default's. */
export const sourceRef = (spec: IndicatorSpec): string => (spec.changed ? `scenario (default: ${spec.source.ref})` : spec.source.ref);

/** The score rows for `summary.csv` and the rows of `indicators.csv` (pooled as rep "all", then per rep). */
export function scoreTables(meta: RunMeta, reps: RepRecords[]): { summary: Map<number, [string, number | string][]>; indicators: (string | number | boolean | null)[][] } {
  const rubric = resolveRubric(meta.scoring);
  const ctx = scoreContext(meta.scenario);
  const summary = new Map<number, [string, number | string][]>();
  const indicators: (string | number | boolean | null)[][] = [];
  const add = (label: string | number, runs: RepRecords[]) => {
    const res = scoreRuns(runs, ctx, rubric);
    for (const i of res.indicators) indicators.push([label, i.spec.id, i.spec.group, i.n, i.value, i.spec.target, i.zeroAt, i.score, i.spec.weight, i.spec.critical, sourceRef(i.spec)]);
    return res;
  };
  add('all', reps);
  for (const r of reps) {
    const res = add(r.rep, [r]);
    summary.set(r.rep, [
      ['score', res.score ?? NaN],
      ['score_alarm', res.groups.alarm ?? NaN],
      ['score_mobilisation', res.groups.mobilisation ?? NaN],
      ['score_linkage', res.groups.linkage ?? NaN],
      ['score_command', res.groups.command ?? NaN],
      ['score_information', res.groups.information ?? NaN],
      ['score_outcome', res.groups.outcome ?? NaN],
      ['rating', res.rating ?? ''],
    ]);
  }
  return { summary, indicators };
}

/** All files of a run folder, by name, and the pooled report data (score, findings). */
export function runFolderFiles(scenario: Scenario, seeds: number[], outputs: RepOutput[], options: { bom?: boolean; lang?: Lang } = {}): { files: Record<string, string>; report: ReportData } {
  const meta = runMeta(scenario, seeds);
  // Score from the CSV as written (rounded to 3 decimals), so the report, indicators.csv and
  // summary.csv agree with what `linkdrill report DIR` computes from the folder later.
  const files = runCsvFiles(outputs, { bom: options.bom });
  const reps = readRunCsv(files).reps;
  const tables = scoreTables(meta, reps);
  files['summary.csv'] = summaryCsv(outputs, { bom: options.bom, extraSummary: tables.summary });
  files['indicators.csv'] = toCsv(INDICATOR_COLUMNS, tables.indicators, { bom: options.bom });
  files['run.json'] = JSON.stringify(meta, null, 2) + '\n';
  const report = buildReport(meta, reps);
  files['report.html'] = renderReport(report, options.lang ?? 'zh');
  return { files, report };
}

