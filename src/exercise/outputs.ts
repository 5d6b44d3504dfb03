/**
 * Everything an exercise leaves behind, by file name: the run folder's files (events, records,
 * score, the run's after-action report), the replayable `exercise-log.json`, `msel-status.csv`,
 * `decisions.csv`, `evaluation.csv`, `improvement-plan.csv` and the evaluation report `aar.html`.
 * Pure: the same files in Node and in the browser.
 */
import type { RunResult } from '../engine/simulate.ts';
import { runFolderFiles } from '../report/outputs.ts';
import { toCsv } from '../report/csv.ts';
import type { Lang } from '../report/i18n.ts';
import { evaluate, suggestedFor, type Evaluation } from './evaluation.ts';
import { exerciseReportHtml } from './report.ts';
import type { ExerciseSession } from './session.ts';
import type { ScoreResult } from '../metrics/score.ts';
import { refusalWords } from './refusal.ts';
import { rationaleText } from './text.ts';

export const MSEL_STATUS_COLUMNS = ['inject', 'phase', 'kind', 'from', 'to', 'contingency', 'planned_t', 'delivered_t', 'expected', 'met', 't_met', 'refused', 'synopsis'] as const;
export const DECISION_COLUMNS = ['decision', 'phase', 'role', 't', 'options', 'choice', 'expected', 'as_expected', 'timed_out', 'rationale', 'text'] as const;
export const EVALUATION_COLUMNS = ['objective', 'capability', 'task', 'item', 'critical', 'item_text', 'evidence', 'suggested_rating', 'task_suggested_rating', 'rating', 'observations'] as const;
export const IMPROVEMENT_COLUMNS = ['finding', 'tag', 'finding_text', 'action', 'owner', 'due'] as const;
export const EXPECTED_COLUMNS = ['expected', 'phase', 'role', 'action', 'from_t', 'by_t', 'met', 't_met', 'late', 'how'] as const;

/** The exercise's own tables as CSV (times in seconds from the exercise start); linkdrill's own words in `lang`, a person's as written. */
export function exerciseCsvFiles(s: ExerciseSession, ev: Evaluation, lang: Lang, bom = false): Record<string, string> {
  const o = { bom };
  return {
    'msel-status.csv': toCsv(MSEL_STATUS_COLUMNS, ev.msel.map((r) => [r.inject, r.phase, r.kind, r.from, r.to, r.contingency, r.plannedT, r.deliveredT, r.expected.join(' '), r.met, r.tMet, r.refused === null ? null : refusalWords(r.refused)[lang], r.synopsis[lang]]), o),
    'expected-actions.csv': toCsv(EXPECTED_COLUMNS, ev.expected.map((e) => [e.id, e.phase, e.role, e.action[lang], e.fromT, e.byT, e.met, e.tMet, e.late, e.how]), o),
    'decisions.csv': toCsv(
      DECISION_COLUMNS,
      ev.decisions.map((d) => [d.decision, d.phase, d.role, d.t, s.pkg.decisions.find((x) => x.id === d.decision)!.options.map((x) => x.id).join(' '), d.choice, d.expected, d.asExpected, d.timedOut, rationaleText(d.rationale, d.auto, lang), d.text]),
      o,
    ),
    'evaluation.csv': toCsv(EVALUATION_COLUMNS, ev.rows.map((r) => [r.objective, r.capability, r.task, r.item, r.critical, r.text[lang], r.evidence[lang], r.suggested, suggestedFor(ev.rows, 'task', r.task), r.rating, r.observations]), o),
    'improvement-plan.csv': toCsv(IMPROVEMENT_COLUMNS, ev.improvements.map((i) => [i.finding, i.tag, i.text, i.action, i.owner, i.due]), o),
  };
}

/** Every file of a finished exercise, its evaluation, and the run's linkage score the evaluation's indicators come from. */
export function exerciseFiles(s: ExerciseSession, run: RunResult, o: { lang: Lang; bom?: boolean }): { files: Record<string, string>; evaluation: Evaluation; score: ScoreResult } {
  const { files, report } = runFolderFiles(s.scenario, [s.pkg.seed], [{ rep: 1, records: run.records, log: run.log }], { lang: o.lang, bom: o.bom });
  const evaluation = evaluate(s, report.result);
  return {
    files: {
      ...files,
      'exercise-log.json': JSON.stringify(s.log, null, 1) + '\n',
      ...exerciseCsvFiles(s, evaluation, o.lang, o.bom),
      'aar.html': exerciseReportHtml(s.pkg, s.scenario, evaluation, report.result, o.lang),
    },
    evaluation,
    score: report.result,
  };
}
