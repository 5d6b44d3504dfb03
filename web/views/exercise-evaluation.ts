/**
 * Evaluation and debrief panels of the exercise page: the evaluators' form per critical task (the
 * simulation's evidence and suggested rating beside the rating they enter), findings and the
 * improvement plan, the debrief and self-assessments; then ending the exercise, its exports, and a
 * branch of it with one decision changed.
 */
import { zipSync, strToU8 } from 'fflate';
import { evaluate, suggestedFor } from '../../src/exercise/evaluation.ts';
import { exerciseReportHtml } from '../../src/exercise/report.ts';
import type { Rating, FindingTag } from '../../src/exercise/log.ts';
import { h, type ExerciseContext } from './exercise-panels.ts';
import { tPlus } from '../../src/report/format.ts';
import { KPI_TEXT } from '../../src/report/kpi-text.ts';
import { branchOf, branchOptions, branchValue } from '../model/branch.ts';

const RATINGS: Rating[] = ['P', 'S', 'M', 'U'];
const TAGS: FindingTag[] = ['deficiency', 'rectify', 'improve'];

export function renderEvaluation(el: HTMLElement, ctx: ExerciseContext): void {
  const { control, m, lang } = ctx;
  const s = control.session;
  el.replaceChildren();
  if (!s) return;
  // After the end, the indicators' evidence comes from the run's score, as in the report.
  const ev = evaluate(s, control.score);
  el.append(h('h3', {}, m.objectives));
  for (const o of s.pkg.objectives) {
    el.append(h('h4', {}, `${o.id} ${o.title[lang]}`));
    for (const c of o.capabilities) {
      for (const t of c.tasks) {
        const rows = ev.rows.filter((r) => r.task === t.id);
        const sugg = suggestedFor(ev.rows, 'task', t.id);
        const form = h('form', { class: 'rate', 'data-task': t.id });
        form.append(h('div', { class: 'task' }, h('b', {}, `${t.id} ${t.title[lang]}${t.critical ? ' ★' : ''}`), ` · ${m.suggested}: ${sugg ?? '–'}`));
        form.append(h('ul', {}, ...rows.map((r) => h('li', {}, `${r.text[lang]} — `, h('span', { class: 'muted' }, r.evidence[lang]), r.suggested ? ` (${r.suggested})` : ''))));
        const current = rows[0]?.rating ?? null;
        const select = h('select', { name: 'rating', 'aria-label': `${m.rate} ${t.id}` }, h('option', { value: '' }, '–'), ...RATINGS.map((x) => h('option', { value: x, ...(current === x ? { selected: true } : {}) }, x)));
        // The rating on a line of its own, the observations under their label: nothing runs into the next word.
        form.append(h('label', { class: 'rating' }, `${m.rate} `, select), h('label', { class: 'observations' }, m.observations, h('textarea', { name: 'observations', rows: '2' }, rows[0]?.observations ?? '')), h('button', { type: 'submit' }, m.save));
        form.addEventListener('submit', (e) => {
          e.preventDefault();
          const f = new FormData(form);
          const rating = String(f.get('rating') ?? '') as Rating | '';
          if (!rating) return;
          void control.run((x) => x.annotate({ type: 'rate', target: t.id, rating, observations: String(f.get('observations') ?? '') }));
        });
        el.append(form);
      }
    }
  }

  el.append(h('h3', {}, m.findings));
  if (ev.findings.length) el.append(h('ol', {}, ...ev.findings.map((f) => h('li', {}, h('span', { class: `tag t-${f.tag}` }, m.tags[f.tag]), ` ${f.id} ${f.text}`))));
  const ff = h(
    'form',
    { id: 'finding-form' },
    h('label', {}, `${m.tag} `, h('select', { name: 'tag' }, ...TAGS.map((t) => h('option', { value: t }, m.tags[t])))),
    h('label', {}, `${m.finding} `, h('input', { name: 'text', id: 'finding-text' })),
    h('button', { type: 'submit' }, m.addFinding),
  );
  ff.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(ff);
    const text = String(f.get('text') ?? '').trim();
    if (text) void control.run((x) => x.annotate({ type: 'finding', id: `F${ev.findings.length + 1}`, tag: String(f.get('tag')) as FindingTag, text }));
  });
  el.append(ff);

  el.append(h('h3', {}, m.plan));
  if (ev.improvements.length) el.append(h('table', { class: 'data' }, h('tr', {}, h('th', {}, m.finding), h('th', {}, m.action), h('th', {}, m.owner), h('th', {}, m.due)), ...ev.improvements.map((i) => h('tr', {}, h('td', {}, `${i.finding} ${i.text}`), h('td', {}, i.action), h('td', {}, i.owner), h('td', {}, i.due)))));
  if (ev.findings.length) {
    const pf = h(
      'form',
      { id: 'plan-form' },
      h('select', { name: 'finding', 'aria-label': m.finding }, ...ev.findings.map((f) => h('option', { value: f.id }, f.id))),
      h('input', { name: 'action', placeholder: m.action, 'aria-label': m.action }),
      h('input', { name: 'owner', placeholder: m.owner, 'aria-label': m.owner }),
      h('input', { name: 'due', type: 'date', 'aria-label': m.due }),
      h('button', { type: 'submit' }, m.addPlan),
    );
    pf.addEventListener('submit', (e) => {
      e.preventDefault();
      const f = new FormData(pf);
      const action = String(f.get('action') ?? '').trim();
      if (action) void control.run((x) => x.annotate({ type: 'improvement', finding: String(f.get('finding')), action, owner: String(f.get('owner') ?? ''), due: String(f.get('due') ?? '') }));
    });
    el.append(pf);
  }

  for (const [type, label] of [['debrief', m.debrief], ['self-assessment', m.selfAssessment]] as const) {
    const form = h('form', { class: type }, h('h3', {}, label), h('textarea', { name: 'text', rows: '3', 'aria-label': label }), h('button', { type: 'submit' }, m.save));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = String(new FormData(form).get('text') ?? '').trim();
      if (!text) return;
      void control.run((x) => (type === 'debrief' ? x.annotate({ type: 'debrief', text }) : x.annotate({ type: 'self-assessment', role: ctx.view.role === 'player' ? 'center' : 'control', text })));
    });
    el.append(form);
  }
}

