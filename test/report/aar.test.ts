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

  // The table's figures are the CSV's; the snapshot below is a regression guard only — it flags any
  // change in the default scenario's figures for a person to look at. Whether each indicator is
  // measured right is tested by hand-worked examples in test/metrics/indicators.test.ts.
  it('the indicator table matches indicators.csv exactly (default scenario; the snapshot is a regression guard)', () => {
    const s = loadFile('scenarios/default.yaml');
    const res = simulate(s, s.seed, { log: false });
    const { files: out } = runFolderFiles(s, [s.seed], [{ rep: 1, records: res.records, log: [] }], { lang: 'en' });
    const rows = Papa.parse<Record<string, string>>(out['indicators.csv'], { header: true, skipEmptyLines: true }).data.filter((r) => r.rep === 'all');
    const html = out['report.html'];
    const table = html.slice(html.indexOf('<table class="ind">'));
    for (const r of rows) {
      const tr = table.slice(table.indexOf(`<td>${r.indicator}</td>`));
      const cells = [...tr.slice(0, tr.indexOf('</tr>')).matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
      expect(cells[2]).toBe(r.n);
      expect(cells[3]).toBe(r.value === '' ? '–' : r.value);
      expect(cells[6]).toBe(r.score === '' ? '–' : r.score);
    }
    expect(rows.map((r) => `${r.indicator} n=${r.n} value=${r.value} score=${r.score}`).join('\n')).toMatchInlineSnapshot(`
      "A1 n=307 value=11.08 score=100
      A2 n=51 value=11.09 score=89.1
      A3 n=83 value=94.767 score=42.055
      A4 n=83 value=0.12 score=89.759
      A5 n=0 value= score=
      B1 n=27 value=161.609 score=100
      B2 n=10 value=85.514 score=57.476
      B3 n=2 value=431.45 score=56.183
      B4 n=0 value= score=
      B5 n=0 value= score=
      B6 n=0 value= score=
      B7 n=0 value= score=
      C1 n=95 value=10 score=100
      C2 n=13 value=407.776 score=64.075
      C3 n=3 value=509.666 score=100
      C4 n=10 value=445.599 score=100
      C5 n=2 value=824.362 score=100
      C6 n=0 value= score=
      D1 n=1 value=793.375 score=100
      D2 n=0 value= score=
      E1 n=2 value=0.837 score=100
      E2 n=54 value=62.596 score=95.673
      E3 n=146 value=0 score=100
      F1 n=83 value=0.012 score=100
      F2 n=77 value=0 score=100
      F3 n=19 value=460.172 score=100
      F4 n=6 value=564.604 score=100"
    `);
  });

  it('`linkdrill report DIR` re-renders the same report from the CSV files, in either language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-aar-'));
    const out = join(dir, 'run');
    expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--reps', '2', '--out', out], quiet)).toBe(0);
    const first = readFileSync(join(out, 'report.html'), 'utf8');
    // Two replications: the timelines say which one they show.
    expect(first).toMatch(/以下为第 1 次重复（种子 \d+）中规模最大的事件/);
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
    return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.en}`);
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
