/**
 * linkdrill in the browser: the composition root. It builds the state, the player, the run and
 * batch controls and the registered tabs, and wires the page's controls to them; each part lives in
 * web/app/ and each view in web/views/. Every view and export reads one run (`state.run`), named by
 * scenario and seed; the URL keeps what a link needs to share a moment.
 */
import * as d3 from 'd3';
import { MESSAGES, defaultLang, type Messages } from './i18n/index.ts';
import { BUNDLED_SCENARIOS, bundledSource, sourceFromFiles, type ScenarioSource } from './scenarios.ts';
import { startEngine } from './engine-client.ts';
import { MapView } from './views/map.ts';
import { tooltipLines, unitDetails } from './views/map-details.ts';
import { buildTabBar, markSelected } from './app/tab-bar.ts';
import { clock } from '../src/report/format.ts';
import { stateAt, type IncidentState } from './model/replay.ts';
import { agencyPalette } from './model/palette.ts';
import { AnimationFrameClock } from './app/clock.ts';
import { Player } from './app/player.ts';
import { RunControl } from './app/run-control.ts';
import { BatchControl } from './app/batch-control.ts';
import { initialState, statusText, type Status } from './app/state.ts';
import { formatLink, parseLink } from './app/url.ts';
import { TabRegistry, type TabContext } from './app/tabs.ts';
import { download } from './app/download.ts';
import { wireFileOpening } from './app/file-opening.ts';
import { ScenarioChoice } from './app/scenario-choice.ts';
import { mapLegend } from './views/map-legend.ts';
import { renderIncidentList } from './views/incident-list.ts';
import { chainTab } from './views/chain.ts';
import { stateTab } from './views/system-state.ts';
import { eventsTab } from './views/events.ts';
import { scoreTab } from './views/score.ts';
import { batchTab } from './views/batch.ts';
import { internalFailure, seedsProblem } from './app/run-problems.ts';
import { ErrorBanner } from './app/error-banner.ts';
import { mountMapPane } from './views/map-pane.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
mountMapPane($('map-pane'), 'replay');
const link = parseLink(location.search);
const state = initialState(link.lang ?? defaultLang(navigator.languages ?? [navigator.language]), link.tab ?? 'chain');
state.selected = link.incident;
const msg = (): Messages => MESSAGES[state.lang] as Messages;
const banner = new ErrorBanner(state, msg, $('errors'), $('errors-text'));
const control = new RunControl(startEngine);
const player = new Player(new AnimationFrameClock(), (_t, playing) => onTime(playing));
player.t = link.t;
player.durationS = link.t;
/** What the link asked for that the first run should use (then forgotten). */
let pending: { seed: number | null; reps: number | null } = { seed: link.seed, reps: link.reps };

let batchPhase = '';
const batch = new BatchControl(startEngine, () => {
  // The batch's phase, for tests and tools (its results are kept whether or not its tab is open).
  document.body.dataset.batch = batch.phase;
  if (state.tab !== 'batch') return;
  // Draw the tab anew when the batch starts or ends; between, only its progress moves.
  if (batch.phase !== batchPhase) renderTab();
  else tabs.get('batch')?.update?.($('tab-batch'), context());
  batchPhase = batch.phase;
});

/** The scenario selector (made when the page is wired). */
let choice: ScenarioChoice;

const tabs = new TabRegistry();
tabs.register(chainTab);
tabs.register(stateTab);
tabs.register(eventsTab);
tabs.register(scoreTab);
tabs.register(
  batchTab(
    batch,
    async () => {
      const src = state.source;
      if (!src) return null;
      const v = await control.variants(src);
      if (!v.ok) {
        banner.showProblems(v.errors);
        return null;
      }
      return { key: `${src.name}|${src.fileName}|${src.text.length}`, variants: v.value };
    },
    () => readSeed(),
  ),
);

