/** A careless user's exports: a header naming a column twice, rows of the wrong width, quotes left open, libraries' English. */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.ts';
import { csvTable } from '../../src/calibrate/cad/table.ts';
import { xlsxTable } from '../../src/calibrate/cad/xlsx.ts';
import { readCadTable } from '../../src/calibrate/cad/read.ts';
import { IDENTITY_MAPPING } from '../../src/calibrate/cad/columns.ts';
import { runFolderRows } from '../../src/calibrate/cad/records.ts';
import { formatErrors } from '../../src/scenario/errors.ts';
import { CAD, MAPPING } from './fixture.ts';

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false } };
};

/** The fixture export without its four bad rows, and its mapping without the call-taker's two times. */
function cleanExport(dir: string): { csv: string; map: string } {
  const lines = readFileSync(CAD, 'utf8').split('\n');
  const bad = new Set([42, 202, 403, 1004]);
  const csv = lines.filter((_, i) => !bad.has(i + 1)).join('\n');
  const map = join(dir, 'map.yaml');
  writeFileSync(map, readFileSync(MAPPING, 'utf8').split('\n').filter((l) => !/t_call_end|t_answer/.test(l)).join('\n'));
  return { csv, map };
}

/** A Chinese line has no English words (file names, ids and option names aside). */
const noEnglish = (line: string, allowed: readonly string[] = []) => {
  let rest = line;
  for (const a of allowed) rest = rest.split(a).join('');
  expect(rest, line).not.toMatch(/[A-Za-z]{3,}/);
};

describe('a header that names a column twice', () => {
  it('stops calibrate (exit 1, nothing written) naming the repeated name and both columns, when a field reads it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-dup-'));
    const { csv, map } = cleanExport(dir);
    // The call-end column renamed to the call time's name: one of the two would be read as the call time.
    writeFileSync(join(dir, 'dup.csv'), csv.replace('通话结束时间', '接警时间'));
    for (const [lang, line] of [
      ['zh', 'dup.csv 表头：列名“接警时间”出现两次（第 7 列和第 9 列）'],
      ['en', 'dup.csv header: the column name "接警时间" appears twice (columns 7 and 9)'],
    ] as const) {
      const q = io();
      expect(await main(['calibrate', join(dir, 'dup.csv'), '--mapping', map, '--out', join(dir, `out-${lang}`), '--resamples', '0', '--lang', lang], q.io)).toBe(1);
      expect(q.err.join('\n')).toContain(line);
      expect(existsSync(join(dir, `out-${lang}`))).toBe(false);
    }
  });

  it('stops an .xlsx sheet the same way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('出动记录');
    ws.addRow(['incident_id', 'type', 't_call', 'type']);
    ws.addRow(['I1', 'fire', '2025-03-03 10:00:00', 'medical']);
    const t = await xlsxTable(new Uint8Array(await wb.xlsx.writeBuffer()), 'cad.xlsx');
    expect(t.ok).toBe(true);
    const r = readCadTable(t.ok ? t.value : { header: [], rows: [] }, IDENTITY_MAPPING, null, 'cad.xlsx', false);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : formatErrors(r.errors, 'zh')).toContain('cad.xlsx 表头：列名“type”出现两次（第 2 列和第 4 列）');
  });

  it('a repeated name no field reads is only a warning, and the rows are read', () => {
    const text = 'incident_id,type,备注,t_call,备注\nI1,fire,a,2025-03-03 10:00:00,b\n';
    const t = csvTable(text, 'x.csv');
    const r = t.ok ? readCadTable(t.value, IDENTITY_MAPPING, null, 'x.csv', false) : t;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.rows).toHaveLength(1);
    expect(formatErrors(r.value.warnings, 'zh')).toContain('x.csv 表头：列名“备注”出现两次（第 3 列和第 5 列）');
    expect(formatErrors(r.value.warnings, 'en')).toContain('x.csv header: the column name "备注" appears twice (columns 3 and 5)');
  });
});

