/**
 * The batch view: choose variants and replications, run them on a pool of Web Workers (one per
 * core) with progress and cancel, then the same comparison the CLI writes — the report (in a
 * sandboxed frame: it is this app's own escaped HTML) and its CSV files to export.
 */
import * as d3 from 'd3';
import type { Variant } from '../../src/scenario/variants.ts';
import { compare, comparisonCsv, planJobs, readReplications, replicationsCsv, type Job } from '../../src/batch/plan.ts';
import { comparisonHtml } from '../../src/batch/report.ts';
import { workThrough } from '../../src/batch/jobs.ts';
import type { BatchMeta } from '../../src/batch/run.ts';
import type { ReplicationResult } from '../../src/worker/api.ts';
import { startEngine, type EngineHandle } from '../engine-client.ts';
import type { Lang, Messages } from '../i18n/index.ts';
import type { TabView } from '../app/tabs.ts';

export interface BatchViewDeps {
  variants: () => Promise<Variant[] | null>;
  seed: () => number;
  lang: () => Lang;
  messages: () => Messages;
  download: (name: string, text: string) => void;
}

/** The batch tab; `variants` loads the scenario's variants (null when there are problems). */
export function batchTab(variants: () => Promise<Variant[] | null>, seed: () => number): TabView {
  return {
    id: 'batch',
    label: (m) => m.tabBatch,
    render: (el, ctx) => renderBatch(el, { variants, seed, lang: () => ctx.lang, messages: () => ctx.m, download: (n, t) => ctx.download(n, t) }),
  };
}

function renderBatch(el: HTMLElement, deps: BatchViewDeps): void {
  el.replaceChildren();
  const m = deps.messages();
  const root = d3.select(el);
  const form = root.append('div');
  const list = form.append('fieldset');
  list.append('legend').text(m.batchVariants);
  const repsIn = form.append('label').text(`${m.reps} `).append('input').attr('type', 'number').attr('min', 2).attr('max', 10000).attr('value', 20).attr('id', 'batch-reps');
  const cores = Math.max(1, Math.min(16, navigator.hardwareConcurrency || 2));
  const workersIn = form.append('label').text(` ${m.batchWorkers} `).append('input').attr('type', 'number').attr('min', 1).attr('max', 32).attr('value', cores).attr('id', 'batch-workers');
  const runBtn = form.append('button').attr('type', 'button').attr('id', 'batch-run').text(m.batchRun);
  const cancelBtn = form.append('button').attr('type', 'button').attr('id', 'batch-cancel').text(m.cancel).property('hidden', true);
  const progress = form.append('progress').attr('max', 1).attr('value', 0).property('hidden', true).attr('aria-label', 'batch progress');
  const out = root.append('div').attr('id', 'batch-out');
  let variants: Variant[] = [];
  void deps.variants().then((vs) => {
    variants = vs ?? [];
    for (const v of variants) {
      const lab = list.append('label').style('display', 'block');
      lab.append('input').attr('type', 'checkbox').attr('value', v.name).property('checked', true).property('disabled', v.name === 'baseline');
      lab.append('span').text(` ${v.name} — ${v.title}`);
    }
  });
  let pool: EngineHandle[] = [];
  let cancelled = false;
  const stop = () => {
    cancelled = true;
    for (const w of pool) w.terminate();
    pool = [];
  };
  cancelBtn.on('click', () => {
    stop();
    cancelBtn.property('hidden', true);
    progress.property('hidden', true);
    runBtn.property('disabled', false);
  });
  runBtn.on('click', async () => {
    const chosen = variants.filter((v) => v.name === 'baseline' || (list.select(`input[value="${CSS.escape(v.name)}"]`).node() as HTMLInputElement | null)?.checked);
    const reps = Math.max(2, Number(repsIn.property('value')) || 20);
    const workers = Math.max(1, Number(workersIn.property('value')) || cores);
    const seed = deps.seed();
    const jobs: Job[] = planJobs(chosen.map((v) => v.name), reps, seed);
    cancelled = false;
    runBtn.property('disabled', true);
    cancelBtn.property('hidden', false);
    progress.property('hidden', false).attr('value', 0);
    out.selectAll('*').remove();
    pool = Array.from({ length: Math.min(workers, jobs.length) }, () => startEngine());
    const results: ReplicationResult[] = [];
    const scenarios = new Map(chosen.map((v) => [v.name, v.scenario]));
    const onResult = (r: ReplicationResult) => {
      results.push(r);
      progress.attr('value', results.length / jobs.length);
    };
    await workThrough(pool, pool.map(() => new Map()), jobs, scenarios, onResult, () => cancelled).catch(() => undefined);
    if (cancelled) return;
    stop();
    cancelBtn.property('hidden', true);
    progress.property('hidden', true);
    runBtn.property('disabled', false);
    const meta: BatchMeta = {
      scenario: { name: chosen[0].scenario.name, title: chosen[0].scenario.title },
      variants: chosen.map((v) => ({ name: v.name, title: v.title, description: v.description })),
      reps,
      seed,
      shard: { index: 1, count: 1 },
    };
    const order = chosen.map((v) => v.name);
    const replications = replicationsCsv(results, order);
    const rows = readReplications(replications).rows;
    const cmp = compare(rows, order);
    const comparison = comparisonCsv(cmp);
    const bar = out.append('div');
    bar.append('button').attr('type', 'button').attr('id', 'batch-export-replications').text(`${m.exportCsv}: replications.csv`).on('click', () => deps.download('replications.csv', replications));
    bar.append('button').attr('type', 'button').attr('id', 'batch-export-comparison').text(`${m.exportCsv}: comparison.csv`).on('click', () => deps.download('comparison.csv', comparison));
    out.append('h3').text(m.batchSummary);
    const sig = cmp.filter((c) => c.significant);
    if (sig.length === 0) out.append('p').text(m.batchNone);
    const tbl = out.append('table').attr('class', 'data').attr('id', 'batch-table');
    tbl.append('tr').selectAll('th').data(['variant', 'metric', 'mean', 'diff_mean', 'diff_ci95_low', 'diff_ci95_high']).join('th').text((d) => d);
    for (const c of sig) tbl.append('tr').selectAll('td').data([c.variant, c.metric, c.mean.toFixed(3), c.diffMean.toFixed(3), c.diffLow.toFixed(3), c.diffHigh.toFixed(3)]).join('td').text((d) => d);
    out.append('iframe').attr('class', 'cmp').attr('sandbox', '').attr('title', 'comparison').attr('srcdoc', comparisonHtml(meta, rows, cmp, deps.lang()));
  });
}
