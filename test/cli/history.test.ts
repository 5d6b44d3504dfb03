import { describe, expect, it } from 'vitest';
import { problemLines, refuseProblems } from '../../src/cli/history.ts';
import type { RowProblem, RunRecord } from '../../src/calibrate/cad/rows.ts';

/** A row problem in both languages (the shape calibrate/ gives them). */
const problem = (row: number, kind: string, zh: string, en: string, record?: RunRecord) =>
  ({ row, ...(record ? { record } : {}), column: '到场时间', kind, zh, en }) as unknown as RowProblem;

describe('the problems of a history’s rows, as the CLI says them', () => {
  const problems = [problem(7, 'time', '“25:00”不是时间', '"25:00" is not a time'), problem(9, 'order', '早于接警时间', 'is before the call'), problem(9, 'time', '“x”不是时间', '"x" is not a time', { incident: 'inc-000144' }), problem(12, 'order', '早于接警时间', 'is before the call', { incident: 'inc-000145', unit: 'P-1' })];

  it('one line per problem in the language asked for, each at its row (or record) and column', () => {
    expect(problemLines('cad.csv', problems, 'en')).toEqual([
      'cad.csv row 7, column 到场时间: "25:00" is not a time',
      'cad.csv row 9, column 到场时间: is before the call',
      'cad.csv (incident inc-000144), column 到场时间: "x" is not a time',
      'cad.csv (incident inc-000145, unit P-1), column 到场时间: is before the call',
    ]);
    expect(problemLines('cad.csv', problems, 'zh')).toEqual([
      'cad.csv 第 7 行“到场时间”列：“25:00”不是时间',
      'cad.csv 第 9 行“到场时间”列：早于接警时间',
      'cad.csv（事件 inc-000144）“到场时间”列：“x”不是时间',
      'cad.csv（事件 inc-000145，单位 P-1）“到场时间”列：早于接警时间',
    ]);
    // A run's records are named in Chinese words in a Chinese line; only the ids stay as written.
    for (const line of problemLines('cad.csv', problems, 'zh')) expect(line).not.toMatch(/incident|unit|row/);
  });

  it('past the limit, the rest are counted by kind; the refusal counts problems and rows', () => {
    expect(problemLines('cad.csv', problems, 'en', 1).at(-1)).toBe('… and 3 more problems (unreadable time: 2, times out of order: 2 in all)');
    // The kinds in Chinese words in the Chinese line, never the codes problems.csv keeps.
    expect(problemLines('cad.csv', problems, 'zh', 1).at(-1)).toBe('……另有 3 个问题（按类别合计：时间无法识别 2，时间顺序颠倒 2）');
    expect(problemLines('cad.csv', problems, 'zh', 1).at(-1)).not.toMatch(/[A-Za-z]/);
    expect(refuseProblems('cad.csv', problems, 'en').split('\n').at(-1)).toBe('cad.csv: 4 problems in 3 rows; fix them, or leave those rows out with --drop-bad-rows');
    expect(refuseProblems('cad.csv', problems, 'zh').split('\n').at(-1)).toBe('cad.csv：3 行共有 4 个问题；请修正，或用 --drop-bad-rows 剔除这些行');
  });

  it('a row with the wrong number of fields is named by its row alone, with no column', () => {
    const p = { row: 4, column: '', kind: 'fields', zh: '15 列，表头为 19 列', en: '15 fields, the header has 19' } as RowProblem;
    expect(problemLines('short.csv', [p], 'zh')).toEqual(['short.csv 第 4 行：15 列，表头为 19 列']);
    expect(problemLines('short.csv', [p], 'en')).toEqual(['short.csv row 4: 15 fields, the header has 19']);
  });
});

describe('an output folder that is not linkdrill’s is refused before the work starts', () => {
  it('calibrate and validate-history name the folder and fit or simulate nothing; the user’s file stays', async () => {
    const { main } = await import('../../src/cli/main.ts');
    const { mkdtempSync, readdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { ROOT } = await import('../helpers.ts');
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-claim-'));
    writeFileSync(join(dir, 'thesis.tex'), 'mine');
    const cad = join(ROOT, 'test/fixtures/cad/cad.csv');
    const mapping = join(ROOT, 'test/fixtures/cad/mapping.yaml');
    for (const argv of [
      ['calibrate', cad, '--mapping', mapping, '--drop-bad-rows', '--out', dir],
      ['validate-history', join(ROOT, 'test/fixtures/cad/truth.yaml'), cad, '--mapping', mapping, '--drop-bad-rows', '--reps', '3', '--out', dir],
    ]) {
      const err: string[] = [];
      const code = await main(argv, { out: () => undefined, err: (s) => err.push(s), tty: false });
      expect([argv[0], code, err.at(-1)]).toEqual([argv[0], 1, `${dir}：含有并非 linkdrill 写出的文件（“thesis.tex”）；未做任何改动——请为输出选择一个新的或空的文件夹`]);
      expect(err.join('\n')).not.toMatch(/正在拟合|正在模拟/);
      expect(readdirSync(dir)).toEqual(['thesis.tex']);
    }
  });
});
