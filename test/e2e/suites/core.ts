/** A planner's first minutes: the default run, its exports against the CLI's, playback, a chain, English. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SHOTS, type Harness } from '../harness.ts';
import { reference } from './reference.ts';

export function coreSuite(h: Harness): void {
  it('opens on the default scenario, runs it in a worker and draws the map (zh-CN by default)', async () => {
    await h.page.goto(h.base);
    await h.ready();
    expect(await h.page.textContent('#app-title')).toContain('应急联动');
    expect(await h.page.inputValue('#scenario-select')).toBe('default');
    expect((await h.mapSnapshot()).units.length).toBe(reference().scenario.units.length);
    expect(await h.page.textContent('#status')).toContain(`${reference().run.records.incidents.length}`);
    expect(await h.page.textContent('#map-title')).toContain(reference().scenario.title);
    h.metrics.longTasksDuringLoadAndRunMs = await h.page.evaluate(() => (window as unknown as { __longTasks: { ms: number }[] }).__longTasks.map((x) => x.ms));
    await h.page.screenshot({ path: join(SHOTS, '01-default.png') });
  });

  it('the map’s names never cover each other, at the opening view and zoomed in on the county seat; every hospital is named', async () => {
    const page = await h.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await page.goto(h.base);
      await h.ready(page);
      const names = () =>
        page.evaluate(() => {
          const shown = [...document.querySelectorAll<SVGTextElement>('.layer-labels text')].filter((e) => getComputedStyle(e).display !== 'none');
          const r = shown.map((e) => e.getBoundingClientRect());
          const covered: string[] = [];
          for (let i = 0; i < r.length; i++) {
            for (let j = i + 1; j < r.length; j++) {
              if (r[i].left < r[j].right && r[j].left < r[i].right && r[i].top < r[j].bottom && r[j].top < r[i].bottom) covered.push(`${shown[i].textContent} / ${shown[j].textContent}`);
            }
          }
          return { shown: shown.map((e) => e.textContent), hospitals: shown.filter((e) => e.classList.contains('hospital-label')).length, covered };
        });
      const opening = await names();
      expect(opening.covered).toEqual([]);
      expect(opening.hospitals).toBe(reference().scenario.hospitals.length);
      // The county seat (where the units stand thickest: their median point), zoomed in until stations are named.
      const box = (await page.locator('canvas.map-live').boundingBox())!;
      const seat = await h.mapSnapshot(page);
      const xs = seat.units.map((u) => u.x).sort((a, b) => a - b);
      const ys = seat.units.map((u) => u.y).sort((a, b) => a - b);
      await page.mouse.move(box.x + xs[xs.length >> 1], box.y + ys[ys.length >> 1]);
      for (let k = 0; k < 6; k++) await page.mouse.wheel(0, -200);
      await page.waitForFunction(() => [...document.querySelectorAll('.station-label')].some((e) => getComputedStyle(e).display !== 'none'));
      const near = await names();
      expect(near.covered).toEqual([]);
      expect(near.shown.length).toBeGreaterThan(opening.shown.length / 2);
    } finally {
      await page.close();
    }
  });

  it('exports the CLI’s files byte for byte, each named by scenario, seed and what it holds', async () => {
    const cli = reference().files;
    await h.page.click('[data-tab=events]');
    const ev = await h.download('export-events');
    expect(ev.bytes.length).toBeGreaterThan(100_000);
    expect(ev.bytes.equals(Buffer.from(cli['events.csv'], 'utf8'))).toBe(true);
    expect(ev.name).toBe('default-seed20260615-events.csv');
    await h.page.click('[data-tab=score]');
    for (const f of ['dispatches', 'indicators']) {
      const d = await h.download(`export-${f}`);
      expect(d.bytes.equals(Buffer.from(cli[`${f}.csv`], 'utf8'))).toBe(true);
      expect(d.name).toBe(`default-seed20260615-${f}.csv`);
    }
    expect((await h.download('export-run')).name).toBe('default-seed20260615-run.zip');
    await h.page.screenshot({ path: join(SHOTS, '02-score.png') });
  });

  it('the score tab shows what moved the score, the same indicators in the same order as the report', async () => {
    const report = reference().files['report.html'];
    const section = report.slice(report.indexOf('<table class="sens">'));
    const ids = (html: string) => [...html.slice(0, html.indexOf('</table>')).matchAll(/<tr><td>([A-F]\d)<\/td>/g)].map((x) => x[1]);
    expect(ids(section).length).toBeGreaterThan(0);
    const inApp = await h.page.locator('#tab-score .sensitivity').innerHTML();
    expect(ids(inApp.slice(inApp.indexOf('<table class="sens">')))).toEqual(ids(section));
    expect(await h.page.locator('#tab-score .sensitivity svg rect').count()).toBe(ids(section).length);
  });

  it('plays at 600× and scrubbing redraws from the log; the link keeps the time', async () => {
    await h.page.selectOption('#speed', '600');
    const t0 = await h.time();
    await h.page.click('#play');
    await h.page.waitForFunction((t) => (window as unknown as { linkdrill: { time(): number } }).linkdrill.time() > t + 600, t0);
    await h.page.click('#play');
    await h.scrub(85000);
    expect(await h.page.textContent('#clock')).toMatch(/23:3\d/);
    expect(h.page.url()).toMatch(/t=85000/);
  });

  it('opens an incident’s linkage chain from the map', async () => {
    await h.scrub(14 * 3600 + 40 * 60);
    const grave = (await h.mapSnapshot()).incidents.find((i) => i.grade === 2)!;
    expect(grave).toBeDefined();
    await h.clickOnMap('incidents', grave.id);
    await h.page.waitForSelector('#tab-chain svg.chain');
    expect(await h.page.locator('#tab-chain svg.chain rect').count()).toBeGreaterThan(0);
    expect(await h.page.textContent('#tab-chain h2')).toContain(grave.id);
    expect(h.page.url()).toContain(`incident=${grave.id}`);
    await h.page.screenshot({ path: join(SHOTS, '03-chain.png') });
  });

  it('switches language to English: labels, the status line and the link follow', async () => {
    await h.page.click('#lang');
    expect(await h.page.textContent('#app-title')).toContain('emergency-response linkage');
    expect(await h.page.textContent('[data-tab=state]')).toBe('System state');
    expect(await h.page.textContent('#status')).toMatch(new RegExp(`^Ready · default · Seed 20260615 · ${reference().run.records.incidents.length} incidents`));
    expect(h.page.url()).toMatch(/lang=en/);
    await h.page.screenshot({ path: join(SHOTS, '05-english.png') });
    await h.page.click('#lang');
    expect(await h.page.textContent('#status')).toMatch(/^就绪/);
  });
}
