/**
 * The exercise page (桌面推演 / functional exercise): the composition root. It opens a bundled
 * exercise (or a recorded one from its log), draws the live map and the panels from the exercise
 * view of the chosen role — facilitator (the truth and the script) or players (what the center
 * knows) — and wires the clock controls. The link keeps exercise, role, tab and language.
 */
import { MESSAGES, defaultLang, type Lang, type Messages } from './i18n/index.ts';
import { exerciseMessages } from './i18n/exercise.ts';
import { startEngine } from './engine-client.ts';
import { AnimationFrameClock } from './app/clock.ts';
import { ExerciseControl } from './app/exercise-control.ts';
import { TabRegistry, type TabView } from './app/tabs.ts';
import { buildTabBar, markSelected } from './app/tab-bar.ts';
import { download } from './app/download.ts';
import { MapView } from './views/map.ts';
import { mapLegend } from './views/map-legend.ts';
import { agencyPalette } from './model/palette.ts';
import { namesOf } from './model/names.ts';
import { exerciseMap } from './model/exercise-map.ts';
import { noteForm, renderEvents, renderScript, renderSituation, type ExerciseContext } from './views/exercise-panels.ts';
import { renderDebrief, renderEvaluation } from './views/exercise-evaluation.ts';
import { BUNDLED_EXERCISES, loadBundled, loadZip } from './exercises.ts';
import type { ExercisePackage } from '../src/exercise/package.ts';
import type { Scenario } from '../src/scenario/scenario.ts';
import { exerciseView } from '../src/exercise/views.ts';
import { clock, tPlus } from '../src/report/format.ts';
import { formatError, type InputError } from '../src/scenario/errors.ts';
import { thrownWords } from '../src/exercise/problems.ts';
import { mountMapPane } from './views/map-pane.ts';
import { forgetLog, keepBranch, keepLog, keptBranch, keptLog, type LogStorage } from './app/exercise-store.ts';
import { branchOf, branchOptions, branchValue } from './model/branch.ts';
import { restoreTyped, typedIn, watchSubmits } from './app/typed-fields.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
mountMapPane($('map-pane'), 'exercise');
const params = new URLSearchParams(location.search);
const ui = {
  lang: (params.get('lang') === 'en' || params.get('lang') === 'zh' ? params.get('lang') : defaultLang(navigator.languages ?? [navigator.language])) as Lang,
  role: (params.get('role') === 'player' ? 'player' : 'facilitator') as 'facilitator' | 'player',
  tab: params.get('tab') ?? 'situation',
  exercise: params.get('exercise') && BUNDLED_EXERCISES.includes(params.get('exercise')!) ? params.get('exercise')! : BUNDLED_EXERCISES[0],
  /** The play speed the room chose (null: the package's own); one of the speed selector's, kept only with its exercise. */
  speed: params.get('exercise') && BUNDLED_EXERCISES.includes(params.get('exercise')!) ? speedOf(params.get('speed')) : null,
};

/** A speed the selector offers, from the link's text (null for anything else). */
function speedOf(text: string | null): number | null {
  const options = [...document.querySelectorAll<HTMLOptionElement>('#x-speed option')].map((o) => Number(o.value));
  const n = Number(text);
  return text !== null && options.includes(n) ? n : null;
}

/** Plays at the room's chosen speed, or the package's when none was chosen (after every open, which resets it). */
function applySpeed(): void {
  if (!control.pkg) return;
  control.speed = ui.speed ?? control.pkg.playSpeed;
  $<HTMLSelectElement>('x-speed').value = String(control.speed);
}
const m = () => exerciseMessages(ui.lang);
const appM = (): Messages => MESSAGES[ui.lang] as Messages;

/** The problems on show, as data: a change of language shows them again in the new one. */
let shown: readonly InputError[] | null = null;

/** Shows problems (a package's, a log's, a refused action's) in the page's language; null hides them. */
function showErrors(errors: readonly InputError[] | null): void {
  shown = errors;
  $('errors').hidden = !errors;
  $('errors-text').textContent = errors ? `${m().errors}\n${errors.map((e) => formatError(e, ui.lang)).join('\n')}` : '';
}

