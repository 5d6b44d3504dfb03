/** The score tab: the linkage score, sub-scores, findings and what moved the score, and the run's exports. */
import * as d3 from 'd3';
import type { Messages } from '../i18n/index.ts';
import { zipSync, strToU8 } from 'fflate';
import { FINDING_TAGS, REPORT_TEXT } from '../../src/report/i18n.ts';
import { sourceLine } from '../../src/report/aar/findings.ts';
import { sensitivitySection } from '../../src/report/aar/sensitivity.ts';
import type { TabContext, TabView } from '../app/tabs.ts';
import type { RunView } from '../app/state.ts';

const TABLES = ['incidents.csv', 'dispatches.csv', 'agencies.csv', 'summary.csv', 'indicators.csv'];

/** An export's file name: the run's scenario and seed, then what it holds. */
export function runFileName(r: RunView, what: string): string {
  return `${r.scenario.name}-seed${r.seed}-${what}`;
}

function render(el: HTMLElement, ctx: TabContext): void {
  el.replaceChildren();
  const run = ctx.state.run;
  if (!run) return;
  const { m, lang } = ctx;
  const root = d3.select(el);
  const bar = root.append('div');
  bar.append('button').attr('type', 'button').attr('id', 'export-run').text(m.exportRun).on('click', () => {
    const zip = zipSync(Object.fromEntries(Object.entries(run.files).map(([k, v]) => [k, strToU8(v)])));
    ctx.download(runFileName(run, 'run.zip'), zip, 'application/zip');
  });
  bar.append('button').attr('type', 'button').attr('id', 'export-xlsx').text(m.exportXlsx).on('click', () => {
    // exceljs is loaded only now, on the first workbook asked for.
    import('../../src/report/xlsx.ts')
      .then(({ workbookFromCsv }) => workbookFromCsv(run.files, { lang, start: run.scenario.start }))
      .then((bytes) => ctx.download(runFileName(run, 'run.xlsx'), bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
      .catch((e: Error) => ctx.showErrors([`Excel: ${e.message}`]));
  });
  for (const f of TABLES) bar.append('button').attr('type', 'button').attr('id', `export-${f.replace('.csv', '')}`).text(`${m.exportCsv}: ${m.tableNames[f.replace('.csv', '') as keyof Messages['tableNames']]}`).on('click', () => ctx.download(runFileName(run, f), run.files[f]));
  const report = run.report;
  const r = report.result;
  root.append('h2').text(m.score);
  const top = root.append('div');
  top.append('span').attr('class', 'score-big').text(r.score === null ? '–' : r.score.toFixed(1));
  top.append('span').text(`  ${m.rating}: ${r.rating ?? '–'}`);
  if (r.rating) root.append('p').text(REPORT_TEXT.ratingText[lang][r.rating]);
  for (const g of Object.keys(r.groups) as (keyof typeof r.groups)[]) {
    const v = r.groups[g];
    const row = root.append('div').attr('class', 'bar');
    row.append('span').style('width', '10em').text(REPORT_TEXT.groups[lang][g]);
    row.append('span').attr('class', 'track').append('span').attr('class', 'fill').style('width', `${v ?? 0}%`);
    row.append('span').style('width', '3em').text(v === null ? '–' : v.toFixed(1));
  }
  root.append('h2').text(m.findings);
  if (report.findings.length === 0) root.append('p').text(m.noFindings);
  const ol = root.append('ol');
  for (const f of report.findings) {
    const li = ol.append('li').attr('class', 'finding');
    li.append('span').attr('class', `tag t-${f.tag}`).text(FINDING_TAGS[f.tag][lang]);
    li.append('code').text(`${f.indicator} `);
    li.append('span').text(f.text[lang]);
    const spec = report.rubric.indicators.find((s) => s.id === f.indicator);
    if (spec) li.append('div').attr('class', 'hint').text(`${REPORT_TEXT.column[lang].source}: ${sourceLine(spec, lang)}`);
  }
  // The report's own view of what moved the score (its text is escaped where it is made).
  root.append('h2').text(m.sensitivity);
  root.append('div').attr('class', 'sensitivity').html(sensitivitySection(report, lang));
}

export const scoreTab: TabView = { id: 'score', label: (m) => m.tabScore, render };
