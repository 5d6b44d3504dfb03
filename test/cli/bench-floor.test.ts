import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsOnly, replicationOnly } from '../../src/cli/bench-floor.ts';
import { loadScenarioFile } from '../../src/cli/io.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { runFolderFiles } from '../../src/report/outputs.ts';
import { ROOT } from '../helpers.ts';

describe("the bench's least run", () => {
  it('writes the very events.csv a run of one replication writes, and counts what the run counts; alone, the same replication', () => {
    const loaded = loadScenarioFile(join(ROOT, 'scenarios/default.yaml'));
    if (!loaded.ok) throw new Error('the default scenario does not load');
    const s = loaded.value;
    const out = join(mkdtempSync(join(tmpdir(), 'linkdrill-floor-')), 'events.csv');
    const counts = eventsOnly(s, out);
    const run = simulate(s, s.seed);
    const { files } = runFolderFiles(s, [s.seed], [{ rep: 1, records: run.records, log: run.log }]);
    expect(readFileSync(out, 'utf8')).toBe(files['events.csv']);
    expect(counts).toEqual(run.counts);
    expect(counts.logEvents).toBeGreaterThan(1000);
    // Alone, the replication makes the same steps and records, and no events (nothing asks for them).
    expect(replicationOnly(s)).toEqual({ ...run.counts, logEvents: 0 });
  });
});
