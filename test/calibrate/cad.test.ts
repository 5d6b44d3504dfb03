/** Reading CAD exports: formats, mappings, and every kind of bad row counted by row and column. */
import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseCadTime, checkRows, readRows, problemPlace } from '../../src/calibrate/cad/rows.ts';
import { parseMapping, resolveColumns, IDENTITY_MAPPING } from '../../src/calibrate/cad/columns.ts';
import { csvTable } from '../../src/calibrate/cad/table.ts';
import { xlsxTable } from '../../src/calibrate/cad/xlsx.ts';
import { runFolderRows } from '../../src/calibrate/cad/records.ts';
import { problemsCsv } from '../../src/calibrate/tables.ts';
import { expectBilingual } from '../bilingual.ts';
import { readCadTable } from '../../src/calibrate/cad/read.ts';
import { buildHistory, dispatchDelays } from '../../src/calibrate/observations.ts';
import { main } from '../../src/cli/main.ts';
import { CAD, MAPPING, readFixture, TRUTH, truth } from './fixture.ts';
import { calibrate } from '../../src/calibrate/calibrate.ts';
import { calibrationHtml } from '../../src/calibrate/report.ts';

const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false } };
};

describe('CAD times', () => {
  it('reads the usual ways of writing a time, at the local offset unless the time carries one', () => {
    const base = parseCadTime('2025-03-01 09:05:00', 8 * 3600)!;
    expect(parseCadTime('2025/3/1 9:05', 8 * 3600)).toBe(base);
    expect(parseCadTime('2025-03-01T09:05:00+08:00', 0)).toBe(base);
    expect(parseCadTime('2025-03-01T01:05:00Z', 8 * 3600)).toBe(base);
    expect(parseCadTime('2025-03-01 09:05:00.250', 8 * 3600)).toBe(base + 0.25);
    for (const bad of ['2025-03-01 25:00:00', '01/03/2025 09:05', 'yesterday', '2025-13-01 00:00']) expect(parseCadTime(bad, 0)).toBeNull();
  });
});

