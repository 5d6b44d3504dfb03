/**
 * A run scores its records as the CSV files hold them without parsing the files back (asWritten).
 * These tests re-read what was written and hold the run to it: the records read back equal the ones
 * scored, for every bundled scenario and for text chosen to break quoting; and a run folder written
 * by `linkdrill run` agrees to the digit with the scores and report recomputed from its files.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import type { RunRecords } from '../../src/engine/records.ts';
import { runFolderFiles } from '../../src/report/outputs.ts';
import { asWritten, readRunCsv } from '../../src/report/read.ts';
import { buildReport, renderReport, type RunMeta } from '../../src/report/aar.ts';
import { resolveRubric, scoreContext, scoreRuns } from '../../src/metrics/score.ts';
import { formatNumber } from '../../src/report/csv.ts';
import { summarise } from '../../src/metrics/stats.ts';
import { replicationKpis } from '../../src/metrics/kpis.ts';
import { main } from '../../src/cli/main.ts';
import { loadFile, ROOT } from '../helpers.ts';

const copy = (r: RunRecords): RunRecords => structuredClone(r);
const quiet = { out: () => {}, err: () => {}, tty: false };

describe('records as written equal the records read back from the files', () => {
  const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  for (const f of scenarios) {
    it(`${f}: asWritten(records) deep-equals readRunCsv(the CSV files)`, () => {
      const s = loadFile(`scenarios/${f}`);
      const outputs = [1, 2].map((rep) => ({ rep, records: simulate(s, s.seed + rep - 1, { log: false }).records, log: [] }));
      const { files } = runFolderFiles(s, [s.seed, s.seed + 1], outputs);
      const back = readRunCsv(files);
      expect(back.errors).toEqual([]);
      expect(back.reps.map((r) => r.rep)).toEqual([1, 2]);
      for (const r of back.reps) expect(r.records).toEqual(asWritten(copy(outputs[r.rep - 1].records)));
    });
  }

  it('text that needs quoting, formula guards or care with apostrophes comes back as asWritten says', () => {
    const s = loadFile('test/fixtures/small.yaml');
    const records = simulate(s, 3, { log: false }).records;
    const nasty = ['=SUM(A1)', "'=x", "''=y", '+1', '-2', '@a', '\tt', '\rr', ' lead', 'trail ', 'a,b', 'say "hi"', 'line\nbreak', '\uFEFFbom', '火灾', "'", ''];
    let k = 0;
    const next = () => nasty[k++ % nasty.length];
    for (const i of records.incidents) [i.zone, i.type, i.tiersInvolved] = [next(), next(), next()];
    for (const c of records.calls) [c.channel, c.callId] = [next(), next()];
    for (const d of records.dispatches) [d.unitId, d.agency, d.channel] = [next(), next(), next()];
    for (const u of records.units) [u.station, u.type] = [next(), next()];
    // Numbers the files cannot hold as they are: not finite, negative zero, past 3 decimals.
    records.units[0].utilization = NaN;
    records.units[1].busyS = -0.0001;
    records.incidents[0].lon = 120.12345678;
    const { files } = runFolderFiles(s, [3], [{ rep: 1, records, log: [] }]);
    expect(readRunCsv(files).reps[0].records).toEqual(asWritten(copy(records)));
  });
});

describe('a run folder agrees with its own files to the digit', () => {
  it('indicators.csv, the score rows of summary.csv and report.html equal what the files recompute', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'linkdrill-as-written-')), 'run');
    expect(await main(['run', join(ROOT, 'scenarios/default.yaml'), '--reps', '2', '--seed', '5', '--out', out], quiet)).toBe(0);
    const read = (name: string) => readFileSync(join(out, name), 'utf8');
    const meta = JSON.parse(read('run.json')) as RunMeta;
    const { reps, errors } = readRunCsv(Object.fromEntries(['incidents.csv', 'calls.csv', 'dispatches.csv', 'units.csv', 'agencies.csv', 'depots.csv'].map((n) => [n, read(n)])));
    expect(errors).toEqual([]);
    const rubric = resolveRubric(meta.scoring);
    const ctx = scoreContext(meta.scenario);
    const cell = (v: number | null | boolean) => (typeof v === 'boolean' ? (v ? '1' : '0') : v === null ? '' : formatNumber(v));
    const indicators = Papa.parse<Record<string, string>>(read('indicators.csv'), { header: true, skipEmptyLines: true }).data;
    for (const [label, runs] of [['all', reps] as const, ...reps.map((r) => [String(r.rep), [r]] as const)]) {
      const res = scoreRuns(runs, ctx, rubric);
      const rows = indicators.filter((r) => r.rep === label);
      expect(rows.map((r) => [r.indicator, r.n, r.value, r.score])).toEqual(res.indicators.map((i) => [i.spec.id, String(i.n), cell(i.value), cell(i.score)]));
      if (label === 'all') continue;
      const summary = new Map(Papa.parse<Record<string, string>>(read('summary.csv'), { header: true, skipEmptyLines: true }).data.filter((r) => r.rep === label).map((r) => [r.metric, r.value]));
      expect(summary.get('score')).toBe(cell(res.score));
      expect(summary.get('score_linkage')).toBe(cell(res.groups.linkage));
      expect(summary.get('rating')).toBe(res.rating ?? '');
    }
    expect(renderReport(buildReport(meta, reps), 'zh')).toBe(read('report.html'));
  });

  it('every figure of summary.csv equals what the files recompute (a p90 between two written times is not taken from unrounded ones)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'linkdrill-as-written-')), 'run');
    // Seed 20260615's call→first-arrival p90 is 788.7296 from the written times, 788.729 from the simulated ones.
    expect(await main(['run', join(ROOT, 'scenarios/default.yaml'), '--out', out], quiet)).toBe(0);
    const read = (name: string) => readFileSync(join(out, name), 'utf8');
    const { reps } = readRunCsv(Object.fromEntries(['incidents.csv', 'calls.csv', 'dispatches.csv', 'units.csv', 'agencies.csv', 'depots.csv'].map((n) => [n, read(n)])));
    const written = new Map(Papa.parse<Record<string, string>>(read('summary.csv'), { header: true, skipEmptyLines: true }).data.map((r) => [r.metric, r.value]));
    const recomputed = summarise(reps[0].records).map((r) => [r.metric, formatNumber(r.value)]);
    expect(recomputed.map(([m]) => [m, written.get(m)])).toEqual(recomputed);
    // A batch's replication of the same seed reports the same figures.
    const s = loadFile('scenarios/default.yaml');
    const { kpis } = replicationKpis(s, simulate(s, s.seed, { log: false }).records);
    expect(formatNumber(kpis.call_to_arrival_s_p90)).toBe(written.get('call_to_arrival_s_p90'));
    expect(formatNumber(kpis.processing_s_p90)).toBe(written.get('processing_s_p90'));
  });
});
