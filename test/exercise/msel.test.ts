import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRelTime, readMselCsv } from '../../src/exercise/msel.ts';
import { decodeText } from '../../src/scenario/encoding.ts';
import { ROOT } from '../helpers.ts';
import { expectBilingual } from '../bilingual.ts';

const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/exercise', name));

describe('the MSEL as trainers write it in a spreadsheet', () => {
  it('a GB18030 CSV with Chinese headers (as Excel on a Chinese Windows saves it) is read', () => {
    const bytes = fixture('msel-gb18030.csv');
    const decoded = decodeText(bytes, 'msel.csv');
    expect(decoded).toMatchObject({ ok: true, value: { encoding: 'gb18030' } });
    const r = readMselCsv(decoded.ok ? decoded.value.text : '', 'msel.csv');
    expect(r.errors).toEqual([]);
    expect(r.injects).toEqual([
      { row: 2, id: 'I1', t: '0:10', phase: 'P1', from: 'control', to: 'center', kind: 'message', synopsis: '园区来电：闻到异味。', params: {}, expected: ['X1'], contingency: undefined },
      { row: 3, id: 'I2', t: '0:20', phase: 'P1', from: 'control', to: 'center', kind: 'unit.out', synopsis: '一辆消防车故障。', params: { unit: 'E-1' }, expected: [], contingency: undefined },
    ]);
  });

  it('every bad row or cell is named by row and column, and good rows are kept', () => {
    const r = readMselCsv(fixture('msel-bad.csv').toString('utf8'), 'msel.csv');
    expect(r.errors).toEqual([
      { path: 'msel.csv row 3, column time', zh: '“25:00”不是时间（应为距演练开始的 h:mm，或 25m 这样的时长）', en: '"25:00" is not a time (h:mm from the exercise start, or a duration like 25m)' },
      { path: 'msel.csv row 4, column params', zh: '“unit”不是 key=value 的形式', en: '"unit" is not key=value' },
      { path: 'msel.csv row 5, column synopsis', zh: '为空', en: 'is empty' },
      { path: 'msel.csv row 6', zh: '有 8 个单元格，表头有 7 列', en: 'has 8 cells, the header has 7' },
    ]);
    expect(r.injects.map((i) => i.id)).toEqual(['A1', 'A5', 'A6']);
  });

  it('a missing column is named with the columns it knows', () => {
    const r = readMselCsv('id,time,synopsis\r\nI1,0:10,x\r\n', 'm.csv');
    expect(r.errors[0].path).toBe('m.csv row 1');
    expect(r.errors[0].en).toMatch(/^missing column kind/);
    expect(r.errors[0].zh).toMatch(/^缺少列 kind（可用的列：id、time、/);
  });

  it('every problem of a MSEL is said in Chinese too, the English unchanged', () => {
    const bad = [
      'id,time,kind,synopsis,params,contingency_unless,contingency_by',
      'A1,0:10,message,x,,,',
      ',0:10,message,x,,,',
      'A3,soon,message,x,,,',
      'A4,0:10,unit.out,x,__proto__=1,,',
      'A5,0:10,message,,,,',
      'A6,0:10,message,x,,X1,',
      'A7,,message,x,,X1,later',
      'A8,0:10,message,x,,,,extra',
      'A9,0:10,message,"x',
    ].join('\r\n');
    const r = readMselCsv(bad, 'm.csv');
    // Papa Parse's English stays in the English line.
    expect(r.errors[0].zh).toBe('引号没有闭合（此后的内容都会被读进这个单元格）');
    expect(r.errors.map((e) => e.en)).toEqual([
      'a quote is not closed (everything after it would be read into this cell) (Quoted field unterminated)',
      'is empty',
      '"soon" is not a time (h:mm from the exercise start, or a duration like 25m)',
      '"__proto__" is not a parameter name',
      'is empty',
      'a contingency needs both the expected action (contingency_unless) and its time (contingency_by)',
      '"later" is not a time (h:mm from the exercise start, or a duration like 25m)',
      'has 8 cells, the header has 7',
      'has 4 cells, the header has 7',
    ]);
    expectBilingual(r.errors);
    expectBilingual([...readMselCsv('', 'm.csv').errors, ...readMselCsv('id,time\r\n', 'm.csv').errors]);
  });

  it('times are h:mm from the exercise start, durations or seconds; anything else is refused', () => {
    expect(parseRelTime('1:05')).toBe(3900);
    expect(parseRelTime('0:00:30')).toBe(30);
    expect(parseRelTime('25m')).toBe(1500);
    expect(parseRelTime('T+1h')).toBe(3600);
    expect(parseRelTime(90)).toBe(90);
    for (const bad of ['25:00', '1:60', 'soon', '', '-5m']) expect(parseRelTime(bad)).toBeNull();
  });
});
