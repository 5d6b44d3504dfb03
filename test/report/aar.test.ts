import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { runFolderFiles } from '../../src/report/outputs.ts';
import { readRunCsv } from '../../src/report/read.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { main } from '../../src/cli/main.ts';
import { loadFile, ROOT } from '../helpers.ts';
import { linkageBase } from '../engine/linkage-helpers.ts';
import { mustBuild } from '../validation/helpers.ts';
import { stringify } from 'yaml';

const quiet = { out: () => {}, err: () => {}, tty: false };

describe('after-action report', () => {
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  for (const f of files) {
    for (const lang of ['zh', 'en'] as const) {
      it(`renders ${f} in ${lang}`, () => {
        const s = loadFile(`scenarios/${f}`);
        const res = simulate(s, s.seed, { log: false });
        const { files: out } = runFolderFiles(s, [s.seed], [{ rep: 1, records: res.records, log: [] }], { lang });
        const html = out['report.html'];
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain(lang === 'zh' ? '评估发现' : 'Findings');
        expect(html).not.toMatch(/NaN|undefined|\[object Object\]/);
        expect(html.match(/<svg/g)!.length).toBe(html.match(/<\/svg>/g)!.length);
        // Self-contained: nothing is fetched.
        expect(html).not.toMatch(/<script|<link|src="http|url\(http/);
      });
    }
  }

  it('the indicator table matches indicators.csv exactly (default scenario, golden)', () => {
    const s = loadFile('scenarios/default.yaml');
    const res = simulate(s, s.seed, { log: false });
    const { files: out } = runFolderFiles(s, [s.seed], [{ rep: 1, records: res.records, log: [] }], { lang: 'en' });
    const rows = Papa.parse<Record<string, string>>(out['indicators.csv'], { header: true, skipEmptyLines: true }).data.filter((r) => r.rep === 'all');
    const html = out['report.html'];
    const table = html.slice(html.indexOf('<table class="ind">'));
    for (const r of rows) {
      const tr = table.slice(table.indexOf(`<td>${r.indicator}</td>`));
      const cells = [...tr.slice(0, tr.indexOf('</tr>')).matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
      expect(cells[3]).toBe(r.n);
      expect(cells[4]).toBe(r.value === '' ? '–' : r.value);
      expect(cells[7]).toBe(r.score === '' ? '–' : r.score);
    }
    expect(rows.map((r) => `${r.indicator} n=${r.n} value=${r.value} score=${r.score}`).join('\n')).toMatchInlineSnapshot(`
      "A1 n=859 value=5.798 score=100
      A2 n=859 value=11.439 score=85.607
      A3 n=205 value=198.973 score=0
      A4 n=842 value=0.157 score=71.615
      A5 n=0 value= score=
      B1 n=59 value=86.249 score=56.252
      B2 n=25 value=93.842 score=82.698
      B3 n=9 value=1013.672 score=0
      B4 n=10 value=736.027 score=0
      B5 n=7 value=1327.476 score=0
      C1 n=240 value=10 score=100
      C2 n=10 value=160.86 score=100
      C3 n=3 value=127.417 score=100
      C4 n=28 value=704.472 score=82.588
      C5 n=4 value=1141.186 score=100
      C6 n=1 value=991.28 score=34.787
      D1 n=1 value=618.168 score=0
      D2 n=0 value= score=
      E1 n=3 value=658.001 score=100
      E2 n=59 value=65.187 score=91.355
      E3 n=329 value=0 score=100
      F1 n=205 value=0.005 score=100
      F2 n=184 value=0 score=100
      F3 n=55 value=1053.275 score=53.712"
    `);
  });

  it('`linkdrill report DIR` re-renders the same report from the CSV files, in either language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-aar-'));
    const out = join(dir, 'run');
    expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--reps', '2', '--out', out], quiet)).toBe(0);
    const first = readFileSync(join(out, 'report.html'), 'utf8');
    expect(await main(['report', out], quiet)).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(first);
    expect(await main(['report', out, '--lang', 'en'], quiet)).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('After-action report');
    expect(await main(['report', dir], quiet)).toBe(1);
    expect(await main(['report', out, '--lang', 'fr'], quiet)).toBe(2);
  });

  it('summary.csv carries the scores and rating for every replication', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-aar-'));
    await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--reps', '2', '--out', dir + '/r'], quiet);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'r/summary.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const rep of ['1', '2']) {
      const m = new Map(rows.filter((r) => r.rep === rep).map((r) => [r.metric, r.value]));
      for (const k of ['score', 'score_alarm', 'score_mobilisation', 'score_linkage', 'score_command', 'score_information', 'score_outcome']) {
        expect(m.has(k)).toBe(true);
        const v = m.get(k)!;
        if (v !== '') expect(Number(v)).toBeGreaterThanOrEqual(0);
      }
      expect(['P', 'S', 'M', 'U']).toContain(m.get('rating'));
    }
  });

  it('scenario text is escaped in HTML and cannot become a spreadsheet formula in CSV', () => {
    const input = linkageBase();
    input.title = '<script>alert("x")</script> & 危化品 "泄漏"';
    input.description = `=HYPERLINK("http://x") <b>bold</b>`;
    input.agencies[0].name = '<img src=x onerror=alert(1)>';
    input.zones[0].id = '-A';
    input.demand.scripted[0].zone = '-A';
    const s = mustBuild(input);
    const res = simulate(s, 1);
    const { files: out } = runFolderFiles(s, [1], [{ rep: 1, records: res.records, log: res.log }], { lang: 'zh' });
    const html = out['report.html'];
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 危化品 &quot;泄漏&quot;');
    expect(html).not.toContain('<b>bold</b>');
    const zoneCells = Papa.parse<Record<string, string>>(out['incidents.csv'], { header: true, skipEmptyLines: true }).data.map((r) => r.zone);
    expect(zoneCells).toEqual(["'-A"]);
    // …and reading the CSV back gives the original text.
    expect(readRunCsv(out).reps[0].records.incidents[0].zone).toBe('-A');
    expect(JSON.parse(out['run.json']).scenario.description).toBe(`=HYPERLINK("http://x") <b>bold</b>`);
  });
});

