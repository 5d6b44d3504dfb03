/**
 * The exercise page's panels: the situation (phase, questions, messages, the decision waiting),
 * the script (facilitator only: the MSEL ahead, expected actions, live injects, overrides, notes)
 * and the events the view may see. Each panel is drawn from the exercise view (src/exercise/views.ts)
 * and talks back only through the exercise control; every text from a package is set as text.
 */
import type { ExerciseView } from '../../src/exercise/views.ts';
import type { Injection } from '../../src/engine/inject.ts';
import type { Lang, Messages } from '../i18n/index.ts';
import type { ExerciseMessages } from '../i18n/exercise.ts';
import type { ExerciseControl } from '../app/exercise-control.ts';
import type { Names } from '../model/event-text.ts';
import { eventText } from '../model/event-text.ts';
import { tPlus } from '../../src/report/format.ts';
import { DETAIL_VALUE_TEXT, term } from '../i18n/terms.ts';
import { refusalWords } from '../../src/exercise/refusal.ts';

/** What every panel gets. */
export interface ExerciseContext {
  control: ExerciseControl;
  view: ExerciseView;
  lang: Lang;
  m: ExerciseMessages;
  app: Messages;
  names: Names;
  startSecondOfDay: number;
  download(name: string, data: string | Uint8Array, type?: string): void;
  redraw(): void;
}

/** An element with attributes and children (text children become text nodes, never HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | ((e: Event) => void)> = {}, ...children: (Node | string | null | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (typeof v === 'boolean') {
      if (v) el.setAttribute(k, '');
    } else el.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== false) el.append(c);
  return el;
}

const roleName = (ctx: ExerciseContext, id: string) => ctx.control.pkg?.roles.find((r) => r.id === id)?.name[ctx.lang] ?? (id === 'control' ? ctx.m.roles.control : id);

/** The phase, the decision waiting, what the room has been told, and the center's figures. */
export function renderSituation(el: HTMLElement, ctx: ExerciseContext): void {
  const { view: v, m, lang } = ctx;
  el.replaceChildren();
  el.append(h('h2', {}, `${m.phase}: ${v.phase.title[lang]}`), h('p', { class: 'situation' }, v.phase.situation[lang]));
  if (v.phase.questions.length) el.append(h('h3', {}, m.questions), h('ol', {}, ...v.phase.questions.map((q) => h('li', {}, q[lang]))));
  if (v.decision) el.append(decisionCard(ctx));
  const chan = Object.entries(v.channels).map(([c, up]) => `${term(DETAIL_VALUE_TEXT, c, lang)} ${up ? m.up : m.down}`).join(' · ');
  el.append(
    h('p', { class: 'figures' }, `${m.incidentsOpen} ${v.incidents.length} · ${m.callsWaiting} ${v.center.waiting} · ${m.channels}: ${chan}${v.closures.length ? ` · ${m.closures} ${v.closures.map((c) => c.id).join(', ')}` : ''}`),
    h('h3', {}, m.messages),
  );
  if (v.messages.length === 0) el.append(h('p', { class: 'muted' }, m.noMessages));
  else el.append(h('ol', { class: 'messages', reversed: true }, ...[...v.messages].reverse().map((x) => h('li', { 'data-inject': x.id }, h('span', { class: 'when' }, tPlus(x.t)), ' ', h('b', {}, `${roleName(ctx, x.from)} → ${roleName(ctx, x.to)}`), ' ', x.text[lang]))));
  // What the room noted (the form is in the clock bar), newest first, each by whom.
  if (v.notes.length) {
    // A screen's note is its group's, as a self-assessment is: the facilitator's is control's, the players' the center's.
    const by = (role: string | null) => (role === null ? null : roleName(ctx, role === 'facilitator' ? 'control' : role === 'player' ? 'center' : role));
    el.append(
      h('h3', {}, m.notesTaken),
      h('ol', { class: 'notes', id: 'notes-taken', reversed: true }, ...[...v.notes].reverse().map((n) => {
        const who = by(n.role);
        return h('li', {}, h('span', { class: 'when' }, tPlus(n.t)), ' ', who ? h('b', {}, who) : '', who ? ' ' : '', n.text);
      })),
    );
  }
}

