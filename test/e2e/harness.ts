/**
 * The browser tests' harness: builds the static site, serves it on 127.0.0.1, drives Debian's
 * Chromium (playwright-core; no browser downloads), and collects every uncaught page error so a test
 * fails on one. Helpers do what a user does: wait for a run, download, scrub, click on the map.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { ROOT } from '../helpers.ts';
import { observeLongTasks } from './measure.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SHOTS = join(ROOT, 'test/e2e/screenshots');

export class Harness {
  browser!: Browser;
  page!: Page;
  base = '';
  /** Uncaught errors of every page opened, as text. */
  readonly pageErrors: string[] = [];
  /** Figures recorded for metrics.json. */
  readonly metrics: Record<string, unknown> = {};
  private server: { close(): Promise<void> } | null = null;

  async start(): Promise<void> {
    const { build, preview } = await import('vite');
    const { chromium } = await import('playwright-core');
    const outDir = mkdtempSync(join(tmpdir(), 'linkdrill-site-'));
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), build: { outDir, emptyOutDir: true }, logLevel: 'error' });
    const port = 4300 + (process.pid % 500);
    const srv = await preview({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
    this.server = { close: () => srv.close() };
    this.base = srv.resolvedUrls!.local[0];
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    this.page = await this.newPage({ viewport: { width: 1400, height: 900 } });
    mkdirSync(SHOTS, { recursive: true });
  }

  /** A page (Chinese browser by default) whose errors are collected. */
  async newPage(options: BrowserContextOptions = {}): Promise<Page> {
    const page = await this.browser.newPage({ locale: 'zh-CN', acceptDownloads: true, ...options });
    await observeLongTasks(page);
    page.on('pageerror', (e) => this.pageErrors.push(e.message));
    return page;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
  }

  /** Waits for a finished run (`body[data-ready=true]`). */
  ready(page = this.page, timeout = 90_000) {
    return page.waitForSelector('body[data-ready=true]', { state: 'attached', timeout });
  }

  /** Marks the page not ready, so the next `ready` waits for a new run. */
  async unready(page = this.page): Promise<void> {
    await page.evaluate(() => (document.body.dataset.ready = 'false'));
  }

  /** Clicks a button that downloads; the file's name and text. */
  async download(buttonId: string, page = this.page): Promise<{ name: string; text: string; bytes: Buffer }> {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#${buttonId}`)]);
    const bytes = readFileSync((await d.path())!);
    return { name: d.suggestedFilename(), text: bytes.toString('utf8'), bytes };
  }

  /** Moves the timeline to t (s), as the slider does. */
  async scrub(t: number, page = this.page): Promise<void> {
    await page.evaluate((tt) => {
      const el = document.getElementById('scrub') as HTMLInputElement;
      el.value = String(tt);
      el.dispatchEvent(new Event('input'));
    }, t);
  }

  /** What the map drew (screen positions in the canvas). */
  mapSnapshot(page = this.page) {
    return page.evaluate(() => (window as unknown as { linkdrill: { map(): { units: { id: string; x: number; y: number; status: string }[]; incidents: { id: string; x: number; y: number; grade: number }[] } } }).linkdrill.map());
  }

  /** Clicks a unit or an incident on the map, where it is drawn. */
  async clickOnMap(kind: 'units' | 'incidents', id: string, page = this.page): Promise<void> {
    const snap = await this.mapSnapshot(page);
    const mark = snap[kind].find((m) => m.id === id);
    if (!mark) throw new Error(`${id} is not on the map`);
    const box = (await page.locator('#map-live').boundingBox())!;
    await page.mouse.click(box.x + mark.x, box.y + mark.y);
  }

  /** The player's time (s). */
  time(page = this.page): Promise<number> {
    return page.evaluate(() => (window as unknown as { linkdrill: { time(): number } }).linkdrill.time());
  }
}
