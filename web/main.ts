/**
 * linkdrill in the browser: the composition root. It builds the state, the player, the run control
 * and the registered tabs, and wires the page's controls to them; each part lives in web/app/ and
 * each view in web/views/. The URL keeps what a link needs to share a moment.
 */
import * as d3 from 'd3';
import { MESSAGES, defaultLang, type Messages } from './i18n/index.ts';
import { BUNDLED_SCENARIOS, bundledSource, sourceFromFiles, type ScenarioSource } from './scenarios.ts';
import { startEngine } from './engine-client.ts';
import { MapView } from './views/map.ts';
import { clock } from '../src/metrics/findings.ts';
import { stateAt } from './model/replay.ts';
import { AnimationFrameClock } from './app/clock.ts';
import { Player } from './app/player.ts';
import { RunControl } from './app/run-control.ts';
import { initialState, statusText, type Status } from './app/state.ts';
import { formatLink, parseLink } from './app/url.ts';
import { TabRegistry, type TabContext } from './app/tabs.ts';
import { download } from './app/download.ts';
import { chainTab } from './views/chain.ts';
import { stateTab } from './views/system-state.ts';
import { eventsTab } from './views/events.ts';
import { scoreTab } from './views/score.ts';
import { batchTab } from './views/batch.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const link = parseLink(location.search);
const state = initialState(link.lang ?? defaultLang(navigator.languages ?? [navigator.language]));
const msg = (): Messages => MESSAGES[state.lang] as Messages;
const control = new RunControl(startEngine);
const player = new Player(new AnimationFrameClock(), (_t, playing) => onTime(playing));
player.t = link.t;
let pendingSeed: number | null = link.seed;

const tabs = new TabRegistry();
tabs.register(chainTab);
tabs.register(stateTab);
tabs.register(eventsTab);
tabs.register(scoreTab);
tabs.register(
  batchTab(
    async () => {
      if (!state.source) return null;
      const v = await control.variants(state.source);
      if (!v.ok) {
        showErrors(v.errors.map((e) => `${e.path}: ${e.message}`));
        return null;
      }
      return v.value;
    },
    () => readSeed(),
  ),
);

const map = new MapView(
  $<HTMLElement>('map') as unknown as SVGSVGElement,
  (id) => selectIncident(id),
  (id) => showUnit(id),
);

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
    showErrors,
    redraw: () => renderTab(),
  };
}

function setStatus(s: Status): void {
  state.status = s;
  $('status').textContent = statusText(s, msg());
}

function showErrors(lines: string[] | null): void {
  state.errors = lines;
  const el = $('errors');
  el.hidden = !lines;
  // Problems are text: nothing from a scenario file is ever rendered as HTML.
  el.textContent = lines ? `${msg().loadErrors}\n${lines.join('\n')}` : '';
}

function applyLanguage(): void {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  const m = msg();
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = String(m[el.dataset.i18n as keyof Messages]);
  for (const b of document.querySelectorAll<HTMLButtonElement>('nav [role=tab]')) b.textContent = tabs.get(b.dataset.tab!)?.label(m) ?? '';
  $('app-title').textContent = m.appTitle;
  document.title = m.appTitle;
  $('lang').textContent = m.language;
  $('play').textContent = player.playing ? m.pause : m.play;
  $('play').setAttribute('aria-label', player.playing ? m.pause : m.play);
  $('keys').textContent = m.keyboard;
  setStatus(state.status);
  renderLegend();
}

function renderLegend(): void {
  const el = $('legend');
  el.replaceChildren();
  if (!state.scenario) return;
  for (const a of state.scenario.agencies) {
    const s = document.createElement('span');
    const dot = document.createElement('span');
    dot.textContent = '●';
    dot.style.color = map.agencyColor(a.id);
    s.append(dot, ` ${a.name}`);
    el.append(s);
  }
}

function updateUrl(): void {
  const r = state.run;
  const href = formatLink({
    scenario: state.source?.name ?? null,
    fromFile: state.source ? !state.source.bundled : false,
    seed: r ? r.seed : null,
    reps: null,
    t: player.t,
    lang: state.lang,
    tab: null,
    incident: null,
  });
  history.replaceState(null, '', href);
}

function readSeed(): number {
  return Math.max(0, Math.floor(Number($<HTMLInputElement>('seed').value) || 0));
}

