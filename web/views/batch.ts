/**
 * The batch tab: choose variants and replications, run them on a pool of Web Workers with progress
 * and cancel, then read the comparison — a verdict per variant, the changes that matter, the table —
 * and export replications.csv, comparison.csv and comparison.html (the CLI's files). Everything shown
 * comes from the batch control, which keeps results until the next batch; this view only draws it.
 */
import * as d3 from 'd3';
import type { Variant } from '../../src/scenario/variants.ts';
import { comparisonHtml } from '../../src/batch/report.ts';
import { verdicts, verdictText } from '../../src/batch/verdict.ts';
import { KPI_TEXT } from '../../src/report/kpi-text.ts';
import { formatNumber } from '../../src/report/csv.ts';
import { OTHER_SEEDS, type BatchControl } from '../app/batch-control.ts';
import type { TabContext, TabView } from '../app/tabs.ts';

/** What the form holds between draws (the choices survive leaving the tab). */
interface Form {
  source: string | null;
  variants: Variant[] | null;
  unchecked: Set<string>;
  reps: number;
  /** null: as many as the work pays for. */
  workers: number | null;
  otherSeeds: boolean;
}

/** The batch tab; `variants` loads the scenario's variants (null when there are problems). */
export function batchTab(control: BatchControl, variants: () => Promise<{ key: string; variants: Variant[] } | null>, seed: () => number): TabView {
  const cores = Math.max(1, Math.min(16, (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2));
  const form: Form = { source: null, variants: null, unchecked: new Set(), reps: 20, workers: null, otherSeeds: false };

  function render(el: HTMLElement, ctx: TabContext): void {
    el.replaceChildren();
    const { m, lang } = ctx;
    const root = d3.select(el);
    const box = root.append('div').attr('class', 'batch-form');
    const list = box.append('fieldset');
    list.append('legend').text(m.batchVariants);
    const running = control.phase === 'running';
    const fill = (vs: Variant[]) => {
      list.selectAll('label, p').remove();
      for (const v of vs) {
        const lab = list.append('label').attr('class', 'variant');
        lab.append('input').attr('type', 'checkbox').attr('value', v.name).property('checked', v.name === 'baseline' || !form.unchecked.has(v.name)).property('disabled', v.name === 'baseline' || running)
          .on('change', function () {
            if ((this as HTMLInputElement).checked) form.unchecked.delete(v.name);
            else form.unchecked.add(v.name);
          });
        // The title is what people read; the variant's name (an id) is its tooltip.
        lab.attr('title', v.name).append('span').text(` ${v.title || v.name}`);
      }
      if (vs.length <= 1) {
        list.append('p').attr('class', 'hint').text(m.batchNoVariants);
        const lab = list.append('label').attr('class', 'variant');
        lab.append('input').attr('type', 'checkbox').attr('id', 'batch-other-seeds').property('checked', form.otherSeeds).property('disabled', running)
          .on('change', function () {
            form.otherSeeds = (this as HTMLInputElement).checked;
          });
        lab.append('span').text(` ${m.batchOtherSeeds}`);
      }
    };
    // Draw the variants known so far at once (a redraw must not empty the list), then refresh them.
    if (form.variants) fill(form.variants);
    void variants().then((r) => {
      if (!r) return;
      if (form.source !== r.key) {
        form.source = r.key;
        form.unchecked.clear();
        form.otherSeeds = r.variants.length <= 1;
      }
      form.variants = r.variants;
      if (el.isConnected) fill(r.variants);
    });
    const repsIn = box.append('label').text(`${m.reps} `).append('input').attr('type', 'number').attr('min', 2).attr('max', 10000).attr('id', 'batch-reps').property('value', form.reps)
      .on('change', function () {
        form.reps = Math.max(2, Math.floor(Number((this as HTMLInputElement).value)) || 20);
      });
    // Left empty, the batch starts as many workers as its work pays for (each compiles the engine afresh).
    box.append('label').attr('title', m.batchWorkersHint).text(` ${m.batchWorkers} `).append('input').attr('type', 'number').attr('min', 1).attr('max', 32).attr('id', 'batch-workers')
      .attr('placeholder', m.batchWorkersAuto).property('value', form.workers ?? '')
      .on('change', function () {
        const n = Math.floor(Number((this as HTMLInputElement).value));
        form.workers = (this as HTMLInputElement).value.trim() === '' || !(n >= 1) ? null : Math.min(32, n);
      });
    box.append('button').attr('type', 'button').attr('id', 'batch-run').text(m.batchRun).property('disabled', running).on('click', () => {
      form.reps = Math.max(2, Math.floor(Number(repsIn.property('value'))) || 20);
      const vs = form.variants ?? [];
      if (!vs.length) return;
      const chosen = vs.filter((v) => v.name === 'baseline' || !form.unchecked.has(v.name));
      void control.start({
        scenarioName: ctx.state.scenario?.name ?? vs[0].scenario.name,
        variants: chosen,
        reps: form.reps,
        workers: form.workers,
        cores,
        seed: seed(),
        otherSeeds: chosen.length <= 1 && form.otherSeeds,
        otherSeedsTitle: m.batchOtherSeedsTitle,
      });
    });
    box.append('button').attr('type', 'button').attr('id', 'batch-cancel').text(m.cancel).property('hidden', !running).on('click', () => control.cancel());
    box.append('progress').attr('id', 'batch-progress').attr('max', 1).property('value', control.progress).property('hidden', !running).attr('aria-label', m.batchProgress);
    const used = control.workers;
    if (used) box.append('span').attr('class', 'hint').attr('id', 'batch-workers-used').text(`${m.batchWorkersUsed(used.n)}${used.byWork ? (lang === 'zh' ? `（${m.batchWorkersByWork}）` : ` (${m.batchWorkersByWork})`) : ''}`);
    const out = root.append('div').attr('id', 'batch-out');
    if (control.phase === 'failed' || control.phase === 'refused') out.append('p').attr('class', 'error').text(`${control.phase === 'failed' ? m.failed : m.refused}${lang === 'zh' ? '：' : ': '}${control.error?.[lang] ?? ''}`);
    if (control.phase === 'cancelled') out.append('p').text(m.cancelled);
    const res = control.result;
    if (!res) return;
    const name = (f: string) => `${res.scenarioName}-seed${res.meta.seed}-${f}`;
    const bar = out.append('div');
    bar.append('button').attr('type', 'button').attr('id', 'batch-export-replications').text(`${m.exportCsv}: replications.csv`).on('click', () => ctx.download(name('replications.csv'), res.replicationsCsv));
    bar.append('button').attr('type', 'button').attr('id', 'batch-export-comparison').text(`${m.exportCsv}: comparison.csv`).on('click', () => ctx.download(name('comparison.csv'), res.comparisonCsv));
    bar.append('button').attr('type', 'button').attr('id', 'batch-export-html').text(m.exportComparisonHtml).on('click', () => ctx.download(name('comparison.html'), comparisonHtml(res.meta, res.rows, res.cmp, lang), 'text/html;charset=utf-8'));
    out.append('h2').text(`${m.batchVerdict} · ${res.meta.scenario.title} · ${m.reps} ${res.meta.reps}`);
    const title = (v: string) => res.meta.variants.find((x) => x.name === v)?.title ?? v;
    const ul = out.append('ul').attr('class', 'verdicts').attr('id', 'batch-verdicts');
    for (const v of verdicts(res.cmp, res.meta.variants.map((x) => x.name))) {
      const li = ul.append('li');
      li.append('strong').text(title(v.variant));
      li.append('span').text(`${lang === 'zh' ? '：' : ': '}${verdictText(v, lang)}`);
    }
    const matters = res.cmp.filter((c) => c.effect === 'better' || c.effect === 'worse');
    out.append('h2').text(m.batchSummary);
    if (matters.length === 0) out.append('p').attr('id', 'batch-nothing').text(m.batchNone);
    else {
      const wrap = out.append('div').attr('class', 'table-wrap');
      const tbl = wrap.append('table').attr('class', 'data').attr('id', 'batch-table');
      tbl.append('thead').append('tr').selectAll('th').data([m.batchColVariant, m.batchColMetric, m.batchColBaseline, m.batchColDiff, m.batchColInterval, m.batchColEffect]).join('th').text((d) => d);
      const body = tbl.append('tbody');
      for (const c of matters) {
        const baseMean = res.cmp.find((b) => b.variant === res.meta.variants[0].name && b.metric === c.metric)?.mean ?? NaN;
        body.append('tr').selectAll('td')
          .data([title(c.variant), KPI_TEXT[c.metric][lang], formatNumber(baseMean), formatNumber(c.diffMean), `[${formatNumber(c.diffLow)}, ${formatNumber(c.diffHigh)}]`, c.effect === 'better' ? m.better : m.worse])
          .join('td')
          .text((d) => d);
      }
    }
    if (res.meta.variants.some((v) => v.name === OTHER_SEEDS)) out.append('p').attr('class', 'hint').text(m.batchOtherSeedsNote);
    out.append('iframe').attr('class', 'cmp').attr('sandbox', '').attr('title', m.tabBatch).attr('srcdoc', comparisonHtml(res.meta, res.rows, res.cmp, lang));
  }

  return {
    id: 'batch',
    label: (m) => m.tabBatch,
    render,
    // Progress moves while the tab is open; the results appear when the batch ends.
    update: (el) => {
      const p = el.querySelector<HTMLProgressElement>('#batch-progress');
      if (p) p.value = control.progress;
    },
  };
}