function decisionCard(ctx: ExerciseContext): HTMLElement {
  const { view: v, m, lang, control } = ctx;
  const d = v.decision!;
  const card = h('form', { class: 'decision', id: 'decision', 'data-decision': d.id });
  card.append(h('h3', {}, `${m.decision} ${d.id} · ${roleName(ctx, d.role)}`), h('p', { class: 'prompt' }, d.prompt[lang]));
  for (const o of d.options) {
    card.append(h('label', { class: 'option' }, h('input', { type: 'radio', name: 'choice', value: o.id, ...(o.id === (d.expected ?? '') ? { 'data-expected': 'true' } : {}) }), ` ${o.label[lang]}${v.role === 'facilitator' && d.expected === o.id ? ' ★' : ''}`));
  }
  const timeout = control.session?.pending?.timeoutS;
  if (timeout && control.playing) card.append(h('p', { class: 'muted' }, `${m.timeoutIn}${control.session!.pending!.default}`));
  card.append(
    h('label', {}, m.rationale, h('textarea', { name: 'rationale', rows: '2' })),
    h('label', {}, m.freeText, h('textarea', { name: 'text', rows: '2' })),
    h('button', { type: 'submit', id: 'decide' }, m.decide),
  );
  card.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(card);
    const choice = String(f.get('choice') ?? '');
    if (!choice) return;
    void control.decide(d.id, choice, { rationale: String(f.get('rationale') ?? ''), text: String(f.get('text') ?? '') || undefined });
  });
  return card;
}

/** Engine inject kinds a facilitator can send live, with the fields each needs. */
const LIVE_KINDS: { kind: string; fields: string[] }[] = [
  { kind: 'message', fields: ['text'] },
  { kind: 'incident', fields: ['type', 'zone', 'grade', 'name'] },
  { kind: 'incident.change', fields: ['incident', 'grade', 'sizeFactor'] },
  { kind: 'unit.out', fields: ['unit'] },
  { kind: 'unit.in', fields: ['unit'] },
  { kind: 'channel.down', fields: ['channel'] },
  { kind: 'channel.up', fields: ['channel'] },
  { kind: 'road.close', fields: ['id', 'lon', 'lat', 'radiusM'] },
  { kind: 'call.surge', fields: ['incident', 'callers', 'overS'] },
  { kind: 'demand.factor', fields: ['factor'] },
];

/** Reads a form's fields into an injection of `kind` (numbers where they look like numbers). */
export function injectionFrom(kind: string, f: FormData, fields: string[]): Injection {
  const x: Record<string, unknown> = { kind };
  for (const k of fields) {
    const raw = String(f.get(k) ?? '').trim();
    if (raw === '') continue;
    x[k] = /^-?\d+(\.\d+)?$/.test(raw) && k !== 'name' && k !== 'id' ? Number(raw) : raw;
  }
  return x as Injection;
}

