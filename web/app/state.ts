/**
 * What the app holds: the loaded scenario, the run every view shows (one run, named by scenario and
 * seed), the selection, the open tab, the status line and the error banner. Plain data; the player
 * owns the time.
 */
import type { Lang, Messages } from '../i18n/index.ts';
import type { Words } from '../../src/scenario/errors.ts';
import type { ScenarioSource } from '../scenarios.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import type { RunRecords } from '../../src/engine/records.ts';
import type { ReportData, RunMeta } from '../../src/report/aar.ts';
import type { Replay } from '../model/replay.ts';

/** One finished run: every view and export reads it, so they all belong to one run. */
export interface RunView {
  /** Increasing per page: tells a late answer from the run asked for. */
  id: number;
  /** The scenario's own name (`name:`, else its file's name): the status line, the link and every export use it. */
  scenarioName: string;
  fromFile: boolean;
  scenario: Scenario;
  seed: number;
  reps: number;
  files: Record<string, string>;
  report: ReportData;
  replay: Replay;
  records: RunRecords;
  meta: RunMeta;
  agencyNames: Map<string, string>;
}

/** The status line as data, so it follows a language switch. */
export type Status =
  | { kind: 'noRun' }
  | { kind: 'running'; scenarioName: string; seed: number }
  | { kind: 'ready'; run: RunView }
  | { kind: 'cancelled' }
  | { kind: 'failed'; why: Words }
  /** A run the app would not start (its seeds pass the largest). */
  | { kind: 'refused'; why: Words };

export interface AppState {
  lang: Lang;
  /** The scenario loaded (what the next run will use). */
  source: ScenarioSource | null;
  scenario: Scenario | null;
  /** The run shown, or null. */
  run: RunView | null;
  selected: string | null;
  tab: string;
  status: Status;
  /** Lines of the error banner (null: hidden). */
  errors: string[] | null;
}

/** A new state: nothing loaded, nothing run. */
export function initialState(lang: Lang, tab = 'chain'): AppState {
  return { lang, source: null, scenario: null, run: null, selected: null, tab, status: { kind: 'noRun' }, errors: null };
}

/** The status line's text in `lang`, whose labels are `m`. */
export function statusText(s: Status, m: Messages, lang: Lang): string {
  switch (s.kind) {
    case 'noRun':
      return m.noRun;
    case 'running':
      return `${m.running} · ${s.scenarioName} · ${m.seed} ${s.seed}`;
    case 'ready': {
      const r = s.run.report.result;
      return `${m.ready} · ${s.run.scenarioName} · ${m.seed} ${s.run.seed} · ${s.run.records.incidents.length} ${m.incidentsCount} · ${r.score === null ? '–' : r.score.toFixed(1)} (${r.rating ?? '–'})`;
    }
    case 'cancelled':
      return m.cancelled;
    case 'failed':
    case 'refused':
      return `${s.kind === 'failed' ? m.failed : m.refused}${lang === 'zh' ? '：' : ': '}${s.why[lang]}`;
  }
}
