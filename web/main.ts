/**
 * linkdrill in the browser: load a scenario (bundled, opened or dropped), run it in a Web Worker,
 * and replay it — map, linkage chains, system state, event log, score — with a timeline whose clock
 * is the only clock in the app (it never feeds back into a run). The URL keeps scenario, seed, time
 * and language, so a link shares a moment.
 */
import * as d3 from 'd3';
import Papa from 'papaparse';
import { proxy } from 'comlink';
import { zipSync, strToU8 } from 'fflate';
import { MESSAGES, defaultLang, type Lang, type Messages } from './i18n/index.ts';
import { BUNDLED_SCENARIOS, bundledSource, sourceFromFiles, type ScenarioSource } from './scenarios.ts';
import { startEngine, type EngineHandle } from './engine-client.ts';
import { MapView } from './views/map.ts';
import { StateView, renderChain, renderEvents, renderScore } from './views/panels.ts';
import { renderBatch } from './views/batch.ts';
import { countUnits, countsAt, stateAt, type Replay } from './model/replay.ts';
import { clock } from '../src/report/format.ts';
import type { Scenario } from '../src/scenario/scenario.ts';
import type { RunRecords } from '../src/engine/records.ts';
import type { ReportData, RunMeta } from '../src/report/aar.ts';
import { runMeta } from '../src/report/outputs.ts';
import type { LogEvent } from '../src/engine/log.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);

const app = {
  lang: (params.get('lang') as Lang) ?? defaultLang(navigator.languages ?? [navigator.language]),
  source: null as ScenarioSource | null,
  scenario: null as Scenario | null,
  seed: null as number | null,
  run: null as null | {
    files: Record<string, string>;
    report: ReportData;
    replay: Replay;
    records: RunRecords;
    seed: number;
    reps: number;
    meta: RunMeta;
    agencyNames: Map<string, string>;
  },
  t: Number(params.get('t') ?? 0) || 0,
  playing: false,
  speed: 600,
  selected: null as string | null,
  tab: 'chain',
  engine: startEngine() as EngineHandle,
};
if (app.lang !== 'zh' && app.lang !== 'en') app.lang = 'zh';
const msg = (): Messages => MESSAGES[app.lang] as Messages;

const map = new MapView(
  $<HTMLElement>('map') as unknown as SVGSVGElement,
  (id) => selectIncident(id),
  (id) => showUnit(id),
);
const stateView = new StateView($('tab-state'));

function setStatus(text: string): void {
  $('status').textContent = text;
}

function showErrors(lines: string[] | null): void {
  const el = $('errors');
  el.hidden = !lines;
  // Problems are text: nothing from a scenario file is ever rendered as HTML.
  el.textContent = lines ? `${msg().loadErrors}\n${lines.join('\n')}` : '';
}

function applyLanguage(): void {
  document.documentElement.lang = app.lang === 'zh' ? 'zh-CN' : 'en';
  const m = msg();
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = String(m[el.dataset.i18n as keyof Messages]);
  $('app-title').textContent = m.appTitle;
  document.title = m.appTitle;
  $('lang').textContent = m.language;
  $('play').textContent = app.playing ? m.pause : m.play;
  $('play').setAttribute('aria-label', app.playing ? m.pause : m.play);
  $('keys').textContent = m.keyboard;
  if (!app.run) setStatus(m.noRun);
  renderLegend();
}

function renderLegend(): void {
  const el = $('legend');
  el.replaceChildren();
  if (!app.scenario) return;
  for (const a of app.scenario.agencies) {
    const s = document.createElement('span');
    const dot = document.createElement('span');
    dot.textContent = '●';
    dot.style.color = map.agencyColor(a.id);
    s.append(dot, ` ${a.name}`);
    el.append(s);
  }
}

function updateUrl(): void {
  const p = new URLSearchParams();
  if (app.source) p.set('scenario', app.source.name);
  if (app.run) p.set('seed', String(app.run.seed));
  p.set('t', String(Math.round(app.t)));
  p.set('lang', app.lang);
  history.replaceState(null, '', `?${p.toString()}`);
}

