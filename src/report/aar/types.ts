/** What the after-action report is made of: the run's metadata, a digest of its records, the score and findings. */
import type { RunRecords } from '../../engine/records.ts';
import type { Finding } from '../../metrics/findings.ts';
import type { Rubric, ScoreResult } from '../../metrics/score.ts';
import type { ScoringOverrides } from '../../scenario/scoring.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { Lang } from '../i18n.ts';
import type { MapData } from '../map.ts';
import type { ReportDigest } from '../digest.ts';

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

/** One indicator's cost to the total: pooled over the replications, and in each replication. */
export interface SensitivityRow {
  id: string;
  /** Points the pooled score loses to this indicator. */
  lost: number;
  /** Points lost in each replication's own score (in replication order; 0 where it met its target or had no data). */
  perRep: number[];
}

export interface ReportData {
  meta: RunMeta;
  /** What the report shows of the records, gathered replication by replication (totals, the first one's timelines, waits and places). */
  digest: ReportDigest;
  rubric: Rubric;
  result: ScoreResult;
  /** Findings with their sentence in both languages. */
  findings: (Finding & { text: Record<Lang, string> })[];
  /** Which indicators moved the total, and by how much, most first. */
  sensitivity: SensitivityRow[];
}
