import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../helpers.ts';
import { INCIDENT_COLUMNS, CALL_COLUMNS, DISPATCH_COLUMNS, UNIT_COLUMNS, SUMMARY_COLUMNS, EVENT_COLUMNS } from '../../src/report/csv.ts';

const quiet = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false }, out, err };
};
const header = (path: string) => readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0].split(',');

describe('linkdrill run', () => {
  it('writes the CSV files with the contract columns, one block per replication', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-run-'));
    const out = join(dir, 'out');
    const q = quiet();
    expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--reps', '3', '--seed', '11', '--out', out], q.io)).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      '.linkdrill.json', 'agencies.csv', 'calls.csv', 'depots.csv', 'dispatches.csv', 'events.csv', 'incidents.csv', 'indicators.csv', 'report.html', 'run.json', 'summary.csv', 'units.csv',
    ]);
    expect(header(join(out, 'incidents.csv'))).toEqual([...INCIDENT_COLUMNS]);
    expect(header(join(out, 'calls.csv'))).toEqual([...CALL_COLUMNS]);
    expect(header(join(out, 'dispatches.csv'))).toEqual([...DISPATCH_COLUMNS]);
    expect(header(join(out, 'units.csv'))).toEqual([...UNIT_COLUMNS]);
    expect(header(join(out, 'summary.csv'))).toEqual([...SUMMARY_COLUMNS]);
    expect(header(join(out, 'events.csv'))).toEqual([...EVENT_COLUMNS]);
    const units = Papa.parse<Record<string, string>>(readFileSync(join(out, 'units.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(new Set(units.map((u) => u.rep))).toEqual(new Set(['1', '2', '3']));
    expect(q.out.join('\n')).toContain('3 replications (seeds 11…13)');
  });

  it('replication k of a run equals a single run with seed + k − 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-run-'));
    const q = quiet();
    await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--reps', '2', '--seed', '5', '--out', join(dir, 'a')], q.io);
    await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--seed', '6', '--out', join(dir, 'b')], q.io);
    const rep2 = readFileSync(join(dir, 'a/events.csv'), 'utf8').split('\r\n').filter((l) => l.startsWith('2,')).map((l) => l.slice(2));
    const single = readFileSync(join(dir, 'b/events.csv'), 'utf8').split('\r\n').filter((l) => l.startsWith('1,')).map((l) => l.slice(2));
    expect(rep2).toEqual(single);
  });

  it('--excel adds a UTF-8 BOM so Excel reads Chinese text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-run-'));
    await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--excel', '--out', join(dir, 'x')], quiet().io);
    expect(readFileSync(join(dir, 'x/incidents.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff);
  });

  it('a failed run leaves no output folder and keeps an earlier one intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-run-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8').replace('station: S2', 'station: S9'));
    const q = quiet();
    expect(await main(['run', bad, '--out', join(dir, 'never')], q.io)).toBe(1);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    expect(q.err.join('\n')).toContain('units[1].station: unknown station "S9"');
    // An output path that cannot be written: nothing half-written is left beside it.
    mkdirSync(join(dir, 'ro'));
    writeFileSync(join(dir, 'ro', 'blocker'), 'x');
    expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--out', join(dir, 'ro', 'blocker', 'out')], q.io)).toBe(1);
    expect(q.err.join('\n')).toContain('cannot write the output (');
    expect(readdirSync(join(dir, 'ro'))).toEqual(['blocker']);
    expect(q.err.join('\n')).not.toMatch(/\n\s+at /);
  });
});
