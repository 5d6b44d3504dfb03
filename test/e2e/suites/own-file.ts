/**
 * A scenario of the user's own, opened from a file whose name is not the scenario's: named by its
 * `name:` in the selector, the status line, the link and every export (run and batch alike), and
 * fitted on the map with room round its outermost places for their marks and names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../../helpers.ts';
import { SHOTS, type Harness } from '../harness.ts';

/** The small fixture, called my-county, in a file called good.yaml. */
const OWN = { name: 'good.yaml', mimeType: 'text/yaml', buffer: Buffer.from(readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8').replace('name: small', 'name: my-county')) };

export function ownFileSuite(h: Harness): void {
  const openOwn = async (page: Page) => {
    await h.unready(page);
    await page.setInputFiles('#file-input', OWN);
    await h.ready(page);
  };
  const chosen = (page: Page) => page.$eval('#scenario-select', (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? null);

  it('a scenario opened from a file is named by its own name: in the selector, the status line, the link and every export', async () => {
    const page = await h.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(h.base);
    await h.ready(page);
    await openOwn(page);
    expect(await chosen(page)).toBe('my-county（good.yaml）');
    const status = (await page.textContent('#status'))!;
    expect(status).toContain('my-county');
    expect(status).not.toContain('good');
    expect(page.url()).toContain('file=my-county');
    await page.screenshot({ path: join(SHOTS, 'own-file-zh-1280.png') });
    await page.click('[data-tab=score]');
    expect((await h.download('export-run', page)).name).toBe('my-county-seed7-run.zip');
    expect((await h.download('export-dispatches', page)).name).toBe('my-county-seed7-dispatches.csv');
    await page.click('[data-tab=events]');
    expect((await h.download('export-events', page)).name).toBe('my-county-seed7-events.csv');
    await page.click('[data-tab=batch]');
    await page.waitForSelector('#batch-run');
    await page.fill('#batch-reps', '2');
    await page.click('#batch-run');
    await page.waitForFunction(() => document.body.dataset.batch === 'done', undefined, { timeout: 120_000 });
    expect((await h.download('batch-export-replications', page)).name).toBe('my-county-seed7-replications.csv');
    expect((await h.download('batch-export-comparison', page)).name).toBe('my-county-seed7-comparison.csv');
    // The selector's words follow the language.
    await page.click('#lang');
    expect(await chosen(page)).toBe('my-county (good.yaml)');
    await page.screenshot({ path: join(SHOTS, 'own-file-en-1280.png') });
    // A bundled scenario, then the file again from the selector: the file's scenario runs again.
    await h.unready(page);
    await page.selectOption('#scenario-select', 'school-emergency');
    await h.ready(page);
    expect(await chosen(page)).toBe('school-emergency');
    await h.unready(page);
    await page.selectOption('#scenario-select', { label: 'my-county (good.yaml)' });
    await h.ready(page);
    expect(await page.textContent('#status')).toContain('my-county');
    await page.close();
  });

  for (const [width, height] of [[1280, 800], [390, 844]]) {
    it(`at ${width} px the map fits the outermost places with room for their marks and names`, async () => {
      const page = await h.newPage({ viewport: { width, height } });
      await page.goto(h.base);
      await h.ready(page);
      await openOwn(page);
      await h.scrub(3 * 3600, page);
      const box = (await page.locator('#map-live').boundingBox())!;
      const marks = await h.mapSnapshot(page);
      const all = [...marks.units, ...marks.incidents];
      expect(all.length).toBeGreaterThan(3);
      // The tester's run had a unit 6 px from the right edge and a zone flush with the left one.
      for (const m of all) {
        expect(m.x, `${m.id} x`).toBeGreaterThanOrEqual(16);
        expect(m.x, `${m.id} x`).toBeLessThanOrEqual(box.width - 16);
        expect(m.y, `${m.id} y`).toBeGreaterThanOrEqual(16);
        expect(m.y, `${m.id} y`).toBeLessThanOrEqual(box.height - 16);
      }
      // Every name shown (zones, the hospital) lies whole inside the map.
      const names = await page.$$eval('#map-pane svg text', (ts) => ts.filter((t) => getComputedStyle(t).display !== 'none').map((t) => ({ text: t.textContent, ...t.getBoundingClientRect().toJSON() })));
      expect(names.map((n) => n.text)).toEqual(expect.arrayContaining(['Z1', 'Z2', 'H1']));
      for (const n of names) {
        expect(n.left, `${n.text}`).toBeGreaterThanOrEqual(box.x);
        expect(n.right, `${n.text}`).toBeLessThanOrEqual(box.x + box.width);
        expect(n.top, `${n.text}`).toBeGreaterThanOrEqual(box.y);
        expect(n.bottom, `${n.text}`).toBeLessThanOrEqual(box.y + box.height);
      }
      await page.screenshot({ path: join(SHOTS, `own-file-map-${width}.png`) });
      await page.close();
    });
  }
}
