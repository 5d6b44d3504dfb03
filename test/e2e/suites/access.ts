/**
 * For every user: the keyboard, a 390 px phone, complete Chinese (a walk over every view that fails
 * on raw English or ids shown as text), and axe-core's accessibility rules.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../../helpers.ts';
import { SHOTS, type Harness } from '../harness.ts';
import { scriptedIncident } from './reference.ts';

const TABS = ['chain', 'state', 'events', 'score', 'batch'];

/**
 * Words of Latin letters that may stand in Chinese text: the product's name, file types, grades
 * (IV–I), percentiles, KPI column names are not shown; ids of the things people know by id (incidents
 * inc-000042, units F3-E-1), indicator codes (A1), the bundled scenarios' file names, and the codes of
 * the standards a target cites (NFPA 1221, GB 51080, AQ/T 9009).
 */
const ALLOWED = /^(linkdrill|Shift|Tab|CSV|HTML|zip|English|IV|III|II|I|P\d+|inc-\d+|[A-Z]{1,4}\d*(-[A-Z0-9]+)+|[A-F]\d|default|chemical-leak|highrise-fire-night|highway-collision|urban-flood|school-emergency|platform-outage|P|S|M|U|NFPA|GB|AQ)$/;

/** Visible text of the page outside the comparison frame, as words that contain two or more Latin letters. */
async function latinWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!el.checkVisibility?.() || el.closest('script, style, iframe, option:not(:checked)')) continue;
      for (const w of (n.textContent ?? '').split(/[\s·，、：:；;（）()[\]【】“”"'—–,/|+=<>…]+/)) if (/[A-Za-z].*[A-Za-z]/.test(w)) out.push(w);
    }
    for (const el of document.querySelectorAll('svg title')) for (const w of (el.textContent ?? '').split(/[\s·，、：:；;（）()[\]"'—–,/|+=<>…]+/)) if (/[A-Za-z].*[A-Za-z]/.test(w)) out.push(w);
    return out;
  });
}

/** Opens a tab and waits until it is drawn (the batch tab: until its variants are listed). */
async function openTab(page: Page, tab: string): Promise<void> {
  await page.click(`[data-tab=${tab}]`);
  if (tab === 'batch') await page.waitForSelector('#tab-batch input[type=checkbox]');
  await page.waitForTimeout(200);
}

async function axe(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

export function accessSuite(h: Harness): void {
  it('keyboard: after the slider, Space plays and ← → step a minute; Open file is reachable; log rows open the chain', async () => {
    await h.page.goto(`${h.base}?t=36000`);
    await h.ready();
    await h.page.click('#scrub', { position: { x: 5, y: 5 } });
    await h.scrub(36000);
    await h.page.focus('#scrub');
    await h.page.keyboard.press('ArrowRight');
    expect(await h.time()).toBe(36060);
    await h.page.keyboard.press('Shift+ArrowLeft');
    expect(await h.time()).toBe(35460);
    await h.page.keyboard.press('Space');
    expect(await h.page.textContent('#play')).toBe('暂停');
    await h.page.keyboard.press('Space');
    expect(await h.page.textContent('#play')).toBe('播放');
    await h.page.focus('#scenario-select');
    await h.page.keyboard.press('Tab');
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('open-file');
    const outline = await h.page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await h.page.click('[data-tab=events]');
    const row = h.page.locator('.ev-row').filter({ hasText: 'inc-' }).last();
    const id = /inc-\d{6}/.exec((await row.textContent()) ?? '')![0];
    await row.focus();
    await h.page.keyboard.press('Enter');
    expect(await h.page.getAttribute('[data-tab=chain]', 'aria-selected')).toBe('true');
    expect(await h.page.textContent('#tab-chain h2')).toContain(id);
    // The map's incidents are reachable from the keyboard too.
    await h.page.focus('#incident-list');
    expect(await h.page.evaluate(() => document.activeElement?.closest('#incident-list') !== null)).toBe(true);
  });

  it('Chinese mode shows no raw English or ids as text in any view', async () => {
    await h.page.goto(`${h.base}?lang=zh&t=52800&incident=${scriptedIncident().incidentId}`);
    await h.ready();
    const found = new Map<string, string>();
    for (const tab of TABS) {
      await openTab(h.page, tab);
      for (const w of await latinWords(h.page)) if (!ALLOWED.test(w)) found.set(w, tab);
    }
    await h.page.click('[data-tab=events]');
    for (const t of [3 * 3600, 9 * 3600, 15 * 3600, 21 * 3600]) {
      await h.scrub(t);
      for (const w of await latinWords(h.page)) if (!ALLOWED.test(w)) found.set(w, `events@${t}`);
    }
    expect(Object.fromEntries(found)).toEqual({});
  });

  it('axe-core finds no accessibility violations in any view', async () => {
    const all: Record<string, unknown> = {};
    for (const tab of TABS) {
      await openTab(h.page, tab);
      const v = await axe(h.page);
      if (v.length) all[tab] = v;
    }
    expect(all).toEqual({});
  });

  it('at 390 px the page does not scroll sideways, panels stack and tabs stay readable (zh and en)', async () => {
    const page = await h.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const lang of ['zh', 'en']) {
      await page.goto(`${h.base}?lang=${lang}&t=52800&incident=${scriptedIncident().incidentId}`);
      await h.ready(page);
      for (const tab of TABS) {
        await openTab(page, tab);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        const tabBox = (await page.locator(`[data-tab=${tab}]`).boundingBox())!;
        expect(tabBox.width).toBeGreaterThan(60);
        await page.screenshot({ path: join(SHOTS, `390-${lang}-${tab}.png`), fullPage: true });
      }
      const map = (await page.locator('#map-pane').boundingBox())!;
      const side = (await page.locator('#side').boundingBox())!;
      expect(side.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    }
    await page.close();
  });
}
