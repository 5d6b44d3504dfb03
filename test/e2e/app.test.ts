/**
 * The app in headless Chromium (playwright-core driving Debian's chromium; no browser downloads).
 * Builds the static site, serves it on 127.0.0.1, and does what a planner would: run the default
 * scenario, play and scrub, open an incident's chain, switch language, export CSV and compare it
 * with the CLI's, open a broken scenario. Screenshots go to test/e2e/screenshots/ (git-ignored);
 * frame times are measured and written there, not asserted (the machine is shared and noisy).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, loadFile } from '../helpers.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { runFolderFiles } from '../../src/report/outputs.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SHOTS = join(ROOT, 'test/e2e/screenshots');
if (!hasChromium) console.log(`e2e: SKIPPED — no Chromium at ${CHROMIUM} (install Debian's chromium, or set CHROMIUM_PATH)`);

describe.skipIf(!hasChromium)('the web app in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let base: string;
  let server: { close(): Promise<void> };
  const metrics: Record<string, unknown> = {};

  beforeAll(async () => {
    const { build, preview } = await import('vite');
    const { chromium } = await import('playwright-core');
    const outDir = mkdtempSync(join(tmpdir(), 'linkdrill-site-'));
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), build: { outDir, emptyOutDir: true }, logLevel: 'error' });
    const port = 4300 + (process.pid % 500);
    const srv = await preview({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
    server = { close: () => srv.close() };
    base = srv.resolvedUrls!.local[0];
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    // Long tasks on the main thread (> 50 ms), counted from the first paint on.
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask', buffered: true });
    });
    page.on('pageerror', (e) => console.log('page error:', e.message));
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    if (Object.keys(metrics).length) writeFileSync(join(SHOTS, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
    await browser?.close();
    await server?.close();
  });

  const ready = () => page.waitForSelector('body[data-ready=true]', { state: 'attached', timeout: 90_000 });
  const download = async (buttonId: string) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#${buttonId}`)]);
    return readFileSync((await d.path())!, 'utf8');
  };

  it('opens on the default scenario, runs it in a worker and shows the map (zh-CN by default)', async () => {
    await page.goto(base);
    await ready();
    expect(await page.textContent('#app-title')).toContain('应急联动');
    expect(await page.inputValue('#scenario-select')).toBe('default');
    expect(await page.locator('circle.unit').count()).toBe(61);
    expect(await page.textContent('#status')).toMatch(/851/);
    metrics.longTasksDuringLoadAndRunMs = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    await page.screenshot({ path: join(SHOTS, '01-default.png') });
  });

  it('the browser’s event log is byte for byte the CLI’s (same scenario and seed)', async () => {
    await page.click('[data-tab=events]');
    const browserCsv = await download('export-events');
    const s = loadFile('scenarios/default.yaml');
    const r = simulate(s, s.seed);
    const cli = runFolderFiles(s, [s.seed], [{ rep: 1, records: r.records, log: r.log }], { lang: 'zh' }).files;
    expect(browserCsv.length).toBeGreaterThan(100_000);
    expect(browserCsv).toBe(cli['events.csv']);
    await page.click('[data-tab=score]');
    expect(await download('export-dispatches')).toBe(cli['dispatches.csv']);
    expect(await download('export-indicators')).toBe(cli['indicators.csv']);
    await page.screenshot({ path: join(SHOTS, '02-score.png') });
  });

  it('plays at 600× (frame times measured), and scrubbing redraws from the log', async () => {
    await page.selectOption('#speed', '600');
    const t0 = Number(await page.inputValue('#scrub'));
    await page.keyboard.press('Space');
    const frames: number[] = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const ts: number[] = [];
          const step = (t: number) => {
            ts.push(t);
            if (ts.length < 180) requestAnimationFrame(step);
            else resolve(ts.slice(1).map((x, i) => x - ts[i]));
          };
          requestAnimationFrame(step);
        }),
    );
    await page.keyboard.press('Space');
    const t1 = Number(await page.inputValue('#scrub'));
    expect(t1).toBeGreaterThan(t0);
    const sorted = [...frames].sort((a, b) => a - b);
    // The app measures its own drawing per frame (performance.measure "linkdrill:draw").
    const work: number[] = await page.evaluate(() => performance.getEntriesByName('linkdrill:draw').map((e) => e.duration));
    const w = [...work].sort((a, b) => a - b);
    metrics.playback600x = {
      frames: frames.length,
      medianFrameIntervalMs: sorted[sorted.length >> 1],
      p90FrameIntervalMs: sorted[Math.floor(sorted.length * 0.9)],
      drawSamples: w.length,
      medianDrawMs: w[w.length >> 1],
      p90DrawMs: w[Math.floor(w.length * 0.9)],
    };
    // Scrub: time from the input event to the next painted frame, at several points of the day.
    const scrubMs: number[] = [];
    for (const t of [3600, 30000, 52000, 70000, 85000]) {
      scrubMs.push(
        await page.evaluate(
          (tt) =>
            new Promise<number>((resolve) => {
              const el = document.getElementById('scrub') as HTMLInputElement;
              const start = performance.now();
              el.value = String(tt);
              el.dispatchEvent(new Event('input'));
              requestAnimationFrame(() => resolve(performance.now() - start));
            }),
          t,
        ),
      );
    }
    metrics.scrubRedrawMs = { each: scrubMs.map((x) => Math.round(x * 10) / 10), median: [...scrubMs].sort((a, b) => a - b)[2] };
    metrics.longTasksSoFarMs = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    console.log(`e2e metrics: ${JSON.stringify(metrics)}`);
    expect(await page.textContent('#clock')).toMatch(/23:3\d/);
    expect(page.url()).toMatch(/t=85000/);
  });

  it('opens an incident’s linkage chain from the map', async () => {
    await page.evaluate(() => {
      const el = document.getElementById('scrub') as HTMLInputElement;
      el.value = String(14 * 3600 + 40 * 60);
      el.dispatchEvent(new Event('input'));
    });
    const labels = await page.locator('text.incident-label').allTextContents();
    const k = labels.findIndex((x) => x === 'II');
    expect(k).toBeGreaterThanOrEqual(0);
    await page.locator('circle.incident').nth(k).dispatchEvent('click');
    await page.waitForSelector('#tab-chain svg.chain');
    expect(await page.locator('#tab-chain svg.chain rect').count()).toBeGreaterThan(0);
    expect(await page.textContent('#tab-chain h3')).toMatch(/inc-\d{6}/);
    await page.screenshot({ path: join(SHOTS, '03-chain.png') });
    await page.click('[data-tab=state]');
    await page.waitForSelector('#tab-state svg.gantt');
    await page.screenshot({ path: join(SHOTS, '04-state.png') });
  });

  it('switches language to English and keeps it in the URL', async () => {
    await page.click('#lang');
    expect(await page.textContent('#app-title')).toContain('emergency-response linkage');
    expect(await page.textContent('[data-tab=state]')).toBe('System state');
    await page.evaluate(() => document.getElementById('scrub')!.dispatchEvent(new Event('input')));
    expect(page.url()).toMatch(/lang=en/);
    await page.screenshot({ path: join(SHOTS, '05-english.png') });
  });

  it('a run can be cancelled, and the app runs again after', async () => {
    await page.fill('#reps', '30');
    await page.click('#run');
    await page.waitForSelector('#cancel:not([hidden])');
    await page.click('#cancel');
    expect(await page.isDisabled('#run')).toBe(false);
    expect(await page.isHidden('#progress')).toBe(true);
    await page.fill('#reps', '1');
    await page.evaluate(() => (document.body.dataset.ready = 'false'));
    await page.click('#run');
    await ready();
  });

  it('a shared link restores scenario, seed and time', async () => {
    await page.goto(`${base}?scenario=chemical-leak&seed=7&t=7200&lang=en`);
    await ready();
    expect(await page.inputValue('#scenario-select')).toBe('chemical-leak');
    expect(await page.inputValue('#seed')).toBe('7');
    expect(await page.textContent('#clock')).toMatch(/^15:00/);
  });

  it('a broken scenario shows every problem with its path, as text, and the app keeps working', async () => {
    const bad = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8')
      .replace('station: S2', 'station: S9')
      .replace('{agency: EMS, unitType: ambulance}]}', '{agency: "<img src=x onerror=alert(1)>", unitType: ambulance}]}');
    await page.setInputFiles('#file-input', { name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bad) });
    await page.waitForSelector('#errors:not([hidden])');
    const text = await page.textContent('#errors');
    expect(text).toContain('units[1].station: unknown station "S9"');
    expect(text).toContain('plans[2].response[0].agency: unknown agency or agency kind "<img src=x onerror=alert(1)>"');
    expect(await page.locator('#errors img').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, '06-errors.png') });
    // Still working: the bundled scenario runs again.
    await page.evaluate(() => (document.body.dataset.ready = 'false'));
    await page.selectOption('#scenario-select', 'school-emergency');
    await ready();
    expect(await page.isHidden('#errors')).toBe(true);
    expect(await page.locator('circle.unit').count()).toBeGreaterThan(5);
  });

  it('compares variants on a pool of Web Workers and exports the same CSV as the CLI', async () => {
    await page.evaluate(() => (document.body.dataset.ready = 'false'));
    await page.selectOption('#scenario-select', 'default');
    await ready();
    await page.click('[data-tab=batch]');
    await page.waitForSelector('#tab-batch input[type=checkbox][value=shared-platform]');
    await page.fill('#batch-reps', '3');
    await page.fill('#batch-workers', '2');
    await page.click('#batch-run');
    await page.waitForSelector('#batch-export-replications', { timeout: 90_000 });
    const csv = await download('batch-export-replications');
    expect(csv.split('\r\n').filter(Boolean).length).toBe(1 + 4 * 3);
    await page.screenshot({ path: join(SHOTS, '07-batch.png') });
  });
});