/** The facilitator's exports: the report and the log now, then ending the exercise and every file. */
function exportBar(ctx: ExerciseContext): HTMLElement {
  const { control, m, lang } = ctx;
  const s = control.session!;
  const name = s.pkg.name;
  const bar = h('div', { class: 'exports' });
  bar.append(
    h('button', { type: 'button', id: 'export-report', onclick: () => ctx.download(`${name}-aar.html`, control.result ? control.files(lang)!['aar.html'] : exerciseReportHtml(s.pkg, s.scenario, evaluate(s, null), null, lang), 'text/html;charset=utf-8') }, m.exportReport),
    h('button', { type: 'button', id: 'export-log', onclick: () => ctx.download(`${name}-exercise-log.json`, JSON.stringify(s.log, null, 1) + '\n', 'application/json') }, m.exportLog),
  );
  if (!control.result) bar.append(h('button', { type: 'button', id: 'end-exercise', onclick: () => void control.end() }, m.end));
  else
    bar.append(
      h('button', {
        type: 'button',
        id: 'export-all',
        onclick: () => {
          const files = control.files(lang)!;
          ctx.download(`${name}-seed${s.pkg.seed}.zip`, zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))), 'application/zip');
        },
      }, m.exportAll),
    );
  return bar;
}

export function renderDebrief(el: HTMLElement, ctx: ExerciseContext): void {
  const { control, m, lang } = ctx;
  const s = control.session;
  el.replaceChildren();
  if (!s) return;
  // The report and the log hold every note and rating: the players' screen (the one on the wall) does not export them.
  el.append(ctx.view.role === 'player' ? h('p', { class: 'muted', id: 'exports-facilitator' }, m.exportsFacilitatorOnly) : exportBar(ctx));
  if (!control.result) return;
  el.append(h('p', {}, m.ended));

  // A branch: the same exercise with one decision changed.
  const options = branchOptions(s.pkg.decisions, [...s.decided.values()], lang);
  if (options.length === 0) return;
  el.append(h('h3', {}, m.branch), h('p', { class: 'muted' }, m.branchHint));
  // The choice shows the branch last asked for (else the first), whatever redraws the panel meanwhile.
  const asked = control.branchAsked ? branchValue(control.branchAsked) : branchValue(options[0]);
  const sel = h('select', { id: 'branch-choice', name: 'branch', 'aria-label': m.branch }, ...options.map((x) => h('option', { value: branchValue(x), ...(branchValue(x) === asked ? { selected: true } : {}) }, `${x.decision}: ${x.recordedLabel} → ${x.choiceLabel}`)));
  el.append(h('form', { id: 'branch-form', onsubmit: (e: Event) => {
    e.preventDefault();
    const b = branchOf(options, sel.value);
    if (!b) return;
    void control.runBranch({ decision: b.decision, choice: b.choice });
    ctx.redraw();
  } }, sel, h('button', { type: 'submit', id: 'branch-run', ...(control.branchRunning ? { disabled: true } : {}) }, m.branchRun)));
  if (control.branchRunning) el.append(h('p', { class: 'muted', id: 'branch-running', role: 'status' }, m.branchRunning));
  const b = control.branchResult;
  const shown = b ? branchOf(options, branchValue(b.branch)) : null;
  if (!b || !shown) return;
  const fmt = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : String(Math.round(x * 10) / 10));
  // Headed with what it shows, so a table read beside another choice is never taken for that choice's.
  const heading = m.branchShown.replace('{d}', shown.decision).replace('{instead}', shown.choiceLabel).replace('{recorded}', shown.recordedLabel).replace('{t}', tPlus(b.t));
  el.append(
    h(
      'table',
      { class: 'data', id: 'branch-table', 'data-branch': branchValue(shown) },
      h('caption', { id: 'branch-caption' }, heading),
      h('tr', {}, h('th', {}, m.kpi), h('th', {}, m.original), h('th', {}, m.branched), h('th', {}, m.difference)),
      ...b.rows.map((r) => h('tr', {}, h('td', {}, KPI_TEXT[r.kpi as keyof typeof KPI_TEXT]?.[lang] ?? r.kpi), h('td', {}, fmt(r.original)), h('td', {}, fmt(r.branched)), h('td', {}, fmt(r.branched - r.original)))),
      ...b.chain.map((c) => h('tr', {}, h('td', {}, `${c.incident} · ${m.steps[c.step as keyof typeof m.steps] ?? c.step}`), h('td', {}, c.original === null ? '–' : tPlus(c.original - s.pkg.startS)), h('td', {}, c.branched === null ? '–' : tPlus(c.branched - s.pkg.startS)), h('td', {}, c.original !== null && c.branched !== null ? fmt((c.branched - c.original) / 60) + (lang === 'zh' ? ' 分钟' : ' min') : ''))),
    ),
  );
}