/** Facilitator only: the script ahead, the expected actions, and what the facilitator can do now. */
export function renderScript(el: HTMLElement, ctx: ExerciseContext): void {
  const { view: v, m, lang, control } = ctx;
  el.replaceChildren();
  el.append(h('h3', {}, m.upcoming));
  el.append(h('ol', { class: 'upcoming' }, ...(v.upcoming ?? []).map((u) => h('li', {}, h('span', { class: 'when' }, tPlus(u.t)), ` ${u.id} `, u.contingency ? h('em', {}, `(${m.contingency}) `) : '', u.text[lang]))));
  el.append(h('h3', {}, m.expectedActions));
  const table = h('table', { class: 'data' });
  for (const x of v.expected ?? []) {
    const state = x.met === null ? m.notYet : x.onTime ? m.met : m.late;
    const tick = h('button', { type: 'button', 'data-expected': x.id }, x.met === null ? m.tick : m.untick);
    tick.onclick = () => void control.run((s) => s.annotate({ type: 'observe', expected: x.id, met: x.met === null }));
    table.append(h('tr', { class: x.met === null ? (x.onTime === false ? 'bad' : '') : 'good' }, h('td', {}, x.id), h('td', {}, roleName(ctx, x.role)), h('td', {}, x.action[lang]), h('td', {}, `≤ ${tPlus(x.by)}`), h('td', {}, `${state}${x.met !== null ? ` ${tPlus(x.met)}` : ''}`), h('td', {}, tick)));
  }
  el.append(h('div', { class: 'table-wrap' }, table));

  // A live inject: a message, or an engine action typed in a small form.
  const kindSel = h('select', { name: 'kind', id: 'live-kind' }, ...LIVE_KINDS.map((k) => h('option', { value: k.kind }, m.injectKinds[k.kind as keyof typeof m.injectKinds])));
  const fieldsBox = h('div', { class: 'fields' });
  const drawFields = () => {
    const k = LIVE_KINDS.find((x) => x.kind === kindSel.value)!;
    fieldsBox.replaceChildren(...k.fields.map((f) => h('label', {}, `${m.fields[f as keyof typeof m.fields]} `, f === 'text' ? h('textarea', { name: f, rows: '2', id: `live-${f}` }) : h('input', { name: f, id: `live-${f}` }))));
  };
  kindSel.onchange = drawFields;
  drawFields();
  const live = h('form', { class: 'live', id: 'live-inject' }, h('h3', {}, m.liveInject), h('label', {}, `${m.kind} `, kindSel), fieldsBox, h('button', { type: 'submit', id: 'live-send' }, m.send));
  let n = 0;
  live.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(live);
    const kind = String(f.get('kind'));
    const fields = LIVE_KINDS.find((x) => x.kind === kind)!.fields;
    const id = `LIVE-${(control.session?.log.actions.filter((a) => a.type === 'live-inject').length ?? 0) + ++n}`;
    const text = String(f.get('text') ?? '').trim();
    const delivery = kind === 'message' ? { message: { zh: text, en: text }, from: 'control', to: 'center' } : { injection: injectionFrom(kind, f, fields) };
    if (kind === 'message' && !text) return;
    void control.run((s) => s.liveInject(id, delivery, 'control'));
  });
  el.append(live);

  // Overrides: bring a unit on scene now, set an incident's size.
  const ov = h(
    'form',
    { class: 'override', id: 'override' },
    h('h3', {}, m.override),
    h('label', {}, `${m.unit} `, h('input', { name: 'unit', id: 'override-unit', list: 'unit-ids' })),
    h('button', { type: 'button', id: 'override-arrive' }, m.forceArrival),
    h('label', {}, `${m.incident} `, h('input', { name: 'incident', id: 'override-incident' })),
    h('label', {}, `${m.size} `, h('input', { name: 'size', type: 'number', step: 'any', id: 'override-size' })),
    h('button', { type: 'button', id: 'override-size-set' }, m.setSize),
    h('label', {}, `${m.reason} `, h('input', { name: 'reason', id: 'override-reason' })),
    h('datalist', { id: 'unit-ids' }, ...v.units.filter((u) => u.status === 'enroute').map((u) => h('option', { value: u.id }))),
  );
  const reason = () => String(new FormData(ov).get('reason') ?? '');
  ov.querySelector<HTMLButtonElement>('#override-arrive')!.onclick = () => {
    const unit = String(new FormData(ov).get('unit') ?? '').trim();
    if (unit) void control.run((s) => s.override({ kind: 'arrive', unit }, reason()));
  };
  ov.querySelector<HTMLButtonElement>('#override-size-set')!.onclick = () => {
    const f = new FormData(ov);
    const incident = String(f.get('incident') ?? '').trim();
    const size = Number(f.get('size'));
    if (incident && size > 0) void control.run((s) => s.override({ kind: 'size', incident, size }, reason()));
  };
  el.append(ov);
  // The engine's last refusals, in the page's language: what was not done, and why.
  const what = { inject: m.scriptedInject, decision: m.decision, 'live-inject': m.liveInject, override: m.override };
  const refused = (control.session?.log.actions ?? []).flatMap((a) =>
    'refused' in a && a.refused !== undefined ? (Array.isArray(a.refused) ? a.refused : [a.refused]).map((r) => ({ t: a.t, type: a.type as keyof typeof what, words: refusalWords(r) })) : [],
  );
  for (const r of refused.slice(-3)) el.append(h('p', { class: 'error' }, `${tPlus(r.t)} ${what[r.type]}${lang === 'zh' ? '：' : ': '}${m.refused} — ${r.words[lang]}`));
}

/** The events the view may see, newest first (the last 300). */
export function renderEvents(el: HTMLElement, ctx: ExerciseContext): void {
  el.replaceChildren();
  const list = h('ol', { class: 'exercise-events', reversed: true });
  for (const e of ctx.view.events.slice(-300).reverse()) {
    const t = eventText(e, ctx.startSecondOfDay, ctx.names, ctx.lang);
    list.append(h('li', {}, h('span', { class: 'ev-time' }, t.time), ' ', h('span', { class: 'ev-kind' }, t.kind), ' ', h('span', { class: 'ev-subject' }, t.subject), ' ', h('span', { class: 'ev-detail' }, t.detail)));
  }
  el.append(list);
}

/** A note for the log, from anyone in the room. */
export function noteForm(ctx: ExerciseContext): HTMLElement {
  const f = h('form', { class: 'note', id: 'note-form' }, h('label', {}, `${ctx.m.note} `, h('input', { name: 'text', id: 'note-text' })), h('button', { type: 'submit', id: 'note-add' }, ctx.m.addNote));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = String(new FormData(f).get('text') ?? '').trim();
    if (!text) return;
    void ctx.control.run((s) => s.annotate({ type: 'note', text, role: ctx.view.role }));
    // Emptied once taken: the field shows the note went into the log, and a second click adds no copy.
    f.reset();
  });
  return f;
}
