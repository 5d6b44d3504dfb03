import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadScenarioFile, loadScenarioFileWithWorkbooks } from '../../src/cli/io.ts';
import { createEngineApi } from '../../src/worker/engine.ts';
import { ROOT } from '../helpers.ts';
import { expectBilingual } from '../bilingual.ts';

const quiet = () => {
  const err: string[] = [];
  return { io: { out: () => {}, err: (s: string) => void err.push(s), tty: false }, err };
};

/** The history fixture's rows as Excel holds them: a real date cell, a number, an empty row in between. */
async function cadWorkbook(badTime = false): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('接警记录');
  ws.addRow(['Time', 'Type', 'Grade', 'Zone', 'Lon', 'Lat', 'Name']);
  // Excel keeps no time zone: the date's UTC fields are the clock the sheet shows.
  ws.addRow([new Date(Date.UTC(2026, 5, 1, 0, 30, 0)), 'fire', 'III', 'Z1', null, null, '仓库火灾']);
  ws.addRow(['2026-06-01 01:15:30', 'medical', null, null, 120.051, 30.021, '胸痛']);
  ws.addRow([]);
  ws.addRow([badTime ? 'soon' : 5400, 'medical', 'IV', 'Z2', null, null, null]);
  ws.addRow(['2026-05-31 23:00:00', 'fire', 'IV', 'Z1', null, null, 'before the window']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function folder(xlsx: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'history-xlsx-'));
  mkdirSync(join(dir, 'history'));
  copyFileSync(join(ROOT, 'test/fixtures/history/cad.csv'), join(dir, 'history/cad.csv'));
  writeFileSync(join(dir, 'history/cad.xlsx'), xlsx);
  writeFileSync(join(dir, 'csv.yaml'), readFileSync(join(ROOT, 'test/fixtures/history.yaml')));
  writeFileSync(join(dir, 'xlsx.yaml'), readFileSync(join(ROOT, 'test/fixtures/history.yaml'), 'utf8').replace('history/cad.csv', 'history/cad.xlsx'));
  return dir;
}

describe('a CAD history saved as an Excel workbook', () => {
  it('replays the same incidents as the same history saved as CSV, in the CLI and in the app’s worker', async () => {
    const dir = folder(await cadWorkbook());
    const csv = loadScenarioFile(join(dir, 'csv.yaml'));
    const xlsx = await loadScenarioFileWithWorkbooks(join(dir, 'xlsx.yaml'));
    if (!csv.ok || !xlsx.ok) throw new Error(JSON.stringify([csv, xlsx].flatMap((r) => (r.ok ? [] : r.errors))));
    expect(xlsx.value.demand.fixed).toEqual(csv.value.demand.fixed);
    expect(xlsx.value.demand.fixed.map((f) => f.t)).toEqual([1800, 4530, 5400]);
    const files = { 'history/cad.xlsx': new Uint8Array(readFileSync(join(dir, 'history/cad.xlsx'))) };
    const app = await createEngineApi().load(readFileSync(join(dir, 'xlsx.yaml'), 'utf8'), 'xlsx.yaml', files);
    expect(app.ok && app.value.demand.fixed).toEqual(csv.value.demand.fixed);
    const q = quiet();
    expect(await main(['run', join(dir, 'xlsx.yaml'), '--out', join(dir, 'out')], q.io)).toBe(0);
    const rows = readFileSync(join(dir, 'out/incidents.csv'), 'utf8').trim().split('\n').slice(1);
    expect(rows.map((r) => r.split(',').slice(2, 4).join(' '))).toEqual(['fire Z1', 'medical Z2', 'medical Z2']);
  });

  it('a bad cell is named by the sheet’s own row number, empty rows counted', async () => {
    const dir = folder(await cadWorkbook(true));
    const r = await loadScenarioFileWithWorkbooks(join(dir, 'xlsx.yaml'));
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'demand.history.file (history/cad.xlsx) row 5.time', zh: '不是有效的时间：“soon”', en: 'not a time: "soon"' }]);
  });

  it('a damaged workbook, or a loader that reads none, is refused by the key that names it', async () => {
    const dir = folder(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
    const r = await loadScenarioFileWithWorkbooks(join(dir, 'xlsx.yaml'));
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['demand.history.file']);
    expect(r.ok ? '' : r.errors[0].en).toMatch(/^"history\/cad\.xlsx" cannot be read as an \.xlsx workbook/);
    expect(r.ok ? '' : r.errors[0].zh).toMatch(/^文件“history\/cad\.xlsx”无法作为 \.xlsx 工作簿读取/);
    const sync = loadScenarioFile(join(folder(await cadWorkbook()), 'xlsx.yaml'));
    expect(sync.ok ? [] : sync.errors).toMatchObject([{ path: 'demand.history.file', en: '"history/cad.xlsx" is an Excel workbook, which this host does not read: save it as CSV' }]);
    if (!sync.ok) expectBilingual(sync.errors);
    const q = quiet();
    expect(await main(['validate', join(dir, 'xlsx.yaml')], q.io)).toBe(1);
    expect(q.err.join('\n')).toContain('demand.history.file');
  });
});