describe('rows with too few or too many fields', () => {
  const HEAD = 'incident_id,type,t_call,t_alert,unit';
  const ok = (id: string) => `${id},fire,2025-03-03 10:00:00,2025-03-03 10:01:00,E1`;
  const read = (text: string, drop: boolean) => {
    const t = csvTable(text, 'short.csv');
    if (!t.ok) throw new Error(formatErrors(t.errors, 'en'));
    const r = readCadTable(t.value, IDENTITY_MAPPING, null, 'short.csv', drop);
    if (!r.ok) throw new Error(formatErrors(r.errors, 'en'));
    return r.value;
  };

  it('a short row, a long row and a row cut off at the end are bad rows, named by line; a blank last line is not a row', () => {
    const text = [HEAD, ok('I1'), 'I2,fire,2025-03-03 11:00:00', ok('I3'), `${ok('I4')},extra`, ok('I5'), 'I6,fire,2025-03-03 1', ''].join('\n');
    const r = read(text, false);
    expect(r.problems.map((p) => [p.row, p.kind, p.zh, p.en])).toEqual([
      [3, 'fields', '3 列，表头为 5 列', '3 fields, the header has 5'],
      [5, 'fields', '6 列，表头为 5 列', '6 fields, the header has 5'],
      [7, 'fields', '3 列，表头为 5 列', '3 fields, the header has 5'],
    ]);
    // Left out with --drop-bad-rows, and counted: rows, and incidents that lost every row.
    const dropped = read(text, true);
    expect(dropped.rows.map((x) => x.incidentId)).toEqual(['I1', 'I3', 'I5']);
    expect([dropped.total, dropped.dropped, dropped.incidentsDropped]).toEqual([6, 3, 3]);
  });

  it('a row joined with the next by a lone LF in a file of CRLF lines says so, and the rows after it keep their lines', () => {
    const r = read([HEAD, ok('I1'), `${ok('I2')}\n${ok('I3')}`, ok('I4'), ''].join('\r\n'), false);
    expect(r.problems.map((p) => [p.row, p.kind])).toEqual([[3, 'fields']]);
    expect(r.problems[0].zh).toBe('9 列，表头为 5 列：第 5 列的值跨了一个换行，这一行多半和下一行连在了一起——文件里有的行以 CRLF 结尾、有的只以 LF 结尾时就会这样，请统一换行符后再读');
    expect(r.problems[0].en).toMatch(/^9 fields, the header has 5: field 5 runs over a line break, so this row was most likely joined with the next/);
    expect(r.rows.map((x) => x.row)).toEqual([2, 5]);
    // A quoted value over two lines in a row of the right width is a value like any other.
    const quoted = read([HEAD, `I1,fire,2025-03-03 10:00:00,2025-03-03 10:01:00,"E1\r\nE2"`, ''].join('\r\n'), false);
    expect(quoted.problems).toEqual([]);
  });

  it('a blank line inside the file is passed over without shifting the line numbers of the rows after it', () => {
    const r = read([HEAD, ok('I1'), '', 'I2,fire'].join('\n'), false);
    expect(r.problems.map((p) => p.row)).toEqual([4]);
    expect(r.total).toBe(2);
  });

  it('calibrate stops on them (exit 1) unless --drop-bad-rows, which lists them in problems.csv and the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-short-'));
    const lines = readFileSync(CAD, 'utf8').split('\n');
    // Line 4 cut to 15 fields.
    lines[3] = `${lines[3].split(',').slice(0, 15).join(',')}${lines[3].endsWith('\r') ? '\r' : ''}`;
    writeFileSync(join(dir, 'short.csv'), lines.join('\n'));
    const q = io();
    expect(await main(['calibrate', join(dir, 'short.csv'), '--mapping', MAPPING, '--out', join(dir, 'never'), '--resamples', '0'], q.io)).toBe(1);
    expect(q.err.join('\n').split('\n')).toContain('short.csv 第 4 行：15 列，表头为 19 列');
    expect(existsSync(join(dir, 'never'))).toBe(false);
    const en = io();
    expect(await main(['calibrate', join(dir, 'short.csv'), '--mapping', MAPPING, '--out', join(dir, 'never'), '--resamples', '0', '--lang', 'en'], en.io)).toBe(1);
    expect(en.err.join('\n').split('\n')).toContain('short.csv row 4: 15 fields, the header has 19');
    const d = io();
    expect(await main(['calibrate', join(dir, 'short.csv'), '--mapping', MAPPING, '--out', join(dir, 'out'), '--resamples', '0', '--drop-bad-rows'], d.io)).toBe(0);
    expect(readFileSync(join(dir, 'out', 'problems.csv'), 'utf8')).toContain('4,,fields,15 列，表头为 19 列');
    expect(readFileSync(join(dir, 'out', 'calibration.html'), 'utf8')).toContain('列数与表头不符');
    // The four bad rows of the fixture and this one.
    expect(d.out[0]).toContain('有问题的 5 行已剔除');
  });
});