describe('user-supplied rubric', () => {
  const withScoring = (scoring: unknown) => {
    const s = linkageBase();
    s.scoring = scoring;
    return loadScenario(stringify(s), 'rubric.yaml');
  };
  const errorsOf = (scoring: unknown) => {
    const r = withScoring(scoring);
    return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
  };

  it('an unknown indicator is named by its path', () => {
    expect(errorsOf({ indicators: { Z9: { target: 10 } } })[0]).toMatch(/^scoring\.indicators\.Z9: unknown indicator "Z9"/);
  });
  it('weights that make no sense are refused with their path', () => {
    expect(errorsOf({ groups: { alarm: 0, mobilisation: 0, linkage: 0, command: 0, information: 0, outcome: 0 } })[0]).toBe('scoring.groups: every sub-score weight is zero: nothing would be scored');
    expect(errorsOf({ indicators: { A1: { weight: -1 } } })[0]).toMatch(/^scoring\.indicators\.A1\.weight/);
    expect(errorsOf({ indicators: { A1: { target: 30, zeroAt: 20 } } })[0]).toBe('scoring.indicators.A1.zeroAt: must be above the target (30)');
    expect(errorsOf({ indicators: { F2: { target: 0 } } })[0]).toBe('scoring.indicators.F2.zeroAt: is required when the target is 0 (twice 0 is still 0)');
    expect(errorsOf({ kinds: { fire: ['fireman'] } })[0]).toBe('scoring.kinds.fire[0]: no agency has kind "fireman"');
  });
  it('a sensible rubric loads and changes the score', () => {
    const r = withScoring({ indicators: { A3: { target: '5m' } }, groups: { command: 0 } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.scoring.indicators!.A3.target).toBe(300);
  });
});
