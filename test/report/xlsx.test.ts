import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { workbookFromCsv } from '../../src/report/xlsx.ts';
import { readXlsxTable } from '../../src/scenario/xlsx-table.ts';
import { ROOT } from '../helpers.ts';

const quiet = () => ({ out: () => {}, err: () => {}, tty: false });
const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
};

describe('Excel workbook of a run', () => {
  it('run --xlsx writes run.xlsx: a sheet per table, Chinese headers, frozen header, numbers as numbers, times as wall-clock dates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-xlsx-'));
    expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--xlsx', '--out', join(dir, 'run')], { out: () => {}, err: () => {}, tty: false })).toBe(0);
    expect(readdirSync(join(dir, 'run'))).toContain('run.xlsx');
    const wb = await load(new Uint8Array(readFileSync(join(dir, 'run/run.xlsx'))));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['事件', '来电', '出动', '联动单位', '救援力量', '物资储备', '汇总', '评分指标', '事件日志']);
    const inc = wb.getWorksheet('事件')!;
    expect(inc.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (inc.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['重复序号', '事件编号', '类型', '区域']);
    // Same rows as the CSV, typed: rep a number, t_occur a date at start + t.
    const csv = readFileSync(join(dir, 'run/incidents.csv'), 'utf8').trim().split('\r\n');
    expect(inc.rowCount).toBe(csv.length);
    const first = csv[1].split(',');
    const row = inc.getRow(2);
    expect(row.getCell(1).value).toBe(Number(first[0]));
    expect(row.getCell(2).value).toBe(first[1]);
    const tOccur = Number(first[9]);
    const start = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8').match(/start: "([^"]+)"/)![1];
    const [d, t] = start.split('T');
    const expected = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), Number(t.slice(0, 2)), Number(t.slice(3, 5))) + tOccur * 1000;
    expect((row.getCell(10).value as Date).getTime()).toBeCloseTo(expected, -1);
    expect(row.getCell(10).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  });

  it('text that a spreadsheet would run as a formula stays text, and English keeps the CSV column names', async () => {
    const csv = "rep,incident_id,type,t_occur\r\n1,'=HYPERLINK(\"x\"),fire,60\r\n";
    const wb = await load(await workbookFromCsv({ 'incidents.csv': csv }, { lang: 'en', start: '2026-06-01T08:00:00+08:00' }));
    const ws = wb.getWorksheet('incidents')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['rep', 'incident_id', 'type', 't_occur']);
    const cell = ws.getRow(2).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("x")');
    expect((ws.getRow(2).getCell(4).value as Date).toISOString()).toBe('2026-06-01T08:01:00.000Z');
  });

  it('ids that look like numbers stay text as written (zone 007, station 0512, channel 120, type 1e5), while numbers stay numbers', async () => {
    const files = {
      'incidents.csv': 'rep,incident_id,type,zone,lon,tiers_involved\r\n1,inc-000001,1e5,007,120.5,1\r\n',
      'calls.csv': 'rep,call_id,incident_id,channel\r\n1,call-000001,inc-000001,120\r\n',
      'units.csv': 'rep,unit_id,agency,station,type,dispatches\r\n1,01,110,0512,3,5\r\n',
      'replications.csv': 'variant,rep,seed,score\r\n2025,1,7,88.5\r\n',
    };
    const wb = await load(await workbookFromCsv(files, { lang: 'en' }));
    const row = (sheet: string) => (wb.getWorksheet(sheet)!.getRow(2).values as unknown[]).slice(1);
    expect(row('incidents')).toEqual([1, 'inc-000001', '1e5', '007', 120.5, '1']);
    expect(row('calls')).toEqual([1, 'call-000001', 'inc-000001', '120']);
    expect(row('units')).toEqual([1, '01', '110', '0512', '3', 5]);
    expect(row('replications')).toEqual(['2025', 1, 7, 88.5]);
  });

  it('the same folder makes the same workbook, byte for byte', async () => {
    const files = { 'summary.csv': 'rep,metric,value\r\n1,incidents,3\r\n' };
    expect(Buffer.from(await workbookFromCsv(files, { lang: 'zh' })).equals(Buffer.from(await workbookFromCsv(files, { lang: 'zh' })))).toBe(true);
  });
});

describe('reading a table from a workbook (MSEL, CAD export)', () => {
  it('reads the header and rows as text: numbers as written, dates as the clock the sheet shows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('CAD');
    ws.addRow(['time', 'type', 'grade', 'lon']);
    ws.addRow([new Date(Date.UTC(2025, 6, 1, 14, 23, 5)), 'fire', 'III', 120.61]);
    ws.addRow([]);
    ws.addRow([{ formula: '1+1', result: 2 }, 'medical', '', 120.5]);
    const r = await readXlsxTable(new Uint8Array(await wb.xlsx.writeBuffer()), 'cad.xlsx');
    expect(r).toEqual({ ok: true, value: { header: ['time', 'type', 'grade', 'lon'], rows: [
      { line: 2, cells: { time: '2025-07-01 14:23:05', type: 'fire', grade: 'III', lon: '120.61' } },
      { line: 4, cells: { time: '2', type: 'medical', grade: '', lon: '120.5' } },
    ] } });
  });

  it('a file that is no workbook, a damaged one, a missing sheet and a repeated column are named errors', async () => {
    expect(await readXlsxTable(new TextEncoder().encode('time,type\n1,fire'), 'msel.xlsx')).toEqual({ ok: false, errors: [{ path: 'msel.xlsx', zh: expect.stringMatching(/\p{Script=Han}/u), en: expect.stringMatching(/not an \.xlsx workbook/) }] });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('MSEL').addRow(['time', 'inject', 'time']);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await readXlsxTable(good.slice(0, good.length / 2), 'msel.xlsx')).toMatchObject({ ok: false, errors: [{ path: 'msel.xlsx', zh: expect.stringMatching(/无法作为 \.xlsx 工作簿读取/), en: expect.stringMatching(/cannot be read as an \.xlsx workbook/) }] });
    expect(await readXlsxTable(good, 'msel.xlsx', 'Injects')).toMatchObject({ ok: false, errors: [{ en: 'has no sheet "Injects" (it has "MSEL")', zh: expect.stringMatching(/\p{Script=Han}/u) }] });
    expect(await readXlsxTable(good, 'msel.xlsx')).toMatchObject({ ok: false, errors: [{ path: 'msel.xlsx sheet "MSEL" row 1', en: 'column "time" appears twice (column 3)', zh: expect.stringMatching(/\p{Script=Han}/u) }] });
  });
});

describe('Excel workbook of a batch', () => {
  it('batch --xlsx adds batch.xlsx with the replications and the comparison', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-xlsx-'));
    expect(await main(['batch', join(ROOT, 'test/fixtures/small.yaml'), '--reps', '2', '--workers', '1', '--xlsx', '--lang', 'en', '--out', join(dir, 'b')], quiet())).toBe(0);
    const wb = await load(new Uint8Array(readFileSync(join(dir, 'b/batch.xlsx'))));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['replications', 'comparison']);
    expect(typeof wb.getWorksheet('replications')!.getRow(2).getCell(2).value).toBe('number');
  });
});
