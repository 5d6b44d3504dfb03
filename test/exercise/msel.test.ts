import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRelTime, readMselCsv } from '../../src/exercise/msel.ts';
import { decodeText } from '../../src/scenario/encoding.ts';
import { ROOT } from '../helpers.ts';

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
      { path: 'msel.csv row 3, column time', message: '"25:00" is not a time (h:mm from the exercise start, or a duration like 25m)' },
      { path: 'msel.csv row 4, column params', message: '"unit" is not key=value' },
      { path: 'msel.csv row 5, column synopsis', message: 'is empty' },
      { path: 'msel.csv row 6', message: 'has 8 cells, the header has 7' },
    ]);
    expect(r.injects.map((i) => i.id)).toEqual(['A1', 'A5', 'A6']);
  });

  it('a missing column is named with the columns it knows', () => {
    const r = readMselCsv('id,time,synopsis\r\nI1,0:10,x\r\n', 'm.csv');
    expect(r.errors[0].path).toBe('m.csv row 1');
    expect(r.errors[0].message).toMatch(/^missing column kind/);
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
