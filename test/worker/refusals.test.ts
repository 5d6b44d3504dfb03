/**
 * Every refusal to write says where and why in Chinese and in English (the English as it always
 * was), whole lines that the CLI prints in the reader's language.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimOutputFolder, OutputRefused, replaceOwnFile, writeOutputFile, writeOutputFolder } from '../../src/worker/node-fs.ts';
import { expectBilingual } from '../bilingual.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'linkdrill-refusals-'));
/** The refusal `f` throws. */
function refusal(f: () => unknown): OutputRefused {
  try {
    f();
  } catch (e) {
    if (e instanceof OutputRefused) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('refusals to write', () => {
  it('each is said in both languages, named by its place', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.txt'), 'keep');
    writeFileSync(join(dir, 'file'), 'x');
    symlinkSync(join(dir, 'mine'), join(dir, 'link'));
    writeOutputFolder(join(dir, 'run'), { 'a.csv': 'a' }, 'run');
    const refusals = [
      refusal(() => claimOutputFolder('', 'run')),
      refusal(() => claimOutputFolder('.', 'run')),
      refusal(() => claimOutputFolder(homedir(), 'run')),
      refusal(() => claimOutputFolder('/', 'run')),
      refusal(() => claimOutputFolder(join(dir, 'mine'), 'run')),
      refusal(() => claimOutputFolder(join(dir, 'file'), 'run')),
      refusal(() => claimOutputFolder(join(dir, 'link'), 'run')),
      refusal(() => claimOutputFolder(join(dir, 'run'), 'batch')),
      refusal(() => claimOutputFolder(join(dir, 'run'), 'run', false)),
      refusal(() => writeOutputFile('', 'x')),
      refusal(() => writeOutputFile(join(dir, 'file'), 'x')),
      refusal(() => writeOutputFile(join(dir, 'mine'), 'x')),
      refusal(() => replaceOwnFile(join(dir, 'nowhere', 'report.html'), 'x')),
    ];
    expectBilingual(refusals);
    expectBilingual(refusals.map((r) => r.problem));
    for (const r of refusals) {
      expect(r.message).toBe(r.en);
      expect(r.en).toBe(`${r.problem.path}: ${r.problem.en}`);
      expect(r.zh).toBe(`${r.problem.path}：${r.problem.zh}`);
    }
    expect(refusals[0].en).toBe('--out: is empty; give a folder name');
    expect(refusals[4].en).toBe(`${join(dir, 'mine')}: holds files linkdrill did not write ("notes.txt"); nothing was changed — choose a new or empty folder for the output`);
    expect(refusals[4].zh).toBe(`${join(dir, 'mine')}：含有并非 linkdrill 写出的文件（“notes.txt”）；未做任何改动——请为输出选择一个新的或空的文件夹`);
    expect(refusals[7].en).toBe(`${join(dir, 'run')}: holds a linkdrill run folder, not a batch folder; nothing was changed — choose another folder`);
    expect(refusals[10].en).toBe(`${join(dir, 'file')}: already exists; nothing was changed (give another name, or --force to replace it)`);
    expect(refusals[12].en).toBe(`${join(dir, 'nowhere', 'report.html')}: cannot write (ENOENT); the old file is unchanged`);
  });
});
