/**
 * `linkdrill report DIR` on a run folder whose files were since edited, cut or replaced: run.json is
 * checked against its shape and every CSV cell against its column, each problem named by file and
 * place; the report is never rendered from NaN, and a broken folder never becomes an internal error.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { parseRunMeta, SCHEMA_WORDS } from '../../src/report/run-meta.ts';
import { readRunCsv } from '../../src/report/read.ts';
import { expectBilingual, hasChinese } from '../bilingual.ts';
import { ROOT } from '../helpers.ts';

const quiet = () => {
  const err: string[] = [];
  return { io: { out: () => {}, err: (s: string) => err.push(s), tty: false }, err };
};
let original = '';
let meta: Record<string, any>;
beforeAll(async () => {
  original = join(mkdtempSync(join(tmpdir(), 'linkdrill-report-')), 'run');
  expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--reps', '2', '--out', original], quiet().io)).toBe(0);
  meta = JSON.parse(readFileSync(join(original, 'run.json'), 'utf8'));
});
/** A fresh copy of the run folder with `edit` applied to its files. */
function folder(edit: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'linkdrill-report-')), 'run');
  cpSync(original, dir, { recursive: true });
  edit(dir);
  return dir;
}
const metaErrors = (m: unknown) => {
  const r = parseRunMeta(typeof m === 'string' ? m : JSON.stringify(m), 'run.json');
  if (r.ok) return [];
  expectBilingual(r.errors);
  return r.errors.map((e) => `${e.path}: ${e.en}`);
};

describe('run.json read back', () => {
  it('as written by run, it is accepted', () => expect(metaErrors(meta)).toEqual([]));

  const cases: [string, (m: Record<string, any>) => unknown, string][] = [
    ['cut short', (m) => JSON.stringify(m).slice(0, 40), 'where the text ends: cut short?'],
    ['not an object', () => '[1, 2]', 'run.json: must be a mapping of keys'],
    ['without seeds', (m) => ({ ...m, seeds: [] }), 'run.json: seeds: must have at least 1 item'],
    ['a negative seed', (m) => ({ ...m, seeds: [-1] }), 'run.json: seeds[0]: must be at least 0; got -1'],
    ['an infinite duration', (m) => JSON.stringify(m).replace(/"durationS":\d+/, '"durationS":1e400'), 'run.json: scenario.durationS: must be a finite number; got .inf'],
    ['a tier of 9', (m) => ({ ...m, scenario: { ...m.scenario, agencies: [{ ...m.scenario.agencies[0], tier: 9 }] } }), 'run.json: scenario.agencies[0].tier: must be one of 1, 2, 3; got 9'],
    ['an unknown indicator', (m) => ({ ...m, scoring: { indicators: { Z9: { target: 5 } } } }), 'run.json: scoring.indicators: unknown key "Z9"'],
    ['a __proto__ key', (m) => JSON.stringify({ ...m, scoring: {} }).replace('"scoring":{}', '"scoring":{"__proto__":{"x":1}}'), 'run.json: scoring.__proto__: "__proto__" cannot be used as a key'],
  ];
  for (const [what, edit, expected] of cases) it(`${what}: named`, () => expect(metaErrors(edit(meta)).join('\n')).toContain(expected));

  it('keeps every rubric change the run scored with (report limits, fire incidents, 120 channels), so report DIR scores as the run did', async () => {
    const scoring = { reporting: { II: { first: 900, update: 2100 } }, fireIncidents: ['fire', 'blaze'], emsChannels: ['120', '999'] };
    const r = parseRunMeta(JSON.stringify({ ...meta, scoring }), 'run.json');
    expect(r.ok && r.value.scoring).toEqual(scoring);
    // The default county sets `reporting: henan`: its report, rendered again, is the run's own.
    const dir = join(mkdtempSync(join(tmpdir(), 'linkdrill-report-')), 'run');
    expect(await main(['run', join(ROOT, 'scenarios/default.yaml'), '--out', dir], quiet().io)).toBe(0);
    const before = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(await main(['report', dir], quiet().io)).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(before);
  });

  it('report names the problem and leaves report.html as it was', async () => {
    const dir = folder((d) => writeFileSync(join(d, 'run.json'), JSON.stringify({ ...meta, seeds: ['one'] })));
    const before = readFileSync(join(dir, 'report.html'), 'utf8');
    const q = quiet();
    expect(await main(['report', dir, '--lang', 'en'], q.io)).toBe(1);
    expect(q.err).toEqual([`${join(dir, 'run.json')}: seeds[0]: must be a number; got "one"`]);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(before);
  });
});

