/** Summary statistics of a run's records: the long-format rows of `summary.csv`. */
import { quantileSorted } from 'd3';
import type { RunRecords } from './records.ts';

export interface SummaryRow {
  metric: string;
  value: number;
}

/** n, mean, p50, p90 of a sample (NaN-free: empty samples give n = 0 and no other rows). */
export function describe(name: string, values: number[]): SummaryRow[] {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const rows: SummaryRow[] = [{ metric: `${name}_n`, value: xs.length }];
  if (xs.length === 0) return rows;
  rows.push(
    { metric: `${name}_mean`, value: xs.reduce((a, b) => a + b, 0) / xs.length },
    { metric: `${name}_p50`, value: quantileSorted(xs, 0.5)! },
    { metric: `${name}_p90`, value: quantileSorted(xs, 0.9)! },
  );
  return rows;
}

const diff = (a: number | null, b: number | null): number => (a === null || b === null ? NaN : b - a);

/** Every summary metric of one replication, in a fixed order. */
export function summarise(r: RunRecords): SummaryRow[] {
  const inc = r.incidents;
  const answered = r.calls.filter((c) => c.tAnswer !== null);
  const abandoned = r.calls.filter((c) => c.abandoned).length;
  const graded = inc.filter((i) => i.gradeInitial !== null);
  const rows: SummaryRow[] = [
    { metric: 'incidents', value: inc.length },
    { metric: 'incidents_closed', value: inc.filter((i) => i.tClosed !== null).length },
    { metric: 'incidents_unreported', value: inc.filter((i) => i.tAnswered === null).length },
    { metric: 'incidents_waited_for_unit', value: inc.filter((i) => i.queuedRequests > 0).length },
    { metric: 'calls', value: r.calls.length },
    { metric: 'calls_duplicate', value: r.calls.filter((c) => c.duplicate).length },
    { metric: 'calls_abandoned', value: abandoned },
    { metric: 'abandon_rate', value: r.calls.length ? abandoned / r.calls.length : 0 },
    { metric: 'grading_correct_share', value: graded.length ? graded.filter((i) => i.gradeInitial === i.gradeTrue).length / graded.length : 0 },
    { metric: 'dispatches', value: r.dispatches.length },
    { metric: 'mutual_aid_dispatches', value: r.dispatches.filter((d) => d.mutualAid).length },
    { metric: 'requests_queued', value: inc.reduce((a, i) => a + i.queuedRequests, 0) },
    { metric: 'requests_lost', value: inc.reduce((a, i) => a + i.lostRequests, 0) },
    ...describe('answer_wait_s', answered.map((c) => c.tAnswer! - c.tArrive)),
    ...describe('processing_s', inc.map((i) => diff(i.tFirstCall, i.tFirstOrder))),
    ...describe('call_to_arrival_s', inc.map((i) => diff(i.tFirstCall, i.tFirstArrival))),
    ...describe('response_s', inc.map((i) => diff(i.tOccur, i.tFirstArrival))),
    ...describe('full_response_s', inc.map((i) => diff(i.tFirstOrder, i.tFullResponse))),
    ...describe('order_to_alert_s', r.dispatches.map((d) => diff(d.tOrder, d.tAlert))),
    ...describe('turnout_s', r.dispatches.map((d) => diff(d.tAlert, d.tEnroute))),
    ...describe('travel_s', r.dispatches.map((d) => d.travelS ?? NaN)),
    ...describe('unit_utilization', r.units.map((u) => u.utilization)),
  ];
  return rows;
}
