/**
 * `npm run bench:web`: the web app on a busy day (the default demand ×200, ~17,000 incidents) in headless Chromium (Debian's
 * chromium; no browser download). Builds the site, serves it on 127.0.0.1, opens the busy scenario
 * as a zip, and prints frame work and intervals while playing at 600×, long tasks, scrub and tab
 * switch times against the targets, each with a verdict computed from the measurement.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { BUSY_FACTOR, busyDefaultZip } from '../test/e2e/busy-scenario.ts';
import { measureScale, observeLongTasks, openBusy, verdict } from '../test/e2e/measure.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FACTOR = Number(process.env.DEMAND_FACTOR ?? BUSY_FACTOR);

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(`bench:web: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return 1;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'linkdrill-bench-'));
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), build: { outDir, emptyOutDir: true }, logLevel: 'error' });
  const srv = await preview({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'web'), build: { outDir }, preview: { port: 4900, host: '127.0.0.1', strictPort: false }, logLevel: 'error' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await observeLongTasks(page);
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(srv.resolvedUrls!.local[0]);
    await page.waitForSelector('body[data-ready=true]', { state: 'attached', timeout: 120_000 });
    const t0 = Date.now();
    const incidents = await openBusy(page, busyDefaultZip(ROOT, FACTOR), `default-${FACTOR}x`);
    console.log(`default scenario at ${FACTOR}× demand: ${incidents} incidents; run, files and replay ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const f = await measureScale(page);
    console.log(`playing at 600× for ${f.playback.frames} frames: frame interval median ${f.playback.frameIntervalMedianMs} ms, p95 ${f.playback.frameIntervalP95Ms} ms; frame work (linkdrill:draw) median ${f.playback.frameWorkMedianMs} ms, p95 ${f.playback.frameWorkP95Ms} ms; long tasks ${f.playback.longTasksMs.length ? f.playback.longTasksMs.join(', ') + ' ms' : 'none'}`);
    console.log(`scrub: ${f.scrubMs.join(', ')} ms`);
    console.log(`tab switch: ${Object.entries(f.tabSwitchMs).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);
    const v = verdict(f);
    for (const r of v) console.log(`${r.met ? 'met   ' : 'MISSED'} ${r.target}: ${r.measured} (target ≤ ${r.limit})`);
    console.log(v.every((r) => r.met) ? 'verdict: every target met' : `verdict: ${v.filter((r) => !r.met).length} of ${v.length} targets missed`);
    return 0;
  } finally {
    await browser.close();
    await srv.close();
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  process.exit(1);
});
