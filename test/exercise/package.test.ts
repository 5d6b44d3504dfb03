import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPackageFile } from '../../src/cli/exercise.ts';
import { ROOT } from '../helpers.ts';
import { FUNCTIONAL, SMALL, TABLETOP, loadPackage } from './helpers.ts';
import { expectBilingual } from '../bilingual.ts';
import { loadExercise } from '../../src/exercise/package.ts';
import { EXERCISE_WORDS, exerciseSchema, relTimeSchema } from '../../src/exercise/schema.ts';
import { SCHEMA_WORDS } from '../../src/scenario/schema-words.ts';
import { zodErrors } from '../../src/scenario/zod-messages.ts';
import { customMessages } from '../schema-messages.ts';

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
    const lines = r.errors.map((e) => `${e.path}: ${e.en}`);
    expectBilingual(r.errors);
    expect(r.errors.find((e) => e.path === 'msel[1].params.unit')!.zh).toBe('没有单位“E-9”');
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
    const lines = r.errors.map((e) => `${e.path}: ${e.en}`);
    expectBilingual(r.errors);
    expect(lines).toContain('phases[0].expected[1].detect.event: no event kind "incident.comandpost" (e.g. incident.verify, order.send, unit.arrive, incident.report, incident.commandpost)');
    expect(lines).toContain('phases[0].expected[0].detect.stage: a report stage (first, update, final) goes with event incident.report');
    const ok = await variant((t) => t.replace('detect: {event: incident.commandpost, incident: FOCUS}', 'detect: {event: incident.report, incident: FOCUS, stage: final}'));
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.value.pkg.expected.find((e) => e.id === 'X2')!.detect).toMatchObject({ kind: 'event', event: 'incident.report', stage: 'final' });
  });

  it('every cross-reference problem of a package is said in Chinese too, the English as it was', async () => {
    const r = await variant((t) =>
      t
        .replace('start: 10m', 'start: 0')
        .replace('duration: 4h', 'duration: 400d')
        .replace('{id: X1, role: center, action: 核实定级, by: 30m,', '{id: X1, role: chief, action: 核实定级, from: 40m, by: 30m,')
        .replace('{id: X3, role: center,', '{id: X1, role: center,')
        .replace("{id: I1, t: 25m, kind: message,", "{id: I1, t: 25m, phase: P9, from: nobody, kind: message,")
        .replace("{id: I2, t: 40m, kind: unit.out,", "{id: I1, t: 40m, kind: unit.out,")
        .replace('contingency: {unless: X2, by: 1h30m}', 'contingency: {unless: X7, by: 1h30m}')
        .replace('    default: hold\n    expected: raise', '    default: hold\n    expected: maybe')
        .replace('    t: 1h\n    role: fire', '    t: 1h\n    role: crew\n    phase: P0')
        .replace('  - id: D2\n', '  - id: D1\n')
        .replace('{id: E2, text: 升级, evidence: {decision: D1}}', '{id: E2, text: 升级, evidence: {decision: D9}}')
        .replace('{id: E1, text: 定级, evidence: {expected: [X1]}}', '{id: E1, text: 定级, evidence: {expected: [X8]}}')
        .replace('{kind: regrade, incident: FOCUS, grade: II}', '{kind: regrade, incident: NOWHERE, grade: II}')
        .replace('{kind: commandpost, incident: FOCUS}', '{kind: incident, type: flood, zone: Z9}')
        + 'reports: {incident: GHOST, initial: 10m, role: press}\n',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expectBilingual(r.errors);
    const lines = r.errors.map((e) => `${e.path}: ${e.en}`);
    for (const line of [
      'duration: the exercise (start 0 s + 34560000 s) runs past the end of the scenario (',
      'phases[0].expected[0].role: no role "chief" (roles: control, center, fire)',
      'phases[0].expected[0].from: must come before by',
      'phases[0].expected[2].id: duplicate expected action "X1"',
      'msel[0].phase: no phase "P9"',
      'msel[0].from: no role "nobody"',
      'msel[1].id: duplicate inject "I1"',
      'msel[2].contingency.unless: no expected action "X7"',
      'decisions[0].expected: is not one of the options (raise, hold)',
      'decisions[0].options[0].actions[0].incident: no incident called "NOWHERE"',
      'decisions[1].id: duplicate decision "D1"',
      'decisions[1].role: no role "crew"',
      'decisions[1].phase: no phase "P0"',
      'decisions[1].options[0].actions[0].type: no incident type "flood"',
      'decisions[1].options[0].actions[0].zone: no zone "Z9"',
      'objectives[0].capabilities[0].tasks[0].items[0].evidence.expected[0]: no expected action "X8"',
      'objectives[0].capabilities[0].tasks[0].items[1].evidence.decision: no decision "D9"',
      'reports.incident: no incident called "GHOST"',
      'reports.role: no role "press"',
    ]) expect(lines.some((l) => l.startsWith(line)), line).toBe(true);
    expect(r.errors.find((e) => e.path === 'msel[1].id')!.zh).toBe('注入“I1”重复');
  });

  it('a package that is no YAML mapping, or names a workbook MSEL without its reader, is said in both languages', () => {
    const read = () => null;
    const problems = [loadExercise('a: [', 'exercise.yaml', read), loadExercise('- 1', 'exercise.yaml', read)].flatMap((r) => (r.ok ? [] : r.errors));
    expect(problems.map((e) => e.en)).toEqual([expect.stringMatching(/^cannot parse: /), 'an exercise package is a mapping of keys (name, scenario, phases, msel, …)']);
    expectBilingual(problems);
  });

  it('a scenario given for a package is said to be one, in one line that says what to give instead', () => {
    const text = readFileSync(join(ROOT, 'scenarios/default.yaml'), 'utf8');
    const r = loadExercise(text, 'default.yaml', () => null);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].path).toBe('default.yaml');
    expect(r.errors[0].en).toMatch(/^is a scenario, not an exercise package: .*scenarios\/exercises\/chemical-leak-tabletop does$/);
    expectBilingual(r.errors);
  });

  it("the exercise schema's own messages are said in Chinese too", () => {
    const words = new Map([...SCHEMA_WORDS, ...EXERCISE_WORDS].map((w) => [w.en, w.zh]));
    const messages = customMessages(exerciseSchema);
    expect(messages.size).toBeGreaterThan(1);
    for (const en of messages) expect(words.get(en), en).toMatch(/\p{Script=Han}/u);
    for (const w of EXERCISE_WORDS) expect(messages.has(w.en), w.en).toBe(true);
    const r = relTimeSchema.safeParse('soon');
    expect(r.success).toBe(false);
    if (!r.success) expect(zodErrors(r.error.issues, 'soon', EXERCISE_WORDS)[0].zh).toMatch(/^时间写作/);
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
    if (!r.ok) expect(r.errors[0]).toEqual({ path: 'msel.csv row 3, column time', zh: '“25:00”不是时间（应为距演练开始的 h:mm，或 25m 这样的时长）', en: '"25:00" is not a time (h:mm from the exercise start, or a duration like 25m)' });
  });

  it('a CSV MSEL’s kinds and times the schema cannot see are checked with the package, in both languages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exercise-'));
    copyFileSync(join(ROOT, 'test/fixtures/small.yaml'), join(dir, 'small.yaml'));
    writeFileSync(join(dir, 'msel.csv'), 'id,time,kind,synopsis,expected\r\nI1,0:25,unit.gone,x,X1\r\nI2,5:00,message,x,\r\n');
    const text = readFileSync(SMALL, 'utf8').replace('file: ../small.yaml', 'file: small.yaml');
    const msel = text.slice(text.indexOf('msel:'), text.indexOf('decisions:'));
    writeFileSync(join(dir, 'exercise.yaml'), text.replace(msel, 'msel: {file: msel.csv}\n'));
    const r = await loadPackageFile(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.path}: ${e.en}`)).toEqual([
      'msel.csv row 2.kind: "unit.gone" is not an inject kind (incident, incident.change, unit.out, unit.in, station.out, station.in, channel.down, channel.up, road.close, road.open, call.surge, demand.factor, regrade, order, send, commandpost, approve, arrive, size, message, instruction, media, public, request)',
      'msel.csv row 3.t: must lie within the exercise (0 … 14400 s from its start)',
    ]);
    expectBilingual(r.errors);
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
    if (!bad.ok) expect(bad.errors[0]).toEqual({ path: 'msel.xlsx row 3, column 时间', zh: '“25:00”不是时间（应为距演练开始的 h:mm，或 25m 这样的时长）', en: '"25:00" is not a time (h:mm from the exercise start, or a duration like 25m)' });
  });
});