const map = new MapView($('map-pane'), {
  onIncident: (id) => selectIncident(id),
  onUnit: (id) => showUnit(id),
  tooltip: (hit) => (state.run ? tooltipLines(hit, state.run, player.t, msg(), state.lang) : []),
});

function context(): TabContext {
  return {
    state,
    t: player.t,
    playing: player.playing,
    lang: state.lang,
    m: msg(),
    jump,
    selectIncident,
    download,
    showErrors: (lines) => banner.show(lines),
    redraw: () => renderTab(),
  };
}

function setStatus(s: Status): void {
  state.status = s;
  $('status').textContent = statusText(s, msg(), state.lang);
}

function applyLanguage(): void {
  banner.relabel();
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  const m = msg();
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = String(m[el.dataset.i18n as keyof Messages]);
  for (const b of document.querySelectorAll<HTMLButtonElement>('nav [role=tab]')) b.textContent = tabs.get(b.dataset.tab!)?.label(m) ?? '';
  $('app-title').textContent = m.appTitle;
  document.title = m.appTitle;
  $('lang').textContent = m.language;
  $('lang').setAttribute('lang', state.lang === 'zh' ? 'en' : 'zh-CN');
  $<HTMLAnchorElement>('to-exercise').href = `./exercise.html?lang=${state.lang}`; // in the language chosen here
  $('play').textContent = player.playing ? m.pause : m.play;
  $('keys').textContent = m.keyboard;
  $('scrub').setAttribute('aria-label', m.time);
  $('progress').setAttribute('aria-label', m.progress);
  $('map-live').setAttribute('aria-label', m.mapLabel);
  $('errors-close').setAttribute('aria-label', m.close);
  $('tabs').setAttribute('aria-label', m.views);
  $('incident-list').setAttribute('aria-label', m.incidentList);
  setStatus(state.status);
  choice.relabel();
  renderLegend();
  renderTitle();
}

function renderTitle(): void {
  const s = state.run?.scenario ?? state.scenario;
  $('map-title').textContent = s ? `${s.title || s.name}${state.run ? ` · ${msg().seed} ${state.run.seed}` : ''}` : '';
}

function renderLegend(): void {
  const s = state.run?.scenario ?? state.scenario;
  mapLegend($('legend'), s, msg());
}

function updateUrl(): void {
  const r = state.run;
  history.replaceState(
    null,
    '',
    formatLink({
      scenario: r?.scenarioName ?? state.scenario?.name ?? null,
      fromFile: r ? r.fromFile : state.source ? !state.source.bundled : false,
      seed: r ? r.seed : null,
      reps: r ? r.reps : null,
      t: player.t,
      lang: state.lang,
      tab: state.tab,
      incident: state.selected,
    }),
  );
}

function readSeed(): number {
  return Math.max(0, Math.floor(Number($<HTMLInputElement>('seed').value) || 0));
}

/** Loads a scenario. The run shown is dropped: the map now shows the new scenario, not the old run. */
async function loadSource(src: ScenarioSource): Promise<boolean> {
  if (control.running) endRunUi();
  const r = await control.load(src);
  if (!r.ok) {
    banner.showProblems(r.errors);
    return false;
  }
  banner.show(null);
  choice.show(src, r.value.name);
  state.source = src;
  state.scenario = r.value;
  state.run = null;
  document.body.dataset.ready = 'false';
  map.setScenario(r.value, agencyPalette(r.value.agencies));
  $<HTMLInputElement>('seed').value = String(pending.seed ?? r.value.seed);
  if (pending.reps !== null) $<HTMLInputElement>('reps').value = String(pending.reps);
  pending = { seed: null, reps: null };
  $<HTMLInputElement>('scrub').max = String(r.value.durationS);
  player.durationS = r.value.durationS;
  player.seek(Math.min(player.t, r.value.durationS));
  setStatus({ kind: 'noRun' });
  renderLegend();
  renderTitle();
  renderTab();
  return true;
}

