import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { MSEL_STATUS_COLUMNS, DECISION_COLUMNS, EVALUATION_COLUMNS, IMPROVEMENT_COLUMNS } from '../../src/exercise/outputs.ts';
import { ROOT } from '../helpers.ts';

const quiet = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false }, out, err };
};
const TABLETOP = join(ROOT, 'scenarios/exercises/chemical-leak-tabletop');

describe('linkdrill exercise', () => {
  it('plays the bundled tabletop headless, writes the exercise files, and its log replays to the same events.csv; a branch departs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exercise-cli-'));
    const q = quiet();
    expect(await main(['exercise', TABLETOP, '--out', join(dir, 'a'), '--lang', 'en'], q.io)).toBe(0);
    const files = readdirSync(join(dir, 'a'));
    for (const f of ['aar.html', 'exercise-log.json', 'msel-status.csv', 'decisions.csv', 'evaluation.csv', 'improvement-plan.csv', 'events.csv', 'report.html']) expect(files).toContain(f);
    const header = (f: string) => readFileSync(join(dir, 'a', f), 'utf8').split('\r\n')[0].split(',');
    expect(header('msel-status.csv')).toEqual([...MSEL_STATUS_COLUMNS]);
    expect(header('decisions.csv')).toEqual([...DECISION_COLUMNS]);
    expect(header('evaluation.csv')).toEqual([...EVALUATION_COLUMNS]);
    expect(header('improvement-plan.csv')).toEqual([...IMPROVEMENT_COLUMNS]);
    const log = JSON.parse(readFileSync(join(dir, 'a', 'exercise-log.json'), 'utf8'));
    const decision = log.actions.find((a: { type: string }) => a.type === 'decision');
    expect(decision).toMatchObject({ decision: 'D1', options: ['raise', 'hold'], choice: 'raise', rationale: 'headless play: the listed default' });
    // The rationale linkdrill writes itself is read in the report's language; the log keeps it as written.
    expect(readFileSync(join(dir, 'a', 'aar.html'), 'utf8')).toContain('headless play: the listed default');
    expect(await main(['exercise', TABLETOP, '--out', join(dir, 'zh')], quiet().io)).toBe(0);
    const zh = readFileSync(join(dir, 'zh', 'aar.html'), 'utf8');
    expect(zh).toContain('无人值守推演：取预设选项');
    expect(zh).not.toContain('headless play');
    // decisions.csv says it in the report's language too.
    expect(readFileSync(join(dir, 'zh', 'decisions.csv'), 'utf8')).toContain(',无人值守推演：取预设选项,');
    expect(readFileSync(join(dir, 'zh', 'decisions.csv'), 'utf8')).not.toContain('headless play');
    expect(readFileSync(join(dir, 'a', 'decisions.csv'), 'utf8')).toContain(',headless play: the listed default,');
    expect(readFileSync(join(dir, 'zh', 'exercise-log.json'), 'utf8')).toBe(readFileSync(join(dir, 'a', 'exercise-log.json'), 'utf8'));

    expect(await main(['exercise', TABLETOP, '--log', join(dir, 'a', 'exercise-log.json'), '--out', join(dir, 'b')], quiet().io)).toBe(0);
    expect(readFileSync(join(dir, 'b', 'events.csv'), 'utf8')).toBe(readFileSync(join(dir, 'a', 'events.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'b', 'exercise-log.json'), 'utf8')).toBe(readFileSync(join(dir, 'a', 'exercise-log.json'), 'utf8'));

    const qb = quiet();
    expect(await main(['exercise', TABLETOP, '--log', join(dir, 'a', 'exercise-log.json'), '--branch', 'D4=shelter', '--out', join(dir, 'c')], qb.io)).toBe(0);
    expect(qb.out.join('\n')).toMatch(/分支：决策 D4 于 T\+\d+ 分钟改选“shelter”/);
    // The branch's rationale, written by linkdrill, is read in the report's language too.
    const branched = readFileSync(join(dir, 'c', 'aar.html'), 'utf8');
    // aar.html names the recorded choice by its words; decisions.csv, whose choice columns are ids, by its id.
    expect(branched).toContain('分支推演：改选此项，原记录的选择为“组织疏散（增派警力 4 组）”');
    expect(branched).not.toContain('branch of the recorded choice');
    const branchedCsv = readFileSync(join(dir, 'c', 'decisions.csv'), 'utf8');
    expect(branchedCsv).toContain(',分支推演：改选此项，原记录的选择为“evacuate”,');
    expect(branchedCsv).not.toMatch(/branch|headless/);
    expect(readFileSync(join(dir, 'c', 'events.csv'), 'utf8')).not.toBe(readFileSync(join(dir, 'a', 'events.csv'), 'utf8'));
    expect(readFileSync(join(dir, 'c', 'decisions.csv'), 'utf8')).toMatch(/D4,P3,police,6000,evacuate shelter,shelter,evacuate,0/);
  });

  it('check validates a package; bad input is named and nothing is written', async () => {
    const q = quiet();
    expect(await main(['exercise', 'check', TABLETOP, '--lang', 'en'], q.io)).toBe(0);
    expect(q.out[0]).toMatch(/^ok: chemical-leak-tabletop — 4 phases, 16 injects \(9 messages, 2 contingency\), 6 decision points/);
    const zh = quiet();
    expect(await main(['exercise', 'check', TABLETOP], zh.io)).toBe(0);
    expect(zh.out[0]).toMatch(/^ok：chemical-leak-tabletop — 4 个阶段，16 条情景注入（9 条消息，2 条备用），6 个决策点/);
    const dir = mkdtempSync(join(tmpdir(), 'exercise-cli-'));
    const q2 = quiet();
    expect(await main(['exercise', join(dir, 'nothing-here'), '--out', join(dir, 'out'), '--lang', 'en'], q2.io)).toBe(1);
    // A package may be a folder: a missing one is not found as a file or folder.
    expect(q2.err.join('\n')).toContain('no such file or folder');
    const q3 = quiet();
    expect(await main(['exercise', join(dir, 'nothing-here'), '--out', join(dir, 'out')], q3.io)).toBe(1);
    expect(q3.err.join('\n')).toContain('找不到文件或文件夹');
    expect(readdirSync(dir)).toEqual([]);
    expect(await main(['exercise', TABLETOP, '--branch', 'D1=hold'], quiet().io)).toBe(2);
  });

  it('schema --exercise prints the exercise package schema', async () => {
    const q = quiet();
    expect(await main(['schema', '--exercise'], q.io)).toBe(0);
    const s = JSON.parse(q.out.join('\n'));
    expect(s.title).toBe('linkdrill exercise package');
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['objectives', 'phases', 'msel', 'decisions']));
  });
});