// Reached on each call, so a browser that refuses storage (a sandboxed page) throws inside the store's guard.
const storage: LogStorage = {
  getItem: (k) => localStorage.getItem(k),
  setItem: (k, v) => localStorage.setItem(k, v),
  removeItem: (k) => localStorage.removeItem(k),
};
/** The session, log length and branch last kept: storage is written once per action, not once per frame. */
const kept = { session: null as unknown, actions: -1, branch: undefined as string | null | undefined };

/** Keeps the exercise log (and the debrief's branch) in the browser as they change, so a reload loses nothing. */
function keepProgress(): void {
  const s = control.session;
  if (!s) return;
  const branch = control.branchAsked ? branchValue(control.branchAsked) : null;
  if (branch !== kept.branch) {
    kept.branch = branch;
    keepBranch(storage, s.log.exercise.hash, branch);
  }
  if (s === kept.session && s.log.actions.length === kept.actions) return;
  kept.session = s;
  kept.actions = s.log.actions.length;
  keepLog(storage, s.log.exercise.hash, s.log);
}

const control = new ExerciseControl(startEngine(), new AnimationFrameClock(), () => redraw(), (problem) => showErrors([{ path: '', ...problem }]));
const map = new MapView($('map-pane'), { onIncident: () => {}, onUnit: () => {}, tooltip: () => [] });

/** The panels, as tabs; the script is the facilitator's only. */
const PANELS: { id: string; label: () => string; render: (el: HTMLElement, ctx: ExerciseContext) => void; facilitator?: boolean }[] = [
  { id: 'situation', label: () => m().tabSituation, render: renderSituation },
  { id: 'script', label: () => m().tabScript, render: renderScript, facilitator: true },
  { id: 'events', label: () => m().tabEvents, render: renderEvents },
  { id: 'evaluation', label: () => m().tabEvaluation, render: renderEvaluation, facilitator: true },
  { id: 'debrief', label: () => m().tabDebrief, render: renderDebrief },
];
const tabs = new TabRegistry();
for (const p of PANELS) tabs.register({ id: p.id, label: p.label, render: () => {} } as TabView);

function context(): ExerciseContext | null {
  const s = control.session;
  if (!s || !control.scenario) return null;
  return {
    control,
    view: exerciseView(s, ui.role),
    lang: ui.lang,
    m: m(),
    app: appM(),
    names: namesOf(control.scenario, appM().gradeNames),
    startSecondOfDay: control.scenario.startSecondOfDay,
    download,
    redraw,
  };
}

function updateUrl(): void {
  const p = new URLSearchParams({ exercise: ui.exercise, role: ui.role, tab: ui.tab, lang: ui.lang, ...(ui.speed !== null ? { speed: String(ui.speed) } : {}) });
  history.replaceState(null, '', `?${p.toString()}`);
}

function redraw(): void {
  const ctx = context();
  const s = control.session;
  for (const p of PANELS) {
    const b = document.getElementById(`tabbtn-${p.id}`);
    if (b) b.hidden = Boolean(p.facilitator && ui.role === 'player');
  }
  if (PANELS.find((p) => p.id === ui.tab)?.facilitator && ui.role === 'player') ui.tab = 'situation';
  markSelected(tabs, ui.tab);
  if (!ctx || !s) return;
  keepProgress();
  const v = ctx.view;
  const { units, incidents } = exerciseMap(v);
  map.render(units, incidents);
  $('x-clock').textContent = `${tPlus(v.t)} · ${clock(ctx.startSecondOfDay, v.scenarioT)}`;
  const done = control.result !== null || s.done;
  $('x-status').textContent = control.result ? m().ended : s.pending ? `${m().waitingDecision} ${s.pending.id}` : control.playing ? m().play : m().ready;
  document.body.dataset.exercise = control.result ? 'ended' : s.pending ? 'decision' : 'ready';
  for (const id of ['x-next-inject', 'x-next-decision', 'x-plus5', 'x-plus15', 'x-play']) $<HTMLButtonElement>(id).disabled = done || s.pending !== null;
  $('x-play').textContent = control.playing ? m().pause : m().play;
  const panel = PANELS.find((p) => p.id === ui.tab)!;
  // A form being typed in is not redrawn under the user's fingers while the clock runs.
  const el = $(`tab-${panel.id}`);
  if (!(control.playing && el.contains(document.activeElement) && document.activeElement?.matches('input, textarea, select'))) {
    const typed = typedIn(el);
    panel.render(el, ctx);
    restoreTyped(el, typed);
  }
  const slot = $('x-note-slot');
  if (!slot.firstChild) slot.replaceWith(Object.assign(noteForm(ctx), { id: 'x-note-slot' }));
  updateUrl();
}

