/** An analyst's comparison: kept across tabs and languages, with a stated verdict, exported as the CLI's files. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SHOTS, type Harness } from '../harness.ts';
import { defaultVariantNames } from './reference.ts';

export function batchSuite(h: Harness): void {
  it('a batch started and left keeps running; its results stay across tabs and a language switch', async () => {
    await h.page.goto(`${h.base}?lang=zh`);
    await h.ready();
    await h.page.click('[data-tab=batch]');
    await h.page.waitForSelector('#tab-batch input[type=checkbox][value=shared-platform]');
    await h.page.fill('#batch-reps', '3');
    await h.page.fill('#batch-workers', '2');
    await h.page.click('#batch-run');
    await h.page.click('[data-tab=score]');
    await h.page.waitForFunction(() => document.body.dataset.batch === 'done', undefined, { timeout: 120_000 });
    await h.page.click('[data-tab=batch]');
    await h.page.waitForSelector('#batch-export-replications');
    const csv = await h.download('batch-export-replications');
    const variants = defaultVariantNames().length;
    expect(csv.text.split('\r\n').filter(Boolean).length).toBe(1 + variants * 3);
    expect(csv.name).toBe('default-seed20260615-replications.csv');
    expect(await h.page.locator('#batch-verdicts li').count()).toBe(variants - 1);
    await h.page.click('#lang');
    expect(await h.page.locator('#batch-export-replications').count()).toBe(1);
    expect(await h.page.textContent('#batch-verdicts')).toMatch(/KPI|no KPI changed|score/);
    await h.page.click('[data-tab=chain]');
    await h.page.click('[data-tab=batch]');
    expect(await h.page.locator('#batch-verdicts li').count()).toBe(variants - 1);
    const html = await h.download('batch-export-html');
    expect(html.name).toBe('default-seed20260615-comparison.html');
    expect(html.text).toContain('1. Verdict');
    await h.page.screenshot({ path: join(SHOTS, '07-batch.png') });
    await h.page.click('#lang');
  });

  it('a scenario without variants offers to compare seeds', async () => {
    await h.unready();
    await h.page.selectOption('#scenario-select', 'school-emergency');
    await h.ready();
    await h.page.click('[data-tab=batch]');
    await h.page.waitForSelector('#batch-other-seeds');
    expect(await h.page.isChecked('#batch-other-seeds')).toBe(true);
    await h.page.fill('#batch-reps', '2');
    await h.page.fill('#batch-workers', '');
    await h.page.click('#batch-run');
    // The last batch's results (default's, named so) stay until this one is done.
    await h.page.waitForFunction(() => document.body.dataset.batch === 'done' && document.querySelector('#batch-verdicts')?.textContent?.includes('同一场景'), undefined, { timeout: 120_000 });
    expect(await h.page.locator('#batch-verdicts li').count()).toBe(1);
    // Its workers field left empty: the work chose their number, and the page says so.
    expect(await h.page.textContent('#batch-workers-used')).toMatch(/^\d+ 个并行线程（按工作量定）$/);
  });
}