describe('rows and their problems', () => {
  const HEAD = 'incident_id,type,zone,t_call,t_answer,t_call_end,unit,agency,t_alert,t_enroute,t_arrive,t_clear';
  const ok = 'I1,fire,Z1,2025-03-03 10:00:00,2025-03-03 10:00:05,2025-03-03 10:01:30,E1-1,FIRE,2025-03-03 10:02:30,2025-03-03 10:03:40,2025-03-03 10:09:00,2025-03-03 10:49:00';
  const read = (lines: string[], scenario = truth()) => {
    const t = csvTable([HEAD, ...lines].join('\n'), 'x.csv');
    if (!t.ok) throw new Error('table');
    const r = readCadTable(t.value, IDENTITY_MAPPING, scenario, 'x.csv', false);
    if (!r.ok) throw new Error(r.errors[0].en);
    return r.value;
  };

  it('a clean row has no problem', () => {
    expect(read([ok]).problems).toEqual([]);
  });

  it('names each problem by row, column and kind', () => {
    const lines = [
      ok,
      ok.replace('I1,', 'I2,').replace('10:09:00', '10:0x:00'), // unparseable
      ok.replace('I1,', 'I3,').replace('2025-03-03 10:09:00', '2025-03-03 10:03:00'), // arrival before leaving
      ok.replace('I1,', 'I4,').replace('2025-03-03 10:49:00', '2025-03-03 09:00:00'), // clear before call
      ok.replace('I1,', 'I5,').replace(',Z1,', ',Z9,'),
      ok.replace('I1,', 'I6,').replace(',fire,', ',flood,'),
      ok.replace('I1,', 'I7,').replace(',FIRE,', ',ARMY,'),
      ok.replace('I1,', ','),
      ok.replace(',fire,', ',medical,'), // I1 again with another type
      ok, // I1 again: the same unit at the same alert time
    ];
    const problems = read(lines).problems;
    expectBilingual(problems);
    const p = problems.map((x) => [x.row, x.column, x.kind]);
    expect(p).toEqual([
      [3, 't_arrive', 'time'],
      [4, 't_arrive', 'negative'],
      [5, 't_clear', 'negative'],
      [6, 'zone', 'zone'],
      [7, 'type', 'type'],
      [8, 'agency', 'agency'],
      [9, 'incident_id', 'missing'],
      [10, 'type', 'conflict'],
      [10, 'unit', 'duplicate'], // also the same unit at the same alert time as row 2
      [11, 'unit', 'duplicate'],
    ]);
    const negative = read([lines[2]]).problems[0];
    expect(negative.en).toBe('t_arrive (2025-03-03 10:03:00) is 40 s before t_enroute (2025-03-03 10:03:40): a negative travel of −40 s');
    expect(negative.zh).toBe('t_arrive（2025-03-03 10:03:00）比 t_enroute（2025-03-03 10:03:40）早 40 秒：行驶时长为负（−40 秒）');
    expect(problems.find((x) => x.kind === 'type')!.en).toBe('unknown incident type "flood" (the scenario has: fire, medical, traffic, security)');
    expect(problems.find((x) => x.kind === 'conflict')!.en).toBe('incident I1 has type "fire" in row 2 but "medical" here');
    expect([problemPlace(negative, 'en'), problemPlace(negative, 'zh')]).toEqual([' row 2', ' 第 2 行']);
  });

  it('every other kind of row problem is said in both languages, the English as before', () => {
    const lines = [
      ok.replace('I1,', 'G1,').replace(',fire,', ',,'), // no type
      ok.replace('I1,', 'G2,').replace('2025-03-03 10:00:00', ''), // no call time
      ok.replace('I1,', 'G3,').replace('2025-03-03 10:03:40', '2025-03-03 10:03:50').replace('2025-03-03 10:02:30', '2025-03-03 10:04:00'), // en route before the alert
      ok.replace('I1,', 'G4,').replace('2025-03-03 10:49:00', '2025-03-13 10:49:00'), // ten days on scene
    ];
    const problems = read(lines).problems;
    expectBilingual(problems);
    expect(problems.map((x) => x.en)).toEqual([
      'no incident type',
      'no call time',
      't_enroute (2025-03-03 10:03:50) is 10 s before t_alert (2025-03-03 10:04:00): a negative turnout of −10 s',
      't_clear (2025-03-13 10:49:00) is 10 days after t_arrive (2025-03-03 10:09:00): longer than any stage of a response (a mistyped date?)',
    ]);
    const t = { header: ['incident_id', 'type', 'grade', 'lon', 'lat', 't_call'], rows: [['A', 'fire', 'V', '200', '30', '2025-03-03 10:00:00'], ['B', 'fire', '', '120', '95', 'soon']] };
    const cols = resolveColumns(t.header, IDENTITY_MAPPING, 'x.csv');
    const r = readRows(t, cols.ok ? cols.value : {}, IDENTITY_MAPPING, 0);
    expectBilingual(r.problems);
    expect(r.problems.map((x) => x.en)).toEqual(['grade must be one of IV, III, II, I, got "V"', 'not a longitude: "200"', 'not a time: "soon" (expected like 2025-03-01 14:05:07)', 'not a latitude: "95"']);
    expect(r.problems[0].zh).toBe('等级必须是 IV、III、II、I 之一；实际为“V”');
  });

  it('a mistyped date is caught: a stage over a week, and a call far outside the export’s period', () => {
    const days = Array.from({ length: 30 }, (_, i) => ok.replace('I1,', `D${i},`).replaceAll('2025-03-03', `2025-03-${String(i % 28 + 1).padStart(2, '0')}`));
    const p = read([...days, ok.replace('I1,', 'Y1,').replace('2025-03-03 10:49:00', '2205-03-03 10:49:00'), ok.replace('I1,', 'Y2,').replaceAll('2025-03-03', '2205-03-03')]).problems;
    expect(p.map((x) => [x.row, x.column, x.kind])).toEqual([
      [32, 't_clear', 'long'],
      [33, 't_call', 'outlier'],
    ]);
    expectBilingual(p);
    expect(p[1].en).toMatch(/^call on 2205-03-03, far outside the other calls \(2025-03-01 – 2025-03-28 for the rest\)/);
  });

  it('without a scenario, zones, types and agencies are whatever the export says', () => {
    const t = csvTable([HEAD, ok.replace(',Z1,', ',Z9,')].join('\n'), 'x.csv');
    const r = t.ok && readCadTable(t.value, IDENTITY_MAPPING, null, 'x.csv', false);
    expect(r && r.ok && r.value.problems).toEqual([]);
  });

  it('dropping keeps the other rows and counts what went', () => {
    const t = csvTable([HEAD, ok, ok.replace('I1,', 'I2,').replace(',Z1,', ',Z9,')].join('\n'), 'x.csv');
    const r = t.ok ? readCadTable(t.value, IDENTITY_MAPPING, truth(), 'x.csv', true) : null;
    expect(r?.ok && [r.value.rows.length, r.value.dropped, r.value.incidentsDropped]).toEqual([1, 1, 1]);
  });

  it('a unit alerted during the call (边接边派) counts as a dispatch delay of 0, and is counted', () => {
    const during = ok.replace('2025-03-03 10:02:30', '2025-03-03 10:01:00');
    const h = buildHistory(read([during]).rows, 8 * 3600);
    const d = dispatchDelays(h);
    expect(d.samples.get('FIRE')).toEqual([0]);
    expect(d.duringCall.get('FIRE')).toBe(1);
  });

  it('a mapping names the export’s columns and translates its values; a wrong mapping is named', () => {
    const m = parseMapping({ columns: { incident_id: '编号', type: '类型', t_call: '接警' }, values: { type: { 火灾: 'fire' } } }, 'm.yaml');
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const cols = resolveColumns(['编号', '类型', '接警'], m.value, 'x.csv');
    expect(cols.ok).toBe(true);
    const t = { header: ['编号', '类型', '接警'], rows: [['A', '火灾', '2025-03-03 10:00:00']] };
    const r = readRows(t, cols.ok ? cols.value : {}, m.value, 0);
    expect(checkRows(r.rows, { zones: null, types: null, agencies: null, offsetS: 0 }).rows[0].type).toBe('fire');
    const missing = resolveColumns(['编号', '类别'], m.value, 'x.csv');
    expect(!missing.ok && missing.errors.map((e) => e.en)).toEqual([
      'the mapping names column "类型" for type, but the header has no such column (it has: 编号, 类别)',
      'the mapping names column "接警" for t_call, but the header has no such column (it has: 编号, 类别)',
    ]);
    if (!missing.ok) expectBilingual(missing.errors);
    const none = resolveColumns(['编号'], IDENTITY_MAPPING, 'x.csv');
    expect(!none.ok && none.errors.map((e) => e.en)).toEqual([
      'no column for incident_id (incident number (rows of one incident share it)): name it in the header or map it with --mapping',
      'no column for type (incident type (a scenario incidentTypes id, after values.type)): name it in the header or map it with --mapping',
      'no column for t_call (call received): name it in the header or map it with --mapping',
    ]);
    if (!none.ok) expectBilingual(none.errors);
    const offset = parseMapping({ utcOffset: 'UTC+8' }, 'm.yaml');
    expect(!offset.ok && offset.errors).toEqual([{ path: 'm.yaml utcOffset', zh: 'UTC 偏移应形如“+08:00”；实际为“UTC+8”', en: 'a UTC offset is like "+08:00"; got "UTC+8"' }]);
    expect(parseMapping({ utcOffset: '+0800' }, 'm.yaml').ok).toBe(true);
    const bad = parseMapping({ columns: { when: 'x' } }, 'm.yaml');
    expect(!bad.ok && bad.errors[0].path).toBe('m.yaml columns');
  });
});