describe('no library’s English in a Chinese line', () => {
  it('an unclosed quote is said in Chinese words, Papa Parse’s English kept for the English line', () => {
    const t = csvTable('incident_id,type,t_call\nI1,fire,2025-03-03 10:00:00\n\nI2,"fire,2025-03-03 10:00:00\n', 'q.csv');
    expect(t.ok).toBe(false);
    if (t.ok) return;
    const zh = formatErrors(t.errors, 'zh');
    expect(zh).toBe('q.csv 第 4 行：引号没有闭合（此后的内容都会被读进这个单元格）');
    noEnglish(zh, ['q.csv']);
    expect(formatErrors(t.errors, 'en')).toContain('Quoted field unterminated');
  });

  it('a workbook that cannot be opened is said in Chinese words', async () => {
    const t = await xlsxTable(new TextEncoder().encode('not a zip at all'), 'cad.xlsx');
    expect(t.ok).toBe(false);
    if (t.ok) return;
    noEnglish(formatErrors(t.errors, 'zh'), ['cad.xlsx', '.xlsx']);
  });

  it('a run.json that does not parse is named by line and column in Chinese words', () => {
    const r = runFolderRows({ 'run.json': '{"scenario": {"start": "2025-03-03T00:00:00+08:00",}' }, 1);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const zh = formatErrors(r.errors, 'zh');
    expect(zh).toMatch(/^run\.json：不是有效的 JSON：第 1 行第 \d+ 列/);
    noEnglish(zh, ['run.json', 'JSON']);
  });
});

describe('times written to the minute only', () => {
  it('are said in a warning naming the columns, and stages short against a minute are not fitted as if exact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-minute-'));
    const { csv } = cleanExport(dir);
    // As Excel re-saves them: no seconds.
    writeFileSync(join(dir, 'minute.csv'), csv.replace(/(\d{2}:\d{2}):\d{2}/g, '$1'));
    const q = io();
    expect(await main(['calibrate', join(dir, 'minute.csv'), '--mapping', MAPPING, '--out', join(dir, 'out'), '--resamples', '0'], q.io)).toBe(0);
    const warning = q.err.find((l) => l.startsWith('警告：'));
    expect(warning).toContain('“接警时间”');
    expect(warning).toContain('只记到分钟');
    const fragment = readFileSync(join(dir, 'out', 'calibrated.yaml'), 'utf8');
    // Call handling (a few minutes, recorded as 0, 60, 120 … s) is not written as an empirical list of whole minutes.
    expect(fragment).not.toMatch(/handlingTime:.*values: \[0, 0/);
    expect(fragment).not.toMatch(/handlingTime/);
    const html = readFileSync(join(dir, 'out', 'calibration.html'), 'utf8');
    expect(html).toContain('在分钟精度下无法估计');
    expect(html).toContain('接警通话时长');
    const en = io();
    expect(await main(['calibrate', join(dir, 'minute.csv'), '--mapping', MAPPING, '--out', join(dir, 'out-en'), '--resamples', '0', '--lang', 'en'], en.io)).toBe(0);
    expect(en.err.find((l) => l.startsWith('warning: '))).toContain('to the minute only');
  });

  it('whole-second times are not taken for minutes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-minute-'));
    const { csv, map } = cleanExport(dir);
    writeFileSync(join(dir, 'seconds.csv'), csv);
    const q = io();
    expect(await main(['calibrate', join(dir, 'seconds.csv'), '--mapping', map, '--out', join(dir, 'out'), '--resamples', '0'], q.io)).toBe(0);
    expect(q.err.join('\n')).not.toContain('只记到分钟');
  });
});

describe('minute stamps are warned of for what the command does with them', () => {
  it('calibrate says which stages it does not fit; validate-history, which fits nothing, says what a comparison can tell', async () => {
    const { minuteWarning } = await import('../../src/calibrate/resolution.ts');
    const fit = minuteWarning('cad.csv', ['接警时间'], 'fit');
    const compare = minuteWarning('cad.csv', ['接警时间'], 'compare');
    expect(fit.zh).toContain('不予拟合');
    expect(compare.zh).not.toContain('拟合');
    expect(compare.en).not.toMatch(/fitted|report/);
    expect(compare).toEqual({
      zh: 'cad.csv：“接警时间” 列的时间只记到分钟（秒数全为 0）：各时长的误差可达 ±1 分钟；与仿真相比时，时长在一分钟以内的差异不能说明问题',
      en: 'cad.csv: the times of "接警时间" are to the minute only (every second is 0): durations are off by up to ±1 minute; a difference from the simulation within a minute says nothing',
    });
  });
});
