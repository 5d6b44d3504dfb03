import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { main as runMain } from '../../src/cli/run-main.ts';
import { main as batchMain } from '../../src/cli/batch-main.ts';
import { main as exerciseMain } from '../../src/cli/exercise-main.ts';
import { ROOT } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'linkdrill-alone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (f: typeof main, argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await f(argv, { out: (s) => out.push(s), err: (s) => err.push(s), tty: false });
  return { code, out, err };
};
/** The files of folder `d` and their text (run.json and batch.json, which hold wall-clock times, aside). */
const folder = (d: string) =>
  Object.fromEntries(readdirSync(d).sort().map((f) => [f, f === 'run.json' || f === 'batch.json' ? '' : readFileSync(join(d, f), 'utf8')]));

/**
 * Runs `argv` (a command and `args`, with `--out` a folder of the test's where it `writes`) through
 * the whole command line and through `alone`: the same output, exit code and files.
 */
async function sameAsWhole(alone: typeof main, command: string, args: string[], writes = args.length > 1) {
  const out = join(dir, command);
  const argv = [command, ...args, ...(writes ? ['--out', out] : [])];
  rmSync(out, { recursive: true, force: true });
  const whole = await run(main, argv);
  const wrote = writes && whole.code === 0 ? folder(out) : null;
  rmSync(out, { recursive: true, force: true });
  expect(await run(alone, argv), argv.join(' ')).toEqual(whole);
  if (wrote) expect(folder(out)).toEqual(wrote);
}

const small = join(ROOT, 'test/fixtures/small.yaml');

describe('run and batch built on their own', () => {
  it('run prints, writes and exits as the full command line does (a run, bad input, usage), in the language --lang asks for', async () => {
    for (const args of [
      [small, '--duration', '6h', '--reps', '2'],
      [small, '--duration', '2h', '--lang', 'en'],
      [join(ROOT, 'scenarios/no-such.yaml')],
      [small, '--reps', '0'],
      [],
      ['a.yaml', '--no-such-option', '--lang=en'],
    ]) {
      await sameAsWhole(runMain, 'run', args);
    }
  });

  it('batch prints, writes and exits as the full command line does (a batch, bad input, usage)', async () => {
    for (const args of [[small, '--reps', '2', '--workers', '1', '--duration', '6h', '--lang', 'en'], [join(ROOT, 'scenarios/no-such.yaml'), '--reps', '2'], []]) {
      await sameAsWhole(batchMain, 'batch', args);
    }
  });
});

describe('exercise built on its own', () => {
  it('plays, checks and refuses as the full command line does', async () => {
    const tabletop = join(ROOT, 'scenarios/exercises/chemical-leak-tabletop');
    await sameAsWhole(exerciseMain, 'exercise', [tabletop, '--lang', 'en']);
    // A replay of that play from its log, down the other branch at a decision, and with a branch that is not there.
    const log = join(dir, 'play-log.json');
    expect((await run(main, ['exercise', tabletop, '--out', join(dir, 'play')])).code).toBe(0);
    copyFileSync(join(dir, 'play', 'exercise-log.json'), log);
    await sameAsWhole(exerciseMain, 'exercise', [tabletop, '--log', log, '--branch', 'D1=hold', '--lang', 'en']);
    for (const args of [['check', tabletop], ['check', tabletop, '--lang', 'en'], [tabletop, '--log', log, '--branch', 'D1=nope'], [join(ROOT, 'scenarios/exercises/no-such')], []]) {
      await sameAsWhole(exerciseMain, 'exercise', args, false);
    }
  });
});

describe('run and exercise as the one CommonJS files npm install builds', () => {
  it('bundle without a top-level await (which a CommonJS file cannot hold), and without the worker host or any import.meta', async () => {
    for (const entry of ['run-main', 'exercise-main']) {
      const r = await build({ entryPoints: [join(ROOT, `src/cli/${entry}.ts`)], bundle: true, write: false, metafile: true, format: 'cjs', platform: 'node', target: 'node20', external: ['exceljs'], logLevel: 'silent' });
      expect(Object.keys(r.metafile.inputs).filter((f) => /src\/worker\/node-host\.ts$/.test(f)), entry).toEqual([]);
      expect(r.warnings.filter((w) => /import\.meta/.test(w.text)).map((w) => `${w.location?.file}: ${w.text}`), entry).toEqual([]);
    }
  });
});
