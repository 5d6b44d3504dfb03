/**
 * Limits and edges of the command line: a scenario too large to run is refused by validate, run and
 * batch alike (the estimate in the message, nothing written, --max-events to raise the ceiling);
 * validate checks what batch will run (every variant); a reader that closes the output early ends
 * the command quietly; every cell of replications.csv is spreadsheet-safe.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readReplications } from '../../src/batch/plan.ts';
import { ROOT } from '../helpers.ts';
import { CAD, MAPPING, TRUTH } from '../calibrate/fixture.ts';

const SMALL = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8');
const quiet = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false }, out, err };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'linkdrill-limits-'));
/** Writes the small scenario with `extra` YAML appended (or a replacement applied) and returns its path. */
const scenario = (dir: string, edit: (text: string) => string) => {
  const path = join(dir, 'scenario.yaml');
  writeFileSync(path, edit(SMALL));
  return path;
};
const tooBig = (t: string) => t.replace('{type: fire, ratePerDay: 20}', '{type: fire, ratePerDay: 1e9}');

describe('a scenario too large to run', () => {
  it('is refused by validate, run and batch with the estimate, and nothing is written', async () => {
    const dir = tmp();
    const path = scenario(dir, tooBig);
    for (const argv of [['validate', path], ['run', path, '--out', join(dir, 'run')], ['batch', path, '--reps', '2', '--out', join(dir, 'batch')]]) {
      const q = quiet();
      expect(await main([...argv, '--lang', 'en'], q.io), argv[0]).toBe(1);
      expect(q.err.join('\n'), argv[0]).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: one replication would log about 6\\.86 billion events \\(250 million incidents`));
      expect(q.err.join('\n')).not.toMatch(/\n\s+at /);
      // By default the same refusal in Chinese, at the same place.
      const zh = quiet();
      expect(await main(argv, zh.io), argv[0]).toBe(1);
      expect(zh.err.join('\n').startsWith(`${path}：`), zh.err.join('\n')).toBe(true);
      expect(zh.err.join('\n')).toMatch(/\p{Script=Han}/u);
    }
    expect(existsSync(join(dir, 'run'))).toBe(false);
    expect(existsSync(join(dir, 'batch'))).toBe(false);
  });

  it('--max-events raises the ceiling (and is checked as an option first)', async () => {
    const dir = tmp();
    const path = scenario(dir, (t) => t.replace('callers: {count: {IV: 1, II: 4}', 'callers: {count: {IV: 300000, II: 4}'));
    const q = quiet();
    expect(await main(['validate', path, '--lang', 'en'], q.io)).toBe(1);
    const suggested = /--max-events (\d+)$/.exec(q.err[0])![1];
    expect(await main(['validate', path, '--max-events', suggested], quiet().io)).toBe(0);
    for (const bad of ['lots', '0', '-5', '1e6', '99999999999999']) expect(await main(['validate', path, '--max-events', bad], quiet().io), bad).toBe(2);
  });

  it('exercise and exercise check refuse a package whose scenario is too large, as validate does', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'small.yaml'), tooBig(SMALL));
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'pkg', 'exercise.yaml'), readFileSync(join(ROOT, 'test/fixtures/exercise/small-exercise.yaml'), 'utf8'));
    for (const argv of [['exercise', 'check', join(dir, 'pkg')], ['exercise', join(dir, 'pkg'), '--out', join(dir, 'out')]]) {
      const q = quiet();
      expect(await main([...argv, '--lang', 'en'], q.io), argv[1]).toBe(1);
      expect(q.err.join('\n')).toMatch(/exercise\.yaml: one replication would log about [\d.]+ billion events/);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('validate-history refuses a scenario too large over the history’s period, before simulating it', async () => {
    const q = quiet();
    expect(await main(['validate-history', TRUTH, CAD, '--mapping', MAPPING, '--drop-bad-rows', '--max-events', '1000', '--out', join(tmp(), 'v'), '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toMatch(/truth\.yaml over .*\(\d+ days\): one replication would log about [\d.]+ (thousand|million) events/);
    const zh = quiet();
    expect(await main(['validate-history', TRUTH, CAD, '--mapping', MAPPING, '--drop-bad-rows', '--max-events', '1000', '--out', join(tmp(), 'v')], zh.io)).toBe(1);
    expect(zh.err.join('\n')).toMatch(/truth\.yaml（按 .* 的时段，\d+ 天）：/);
  });

  it('validate checks every variant, as batch would run them', async () => {
    const dir = tmp();
    const variant = '\nvariants:\n  - {name: overload, changes: [{op: scale, path: "demand.background[*].ratePerDay", by: 1e8}]}\n  - {name: broken, changes: [{op: set, path: "units[A].station", value: S9}]}\n';
    const path = scenario(dir, (t) => t + variant);
    const q = quiet();
    expect(await main(['validate', path, '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toContain('variants[1] (broken) → units[1].station: unknown station "S9"');
    const only = scenario(dir, (t) => `${t}\nvariants:\n  - {name: overload, changes: [{op: scale, path: "demand.background[*].ratePerDay", by: 1e8}]}\n`);
    const q2 = quiet();
    expect(await main(['validate', only, '--lang', 'en'], q2.io)).toBe(1);
    expect(q2.err.join('\n')).toMatch(/scenario\.yaml \(variant overload\): one replication would log about/);
    // In Chinese the variant and the inputs are placed in Chinese words; names and keys stay as written.
    const zh = quiet();
    expect(await main(['validate', only], zh.io)).toBe(1);
    expect(zh.err.join('\n')).toMatch(/scenario\.yaml（方案 overload）：一次重复运行约产生 .*主要来自 plans（事件类型 medical）：出动 .*；demand（事件类型 medical）：/);
    expect(zh.err.join('\n')).not.toMatch(/variant|incident |\(type /);
  });
});

describe('output', () => {
  it('a reader that closes early (linkdrill schema | head) ends the command quietly', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/linkdrill.js'), 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Read the first chunk, then close the pipe as `head` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => (child.stdout.destroy(), resolve())));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('replications.csv writes variant names spreadsheet-safe, and reads them back as they were', async () => {
    const dir = tmp();
    const path = scenario(dir, (t) => `${t}\nvariants:\n  - {name: "-cmd", changes: [{op: set, path: center.callTakers, value: 3}]}\n`);
    const out = join(dir, 'b');
    expect(await main(['batch', path, '--reps', '2', '--workers', '1', '--out', out], quiet().io)).toBe(0);
    const text = readFileSync(join(out, 'replications.csv'), 'utf8');
    expect(text.split('\r\n').filter((l) => l.startsWith("'-cmd,"))).toHaveLength(2);
    expect(text).not.toMatch(/^-cmd/m);
    expect(readFileSync(join(out, 'comparison.csv'), 'utf8')).not.toMatch(/^-cmd/m);
    expect(readReplications(text).rows.map((r) => r.variant)).toEqual(['baseline', '-cmd', 'baseline', '-cmd']);
  });

  it('a figure in replications.csv that is not a number is named on resume, not read as NaN', async () => {
    const dir = tmp();
    const path = scenario(dir, (t) => t);
    const out = join(dir, 'b');
    expect(await main(['batch', path, '--reps', '3', '--workers', '1', '--out', out], quiet().io)).toBe(0);
    const csv = join(out, 'replications.csv');
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    const header = lines[0].split(',');
    const cells = lines[2].split(',');
    cells[header.indexOf('score')] = 'lots';
    lines[2] = cells.join(',');
    writeFileSync(csv, lines.join('\r\n'));
    const q = quiet();
    expect(await main(['batch', path, '--reps', '3', '--workers', '1', '--out', out, '--resume', '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toContain('replications.csv line 3, column score: "lots" is not a number');
  });
});
