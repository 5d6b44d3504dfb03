/**
 * A trainer runs the bundled chemical-leak tabletop in the browser: jumps to the first decision,
 * decides, adds a live inject, writes a note, rates a critical task, ends the exercise and exports the
 * report, the log and the files; the CLI replays the browser's log to the same events.csv. The
 * facilitator's and the players' views are screenshot.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { main } from '../../../src/cli/main.ts';
import { ROOT } from '../../helpers.ts';
import { SHOTS, type Harness } from '../harness.ts';

const state = (page: Page, s: string) => page.waitForSelector(`body[data-exercise=${s}]`, { state: 'attached', timeout: 90_000 });
const session = (page: Page) => page.evaluate(() => (window as unknown as { linkdrill: { exercise(): { t: number; pending: string | null; actions: number } } }).linkdrill.exercise());

export function exerciseSuite(h: Harness): void {
  let page: Page;
  /** A page of its own on the tabletop, ready to play. */
  const openTabletop = async () => {
    const p = await h.newPage({ viewport: { width: 1400, height: 900 } });
    await p.goto(`${h.base}exercise.html?exercise=chemical-leak-tabletop`);
    await state(p, 'ready');
    return p;
  };

  it('a trainer opens the tabletop, jumps to the first decision and decides it; a live inject and a note go into the log', async () => {
    page = await h.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${h.base}exercise.html`);
    await state(page, 'ready');
    expect(await page.textContent('#x-title')).toContain('演练');
    await page.click('#x-next-decision');
    await state(page, 'decision');
    expect((await session(page)).pending).toBe('D1');
    expect(await page.textContent('#decision .prompt')).toContain('II 级响应');
    await page.screenshot({ path: join(SHOTS, 'exercise-facilitator.png') });
    await page.check('#decision input[value=raise]');
    await page.fill('#decision textarea[name=rationale]', '泄漏扩散且有人员不适，符合 II 级条件');
    const before = (await session(page)).actions;
    await page.click('#decide');
    await state(page, 'ready');
    expect((await session(page)).actions).toBeGreaterThan(before);

    await page.click('#tabbtn-script');
    await page.selectOption('#live-kind', 'message');
    await page.fill('#live-text', '市委书记来电询问伤亡情况');
    await page.click('#live-send');
    await page.waitForFunction(() => document.querySelector('#tab-situation, #tab-script')!.ownerDocument.body.innerText.includes('市委书记来电'), undefined, { timeout: 30_000 }).catch(() => undefined);
    await page.fill('#note-text', '指挥长要求十分钟后汇报疏散进展');
    // A language or role switch draws the note form anew and keeps what is being typed in it.
    for (const id of ['x-lang', 'x-role-player', 'x-role-facilitator', 'x-lang']) {
      await page.click(`#${id}`);
      expect(await page.inputValue('#note-text'), `after #${id}`).toBe('指挥长要求十分钟后汇报疏散进展');
    }
    await page.click('#note-add');
    await page.click('#tabbtn-situation');
    await page.waitForSelector('text=市委书记来电询问伤亡情况');
    await page.waitForSelector('#notes-taken >> text=指挥长要求十分钟后汇报疏散进展');
  });

  it('the players see only what the center knows: no script, no expected choices, no true grades', async () => {
    await page.click('#x-role-player');
    await page.waitForTimeout(300);
    expect(await page.isHidden('#tabbtn-script')).toBe(true);
    expect(await page.isHidden('#tabbtn-evaluation')).toBe(true);
    expect(page.url()).toContain('role=player');
    // The arrow keys, Home and End step over the facilitator's tabs: → from the situation reaches the events.
    await page.focus('#tabbtn-situation');
    const selected = () => page.evaluate(() => [document.activeElement?.id, document.querySelector('#x-tabs [aria-selected=true]')?.id]);
    for (const [key, tab] of [['ArrowRight', 'events'], ['ArrowRight', 'debrief'], ['ArrowRight', 'situation'], ['ArrowLeft', 'debrief'], ['ArrowLeft', 'events'], ['Home', 'situation'], ['End', 'debrief']]) {
      await page.keyboard.press(key);
      expect(await selected(), `${key} to ${tab}`).toEqual([`tabbtn-${tab}`, `tabbtn-${tab}`]);
    }
    await page.click('#tabbtn-situation');
    // The facilitator's note is on the facilitator's screen only.
    expect(await page.textContent('#tab-situation')).not.toContain('指挥长要求十分钟后汇报疏散进展');
    await page.click('#x-next-decision');
    await state(page, 'decision');
    expect(await page.textContent('#decision')).not.toContain('★');
    await page.screenshot({ path: join(SHOTS, 'exercise-player.png') });
    await page.check('#decision input[value=open]');
    await page.click('#decide');
    await state(page, 'ready');
    // The report and the log hold the facilitator's notes: the players' screen does not export them.
    await page.click('#tabbtn-debrief');
    expect(await page.isVisible('#exports-facilitator')).toBe(true);
    expect(await page.locator('#export-log, #export-report, #end-exercise').count()).toBe(0);
    await page.click('#x-role-facilitator');
  });

  it('an evaluator rates a task; the exercise ends; the report, the log and the files export, and the CLI replays the log to the same events.csv', async () => {
    await page.click('#tabbtn-evaluation');
    const form = page.locator('form.rate[data-task=T1]');
    await form.locator('select[name=rating]').selectOption('S');
    await form.locator('textarea[name=observations]').fill('定级准确，但首次指令偏慢');
    await form.locator('button[type=submit]').click();
    await page.waitForTimeout(300);
    await page.click('#tabbtn-debrief');
    await page.click('#end-exercise');
    await state(page, 'ended');
    const report = await h.download('export-report', page);
    expect(report.name).toBe('chemical-leak-tabletop-aar.html');
    expect(report.text).toContain('演练评估报告');
    expect(report.text).toContain('定级准确，但首次指令偏慢');
    const log = await h.download('export-log', page);
    const parsed = JSON.parse(log.text);
    expect(parsed.actions.some((a: { type: string; text?: string }) => a.type === 'note' && a.text === '指挥长要求十分钟后汇报疏散进展')).toBe(true);
    expect(parsed.actions.some((a: { type: string; rating?: string }) => a.type === 'rate' && a.rating === 'S')).toBe(true);
    expect(parsed.actions.find((a: { type: string }) => a.type === 'decision')).toMatchObject({ decision: 'D1', choice: 'raise', options: ['raise', 'hold'] });
    const zip = await h.download('export-all', page);
    const files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(zip.bytes))).map(([k, v]) => [k, strFromU8(v)]));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['events.csv', 'aar.html', 'exercise-log.json', 'msel-status.csv', 'evaluation.csv']));
    // The evaluation tab after the end says what evaluation.csv and the report say, item by item.
    await page.click('#tabbtn-evaluation');
    const shown = (await page.textContent('#tab-evaluation'))!;
    const rows = Papa.parse<Record<string, string>>(files['evaluation.csv'].replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(shown, `item ${r.item}`).toContain(r.evidence);
    await page.click('#tabbtn-debrief');

    const dir = mkdtempSync(join(tmpdir(), 'exercise-e2e-'));
    writeFileSync(join(dir, 'log.json'), log.text);
    const quiet = { out: () => {}, err: (s: string) => console.error(s), tty: false };
    expect(await main(['exercise', join(ROOT, 'scenarios/exercises/chemical-leak-tabletop'), '--log', join(dir, 'log.json'), '--out', join(dir, 'cli')], quiet)).toBe(0);
    expect(readFileSync(join(dir, 'cli', 'events.csv'), 'utf8')).toBe(files['events.csv']);

    // The debrief: a branch with the first decision changed departs from the exercise at that decision.
    await page.selectOption('#branch-choice', 'D1=hold');
    await page.click('#branch-run');
    await page.waitForSelector('#branch-table', { timeout: 90_000 });
    expect(await page.textContent('#tab-debrief')).toContain('T+0:12');
    // Holding back the early escalation changes the run after it.
    expect(await page.locator('#branch-table tr').count()).toBeGreaterThan(5);
    // Another decision's branch: the choice keeps it through every redraw, and the table is headed with it.
    await page.selectOption('#branch-choice', 'D2=later');
    await page.click('#branch-run');
    expect(await page.inputValue('#branch-choice')).toBe('D2=later');
    await page.waitForSelector('#branch-table[data-branch="D2=later"]', { timeout: 90_000 });
    expect(await page.inputValue('#branch-choice')).toBe('D2=later');
    expect(await page.textContent('#branch-caption')).toMatch(/^分支 D2：改选“等待专家到场后再开设”（原记录为“立即开设”），自 T\+\d+:\d\d 起与原演练不同。$/);
    await page.screenshot({ path: join(SHOTS, 'exercise-debrief.png') });
    await page.click('#x-lang');
    expect(await page.inputValue('#branch-choice')).toBe('D2=later');
    expect(await page.textContent('#branch-caption')).toContain('Branch of D2');
    await page.click('#x-lang');
    // A reload runs the branch again on the kept log: the same choice, the same figures.
    const figures = await page.textContent('#branch-table');
    await page.reload();
    await state(page, 'ended');
    await page.click('#tabbtn-debrief');
    await page.waitForSelector('#branch-table[data-branch="D2=later"]', { timeout: 90_000 });
    expect(await page.inputValue('#branch-choice')).toBe('D2=later');
    expect(await page.textContent('#branch-table')).toBe(figures);
    await page.close();
  });

  it('a log of the other bundled exercise, opened on this one, opens that exercise and replays on it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exercise-e2e-'));
    const quiet = { out: () => {}, err: (s: string) => console.error(s), tty: false };
    expect(await main(['exercise', join(ROOT, 'scenarios/exercises/urban-flood-functional'), '--out', join(dir, 'flood')], quiet)).toBe(0);
    const actions = JSON.parse(readFileSync(join(dir, 'flood', 'exercise-log.json'), 'utf8')).actions.length;
    const p = await openTabletop();
    await p.setInputFiles('#x-log-input', join(dir, 'flood', 'exercise-log.json'));
    await p.waitForFunction((n) => (window as unknown as { linkdrill: { exercise(): { actions: number } | null } }).linkdrill.exercise()?.actions === n, actions, { timeout: 60_000 });
    expect(await p.isHidden('#errors'), (await p.textContent('#errors-text')) ?? '').toBe(true);
    expect(await p.inputValue('#x-select')).toBe('urban-flood-functional');
    expect(p.url()).toContain('exercise=urban-flood-functional');
    // The log ended the exercise: it opens ended, with its debrief and branches.
    await state(p, 'ended');
    await p.close();
  });

  it('the language chosen on one page follows to the other and back', async () => {
    const p = await openTabletop();
    await p.click('#x-lang');
    expect(await p.textContent('#x-title')).toBe('linkdrill exercise');
    await p.click('#x-back');
    await h.ready(p);
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    await p.click('#to-exercise');
    await state(p, 'ready');
    expect(await p.getAttribute('html', 'lang')).toBe('en');
    expect(await p.textContent('#x-title')).toBe('linkdrill exercise');
    await p.close();
  });

  it('a reload halfway loses nothing: decisions, notes and ratings come back where they were, and Start over starts afresh', async () => {
    const p = await openTabletop();
    await p.click('#x-next-decision');
    await state(p, 'decision');
    await p.check('#decision input[value=hold]');
    await p.fill('#decision textarea[name=rationale]', '先核实再升级');
    // A language switch redraws the panel and keeps what is being typed.
    await p.click('#x-lang');
    await p.click('#x-lang');
    expect(await p.locator('#decision textarea[name=rationale]').inputValue()).toBe('先核实再升级');
    expect(await p.locator('#decision input[value=hold]').isChecked()).toBe(true);
    // A double click decides once and raises no error.
    await p.dblclick('#decide');
    await state(p, 'ready');
    await p.waitForTimeout(300);
    expect(await p.isHidden('#errors'), (await p.textContent('#errors-text')) ?? '').toBe(true);
    expect((await session(p)).pending).toBeNull();
    await p.fill('#note-text', '疏散组已到位');
    await p.click('#note-add');
    // The note is taken: the field empties, so a second click adds no copy.
    await p.waitForFunction(() => (document.getElementById('note-text') as HTMLInputElement).value === '', undefined, { timeout: 5_000 });
    await p.click('#note-add');
    // The note is listed on the situation panel, with who took it.
    await p.click('#tabbtn-situation');
    await p.waitForSelector('#notes-taken li');
    expect(await p.textContent('#notes-taken li')).toMatch(/^T\+\d+:\d\d 导调组 疏散组已到位$/);
    // The room's chosen speed is kept in the link, so a reload plays at it.
    await p.selectOption('#x-speed', '120');
    await p.click('#tabbtn-evaluation');
    const form = p.locator('form.rate[data-task=T1]');
    await p.locator('form.rate[data-task=T2] textarea[name=observations]').fill('首车未见，待核实');
    await form.locator('select[name=rating]').selectOption('M');
    await form.locator('button[type=submit]').click();
    await p.waitForTimeout(300);
    // Saving one task's rating keeps what was typed, unsaved, for another.
    expect(await p.locator('form.rate[data-task=T2] textarea[name=observations]').inputValue()).toBe('首车未见，待核实');
    await p.waitForTimeout(300);
    const before = await session(p);
    await p.reload();
    await p.waitForFunction((n) => ((window as unknown as { linkdrill: { exercise(): { actions: number } | null } }).linkdrill.exercise()?.actions ?? 0) >= n, before.actions, { timeout: 30_000 });
    await state(p, 'ready');
    expect(await session(p)).toEqual(before);
    expect(await p.locator('form.rate[data-task=T1] select[name=rating]').inputValue()).toBe('M');
    expect(await p.inputValue('#x-speed')).toBe('120');
    // Before the end an indicator has no figure yet, and says it comes at the end.
    expect(await p.textContent('form.rate[data-task=T1]')).toContain('指标 A3：演练结束后按全程计算');
    p.once('dialog', (d) => void d.accept());
    await p.click('#x-restart');
    await p.waitForFunction(() => (window as unknown as { linkdrill: { exercise(): { t: number } | null } }).linkdrill.exercise()?.t === 0, undefined, { timeout: 90_000 });
    await p.reload();
    await state(p, 'ready');
    expect((await session(p)).t).toBe(0);
    await p.close();
  });

  it('what the engine refuses and a package that cannot be read are said in the page’s language: Chinese, then English after a switch', async () => {
    const p = await openTabletop();
    await p.click('#tabbtn-script');
    await p.fill('#override-unit', 'F3-H');
    await p.fill('#override-reason', '演示：单位尚在站内');
    await p.click('#override-arrive');
    const refusal = p.locator('#tab-script p.error');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.textContent()).toBe('T+0:00 导调干预：未执行 — 单位“F3-H”不在赶赴现场途中（待命）');
    await refusal.scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(SHOTS, 'exercise-refusal-zh.png') });
    await p.click('#x-lang');
    await p.waitForSelector('#tab-script p.error >> text=Override');
    expect(await p.locator('#tab-script p.error').textContent()).toBe('T+0:00 Override: not done — unit "F3-H" is not on its way to an incident (available)');
    await p.setInputFiles('#x-package-input', { name: 'plan.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') });
    await p.waitForSelector('#errors:not([hidden])');
    expect(await p.textContent('#errors-text')).toContain('plan.zip: is not a zip archive (zip the exercise folder with its scenario)');
    // The problem on show follows the language.
    await p.click('#x-lang');
    expect(await p.textContent('#errors-text')).toContain('plan.zip：不是 zip 压缩包（请把演练文件夹连同其场景一起压缩）');
    await p.screenshot({ path: join(SHOTS, 'exercise-package-problem-zh.png') });
    await p.close();
  });
}
