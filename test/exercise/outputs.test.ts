/** The rationales linkdrill writes itself, as each output says them: in the reader's language, a person's as typed. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { playHeadless } from '../../src/exercise/replay.ts';
import { exerciseFiles } from '../../src/exercise/outputs.ts';
import { readExerciseLog, replayLog } from '../../src/exercise/replay.ts';
import { AUTO_RATIONALES, branchRationale, DEFAULT_RATIONALE, rationaleText } from '../../src/exercise/text.ts';
import type { ExerciseLog } from '../../src/exercise/log.ts';
import { eventsCsv } from '../../src/report/csv.ts';
import { expectBilingual } from '../bilingual.ts';
import { TABLETOP, link, loadPackage, open } from './helpers.ts';

describe('a decision’s rationale', () => {
  it('decisions.csv says the rationales linkdrill writes itself in the report’s language, as aar.html does; a rationale a person typed stays exactly as typed', async () => {
    const s = await open(TABLETOP);
    await s.moveTo(s.nextStop('decision'), 'next-decision');
    const typed = 'spreading fast, "raise" now — 扩散很快';
    await s.decide('D1', 'raise', { rationale: typed });
    await playHeadless(s);
    const run = await s.finish();
    const rationales = (lang: 'zh' | 'en') =>
      Papa.parse<Record<string, string>>(exerciseFiles(s, run, { lang }).files['decisions.csv'], { header: true, skipEmptyLines: true }).data.map((r) => [r.decision, r.rationale]);
    const [zh, en] = [rationales('zh'), rationales('en')];
    expect(zh.length).toBeGreaterThan(2);
    expect(zh[0]).toEqual(['D1', typed]);
    expect(en[0]).toEqual(['D1', typed]);
    for (const [, r] of zh.slice(1)) expect(r).toBe(DEFAULT_RATIONALE.headless.zh);
    for (const [, r] of en.slice(1)) expect(r).toBe(DEFAULT_RATIONALE.headless.en);
  });

  it('a person who types linkdrill’s own words is read as typed: the log says which rationales linkdrill wrote', async () => {
    const s = await open(TABLETOP);
    await s.moveTo(s.nextStop('decision'), 'next-decision');
    await s.decide('D1', 'raise', { rationale: DEFAULT_RATIONALE.headless.en });
    await playHeadless(s);
    const run = await s.finish();
    const decisions = s.log.actions.filter((a) => a.type === 'decision');
    expect(decisions[0]).not.toHaveProperty('auto');
    for (const d of decisions.slice(1)) expect(d).toMatchObject({ auto: 'headless' });
    const zh = Papa.parse<Record<string, string>>(exerciseFiles(s, run, { lang: 'zh' }).files['decisions.csv'], { header: true, skipEmptyLines: true }).data;
    expect(zh[0].rationale).toBe(DEFAULT_RATIONALE.headless.en);
    expect(zh[1].rationale).toBe(DEFAULT_RATIONALE.headless.zh);
  });

  it('a log linkdrill wrote, with rationales of its own and choices the engine refused, reads back and replays to the same log', async () => {
    const s = await open(TABLETOP);
    await playHeadless(s);
    const run = await s.finish();
    const decisions = s.log.actions.filter((a) => a.type === 'decision');
    expect(decisions.some((a) => a.refused !== undefined && a.auto === 'headless')).toBe(true);
    const read = readExerciseLog(JSON.stringify(s.log), 'log.json');
    const { pkg, scenario } = await loadPackage(TABLETOP);
    const r = await replayLog(pkg, scenario, link(), (read as { ok: true; value: ExerciseLog }).value, 'log.json');
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(eventsCsv(1, (await r.value.session.finish()).log)).toBe(eventsCsv(1, run.log));
    expect(JSON.stringify(r.value.session.log)).toBe(JSON.stringify(s.log));
  });

  it('a version-1 log, which said so only by the words, still has linkdrill’s rationales read as linkdrill’s, and replays to the same run', async () => {
    const s = await open(TABLETOP);
    await s.moveTo(s.nextStop('decision'), 'next-decision');
    await s.decide('D1', 'raise', { rationale: 'typed' });
    await playHeadless(s);
    const run = await s.finish();
    const v2 = JSON.parse(JSON.stringify(s.log)) as ExerciseLog;
    const v1 = { ...v2, version: 1, actions: v2.actions.map((a) => (a.type === 'decision' ? (({ auto: _auto, ...rest }) => rest)(a) : a)) };
    const read = readExerciseLog(JSON.stringify(v1), 'log.json');
    expect(read.ok && read.value).toEqual(v2);
    const { pkg, scenario } = await loadPackage(TABLETOP);
    const r = await replayLog(pkg, scenario, link(), (read as { ok: true; value: ExerciseLog }).value, 'log.json');
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(eventsCsv(1, (await r.value.session.finish()).log)).toBe(eventsCsv(1, run.log));
    expect(JSON.stringify(r.value.session.log)).toBe(JSON.stringify(v2));
  });

  it('every rationale linkdrill writes itself is read in Chinese and in English; a person’s is read as written, whatever its words', () => {
    const own = [...Object.entries(DEFAULT_RATIONALE), ['branch', branchRationale('hold')] as const];
    expect(own.map(([k]) => k)).toEqual([...AUTO_RATIONALES]);
    expectBilingual(own.map(([, r]) => r));
    for (const [auto, r] of own) expect([rationaleText(r.en, auto as (typeof AUTO_RATIONALES)[number], 'zh'), rationaleText(r.en, auto as (typeof AUTO_RATIONALES)[number], 'en')]).toEqual([r.zh, r.en]);
    for (const typed of ['needed', 'branch of the recorded choice', '先升级', ...own.map(([, r]) => r.en)]) expect([rationaleText(typed, undefined, 'zh'), rationaleText(typed, undefined, 'en')]).toEqual([typed, typed]);
  });

  it('a branch’s recorded choice is named by its option’s words where they are known, else by its id', () => {
    const logged = branchRationale('hold').en;
    const words = (id: string) => (id === 'hold' ? { zh: '暂不升级', en: 'Hold' } : undefined);
    expect(rationaleText(logged, 'branch', 'zh', words)).toBe('分支推演：改选此项，原记录的选择为“暂不升级”');
    expect(rationaleText(logged, 'branch', 'en', words)).toBe('branch of the recorded choice "Hold"');
    expect(rationaleText(logged, 'branch', 'zh', () => undefined)).toBe('分支推演：改选此项，原记录的选择为“hold”');
  });
});
