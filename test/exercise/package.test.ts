import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackageFile } from '../../src/cli/exercise.ts';
import { ROOT } from '../helpers.ts';
import { FUNCTIONAL, SMALL, TABLETOP, loadPackage } from './helpers.ts';

/** The small exercise with its text changed, in a folder beside a copy of its scenario. */
async function variant(edit: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'exercise-'));
  writeFileSync(join(dir, 'small.yaml'), readFileSync(join(ROOT, 'test/fixtures/small.yaml')));
  writeFileSync(join(dir, 'exercise.yaml'), edit(readFileSync(SMALL, 'utf8').replace('file: ../small.yaml', 'file: small.yaml')));
  return await loadPackageFile(dir);
}

describe('exercise packages', () => {
  it('the bundled chemical-leak tabletop has 3–4 phases, ≥ 12 injects (≥ 3 messages, ≥ 1 contingency) and ≥ 4 decision points', async () => {
    const { pkg } = await loadPackage(TABLETOP);
    expect(pkg.kind).toBe('tabletop');
    expect(pkg.phases.length).toBeGreaterThanOrEqual(3);
    expect(pkg.phases.length).toBeLessThanOrEqual(4);
    expect(pkg.injects.length).toBeGreaterThanOrEqual(12);
    expect(pkg.injects.filter((i) => i.action === null).length).toBeGreaterThanOrEqual(3);
    expect(pkg.injects.filter((i) => i.contingency).length).toBeGreaterThanOrEqual(1);
    expect(pkg.decisions.length).toBeGreaterThanOrEqual(4);
    expect(pkg.trains.zh.length).toBeGreaterThan(10);
  });

  it('the bundled urban-flood exercise plays continuously, with a call surge and road closures', async () => {
    const { pkg } = await loadPackage(FUNCTIONAL);
    expect(pkg.kind).toBe('functional');
    expect(pkg.injects.some((i) => i.kind === 'call.surge')).toBe(true);
    expect(pkg.injects.filter((i) => i.kind === 'road.close').length).toBeGreaterThanOrEqual(2);
    expect(pkg.decisions.every((d) => d.timeoutS !== null)).toBe(true);
  });

  it('the focus incident is pinned and the run ends with the exercise', async () => {
    const { pkg, scenario } = await loadPackage(SMALL);
    expect(scenario.demand.fixed.find((f) => f.name === 'FOCUS')!.pin).toBe(true);
    expect(scenario.durationS).toBe(pkg.startS + pkg.durationS);
  });

  it('problems are named by their place: unknown units and agencies, options, expected actions, focus names', async () => {
    const r = await variant((t) =>
      t
        .replace('params: {unit: E-1}}', 'params: {unit: E-9}}')
        .replace('default: hold', 'default: wait')
        .replace('synopsis: 来电, expected: [X1]}', 'synopsis: 来电, expected: [X9]}')
        .replace('focus: [FOCUS]', 'focus: [NOPE]')
        .replace('{kind: commandpost, incident: FOCUS}', '{kind: order, incident: FOCUS, agency: ARMY, unitType: tank}'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(lines).toContain('msel[1].params.unit: no unit "E-9"');
    expect(lines).toContain('decisions[0].default: is not one of the options (raise, hold)');
    expect(lines).toContain('msel[0].expected[0]: no expected action "X9"');
    expect(lines).toContain('focus[0]: no scripted or injected incident is called "NOPE"');
    expect(lines).toContain('decisions[1].options[0].actions[0].agency: no agency "ARMY"');
  });

  it('an expected action is detected by an event kind the engine has, and a report stage only with incident.report', async () => {
    const r = await variant((t) =>
      t
        .replace('detect: {event: incident.commandpost, incident: FOCUS}', 'detect: {event: incident.comandpost, incident: FOCUS}')
        .replace('detect: {event: incident.verify, incident: FOCUS}', 'detect: {event: incident.verify, incident: FOCUS, stage: first}'),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.errors.map((e) => `${e.path}: ${e.message}`);
    expect(lines).toContain('phases[0].expected[1].detect.event: no event kind "incident.comandpost" (e.g. incident.verify, order.send, unit.arrive, incident.report, incident.commandpost)');
    expect(lines).toContain('phases[0].expected[0].detect.stage: a report stage (first, update, final) goes with event incident.report');
    const ok = await variant((t) => t.replace('detect: {event: incident.commandpost, incident: FOCUS}', 'detect: {event: incident.report, incident: FOCUS, stage: final}'));
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.value.pkg.expected.find((e) => e.id === 'X2')!.detect).toMatchObject({ kind: 'event', event: 'incident.report', stage: 'final' });
  });

  it('a wrong shape is refused by the schema with its path; a broken scenario names the scenario file', async () => {
    const r = await variant((t) => t.replace('duration: 4h', 'duration: soon'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].path).toBe('duration');
    const s = await variant((t) => t.replace("- {op: add, path: demand.scripted, value: {at: 30m, type: fire, zone: Z2, grade: III, name: FOCUS}}", '- {op: set, path: "units[E].station", value: S9}'));
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.errors.map((e) => e.path)).toContain('scenario (small.yaml) → units[0].station');
  });

  it('the MSEL in a CSV file is read with the package, and its row errors reach the user', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exercise-'));
    copyFileSync(join(ROOT, 'test/fixtures/small.yaml'), join(dir, 'small.yaml'));
    copyFileSync(join(ROOT, 'test/fixtures/exercise/msel-bad.csv'), join(dir, 'msel.csv'));
    const text = readFileSync(SMALL, 'utf8').replace('file: ../small.yaml', 'file: small.yaml');
    const msel = text.slice(text.indexOf('msel:'), text.indexOf('decisions:'));
    writeFileSync(join(dir, 'exercise.yaml'), text.replace(msel, 'msel: {file: msel.csv}\n'));
    const r = await loadPackageFile(dir);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toEqual({ path: 'msel.csv row 3, column time', message: '"25:00" is not a time (h:mm from the exercise start, or a duration like 25m)' });
  });

  it('the MSEL may be an Excel workbook; its rows are read as the CSV’s, and a bad cell is named by sheet row', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const make = async (time: string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('演练脚本');
      ws.addRow(['编号', '时间', '阶段', '类型', '内容', '参数', '预期行动']);
      ws.addRow(['I1', '0:25', 'P1', 'message', '来电', '', 'X1']);
      ws.addRow(['I2', time, 'P1', 'unit.out', '故障', 'unit=E-1', '']);
      const dir = mkdtempSync(join(tmpdir(), 'exercise-'));
      copyFileSync(join(ROOT, 'test/fixtures/small.yaml'), join(dir, 'small.yaml'));
      writeFileSync(join(dir, 'msel.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
      const text = readFileSync(SMALL, 'utf8').replace('file: ../small.yaml', 'file: small.yaml');
      const msel = text.slice(text.indexOf('msel:'), text.indexOf('decisions:'));
      writeFileSync(join(dir, 'exercise.yaml'), text.replace(msel, 'msel: {file: msel.xlsx}\n'));
      return loadPackageFile(dir);
    };
    const good = await make('0:40');
    expect(good.ok).toBe(true);
    if (good.ok) expect(good.value.pkg.injects.map((i) => [i.id, i.tS, i.action?.kind ?? null])).toEqual([['I1', 1500, null], ['I2', 2400, 'unit.out']]);
    const bad = await make('25:00');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toEqual({ path: 'msel.xlsx row 3, column 时间', message: '"25:00" is not a time (h:mm from the exercise start, or a duration like 25m)' });
  });
});