function applyLanguage(): void {
  document.documentElement.lang = ui.lang === 'zh' ? 'zh-CN' : 'en';
  const x = m();
  document.title = x.title;
  $('x-title').textContent = x.title;
  $('x-exercise-label').textContent = x.exercise;
  $('x-open-log').textContent = x.openLog;
  $('x-open-package').textContent = x.openPackage;
  $('x-restart').textContent = x.restart;
  $('x-role-facilitator').textContent = x.facilitator;
  $('x-role-player').textContent = x.player;
  $('x-role').setAttribute('aria-label', x.role);
  $('x-back').textContent = x.backToReplay;
  // The replay opens in the language chosen here.
  $<HTMLAnchorElement>('x-back').href = `./index.html?lang=${ui.lang}`;
  $('x-lang').textContent = appM().language;
  $('x-next-inject').textContent = x.nextInject;
  $('x-next-decision').textContent = x.nextDecision;
  $('x-plus5').textContent = `${x.plus} 5 ${x.minutes}`;
  $('x-plus15').textContent = `${x.plus} 15 ${x.minutes}`;
  $('x-speed-label').textContent = x.speed;
  $('x-tabs').setAttribute('aria-label', x.tabSituation);
  for (const p of PANELS) {
    const b = document.getElementById(`tabbtn-${p.id}`);
    if (b) b.textContent = p.label();
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('#x-role button')) b.setAttribute('aria-checked', String(b.dataset.role === ui.role));
  const sel = $<HTMLSelectElement>('x-select');
  for (const o of sel.options) o.textContent = titleOf(o.value);
  // The note form is drawn anew (new words, the new role's); a note being typed is carried over, as the panels' forms are.
  const note = typedIn($('x-clockbar'));
  $('x-note-slot').replaceChildren();
  if (control.scenario) mapLegend($('legend'), control.scenario, appM());
  if (shown) showErrors(shown);
  redraw();
  restoreTyped($('x-clockbar'), note);
}