async function loadSource(src: ScenarioSource): Promise<boolean> {
  showErrors(null);
  const r = await app.engine.api.load(src.text, src.fileName, src.files);
  if (!r.ok) {
    showErrors(r.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
    return false;
  }
  app.source = src;
  app.scenario = r.value;
  map.setScenario(r.value);
  renderLegend();
  const seedIn = $<HTMLInputElement>('seed');
  seedIn.value = String(app.seed ?? r.value.seed);
  app.seed = null;
  $<HTMLInputElement>('scrub').max = String(r.value.durationS);
  return true;
}

async function run(): Promise<void> {
  if (!app.scenario) return;
  const m = msg();
  const seed = Math.max(0, Math.floor(Number($<HTMLInputElement>('seed').value) || 0));
  const reps = Math.min(100, Math.max(1, Math.floor(Number($<HTMLInputElement>('reps').value) || 1)));
  const progress = $<HTMLProgressElement>('progress');
  progress.hidden = false;
  progress.value = 0;
  $('cancel').hidden = false;
  $<HTMLButtonElement>('run').disabled = true;
  setStatus(m.running);
  const token = ++runToken;
  try {
    const res = await app.engine.api.runForApp(app.scenario, seed, reps, app.lang, proxy((f: number) => (progress.value = f)));
    if (token !== runToken) return; // cancelled meanwhile
    app.run = { ...res, seed, reps, meta: runMeta(app.scenario, [seed]), agencyNames: new Map(app.scenario.agencies.map((a) => [a.id, a.name])) };
    app.t = Math.min(app.t, app.scenario.durationS);
    stateView.build(res.replay, res.records, app.run.meta, m, (id) => map.agencyColor(id), jump);
    renderTab();
    draw(true);
    setStatus(`${m.ready} · ${res.records.incidents.length} ${app.lang === 'zh' ? '起事件' : 'incidents'} · ${res.report.result.score === null ? '–' : res.report.result.score.toFixed(1)} (${res.report.result.rating ?? '–'})`);
    document.body.dataset.ready = 'true';
  } catch (e) {
    // Cancelled (the worker was ended) or failed: the app keeps working.
    setStatus(String((e as Error).message ?? e));
  } finally {
    if (token === runToken) endRunUi();
  }
}

let runToken = 0;
function endRunUi(): void {
  $<HTMLProgressElement>('progress').hidden = true;
  $('cancel').hidden = true;
  $<HTMLButtonElement>('run').disabled = false;
}

/** Cancels a run: the worker is ended (its call never answers) and a fresh one takes its place. */
function cancel(): void {
  runToken++;
  app.engine.terminate();
  app.engine = startEngine();
  endRunUi();
  setStatus(msg().ready);
}

let lastSlow = 0;
function draw(force = false): void {
  const r = app.run;
  const m = msg();
  $('clock').textContent = app.scenario ? `${clock(app.scenario.startSecondOfDay, app.t)} (+${(app.t / 3600).toFixed(2)} h)` : '';
  $<HTMLInputElement>('scrub').value = String(Math.round(app.t));
  if (!r || !app.scenario) return;
  const s = stateAt(r.replay, app.t);
  map.selected = app.selected;
  map.render(s.units, s.incidents, (st) => m.statusNames[st as keyof Messages['statusNames']] ?? st, (g) => (g < 0 ? m.ungraded : m.gradeNames[g]));
  const now = performance.now();
  if (force || now - lastSlow > 250) {
    lastSlow = now;
    stateView.update(app.t, countUnits(s.units), r.agencyNames, m, (id) => map.agencyColor(id));
    if (app.tab === 'events') renderEvents($('tab-events').querySelector('.ev')!, r.replay.events, app.t, app.scenario.startSecondOfDay, pickEvent);
    if (app.tab === 'chain' && app.selected) renderChain($('tab-chain'), r.meta, r.records, r.report, app.selected, app.t, app.lang, m);
    if (!app.playing || force) updateUrl();
  }
}

function jump(t: number): void {
  if (!app.scenario) return;
  app.t = Math.max(0, Math.min(app.scenario.durationS, t));
  draw(true);
}

function pickEvent(e: LogEvent): void {
  if (e.incident) app.selected = e.incident;
  jump(e.t);
}

function selectIncident(id: string): void {
  app.selected = id;
  setTab('chain');
  draw(true);
}

function showUnit(id: string): void {
  const el = $('details');
  const r = app.run;
  if (!r || !app.scenario) return;
  const u = stateAt(r.replay, app.t).units.find((x) => x.id === id);
  if (!u) return;
  const m = msg();
  el.hidden = false;
  el.replaceChildren();
  const lines = [`${m.unit}: ${u.id}`, `${m.agency}: ${app.scenario.agencies.find((a) => a.id === u.agency)?.name ?? u.agency}`, `${m.type}: ${u.type}`, `${m.status}: ${m.statusNames[u.status]}`, u.incident ? `${m.incident}: ${u.incident}` : ''];
  for (const l of lines.filter(Boolean)) {
    const d = document.createElement('div');
    d.textContent = l;
    el.append(d);
  }
  el.onclick = () => (el.hidden = true);
}

function download(name: string, text: string | Uint8Array, type = 'text/csv;charset=utf-8'): void {
  const blob = new Blob([text as BlobPart], { type });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function exportButton(parent: HTMLElement, id: string, label: string, onClick: () => void): void {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.textContent = label;
  b.onclick = onClick;
  parent.append(b);
}

function renderTab(): void {
  const m = msg();
  for (const b of document.querySelectorAll<HTMLButtonElement>('nav [role=tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === app.tab));
  for (const t of ['chain', 'state', 'events', 'score', 'batch']) $(`tab-${t}`).hidden = t !== app.tab;
  const r = app.run;
  if (app.tab === 'chain') {
    if (r && app.scenario) renderChain($('tab-chain'), r.meta, r.records, r.report, app.selected, app.t, app.lang, m);
    else $('tab-chain').textContent = m.noRun;
  } else if (app.tab === 'events') {
    const el = $('tab-events');
    el.replaceChildren();
    if (r && app.scenario) {
      exportButton(el, 'export-events', `${m.exportCsv}: events.csv`, () => download('events.csv', r.files['events.csv']));
      const list = document.createElement('div');
      list.className = 'ev';
      list.style.maxHeight = 'calc(100vh - 230px)';
      list.style.overflow = 'auto';
      el.append(list);
      renderEvents(list, r.replay.events, app.t, app.scenario.startSecondOfDay, pickEvent);
    }
  } else if (app.tab === 'score') {
    const el = $('tab-score');
    el.replaceChildren();
    if (r) {
      const bar = document.createElement('div');
      exportButton(bar, 'export-run', m.exportRun, () => {
        const zip = zipSync(Object.fromEntries(Object.entries(r.files).map(([k, v]) => [k, strToU8(v)])));
        download(`${app.scenario!.name}-seed${r.seed}.zip`, zip, 'application/zip');
      });
      exportButton(bar, 'export-xlsx', m.exportXlsx, () => {
        // exceljs is loaded only now, on the first workbook asked for.
        import('../src/report/xlsx.ts')
          .then(({ workbookFromCsv }) => workbookFromCsv(r.files, { lang: app.lang, start: app.scenario!.start }))
          .then((bytes) => download(`${app.scenario!.name}-seed${r.seed}.xlsx`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
          .catch((e: Error) => showErrors([`Excel: ${e.message}`]));
      });
      for (const f of ['incidents.csv', 'dispatches.csv', 'agencies.csv', 'summary.csv', 'indicators.csv']) exportButton(bar, `export-${f.replace('.csv', '')}`, `${m.exportCsv}: ${f}`, () => download(f, r.files[f]));
      el.append(bar);
      const card = document.createElement('div');
      el.append(card);
      renderScore(card, r.report, app.lang, m);
    }
  } else if (app.tab === 'state' && r && app.scenario) {
    if (!$('tab-state').querySelector('#export-counts')) {
      const holder = document.createElement('div');
      exportButton(holder, 'export-counts', `${m.exportCsv}: units.csv`, () => {
        const rows = [...countsAt(r.replay, app.t)].map(([agency, c]) => ({ agency, time: clock(app.scenario!.startSecondOfDay, app.t), ...c }));
        download('units-now.csv', Papa.unparse(rows, { newline: '\r\n' }));
      });
      $('tab-state').prepend(holder);
    }
  } else if (app.tab === 'batch') {
    renderBatch($('tab-batch'), {
      variants: async () => {
        if (!app.source) return null;
        const v = await app.engine.api.loadVariants(app.source.text, app.source.fileName, app.source.files);
        if (!v.ok) {
          showErrors(v.errors.map((e) => `${e.path}: ${e.message}`));
          return null;
        }
        return v.value;
      },
      seed: () => Math.max(0, Math.floor(Number($<HTMLInputElement>('seed').value) || 0)),
      lang: () => app.lang,
      messages: msg,
      download: (n, t) => download(n, t),
    });
  }
}

function setTab(tab: string): void {
  app.tab = tab;
  renderTab();
}

// The replay clock: the only clock in the app, and it never feeds back into a run.
let lastFrame = 0;
let measured = 0;
function frame(ts: number): void {
  if (app.playing && app.scenario) {
    const dt = lastFrame ? Math.min(0.25, (ts - lastFrame) / 1000) : 0;
    app.t = Math.min(app.scenario.durationS, app.t + dt * app.speed);
    if (app.t >= app.scenario.durationS) togglePlay(false);
    // Each frame's drawing is measured (User Timing), so its cost can be read in any browser's tools.
    performance.mark('linkdrill:draw-start');
    draw();
    performance.measure('linkdrill:draw', 'linkdrill:draw-start');
    if (++measured % 600 === 0) {
      performance.clearMarks('linkdrill:draw-start');
      performance.clearMeasures('linkdrill:draw');
    }
  }
  lastFrame = ts;
  requestAnimationFrame(frame);
}

function togglePlay(on = !app.playing): void {
  app.playing = on;
  const m = msg();
  $('play').textContent = on ? m.pause : m.play;
  $('play').setAttribute('aria-label', on ? m.pause : m.play);
  if (!on) updateUrl();
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
    app.lang = app.lang === 'zh' ? 'en' : 'zh';
    applyLanguage();
    renderTab();
    draw(true);
  };
  $('play').onclick = () => togglePlay();
  $<HTMLSelectElement>('speed').onchange = (e) => (app.speed = Number((e.target as HTMLSelectElement).value));
  $<HTMLInputElement>('scrub').oninput = (e) => jump(Number((e.target as HTMLInputElement).value));
  for (const b of document.querySelectorAll<HTMLButtonElement>('nav [role=tab]')) b.onclick = () => setTab(b.dataset.tab!);
  document.addEventListener('keydown', (e) => {
    if ((e.target as HTMLElement).closest('input, select, textarea')) return;
    if (e.key === ' ') {
      e.preventDefault();
      togglePlay();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      jump(app.t + (e.key === 'ArrowRight' ? 1 : -1) * (e.shiftKey ? 600 : 60));
    }
  });
  d3.select(window).on('resize', () => app.scenario && (map.setScenario(app.scenario), draw(true)));
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
  wire();
  applyLanguage();
  setTab('chain');
  const name = params.get('scenario') ?? 'default';
  const seed = params.get('seed');
  if (seed !== null && /^\d+$/.test(seed)) app.seed = Number(seed);
  const src = bundledSource(BUNDLED_SCENARIOS.includes(name) ? name : 'default');
  ($<HTMLSelectElement>('scenario-select')).value = src?.name ?? 'default';
  if (src && (await loadSource(src))) await run();
  requestAnimationFrame(frame);
}

start().catch((e) => {
  console.error(e);
  setStatus(String((e as Error).message ?? e));
});
