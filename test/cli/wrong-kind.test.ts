/**
 * A file given where a command wants another kind — CAD records for a scenario, a scenario for the
 * records, a run's report for its folder — is said in one line with what to give instead, in both
 * languages, and nothing runs or is written.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../helpers.ts';

const quiet = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false }, out, err };
};
const SMALL = join(ROOT, 'test/fixtures/small.yaml');
const CAD = join(ROOT, 'scenarios/history/school-cad.csv');

/** Runs `argv` in English and in Chinese: the exit code and each language's lines. */
async function said(argv: string[]) {
  const en = quiet();
  const zh = quiet();
  const code = await main([...argv, '--lang', 'en'], en.io);
  expect(await main([...argv, '--lang', 'zh'], zh.io)).toBe(code);
  return { code, en: en.err.join('\n'), zh: zh.err.join('\n'), out: en.out.join('\n') };
}

describe('a file of the wrong kind', () => {
  it('records given as a scenario — to run, to validate, or first to validate-history — say where records go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-kind-'));
    for (const argv of [['run', CAD, '--out', join(dir, 'run')], ['validate', CAD], ['validate-history', CAD, SMALL, '--out', join(dir, 'vh')]]) {
      const r = await said(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.en).toBe(`${CAD}: is a table (CAD records?), not a scenario: a scenario is a YAML file (e.g. scenarios/default.yaml); records go to linkdrill calibrate RECORDS.csv, or linkdrill validate-history SCENARIO.yaml RECORDS.csv (the scenario first)`);
      expect(r.zh).toMatch(/是一张表（接处警记录？），不是场景/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a scenario given as the records, and a run’s report given for its folder, say what to give', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-kind-'));
    const r = await said(['calibrate', SMALL, '--out', join(dir, 'cal')]);
    expect(r.code).toBe(1);
    expect(r.en).toMatch(/^.*small\.yaml: is a YAML or JSON file \(a scenario\?\), not records: give a CAD export \(CSV or xlsx\) or a folder linkdrill run wrote; /);
    expect(r.zh).toMatch(/是 YAML 或 JSON 文件（场景？），不是记录/);

    const run = join(dir, 'run');
    expect(await main(['run', SMALL, '--out', run], quiet().io)).toBe(0);
    const page = join(run, 'report.html');
    const report = await said(['report', page]);
    expect(report.code).toBe(1);
    expect(report.en).toBe(`${page}: is a file, not a folder: this needs a folder linkdrill run wrote; give its folder: ${run}`);
    const cal = await said(['calibrate', page, '--out', join(dir, 'cal')]);
    expect(cal.en).toBe(`${page}: is a run's report, not records: give its run folder ${run}, or a CAD export (CSV or xlsx)`);
    const merge = await said(['merge', page, '--out', join(dir, 'merged')]);
    expect(merge.code).toBe(1);
    expect(merge.en).toBe(`${page}: is a file, not a folder: this needs a folder linkdrill batch wrote`);
    expect(existsSync(join(dir, 'cal'))).toBe(false);
    expect(existsSync(join(dir, 'merged'))).toBe(false);
    // The folder itself is what report wants.
    expect(await main(['report', run], quiet().io)).toBe(0);
  });

  it('a folder given as a scenario that is an exercise package or a run says what to do with it', async () => {
    const pkg = join(ROOT, 'scenarios/exercises/chemical-leak-tabletop');
    const batch = await said(['batch', pkg, '--out', join(mkdtempSync(join(tmpdir(), 'linkdrill-kind-')), 'b')]);
    expect(batch.code).toBe(1);
    expect(batch.en).toBe(`${pkg}: is an exercise package, not a scenario: play it with linkdrill exercise ${pkg}`);
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-kind-'));
    expect(await main(['run', SMALL, '--out', join(dir, 'run')], quiet().io)).toBe(0);
    expect((await said(['validate', join(dir, 'run')])).en).toBe(
      `${join(dir, 'run')}: is a run's folder, not a scenario: a scenario is a YAML file (validate-history takes the scenario first, then the records); to render this run's report again use linkdrill report ${join(dir, 'run')}`,
    );
    // Any other folder is said as before.
    expect((await said(['validate', dir])).en).toBe(`${dir}: is a folder, not a file`);
  });

  it('a path that cannot be looked at is said as before, never as an internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-kind-'));
    const loop = join(dir, 'loop');
    symlinkSync(loop, loop);
    const through = `${SMALL}/`;
    for (const argv of [['validate', through], ['validate', loop], ['report', through], ['report', loop], ['merge', loop, '--out', join(dir, 'm')], ['calibrate', loop, '--out', join(dir, 'c')]]) {
      const r = await said(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.en, argv.join(' ')).not.toMatch(/internal error|\n\s+at /);
      expect(r.en, argv.join(' ')).toMatch(/not found|cannot be read|no such|symbolic link|missing/);
    }
    expect((await said(['validate', loop])).en).toBe(`${loop}: cannot be read (a symbolic link that leads round in a loop, to no file)`);
  });

  it('a JSON scenario, a page that is no run’s report and a batch’s folder are each said for what they are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-kind-'));
    const json = join(dir, 'scenario.json');
    writeFileSync(json, '{"name": "x"}');
    expect((await said(['calibrate', json, '--out', join(dir, 'c')])).en).toMatch(/scenario\.json: is a YAML or JSON file \(a scenario\?\), not records/);
    const page = join(dir, 'notes.html');
    writeFileSync(page, '<p>notes</p>');
    expect((await said(['calibrate', page, '--out', join(dir, 'c')])).en).toBe(`${page}: is a web page, not records: give a CAD export (CSV or xlsx) or a folder linkdrill run wrote`);
    const batch = join(dir, 'batch');
    expect(await main(['batch', SMALL, '--reps', '2', '--workers', '1', '--out', batch], quiet().io)).toBe(0);
    expect((await said(['run', batch, '--out', join(dir, 'r')])).en).toBe(`${batch}: is a batch's folder, not a scenario: a scenario is a YAML file (e.g. scenarios/default.yaml)`);
    // A batch's folder is what merge wants: its shards merge.
    expect(await main(['merge', batch, '--out', join(dir, 'merged')], quiet().io)).toBe(0);
  });

  it('a scenario saved by Notepad as .txt is still a scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-kind-'));
    const txt = join(dir, 'small.yaml.txt');
    copyFileSync(SMALL, txt);
    const r = await said(['validate', txt]);
    expect(r.code).toBe(0);
  });
});
