import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { langOf } from '../../src/cli/args.ts';
import * as usage from '../../src/cli/usage.ts';
import { ROOT } from '../helpers.ts';
import { exitCodeOf } from '../../src/cli/outcome.ts';
import { WorkerStopped } from '../../src/worker/node-host.ts';
import { ExerciseError } from '../../src/exercise/problems.ts';

const quiet = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false }, out, err };
};
const HAN = /\p{Script=Han}/u;
const tmp = () => mkdtempSync(join(tmpdir(), 'linkdrill-lang-'));

/** Exit code and standard error of one command line. */
async function errOf(argv: string[]): Promise<[number, string]> {
  const q = quiet();
  const code = await main(argv, q.io);
  return [code, q.err.join('\n')];
}

describe('problems are said in the language of --lang, Chinese by default', () => {
  it('a file that cannot be read: Chinese without --lang, English with --lang en, the same place', async () => {
    const missing = join(tmp(), 'no-such.yaml');
    expect(await errOf(['validate', missing])).toEqual([1, `${missing}：找不到文件`]);
    expect(await errOf(['validate', missing, '--lang', 'en'])).toEqual([1, `${missing}: file not found`]);
    expect(await errOf(['validate', missing, '--lang=en'])).toEqual([1, `${missing}: file not found`]);
  });

  it('a folder report cannot re-render, and a history that is not there', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'thesis.tex'), 'x');
    const [zhCode, zh] = await errOf(['report', dir]);
    expect([zhCode, zh]).toEqual([1, `${dir}：含有并非 linkdrill 写出的文件（“thesis.tex”）；report 只重新生成 linkdrill 写出的运行结果文件夹`]);
    expect((await errOf(['report', dir, '--lang', 'en']))[1]).toBe(`${dir}: holds files linkdrill did not write ("thesis.tex"); report re-renders only a run folder linkdrill wrote`);
    const scenario = join(ROOT, 'test/fixtures/small.yaml');
    const history = join(dir, 'cad.csv');
    expect(await errOf(['calibrate', history])).toEqual([1, `${history}：找不到文件`]);
    expect(await errOf(['validate-history', scenario, history, '--lang', 'en'])).toEqual([1, `${history}: file not found`]);
    // A name a run folder may have: it is not known to be a file.
    const folder = join(dir, 'run-1');
    expect(await errOf(['calibrate', folder])).toEqual([1, `${folder}：找不到文件或文件夹`]);
    expect(await errOf(['validate-history', scenario, folder, '--lang', 'en'])).toEqual([1, `${folder}: no such file or folder`]);
  });

  it('a scenario’s own problems: every line Chinese by default, the English words unchanged with --lang en', async () => {
    const dir = tmp();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8').replace('station: S2', 'station: S9'));
    const [code, zh] = await errOf(['validate', bad]);
    expect(code).toBe(1);
    expect(zh).toMatch(/^units\[1\]\.station：.*“S9”/m);
    for (const line of zh.split('\n')) expect(line, line).toMatch(HAN);
    expect(await errOf(['validate', bad, '--lang', 'en'])).toEqual([1, 'units[1].station: unknown station "S9"']);
  });
});

describe('what a command throws', () => {
  const said = async (e: Error, lang: 'zh' | 'en') => {
    const err: string[] = [];
    const code = await exitCodeOf(() => Promise.reject(e), { out: () => undefined, err: (s) => err.push(s), tty: false }, lang);
    return [code, err.join('\n')];
  };

  it('a batch worker the system stopped, or an exercise action refused, is said in its own words (exit 1), not as a fault of linkdrill', async () => {
    expect(await said(new WorkerStopped('SIGKILL', null), 'zh')).toEqual([1, '一个批量运行工作进程意外终止（SIGKILL）']);
    expect(await said(new WorkerStopped(null, 137), 'en')).toEqual([1, 'a batch worker stopped unexpectedly (exit code 137)']);
    expect(await said(new ExerciseError({ zh: '演练已结束', en: 'the exercise is finished already' }), 'zh')).toEqual([1, '演练已结束']);
    expect(await said(new Error('boom'), 'en')).toEqual([3, 'linkdrill: internal error: boom']);
  });
});