function endRunUi(): void {
  $<HTMLProgressElement>('progress').hidden = true;
  $('cancel').hidden = true;
  $<HTMLButtonElement>('run').disabled = false;
}

async function run(): Promise<void> {
  if (!state.scenario || !state.source) return;
  const seed = readSeed();
  const reps = Math.min(100, Math.max(1, Math.floor(Number($<HTMLInputElement>('reps').value) || 1)));
  const tooHigh = seedsProblem(seed, reps);
  if (tooHigh) return setStatus({ kind: 'refused', why: tooHigh });
  const progress = $<HTMLProgressElement>('progress');
  progress.hidden = false;
  progress.value = 0;
  $('cancel').hidden = false;
  $<HTMLButtonElement>('run').disabled = true;
  setStatus({ kind: 'running', scenarioName: state.scenario.name, seed });
  try {
    const res = await control.run({ source: state.source, scenario: state.scenario, seed, reps, lang: state.lang }, (f) => (progress.value = f));
    if (!res) return; // cancelled, or another run or load came first: nothing of it is shown
    state.run = res;
    player.durationS = res.scenario.durationS;
    player.seek(Math.min(player.t, res.scenario.durationS));
    renderTitle();
    renderTab();
    draw(true);
    setStatus({ kind: 'ready', run: res });
    document.body.dataset.ready = 'true';
    endRunUi();
  } catch (e) {
    // The engine failed: the app keeps working.
    setStatus({ kind: 'failed', why: internalFailure(e) });
    endRunUi();
  }
}

/** Cancels a run: the worker is ended and a fresh one takes its place; the run shown stays. */
function cancel(): void {
  control.cancel();
  endRunUi();
  setStatus(state.run ? { kind: 'ready', run: state.run } : { kind: 'cancelled' });
}

let lastSlowMs = -Infinity;
let drawsSinceLook = 0;
let incidentsNow: IncidentState[] = [];
function draw(force = false): void {
  const r = state.run;
  const s = state.scenario;
  $('clock').textContent = s ? `${clock(s.startSecondOfDay, player.t)} (+${(player.t / 3600).toFixed(2)} ${msg().hoursShort})` : '';
  $<HTMLInputElement>('scrub').value = String(Math.round(player.t));
  if (!r) return;
  // Each drawing is measured (User Timing), so its cost can be read in any browser's tools.
  performance.mark('linkdrill:draw-start');
  const now = stateAt(r.replay, player.t);
  incidentsNow = now.incidents;
  map.selected = state.selected;
  map.render(now.units, now.incidents);
  // Side panels follow at most four times a second while playing.
  const wallMs = performance.now();
  if (force || wallMs - lastSlowMs > 250) {
    lastSlowMs = wallMs;
    const view = tabs.get(state.tab);
    if (view?.update) view.update($(`tab-${view.id}`), context());
    if (!player.playing || force) updateUrl();
  }
  performance.measure('linkdrill:draw', 'linkdrill:draw-start');
  // The browser keeps every measure: look every few hundred frames (not every frame) and clear past 2000.
  if (++drawsSinceLook >= 500) {
    drawsSinceLook = 0;
    if (performance.getEntriesByName('linkdrill:draw').length > 2000) performance.clearMeasures('linkdrill:draw');
  }
}

function onTime(playing: boolean): void {
  const m = msg();
  $('play').textContent = playing ? m.pause : m.play;
  draw(!playing);
}

function jump(t: number): void {
  if (!state.scenario) return;
  player.seek(t);
}

function selectIncident(id: string): void {
  state.selected = id;
  setTab('chain');
  draw(true);
}

function showUnit(id: string): void {
  const r = state.run;
  const u = r ? stateAt(r.replay, player.t).units.find((x) => x.id === id) : undefined;
  if (r && u) unitDetails($('details'), u, r, player.t, msg(), state.lang);
}

