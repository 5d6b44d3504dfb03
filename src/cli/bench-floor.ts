/**
 * The least a `linkdrill run` does: its replication writing each event to `events.csv` as the run
 * writes it, and nothing else — no records kept, no other file, no score, no report. The bench
 * times it cold, as a run starts, to show how near the run can come to SimPy's bare loop at best.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createSimulation, type RunResult } from '../engine/simulate.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { CsvEncoder } from '../report/csv-encoder.ts';
import { csvStart, EVENT_COLUMNS, writeEventLine } from '../report/csv.ts';

/** Runs `scenario` once with its own seed, writing its events to the file `out` (replaced) as `events.csv` holds them. */
export function eventsOnly(scenario: Scenario, out: string): RunResult['counts'] {
  const fd = openSync(out, 'w');
  try {
    const enc = new CsvEncoder((chunk) => void writeSync(fd, chunk));
    enc.raw(csvStart(EVENT_COLUMNS, { bom: false }));
    const res = createSimulation(scenario, scenario.seed, { log: false, records: false, onEvent: (e) => writeEventLine(enc, 1, e) }).finish();
    enc.flush();
    return res.counts;
  } finally {
    closeSync(fd);
  }
}
