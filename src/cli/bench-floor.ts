/**
 * The least a `linkdrill run` does: its replication writing each event to `events.csv` as the run
 * writes it, and nothing else — no records kept, no other file, no score, no report; or, less
 * still, the replication alone. The bench times them cold, as a run starts, to show how near the
 * run can come to SimPy's bare loop at best.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createSimulation, type RunResult } from '../engine/simulate.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { CsvEncoder } from '../report/csv-encoder.ts';
import { csvStart, EVENT_COLUMNS, writeEventLine } from '../report/csv.ts';

/** Runs `scenario` once with its own seed, keeping nothing and writing nothing: what its events and records cost is left out. */
export function replicationOnly(scenario: Scenario): RunResult['counts'] {
  return createSimulation(scenario, scenario.seed, { log: false, records: false }).finish().counts;
}

/** Runs `scenario` once with its own seed, writing its events to the file `out` (replaced) as `events.csv` holds them. */
export function eventsOnly(scenario: Scenario, out: string): RunResult['counts'] {
  const fd = openSync(out, 'w');
  try {
    // As the run's files are written: a write may take only part of a chunk.
    const enc = new CsvEncoder((chunk) => {
      for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
    });
    enc.raw(csvStart(EVENT_COLUMNS, { bom: false }));
    const res = createSimulation(scenario, scenario.seed, { log: false, records: false, onEvent: (e) => writeEventLine(enc, 1, e) }).finish();
    enc.flush();
    return res.counts;
  } finally {
    closeSync(fd);
  }
}
