import { describe, expect, it } from 'vitest';
import { formatError, formatWarnings, placeZh } from '../../src/scenario/errors.ts';

describe('a problem as a line', () => {
  const e = { path: 'msel.csv row 3, column time', zh: '“25:00”不是时间', en: '"25:00" is not a time' };

  it('is said in the language asked for, the place first', () => {
    expect(formatError(e, 'en')).toBe('msel.csv row 3, column time: "25:00" is not a time');
    expect(formatError(e, 'zh')).toBe('msel.csv 第 3 行“time”列：“25:00”不是时间');
    expect(formatError({ ...e, path: '' }, 'zh')).toBe('“25:00”不是时间');
    expect(formatWarnings([{ path: 'zones[2]', zh: '离路网较远', en: 'far from the roads' }], 'zh')).toBe('警告：zones[2]：离路网较远');
  });

  it('names a table’s place in Chinese words, and leaves keys, names and file names as written', () => {
    expect(placeZh('msel.xlsx sheet "MSEL" row 1')).toBe('msel.xlsx 工作表“MSEL” 第 1 行');
    expect(placeZh('cad.csv row 7 column "接警 时间"')).toBe('cad.csv 第 7 行“接警 时间”列');
    expect(placeZh('incidents.csv row 12, column t_call')).toBe('incidents.csv 第 12 行“t_call”列');
    expect(placeZh('big.yaml (variant far)')).toBe('big.yaml（方案 far）');
    for (const p of ['units[3].station', 'demand.history.file', 'rows.csv', 'variants[0] (far) → stations[1] (F2)']) expect(placeZh(p)).toBe(p);
  });
});
