import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
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
const SMALL = join(ROOT, 'test/fixtures/small.yaml');
const header = (path: string) => readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0].split(',');

describe('linkdrill run', () => {
  it('seeds past the largest are refused before anything runs, by run and by batch (two replications never share the last seed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-run-'));
    for (const cmd of ['run', 'batch']) {
      const q = quiet();
      const argv = [cmd, join(ROOT, 'test/fixtures/small.yaml'), '--seed', String(Number.MAX_SAFE_INTEGER), '--reps', '2', '--out', join(dir, cmd)];
      const code = await main([...argv, '--lang', 'en'], q.io);
      expect([cmd, code, q.err.join('\n')]).toEqual([cmd, 2, `--seed + --reps must stay below ${Number.MAX_SAFE_INTEGER}`]);
      const zh = quiet();
      expect([cmd, await main(argv, zh.io), zh.err.join('\n')]).toEqual([cmd, 2, `--seed 与 --reps 之和必须小于 ${Number.MAX_SAFE_INTEGER}`]);
      expect(existsSync(join(dir, cmd))).toBe(false);
    }
  });

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
    // The result lines are in the reports' language: Chinese unless --lang en.
    expect(q.out.join('\n')).toContain('3 次重复（种子 11…13）');
    expect(q.out.join('\n')).toMatch(/联动评分 [\d.]+（[SABCD…M–]+）/);
  });

  it('its result lines follow --lang: English with --lang en, the same figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-run-'));
    const zh = quiet();
    const en = quiet();
    expect(await main(['run', SMALL, '--out', join(dir, 'zh')], zh.io)).toBe(0);
    expect(await main(['run', SMALL, '--out', join(dir, 'en'), '--lang', 'en'], en.io)).toBe(0);
    expect(en.out.join('\n')).toMatch(/^rep 1: \d+ incidents, \d+ calls/m);
    expect(en.out.join('\n')).toMatch(/^wrote /m);
    expect(zh.out.join('\n')).toMatch(/^第 1 次：事件 \d+ 起/m);
    expect(zh.out.join('\n')).toMatch(/^联动评分 /m);
    expect(zh.out.join('\n')).toMatch(/^已写入 /m);
    const figures = (lines: string[]) => lines.join('\n').replace(/\/(zh|en)\//g, '/').match(/\d+(\.\d+)?/g);
    expect(figures(zh.out)).toEqual(figures(en.out));
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

  it('--duration runs the scenario for that long; a bad duration is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-run-'));
    const q = quiet();
    expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--duration', '1d 6h', '--out', join(dir, 'long')], q.io)).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'long/run.json'), 'utf8')).scenario.durationS).toBe(30 * 3600);
    const events = readFileSync(join(dir, 'long/events.csv'), 'utf8').trim().split('\r\n');
    expect(Number(events[events.length - 1].split(',')[2])).toBeGreaterThan(24 * 3600);
    for (const bad of ['0h', 'soon', '-3h']) expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--duration', bad, '--out', join(dir, 'x'), '--lang', 'en'], q.io)).toBe(2);
    expect(q.err.join('\n')).toContain('--duration must be a positive duration like 30d or 8760h, got "soon"');
    expect(existsSync(join(dir, 'x'))).toBe(false);
    // Shorter than the scenario, before its scripted fire at 2 h: said before the run, which goes on.
    const short = quiet();
    expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--duration', '1h', '--out', join(dir, 'short')], short.io)).toBe(0);
    expect(short.err).toEqual(['警告：--duration：运行在 1 小时结束，此后的 1 起预设事件不会发生：fire 2 h']);
    expect(q.err.join('\n')).not.toContain('warning');
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
    expect(await main(['run', bad, '--out', join(dir, 'never'), '--lang', 'en'], q.io)).toBe(1);
    expect(existsSync(join(dir, 'never'))).toBe(false);
    expect(q.err.join('\n')).toContain('units[1].station: unknown station "S9"');
    // An output path that cannot be written: nothing half-written is left beside it.
    mkdirSync(join(dir, 'ro'));
    writeFileSync(join(dir, 'ro', 'blocker'), 'x');
    expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--out', join(dir, 'ro', 'blocker', 'out'), '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toContain('cannot write the output (');
    expect(readdirSync(join(dir, 'ro'))).toEqual(['blocker']);
    expect(q.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} (Ctrl-C, a scheduler stopping the job) during a run leaves no folder and no partial files, and says so`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'linkdrill-run-'));
      const child = spawn(process.execPath, [join(ROOT, 'bin/linkdrill.js'), 'run', join(ROOT, 'scenarios/default.yaml'), '--reps', '500', '--out', join(dir, 'out')], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      // Interrupt once it is writing: its hidden partial folder is there.
      for (let k = 0; k < 600 && !readdirSync(dir).some((n) => n.includes('.partial-')); k++) await new Promise((r) => setTimeout(r, 100));
      expect(readdirSync(dir).some((n) => n.includes('.partial-'))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).toMatch(/已中断：.*未写入任何文件/);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
