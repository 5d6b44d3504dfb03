/** The rationales linkdrill writes itself, as each output says them: in the reader's language, a person's as typed. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { playHeadless } from '../../src/exercise/replay.ts';
import { exerciseFiles } from '../../src/exercise/outputs.ts';
import { branchRationale, DEFAULT_RATIONALE, rationaleText } from '../../src/exercise/text.ts';
import { expectBilingual } from '../bilingual.ts';
import { TABLETOP, open } from './helpers.ts';

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

  it('every rationale linkdrill writes itself is read in Chinese and in English; any other is read as written', () => {
    const own = [...Object.values(DEFAULT_RATIONALE), branchRationale('hold')];
    expectBilingual(own);
    for (const r of own) expect([rationaleText(r.en, 'zh'), rationaleText(r.en, 'en')]).toEqual([r.zh, r.en]);
    for (const typed of ['needed', 'branch of the recorded choice', '先升级']) expect([rationaleText(typed, 'zh'), rationaleText(typed, 'en')]).toEqual([typed, typed]);
  });

  it('a branch’s recorded choice is named by its option’s words where they are known, else by its id', () => {
    const logged = branchRationale('hold').en;
    const words = (id: string) => (id === 'hold' ? { zh: '暂不升级', en: 'Hold' } : undefined);
    expect(rationaleText(logged, 'zh', words)).toBe('分支推演：改选此项，原记录的选择为“暂不升级”');
    expect(rationaleText(logged, 'en', words)).toBe('branch of the recorded choice "Hold"');
    expect(rationaleText(logged, 'zh', () => undefined)).toBe('分支推演：改选此项，原记录的选择为“hold”');
  });
});