/** The exercise a log names (null when it is no JSON object naming one: the replay then says what is wrong). */
function loggedExercise(text: string): string | null {
  try {
    const name = (JSON.parse(text.replace(/^\uFEFF/, '')) as { exercise?: { name?: unknown } } | null)?.exercise?.name;
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

function titleOf(name: string): string {
  const r = loadBundled(name);
  return r.ok ? r.value.pkg.title[ui.lang] : name;
}

async function openExercise(name: string): Promise<void> {
  const r = loadBundled(name);
  if (!r.ok) {
    showErrors(r.errors);
    return;
  }
  // Another exercise plays at its own speed.
  if (name !== ui.exercise) ui.speed = null;
  ui.exercise = name;
  await openLoaded(r.value);
}

/** Shows a loaded package's map, legend, title and speed (before its session opens). */
function showPackage(x: { pkg: ExercisePackage; scenario: Scenario }): void {
  showErrors(null);
  $('x-status').textContent = m().loading;
  map.setScenario(x.scenario, agencyPalette(x.scenario.agencies));
  mapLegend($('legend'), x.scenario, appM());
  $('map-title').textContent = x.pkg.title[ui.lang];
  $<HTMLSelectElement>('x-speed').value = String(x.pkg.playSpeed);
}

/** Shows and opens a loaded package (bundled, or opened by the user). */
async function openLoaded(x: { pkg: ExercisePackage; scenario: Scenario }): Promise<void> {
  showPackage(x);
  const text = keptLog(storage, x.pkg.hash.package);
  if (text !== null) {
    // Read before the log opens: the opened session has no branch yet, and keeping that would forget it.
    const branch = keptBranch(storage, x.pkg.hash.package);
    // The exercise was under way in this browser: replay its log to where it stood.
    const out = await control.openLog(x.pkg, x.scenario, text, m().kept);
    applySpeed();
    if (out.ok) return rerunBranch(branch);
    showErrors(out.errors);
  }
  await control.open(x.pkg, x.scenario);
  applySpeed();
}

/** Runs again the branch the debrief showed before a reload (`D2=later`), when the reopened exercise has ended and still offers it. */
function rerunBranch(value: string | null): void {
  const s = control.session;
  if (value === null || !s || !control.result) return;
  const b = branchOf(branchOptions(s.pkg.decisions, [...s.decided.values()], ui.lang), value);
  if (!b) return;
  void control.runBranch({ decision: b.decision, choice: b.choice });
  redraw();
}

function wire(): void {
  const sel = $<HTMLSelectElement>('x-select');
  for (const n of BUNDLED_EXERCISES) sel.append(Object.assign(document.createElement('option'), { value: n, textContent: titleOf(n) }));
  sel.value = ui.exercise;
  sel.onchange = () => void openExercise(sel.value);
  $('x-lang').onclick = () => {
    ui.lang = ui.lang === 'zh' ? 'en' : 'zh';
    applyLanguage();
  };
  for (const b of document.querySelectorAll<HTMLButtonElement>('#x-role button')) {
    b.onclick = () => {
      ui.role = b.dataset.role as 'facilitator' | 'player';
      applyLanguage();
    };
  }
  $('x-next-inject').onclick = () => void control.moveTo('inject');
  $('x-next-decision').onclick = () => void control.moveTo('decision');
  $('x-plus5').onclick = () => void control.moveTo('by', 300);
  $('x-plus15').onclick = () => void control.moveTo('by', 900);
  $('x-play').onclick = () => control.play(!control.playing);
  $<HTMLSelectElement>('x-speed').onchange = (e) => {
    ui.speed = speedOf((e.target as HTMLSelectElement).value);
    applySpeed();
    updateUrl();
  };
  $('errors-close').onclick = () => showErrors(null);
  $('x-open-package').onclick = () => $<HTMLInputElement>('x-package-input').click();
  $<HTMLInputElement>('x-package-input').onchange = async (e) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (!f) return;
    const r = await loadZip(f);
    if (!r.ok) showErrors(r.errors);
    else {
      // Another exercise plays at its own speed.
      if (r.value.pkg.name !== control.pkg?.name) ui.speed = null;
      await openLoaded(r.value);
    }
  };
  $('x-restart').onclick = () => {
    const { pkg, scenario } = control;
    if (!pkg || !scenario || !confirm(m().restartConfirm)) return;
    forgetLog(storage, pkg.hash.package);
    void control.open(pkg, scenario).then(applySpeed);
  };
  $('x-open-log').onclick = () => $<HTMLInputElement>('x-log-input').click();
  $<HTMLInputElement>('x-log-input').onchange = async (e) => {
    // A log replays on the package open now (bundled or opened from a zip).
    const input = e.target as HTMLInputElement;
    const f = input.files?.[0];
    input.value = ''; // the same file may be opened again
    if (!f || !control.pkg || !control.scenario) return;
    const text = await f.text();
    let x = { pkg: control.pkg, scenario: control.scenario };
    // A log of another bundled exercise opens that exercise and replays on it.
    const named = loggedExercise(text);
    const other = named !== null && named !== x.pkg.name && BUNDLED_EXERCISES.includes(named) ? loadBundled(named) : null;
    if (other?.ok) {
      x = other.value;
      ui.exercise = named!;
      ui.speed = null;
      $<HTMLSelectElement>('x-select').value = named!;
      showPackage(x);
    }
    const out = await control.openLog(x.pkg, x.scenario, text, f.name);
    applySpeed();
    if (!out.ok && other?.ok) await openLoaded(x);
    showErrors(out.ok ? null : out.errors);
  };
  window.addEventListener('resize', () => {
    if (control.scenario) map.setScenario(control.scenario, agencyPalette(control.scenario.agencies));
    redraw();
  });
}

async function start(): Promise<void> {
  buildTabBar(tabs, $('x-tabs'), $('side'), () => ui.tab, (id) => {
    ui.tab = id;
    redraw();
  });
  wire();
  watchSubmits($('side'));
  applyLanguage();
  await openExercise(ui.exercise);
}

start().catch((e) => showErrors([{ path: '', ...thrownWords(e) }]));

// A small read-only window for tests and tools.
(window as unknown as { linkdrill: unknown }).linkdrill = { map: () => map.snapshot(), exercise: () => (control.session ? { t: control.session.t, pending: control.session.pending?.id ?? null, actions: control.session.log.actions.length } : null) };
