/**
 * The figures a batch compares, one row per variant and replication: the summary KPIs and the
 * linkage score with its sub-scores, computed from the records rounded as the CSV files round them
 * (so a batch replication agrees with `linkdrill run` for the same seed).
 */
import type { Scenario } from '../scenario/scenario.ts';
import type { RunRecords } from '../engine/records.ts';
import { summarise } from './stats.ts';
import { resolveRubric, scoreContext, scoreRuns } from './score.ts';
import { roundRecords } from './round.ts';

/** The compared KPIs, in column order (all numeric; smaller is better unless named in `HIGHER_IS_BETTER`). */
export const KPI_COLUMNS = [
  'score', 'score_alarm', 'score_mobilisation', 'score_linkage', 'score_command', 'score_information', 'score_outcome',
  'incidents', 'calls_abandoned', 'abandon_rate', 'answer_wait_s_p90', 'processing_s_p90',
  'response_s_p50', 'response_s_p90', 'call_to_arrival_s_p90', 'full_response_s_p90', 'turnout_s_p90', 'travel_s_p90',
  'unit_utilization_mean', 'incidents_waited_for_unit', 'requests_queued', 'escalations', 'orders_refused',
  'coordination_wait_s_mean', 'notification_tier1_s_p90', 'notification_tier2_s_p90', 'notification_tier3_s_p90', 'control_s_p90',
] as const;
export type Kpi = (typeof KPI_COLUMNS)[number];

/** KPIs where a larger value is the better one. */
export const HIGHER_IS_BETTER: ReadonlySet<string> = new Set(['score', 'score_alarm', 'score_mobilisation', 'score_linkage', 'score_command', 'score_information', 'score_outcome']);

/** One replication's KPIs (NaN where a figure has no data) and its rating. */
export function replicationKpis(scenario: Scenario, records: RunRecords, ownRecords = false): { kpis: Record<Kpi, number>; rating: string } {
  const r = roundRecords(records, ownRecords);
  const s = new Map(summarise(r).map((x) => [x.metric, x.value]));
  const res = scoreRuns([{ rep: 1, records: r }], scoreContext(scenario), resolveRubric(scenario.scoring));
  const g = res.groups;
  const kpis = {} as Record<Kpi, number>;
  const fromScore: Partial<Record<Kpi, number | null>> = {
    score: res.score,
    score_alarm: g.alarm,
    score_mobilisation: g.mobilisation,
    score_linkage: g.linkage,
    score_command: g.command,
    score_information: g.information,
    score_outcome: g.outcome,
  };
  for (const k of KPI_COLUMNS) {
    const v = k in fromScore ? fromScore[k] : s.get(k);
    kpis[k] = v === null || v === undefined ? NaN : v;
  }
  return { kpis, rating: res.rating ?? '' };
}
