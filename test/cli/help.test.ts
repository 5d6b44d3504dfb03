import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import * as usage from '../../src/cli/usage.ts';
import { ROOT } from '../helpers.ts';

/** Exit code, standard output and standard error of one command line. */
async function run(argv: string[]): Promise<[number, string, string]> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), tty: false });
  return [code, out.join('\n'), err.join('\n')];
}

const HAN = /\p{Script=Han}/u;
/** Every usage line, and the command words it starts with (`geo import-osm`, `exercise check`, `run`). */
const lines = Object.values(usage).flatMap((u) => u.split('\n').map((l) => l.trim()));
const commandOf = (line: string) => /^linkdrill (\S+)/.exec(line)![1];
const optionsOf = (line: string) => [...line.matchAll(/--[a-z-]+/g)].map((m) => m[0]);

describe('linkdrill --help', () => {
  it('lists every usage line with what the command does, in Chinese by default and in English with --lang en', async () => {
    const [code, zh] = await run(['--help']);
    expect(code).toBe(0);
    for (const l of lines) expect(zh).toContain(l);
    expect(zh).toContain('各命令的选项：linkdrill 命令 --help');
    expect(zh).toContain('运行情景，写出评估报告与各 CSV 表');
    const [, en] = await run(['--help', '--lang', 'en']);
    for (const l of lines) expect(en).toContain(l);
    expect(en).not.toMatch(HAN);
    expect(en).toContain("Each command's options: linkdrill COMMAND --help");
    // `help`, `-h` and no command at all print the same (no command is a usage mistake: exit 2).
    expect(await run(['help'])).toEqual([0, zh, '']);
    expect(await run(['-h'])).toEqual([0, zh, '']);
    expect((await run([]))[0]).toBe(2);
  });
});

describe('linkdrill COMMAND --help', () => {
  const commands = [...new Set(lines.map(commandOf))];

  it('every command explains each option its usage line names, in either language, and exits 0 without doing anything', async () => {
    expect(commands.sort()).toEqual(['batch', 'bench', 'calibrate', 'exercise', 'geo', 'merge', 'report', 'run', 'schema', 'validate', 'validate-history']);
    for (const cmd of commands) {
      for (const lang of ['zh', 'en'] as const) {
        const [code, text, err] = await run([cmd, '--help', '--lang', lang]);
        expect([cmd, code, err]).toEqual([cmd, 0, '']);
        const [, ...optionLines] = text.split(lang === 'zh' ? '选项：' : 'options:');
        const explained = optionLines.join('');
        for (const l of lines.filter((x) => commandOf(x) === cmd)) {
          expect(text, `${cmd} ${lang}`).toContain(l);
          for (const o of optionsOf(l)) expect(explained, `${cmd} ${lang}: ${o}`).toContain(o);
        }
        if (lang === 'en') expect(text, cmd).not.toMatch(HAN);
        else expect(text, cmd).toMatch(HAN);
      }
    }
  });

  it('-h, --help anywhere before --, and `help COMMAND` say the same; a --help after -- is an argument', async () => {
    const [, runHelp] = await run(['run', '--help']);
    expect(runHelp.startsWith(`用法：${usage.RUN_USAGE}\n`)).toBe(true);
    expect(runHelp).toContain('--reps R        重复次数（默认 1）');
    expect(await run(['run', 'no-such.yaml', '-h'])).toEqual([0, runHelp, '']);
    expect(await run(['help', 'run'])).toEqual([0, runHelp, '']);
    expect((await run(['help', '--lang', 'en', 'run']))[1]).toMatch(/^usage: linkdrill run SCENARIO/);
    expect(await run(['exercise', 'check', '--help'])).toEqual([0, (await run(['help', 'exercise']))[1], '']);
    // After --, "--help" is a file name: run reads it (and finds nothing there).
    const [code, , err] = await run(['run', '--', '--help']);
    expect([code, err]).toEqual([1, '--help：找不到文件']);
  });

  it('help for a command that does not exist is a usage mistake naming it', async () => {
    const [code, , err] = await run(['help', 'simulate']);
    expect([code, err.split('\n')[0]]).toEqual([2, '未知命令“simulate”']);
    const [codeEn, , errEn] = await run(['simulate', '--help', '--lang', 'en']);
    expect([codeEn, errEn.split('\n')[0]]).toEqual([2, 'unknown command "simulate"']);
  });

  it('`linkdrill validate|run|batch|exercise --help` from the command line prints the help, not a check or a run', () => {
    for (const command of ['validate', 'run', 'batch', 'exercise']) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/linkdrill.js'), command, '--help', '--lang', 'en'], { encoding: 'utf8' });
      expect([r.status, r.stderr], command).toEqual([0, '']);
      expect(r.stdout).toMatch(new RegExp(`^usage:\\s+linkdrill ${command} (SCENARIO|PACKAGE)`));
      expect(r.stdout).toContain('--max-events N');
    }
  });
});