function renderTab(): void {
  markSelected(tabs, state.tab);
  const view = tabs.get(state.tab);
  if (view) view.render($(`tab-${view.id}`), context());
  if (view?.id === 'batch') batchPhase = batch.phase;
}

function setTab(tab: string): void {
  state.tab = tabs.get(tab) ? tab : 'chain';
  renderTab();
  updateUrl();
}

/** Keys of the player, wherever focus is but in a text field or list: Space plays, ← → a minute (Shift: ten). */
function onKey(e: KeyboardEvent): void {
  const target = e.target as HTMLElement;
  const onSlider = target.id === 'scrub';
  if (!onSlider && target.closest('input, select, textarea, [role=tablist]')) return;
  if (e.key === ' ' && (onSlider || !target.closest('button, a'))) {
    e.preventDefault();
    player.toggle();
  } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
    e.preventDefault();
    jump(player.t + (e.key === 'ArrowRight' ? 1 : -1) * (e.shiftKey ? 600 : 60));
  }
}

function wire(): void {
  choice = new ScenarioChoice($('scenario-select'), BUNDLED_SCENARIOS, () => state.lang === 'zh', async (name, file) => {
    const src = file ?? (name === null ? null : bundledSource(name));
    if (src && (await loadSource(src))) await run();
  });
  wireFileOpening($('open-file'), $<HTMLInputElement>('file-input'), $('drop'), openFiles);
  $('errors-close').onclick = () => banner.show(null);
  // The keyboard's list of incidents is filled when focus enters it, not on every frame.
  $('incident-list').addEventListener('focus', () => {
    if (state.run) renderIncidentList($('incident-list'), incidentsNow, state.run, msg(), selectIncident);
    ($('incident-list').querySelector('button') as HTMLButtonElement | null)?.focus();
  });
  $('run').onclick = () => void run();
  $('cancel').onclick = cancel;
  $('lang').onclick = () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    applyLanguage();
    renderTab();
    draw(true);
  };
  $('play').onclick = () => player.toggle();
  $<HTMLSelectElement>('speed').onchange = (e) => (player.speed = Number((e.target as HTMLSelectElement).value));
  $<HTMLInputElement>('scrub').oninput = (e) => jump(Number((e.target as HTMLInputElement).value));
  document.addEventListener('keydown', onKey);
  d3.select(window).on('resize', () => {
    const s = state.run?.scenario ?? state.scenario;
    if (!s) return;
    map.setScenario(s, agencyPalette(s.agencies));
    renderTab();
    draw(true);
  });
}

async function openFiles(files: FileList): Promise<void> {
  const src = await sourceFromFiles(files);
  if (!('text' in src)) {
    banner.showProblems([src]);
    return;
  }
  if (await loadSource(src)) await run();
}

async function start(): Promise<void> {
  buildTabBar(tabs, $('tabs'), $('side'), () => state.tab, setTab);
  wire();
  applyLanguage();
  setTab(state.tab);
  if (link.fromFile && link.scenario) {
    // A link cannot carry a file: say which one is needed rather than show another scenario.
    banner.show([msg().linkNeedsFile.replace('{name}', link.scenario)], 'linkHeading');
    choice.clear();
    return;
  }
  const name = link.scenario ?? 'default';
  const known = BUNDLED_SCENARIOS.includes(name);
  const src = bundledSource(known ? name : 'default');
  if (src && (await loadSource(src))) {
    if (!known) banner.show([msg().linkUnknownScenario.replace('{name}', name)], 'linkHeading');
    await run();
  }
}

start().catch((e) => {
  console.error(e);
  setStatus({ kind: 'failed', why: internalFailure(e) });
});

// A small, read-only window for tests and tools: what the map drew, and the player's time.
(window as unknown as { linkdrill: unknown }).linkdrill = {
  map: () => map.snapshot(),
  time: () => player.t,
};