describe('run.json’s own schema messages', () => {
  it('each has its Chinese, and a problem with one is said in it', () => {
    for (const w of SCHEMA_WORDS) expect(hasChinese(w.zh), w.en).toBe(true);
    const layer = { name: 'rivers', kind: 'water', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [[1]] }, properties: null }] };
    const r = parseRunMeta(JSON.stringify({ ...meta, map: { ...meta.map, layers: [layer] } }), 'run.json');
    expect(!r.ok && r.errors).toEqual([{ path: 'run.json: map.layers[0].features[0].geometry.coordinates', ...SCHEMA_WORDS[0] }]);
  });
});

describe('CSV files read back', () => {
  it('every problem of a run folder’s files is said in both languages, the English as before', () => {
    const files = Object.fromEntries(['incidents.csv', 'calls.csv', 'dispatches.csv', 'units.csv', 'agencies.csv'].map((f) => [f, readFileSync(join(original, f), 'utf8')]));
    const missing = readRunCsv({ ...files, 'units.csv': undefined }).errors;
    expect(missing).toEqual([{ path: 'units.csv', zh: '运行文件夹中没有此文件', en: 'missing from the run folder' }]);
    const lines = files['calls.csv'].split('\r\n');
    const head = lines[0].split(',');
    // Every row's arrival time spoiled: ten problems named, then how many more.
    const spoiled = lines.map((l, i) => (i === 0 || l === '' ? l : l.split(',').map((c, k) => (k === head.indexOf('t_arrive') ? (i % 2 ? 'soon' : '') : c)).join(',')));
    const errors = readRunCsv({ ...files, 'calls.csv': spoiled.join('\r\n') }).errors;
    expectBilingual(errors);
    expect(errors.slice(0, 2).map((e) => `${e.path}: ${e.en}`)).toEqual(['calls.csv row 2, column t_arrive: "soon" is not a number', 'calls.csv row 3, column t_arrive: is empty']);
    expect(errors[1].zh).toBe('为空');
    expect(errors.at(-1)!.path).toBe('calls.csv');
    expect(errors.at(-1)!.en).toMatch(/^and \d+ more problems like these$/);
  });

  it('a cell that is not a number, or a required one left empty, is named by file, row and column', async () => {
    const dir = folder((d) => {
      const lines = readFileSync(join(d, 'incidents.csv'), 'utf8').split('\r\n');
      const head = lines[0].split(',');
      const row = lines[1].split(',');
      row[head.indexOf('t_occur')] = 'NaN';
      row[head.indexOf('t_closed')] = '1e400';
      row[head.indexOf('callers')] = '';
      lines[1] = row.join(',');
      writeFileSync(join(d, 'incidents.csv'), lines.join('\r\n'));
    });
    const q = quiet();
    expect(await main(['report', dir, '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n').split('\n')).toEqual([
      `${join(dir, 'incidents.csv')} row 2, column t_occur: "NaN" is not a number`,
      `${join(dir, 'incidents.csv')} row 2, column t_closed: "1e400" is not a number`,
      `${join(dir, 'incidents.csv')} row 2, column callers: is empty`,
    ]);
  });

  it('a file replaced by a folder is named, not an internal error', async () => {
    const dir = folder((d) => {
      rmSync(join(d, 'calls.csv'));
      cpSync(join(d, 'incidents.csv'), join(d, 'calls.csv', 'x'), { recursive: true });
    });
    const q = quiet();
    expect(await main(['report', dir, '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toContain(`${join(dir, 'calls.csv')}: is a folder, not a file`);
  });

  it('whatever a cell of any file is changed to, report renders or names the problem (never exit 3)', async () => {
    const files = ['incidents.csv', 'calls.csv', 'dispatches.csv', 'units.csv', 'agencies.csv', 'depots.csv', 'run.json'];
    const hostile = ['', 'x', 'NaN', '-1', '1e400', '1e308', '-1e308', '0', '99', 'IV', 'V', '=1+1', '"', '1,2', '__proto__', 'constructor', '\r\n'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.nat(), fc.constantFrom(...hostile), async (file, at, value) => {
        const dir = folder((d) => {
          const text = readFileSync(join(d, file), 'utf8');
          // Replace the at-th cell (or JSON value) of the file with the hostile text.
          const cells = [...text.matchAll(file.endsWith('.json') ? /:\s*("[^"]*"|-?[\d.e+]+|true|false)/g : /(?<=^|,|\n)[^,\r\n]*/g)];
          const m = cells[at % cells.length];
          const start = m.index! + (file.endsWith('.json') ? m[0].indexOf(m[1]) : 0);
          const len = file.endsWith('.json') ? m[1].length : m[0].length;
          writeFileSync(join(d, file), text.slice(0, start) + (file.endsWith('.json') ? JSON.stringify(value) : value) + text.slice(start + len));
        });
        const q = quiet();
        const code = await main(['report', dir], q.io);
        expect([0, 1], q.err.join('\n')).toContain(code);
        expect(q.err.join('\n')).not.toMatch(/internal error|\n\s+at /);
      }),
      { numRuns: 40, seed: process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261129) },
    );
  });
});