async function loadSource(src: ScenarioSource): Promise<boolean> {
  showErrors(null);
  const r = await control.load(src);
  if (!r.ok) {
    showErrors(r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
    return false;
  }
  state.source = src;
  state.scenario = r.value;
  map.setScenario(r.value);
  renderLegend();
  $<HTMLInputElement>('seed').value = String(pendingSeed ?? r.value.seed);
  pendingSeed = null;
  $<HTMLInputElement>('scrub').max = String(r.value.durationS);
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
  const progress = $<HTMLProgressElement>('progress');
  progress.hidden = false;
  progress.value = 0;
  $('cancel').hidden = false;
  $<HTMLButtonElement>('run').disabled = true;
  setStatus({ kind: 'running', scenarioName: state.source.name, seed });
  try {
    const res = await control.run({ source: state.source, scenario: state.scenario, seed, reps, lang: state.lang }, (f) => (progress.value = f));
    if (!res) return; // cancelled, or another run came first
    state.run = res;
    player.durationS = res.scenario.durationS;
    player.t = Math.min(player.t, res.scenario.durationS);
    renderTab();
    draw(true);
    setStatus({ kind: 'ready', run: res });
    document.body.dataset.ready = 'true';
    endRunUi();
  } catch (e) {
    // The engine failed: the app keeps working.
    setStatus({ kind: 'failed', message: String((e as Error).message ?? e) });
    endRunUi();
  }
}

/** Cancels a run: the worker is ended and a fresh one takes its place. */
function cancel(): void {
  control.cancel();
  endRunUi();
  setStatus(state.run ? { kind: 'ready', run: state.run } : { kind: 'cancelled' });
}

let lastSlowMs = 0;
function draw(force = false): void {
  const r = state.run;
  const m = msg();
  $('clock').textContent = state.scenario ? `${clock(state.scenario.startSecondOfDay, player.t)} (+${(player.t / 3600).toFixed(2)} h)` : '';
  $<HTMLInputElement>('scrub').value = String(Math.round(player.t));
  if (!r) return;
  // Each drawing is measured (User Timing), so its cost can be read in any browser's tools.
  performance.mark('linkdrill:draw-start');
  const s = stateAt(r.replay, player.t);
  map.selected = state.selected;
  map.render(s.units, s.incidents, (st) => m.statusNames[st as keyof Messages['statusNames']] ?? st, (g) => (g < 0 ? m.ungraded : m.gradeNames[g]));
  // Side panels follow at most four times a second while playing.
  const now = performance.now();
  if (force || now - lastSlowMs > 250) {
    lastSlowMs = now;
    const view = tabs.get(state.tab);
    if (view?.update) view.update($(`tab-${view.id}`), context());
    if (!player.playing || force) updateUrl();
  }
  performance.measure('linkdrill:draw', 'linkdrill:draw-start');
  if (performance.getEntriesByName('linkdrill:draw').length > 600) performance.clearMeasures('linkdrill:draw');
}

function onTime(playing: boolean): void {
  const m = msg();
  $('play').textContent = playing ? m.pause : m.play;
  $('play').setAttribute('aria-label', playing ? m.pause : m.play);
  draw(!playing);
}

function jump(t: number): void {
  if (!state.scenario) return;
  player.durationS = state.scenario.durationS;
  player.seek(t);
}

function selectIncident(id: string): void {
  state.selected = id;
  setTab('chain');
  draw(true);
}

function showUnit(id: string): void {
  const el = $('details');
  const r = state.run;
  if (!r) return;
  const u = stateAt(r.replay, player.t).units.find((x) => x.id === id);
  if (!u) return;
  const m = msg();
  el.hidden = false;
  el.replaceChildren();
  const lines = [`${m.unit}: ${u.id}`, `${m.agency}: ${r.agencyNames.get(u.agency) ?? u.agency}`, `${m.type}: ${u.type}`, `${m.status}: ${m.statusNames[u.status]}`, u.incident ? `${m.incident}: ${u.incident}` : ''];
  for (const l of lines.filter(Boolean)) {
    const d = document.createElement('div');
    d.textContent = l;
    el.append(d);
  }
  el.onclick = () => (el.hidden = true);
}

function buildTabs(): void {
  const nav = $('tabs');
  const side = $('side');
  for (const v of tabs.all()) {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.dataset.tab = v.id;
    b.id = `tabbtn-${v.id}`;
    b.setAttribute('aria-controls', `tab-${v.id}`);
    b.onclick = () => setTab(v.id);
    nav.append(b);
    const panel = document.createElement('div');
    panel.className = 'tab';
    panel.id = `tab-${v.id}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', b.id);
    panel.hidden = true;
    side.append(panel);
  }
}

function renderTab(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('nav [role=tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === state.tab));
  for (const v of tabs.all()) $(`tab-${v.id}`).hidden = v.id !== state.tab;
  const view = tabs.get(state.tab);
  if (view) view.render($(`tab-${view.id}`), context());
}

function setTab(tab: string): void {
  state.tab = tabs.get(tab) ? tab : 'chain';
  renderTab();
}

function wire(): void {
  const sel = $<HTMLSelectElement>('scenario-select');
  for (const n of BUNDLED_SCENARIOS) {
    const o = document.createElement('option');
    o.value = n;
    o.textContent = n;
    sel.append(o);
  }
  sel.onchange = async () => {
    const src = bundledSource(sel.value);
    if (src && (await loadSource(src))) await run();
  };
  $<HTMLInputElement>('file-input').onchange = async (ev) => {
    const files = (ev.target as HTMLInputElement).files;
    if (files && files.length) await openFiles(files);
  };
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    $('drop').hidden = false;
  });
  document.addEventListener('dragleave', (e) => {
    if (e.target === $('drop')) $('drop').hidden = true;
  });
  document.addEventListener('drop', async (e) => {
    e.preventDefault();
    $('drop').hidden = true;
    if (e.dataTransfer?.files.length) await openFiles(e.dataTransfer.files);
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
  document.addEventListener('keydown', (e) => {
    if ((e.target as HTMLElement).closest('input, select, textarea')) return;
    if (e.key === ' ') {
      e.preventDefault();
      player.toggle();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      jump(player.t + (e.key === 'ArrowRight' ? 1 : -1) * (e.shiftKey ? 600 : 60));
    }
  });
  d3.select(window).on('resize', () => state.scenario && (map.setScenario(state.scenario), draw(true)));
}

async function openFiles(files: FileList): Promise<void> {
  const src = await sourceFromFiles(files);
  if (typeof src === 'string') {
    showErrors([src]);
    return;
  }
  if (await loadSource(src)) await run();
}

async function start(): Promise<void> {
  buildTabs();
  wire();
  applyLanguage();
  setTab('chain');
  const name = link.scenario ?? 'default';
  const src = bundledSource(BUNDLED_SCENARIOS.includes(name) ? name : 'default');
  $<HTMLSelectElement>('scenario-select').value = src?.name ?? 'default';
  if (src && (await loadSource(src))) await run();
}

start().catch((e) => {
  console.error(e);
  setStatus({ kind: 'failed', message: String((e as Error).message ?? e) });
});
