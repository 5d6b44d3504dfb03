/** One run at a time, named by scenario and seed; links that restore everything; problems as text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, it } from 'vitest';
import { ROOT } from '../../helpers.ts';
import { SHOTS, type Harness } from '../harness.ts';

/** Records every text the status line shows from now on. */
const watchStatus = (h: Harness) =>
  h.page.evaluate(() => {
    const w = window as unknown as { __statuses: string[] };
    w.__statuses = [];
    new MutationObserver(() => w.__statuses.push(document.getElementById('status')!.textContent ?? '')).observe(document.getElementById('status')!, { childList: true, characterData: true, subtree: true });
  });
const statuses = (h: Harness) => h.page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);

export function runsSuite(h: Harness): void {
  it('switching scenario during a run: the old run never shows, and every export is the new scenario’s', async () => {
    await h.page.goto(h.base);
    await h.ready();
    await h.page.fill('#reps', '30');
    await watchStatus(h);
    await h.page.click('#run');
    await h.page.waitForSelector('#cancel:not([hidden])');
    await h.unready();
    await h.page.fill('#reps', '1');
    await h.page.selectOption('#scenario-select', 'urban-flood');
    await h.ready();
    expect((await statuses(h)).filter((s) => /^就绪 · default/.test(s))).toEqual([]);
    expect(await h.page.textContent('#status')).toMatch(/^就绪 · urban-flood/);
    await h.page.click('[data-tab=score]');
    const zip = await h.download('export-run');
    expect(zip.name).toMatch(/^urban-flood-seed\d+-run\.zip$/);
    expect(JSON.parse(strFromU8(unzipSync(new Uint8Array(zip.bytes))['run.json'])).scenario.name).toBe('urban-flood');
  });

  it('switching scenario and cancelling leaves no run of the old scenario behind', async () => {
    await h.page.fill('#reps', '1');
    await h.unready();
    await h.page.selectOption('#scenario-select', 'default');
    await h.ready();
    await h.page.fill('#reps', '30');
    await h.page.click('#run');
    await h.page.waitForSelector('#cancel:not([hidden])');
    await h.unready();
    await watchStatus(h);
    await h.page.selectOption('#scenario-select', 'chemical-leak');
    // The old run's cancel button may still be showing: wait for the new scenario's run itself.
    await h.page.waitForFunction(() => /^运行中 · chemical-leak/.test(document.getElementById('status')?.textContent ?? ''));
    await h.page.waitForSelector('#cancel:not([hidden])');
    await h.page.click('#cancel');
    expect(await h.page.isDisabled('#run')).toBe(false);
    expect(await h.page.isHidden('#progress')).toBe(true);
    expect((await statuses(h)).some((s) => s.includes('default'))).toBe(false);
    await h.page.click('[data-tab=score]');
    expect(await h.page.locator('#export-run').count()).toBe(0);
    await h.page.fill('#reps', '1');
    await h.page.click('#run');
    await h.ready();
    expect(await h.page.textContent('#status')).toMatch(/^就绪 · chemical-leak/);
  });

  it('a shared link restores scenario, seed, replications, time, language, tab and incident', async () => {
    await h.page.goto(`${h.base}?scenario=chemical-leak&seed=7&reps=2&t=7200&lang=en&tab=events&incident=inc-000001`);
    await h.ready();
    expect(await h.page.inputValue('#scenario-select')).toBe('chemical-leak');
    expect(await h.page.inputValue('#seed')).toBe('7');
    expect(await h.page.inputValue('#reps')).toBe('2');
    expect(await h.page.textContent('#clock')).toMatch(/^15:00/);
    expect(await h.page.textContent('#app-title')).toContain('emergency-response');
    expect(await h.page.getAttribute('[data-tab=events]', 'aria-selected')).toBe('true');
    const url = new URL(h.page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ scenario: 'chemical-leak', seed: '7', reps: '2', t: '7200', lang: 'en', tab: 'events', incident: 'inc-000001' });
    await h.page.click('[data-tab=chain]');
    expect(await h.page.textContent('#tab-chain h2')).toContain('inc-000001');
  });

  it('a link to a scenario opened from a file says the file is needed, and loads nothing else', async () => {
    await h.page.goto(`${h.base}?file=my-county&seed=3&lang=en`);
    await h.page.waitForSelector('#errors:not([hidden])');
    expect(await h.page.textContent('#errors')).toContain('my-county');
    expect(await h.page.textContent('#errors')).toContain('Open files');
    expect(await h.page.evaluate(() => document.body.dataset.ready)).not.toBe('true');
    expect((await h.mapSnapshot()).units.length).toBe(0);
  });

  it('a broken scenario shows every problem with its path, as text, in a closable banner the next good load clears', async () => {
    await h.page.goto(`${h.base}?lang=en`);
    await h.ready();
    const bad = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8')
      .replace('station: S2', 'station: S9')
      .replace('{agency: EMS, unitType: ambulance}]}', '{agency: "<img src=x onerror=alert(1)>", unitType: ambulance}]}');
    await h.page.setInputFiles('#file-input', { name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(bad) });
    await h.page.waitForSelector('#errors:not([hidden])');
    const text = await h.page.textContent('#errors-text');
    expect(text).toContain('units[1].station: unknown station "S9"');
    expect(text).toContain('plans[2].response[0].agency: unknown agency or agency kind "<img src=x onerror=alert(1)>"');
    expect(await h.page.locator('#errors img').count()).toBe(0);
    await h.page.screenshot({ path: join(SHOTS, '06-errors.png') });
    await h.page.click('#errors-close');
    expect(await h.page.isHidden('#errors')).toBe(true);
    // A problem of the files opened is said in the page's language, and follows a switch of it.
    await h.page.setInputFiles('#file-input', { name: 'cad.csv', mimeType: 'text/csv', buffer: Buffer.from('id,time\n1,0\n') });
    await h.page.waitForSelector('#errors:not([hidden])');
    expect(await h.page.textContent('#errors-text')).toContain('no scenario file (.yaml or .json) among the files');
    await h.page.click('#lang');
    expect(await h.page.textContent('#errors-text')).toContain('所选文件中没有场景文件（.yaml 或 .json）');
    await h.page.click('#lang');
    await h.page.click('#errors-close');
    // YAML that does not parse: the whole message, with its line and column.
    await h.page.setInputFiles('#file-input', { name: 'torn.yaml', mimeType: 'text/yaml', buffer: Buffer.from('name: torn\nzones: [\n  {id: Z1\n') });
    await h.page.waitForSelector('#errors:not([hidden])');
    expect(await h.page.textContent('#errors-text')).toMatch(/line \d+/i);
    expect(await h.page.textContent('#errors-text')).toContain('{id: Z1');
    await h.unready();
    await h.page.selectOption('#scenario-select', 'school-emergency');
    await h.ready();
    expect(await h.page.isHidden('#errors')).toBe(true);
    expect((await h.mapSnapshot()).units.length).toBeGreaterThan(5);
  });

  it('seeds past the largest are refused before the run starts, in the page language, and the last run stays', async () => {
    const before = await h.page.textContent('#status');
    await h.page.fill('#seed', String(Number.MAX_SAFE_INTEGER));
    await h.page.fill('#reps', '3');
    await h.page.click('#run');
    await h.page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('9007199254740991'));
    const status = await h.page.textContent('#status');
    expect(status).toContain(`Not run: the 3 replications from seed ${Number.MAX_SAFE_INTEGER} pass the largest seed`);
    await h.page.click('#lang');
    expect(await h.page.textContent('#status')).toContain(`未运行：随机种子 ${Number.MAX_SAFE_INTEGER} 起的 3 次重复超出了最大的随机种子`);
    await h.page.screenshot({ path: join(SHOTS, '06-seed-refused-zh.png') });
    await h.page.click('#lang');
    expect(await h.page.isEnabled('#run')).toBe(true);
    expect(before).not.toBe(status);
    await h.page.fill('#seed', '1');
    await h.page.fill('#reps', '1');
  });

  it('the system state export is named by what it holds', async () => {
    await h.page.click('[data-tab=state]');
    const label = await h.page.textContent('#export-counts');
    expect(label).not.toContain('units.csv');
    const d = await h.download('export-counts');
    expect(d.name).toMatch(/^school-emergency-seed\d+-unit-counts-\d{4}\.csv$/);
    expect(d.text.split('\r\n')[0]).toBe('agency,time,free,busy,off');
  });
}