describe('files that cannot be read as an export', () => {
  it('a CSV file with no header, a broken quote, a workbook that is not one or lacks the sheet: named in both languages', async () => {
    const empty = csvTable('\r\n\r\n', 'x.csv');
    const quote = csvTable('a,b\r\n"1,2\r\n', 'x.csv');
    const notXlsx = await xlsxTable(new TextEncoder().encode('not a zip'), 'x.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('出动记录');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const noSheet = await xlsxTable(bytes, 'x.xlsx', '警情');
    const blank = await xlsxTable(bytes, 'x.xlsx');
    const errors = [empty, quote, notXlsx, noSheet, blank].flatMap((r) => (r.ok ? [] : r.errors));
    expect(errors).toHaveLength(5);
    expectBilingual(errors);
    expect(errors[0].en).toBe('the file is empty (no header row)');
    expect(errors[2].en).toMatch(/^not a readable \.xlsx workbook \(/);
    expect(errors[3]).toEqual({ path: 'x.xlsx', zh: '没有名为“警情”的工作表（工作簿中有：出动记录）', en: 'no worksheet "警情" (it has: 出动记录)' });
    expect(errors[4].en).toBe('the first worksheet is empty (no header row)');
  });

  it('a run folder that is not one, or lacks the replication asked for: named in both languages', () => {
    const notJson = runFolderRows({ 'run.json': '{"scen' }, 1);
    const notRun = runFolderRows({ 'run.json': '{"a": 1}' }, 1);
    const badStart = runFolderRows({ 'run.json': '{"scenario": {"start": "soon"}}' }, 1);
    const noFiles = runFolderRows({ 'run.json': '{"scenario": {"start": "2025-03-01T00:00:00+08:00"}}' }, 1);
    const errors = [notJson, notRun, badStart, noFiles].flatMap((r) => (r.ok ? [] : r.errors));
    expectBilingual(errors);
    expect(errors.slice(1, 3).map((e) => e.en)).toEqual(['not a linkdrill run description', 'scenario.start "soon" is not a date-time with an offset']);
    expect(errors.at(-1)).toEqual({ path: 'agencies.csv', zh: '运行文件夹中没有此文件', en: 'missing from the run folder' });
  });

  it('problems.csv says each problem in the report’s language, under the same columns', () => {
    const p = [{ row: 7, column: '接警时间', kind: 'missing' as const, zh: '缺少接警时间', en: 'no call time' }];
    expect(problemsCsv(p, false, 'zh')).toBe('row,column,kind,message\r\n7,接警时间,missing,缺少接警时间\r\n');
    expect(problemsCsv(p, false, 'en')).toBe('row,column,kind,message\r\n7,接警时间,missing,no call time\r\n');
    // A run's records, not a line of any file, are named in the report's language; the ids as written.
    const run = [{ ...p[0], row: 2, record: { incident: 'inc-000144', unit: 'P-1' } }];
    expect(problemsCsv(run, false, 'zh')).toBe('row,column,kind,message\r\n事件 inc-000144，单位 P-1,接警时间,missing,缺少接警时间\r\n');
    expect(problemsCsv(run, false, 'en')).toBe('row,column,kind,message\r\n"incident inc-000144, unit P-1",接警时间,missing,no call time\r\n');
  });

  it('calibration.html lists the problem rows, their kinds and what is wrong in the report’s language', () => {
    const r = readFixture(truth());
    expect(r.problems.length).toBeGreaterThan(0);
    const c = calibrate(r.rows, r.offsetS, { name: 'cad.csv', kind: 'cad', rows: r.total, problems: r.problems, dropped: r.dropped, incidentsDropped: r.incidentsDropped }, truth(), { resamples: 0, seed: 1, dayStartH: 7, nightStartH: 19 });
    const section = (lang: 'zh' | 'en') => calibrationHtml(c, lang).split(lang === 'zh' ? '七、问题记录' : '7. Problem rows')[1];
    const [zh, en] = [section('zh'), section('en')];
    for (const p of r.problems) {
      expect(zh).toContain(p.zh.replaceAll('"', '&quot;').slice(0, 12));
      expect(en).toContain(p.en.replaceAll('"', '&quot;').slice(0, 12));
    }
    expect(zh).not.toMatch(/>(missing|time|negative|order|long|outlier|zone|type|agency|grade|number|conflict|duplicate)</);
  });
});

describe('linkdrill calibrate on the synthetic export', () => {
  it('refuses an export with problem rows, one line per problem, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-cal-'));
    const { err, io: cli } = io();
    const code = await main(['calibrate', CAD, '--mapping', MAPPING, '--scenario', TRUTH, '--out', join(dir, 'out'), '--lang', 'en'], cli);
    expect(code).toBe(1);
    const faults = JSON.parse(readFileSync(join(CAD, '..', 'faults.json'), 'utf8')) as { line: number; kind: string }[];
    for (const f of faults) expect(err.join('\n')).toContain(`cad.csv row ${f.line}, column `);
    expect(err.join('\n').split('\n').at(-1)).toBe('cad.csv: 6 problems in 6 rows; fix them, or leave those rows out with --drop-bad-rows');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('with --drop-bad-rows writes the fragment, the report and the tables, and lists the dropped rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-cal-'));
    const { out, io: cli } = io();
    const code = await main(['calibrate', CAD, '--mapping', MAPPING, '--scenario', TRUTH, '--out', join(dir, 'out'), '--drop-bad-rows', '--resamples', '0', '--lang', 'en'], cli);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/6 problem rows left out/);
    for (const f of ['calibrated.yaml', 'calibration.html', 'parameters.csv', 'fits.csv', 'tests.csv', 'demand.csv', 'problems.csv']) expect(existsSync(join(dir, 'out', f))).toBe(true);
    expect(readFileSync(join(dir, 'out', 'problems.csv'), 'utf8').trim().split('\r\n')).toHaveLength(7);
    const html = readFileSync(join(dir, 'out', 'calibration.html'), 'utf8');
    expect(html).toContain('Calibration from the county’s records');
    expect(html).not.toMatch(/NaN|undefined/);
  });

  it('never replaces a folder it did not write, and says usage errors with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-cal-'));
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.txt'), 'keep me');
    const { err, io: cli } = io();
    expect(await main(['calibrate', CAD, '--mapping', MAPPING, '--out', join(dir, 'mine'), '--drop-bad-rows', '--resamples', '0', '--lang', 'en'], cli)).toBe(1);
    expect(err.at(-1)).toMatch(/holds files linkdrill did not write/);
    expect(readFileSync(join(dir, 'mine', 'notes.txt'), 'utf8')).toBe('keep me');
    expect(await main(['calibrate', CAD, '--resamples', '50'], io().io)).toBe(2);
    expect(await main(['calibrate'], io().io)).toBe(2);
  });

  it('reads an export saved as UTF-16 (with its BOM) like the UTF-8 one', async () => {
    const text = readFileSync(CAD, 'utf8').replace(/^\uFEFF/, '').split('\r\n').slice(0, 60).join('\r\n');
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-enc-'));
    const u16 = new Uint8Array(2 + text.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      u16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      u16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    writeFileSync(join(dir, 'utf8.csv'), text);
    writeFileSync(join(dir, 'utf16.csv'), u16);
    const params = async (file: string) => {
      expect(await main(['calibrate', join(dir, file), '--mapping', MAPPING, '--out', join(dir, `out-${file}`), '--resamples', '0', '--drop-bad-rows'], io().io)).toBe(0);
      return readFileSync(join(dir, `out-${file}`, 'parameters.csv'), 'utf8');
    };
    expect(await params('utf16.csv')).toBe(await params('utf8.csv'));
  });

  it('reads the same rows from an .xlsx workbook with date cells as from the CSV', async () => {
    const text = readFileSync(CAD, 'utf8').replace(/^\uFEFF/, '').split('\r\n').slice(0, 40).join('\r\n');
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-xlsx-'));
    writeFileSync(join(dir, 'cad.csv'), text);
    const t = csvTable(text, 'cad.csv');
    if (!t.ok) throw new Error('csv');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('出动记录');
    ws.addRow(t.value.header);
    // Times as Excel dates (wall clock, no zone), the rest as text.
    for (const r of t.value.rows) ws.addRow(r.map((c) => (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(c) ? new Date(`${c.replace(' ', 'T')}Z`) : c)));
    await wb.xlsx.writeFile(join(dir, 'cad.xlsx'));
    const run = async (file: string) => {
      const out = join(dir, `out-${file}`);
      expect(await main(['calibrate', join(dir, file), '--mapping', MAPPING, '--scenario', TRUTH, '--out', out, '--resamples', '0'], io().io)).toBe(0);
      return readFileSync(join(out, 'parameters.csv'), 'utf8');
    };
    expect(await run('cad.xlsx')).toBe(await run('cad.csv'));
  });
});