describe('usage errors are said in the language of --lang, Chinese by default', () => {
  it('a bad option value, a missing argument and an unknown command', async () => {
    const small = join(ROOT, 'test/fixtures/small.yaml');
    expect(await errOf(['run', small, '--reps', 'x'])).toEqual([2, '--reps 必须是整数；实际为“x”']);
    expect(await errOf(['run', small, '--reps', 'x', '--lang', 'en'])).toEqual([2, '--reps must be a whole number, got "x"']);
    // A negative whole number is a whole number: what is wrong with it is its range.
    expect(await errOf(['run', small, '--seed=-1'])).toEqual([2, '--seed 必须在 0 到 9007199254740991 之间；实际为 -1']);
    expect(await errOf(['batch', small, '--workers=-2', '--lang', 'en'])).toEqual([2, '--workers must be between 1 and 256, got -2']);
    expect(await errOf(['run'])).toEqual([2, `用法：${usage.RUN_USAGE}`]);
    expect(await errOf(['run', '--lang', 'en'])).toEqual([2, `usage: ${usage.RUN_USAGE}`]);
    expect(await errOf(['batch', small, '--resume', '--force'])).toEqual([2, '--resume 续完此前的批量运行，--force 则从头再来：二者只能给一个']);
    // An option given twice would take its last value without a word: refused, whichever option it is.
    expect(await errOf(['batch', small, '--variants', 'a', '--variants', 'b'])).toEqual([2, '选项 --variants 给了不止一次：只能给一次（多个方案用逗号分隔：--variants a,b）']);
    expect(await errOf(['run', small, '--out', 'x', '--out=y', '--lang', 'en'])).toEqual([2, '--out is given more than once: give it once']);
    expect(await errOf(['run', small, '--excel', '--excel'])).toEqual([2, '选项 --excel 给了不止一次：只能给一次']);
    for (const empty of ['', ',', ' , ']) expect((await errOf(['batch', small, '--variants', empty]))[0]).toBe(2);
    expect(await errOf(['batch', small, '--variants=', '--lang', 'en'])).toEqual([2, '--variants is empty: list the variants to compare with the baseline, separated by commas (the baseline alone: --variants baseline)']);
    const [code, unknown] = await errOf(['simulate']);
    expect([code, unknown.split('\n')[0]]).toEqual([2, '未知命令“simulate”']);
  });

  it('an option the command does not know is named in a Chinese sentence; --lang en (before or after it) keeps node’s English', async () => {
    const [code, zh] = await errOf(['validate', 'a.yaml', '--bogus']);
    expect(code).toBe(2);
    expect(zh).toMatch(/^未知选项 --bogus（/);
    expect(await errOf(['validate', '--lang=en', 'a.yaml', '--bogus'])).toEqual([2, expect.stringMatching(/^Unknown option '--bogus'/)]);
    expect(await errOf(['validate', 'a.yaml', '--bogus', '--lang', 'en'])).toEqual([2, expect.stringMatching(/^Unknown option '--bogus'/)]);
    expect(await errOf(['run', 'a.yaml', '--out'])).toEqual([2, expect.stringMatching(/^选项 --out 缺少取值/)]);
    expect(await errOf(['run', 'a.yaml', '--excel=yes'])).toEqual([2, '选项 --excel 不带取值']);
    expect(await errOf(['run', 'a.yaml', '--lang', 'fr'])).toEqual([2, '--lang 必须是 zh 或 en；实际为“fr”']);
  });

  it('every command but bench takes --lang (a usage mistake after it is said in English)', async () => {
    const commands = Object.values(usage)
      .flatMap((u) => u.split('\n').map((l) => l.trim()))
      .filter((l) => l.includes('--lang zh|en'))
      .map((l) => /^linkdrill (geo \S+|exercise check|\S+)/.exec(l)![1].split(' '));
    expect(commands.length).toBe(Object.values(usage).flatMap((u) => u.split('\n')).length - 1);
    for (const cmd of commands) {
      const [code, err] = await errOf([...cmd, '--lang', 'en', '--bogus']);
      expect([cmd.join(' '), code, err], cmd.join(' ')).toEqual([cmd.join(' '), 2, expect.stringMatching(/^Unknown option '--bogus'/)]);
    }
  });
});

describe('langOf', () => {
  it('finds the last --lang before --, in either spelling; anything but en is zh', () => {
    expect(langOf([])).toBe('zh');
    expect(langOf(['a.yaml', '--lang', 'en'])).toBe('en');
    expect(langOf(['--lang=en', 'a.yaml'])).toBe('en');
    expect(langOf(['--lang', 'en', '--lang', 'zh'])).toBe('zh');
    expect(langOf(['--lang', 'fr'])).toBe('zh');
    expect(langOf(['--lang'])).toBe('zh');
    expect(langOf(['--', '--lang', 'en'])).toBe('zh');
  });
});
