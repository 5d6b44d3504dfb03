/**
 * The words of problems an exercise package or log has, written once and used wherever they are
 * found: `no role "X"` and `没有角色“X”`. Ids are quoted “X” in Chinese and "X" in English.
 */
import type { Words } from '../scenario/errors.ts';

/** What a package names, in both languages (`expected action`, 预期行动). */
export const NAMED = {
  role: { zh: '角色', en: 'role' },
  phase: { zh: '阶段', en: 'phase' },
  expected: { zh: '预期行动', en: 'expected action' },
  decision: { zh: '决策点', en: 'decision' },
  inject: { zh: '注入', en: 'inject' },
  unit: { zh: '单位', en: 'unit' },
  station: { zh: '站点', en: 'station' },
  agency: { zh: '联动单位', en: 'agency' },
  zone: { zh: '区域', en: 'zone' },
  type: { zh: '事件类型', en: 'incident type' },
} as const satisfies Record<string, Words>;

/** `no role "X"` (with the ids there are, when given). */
export function noSuch(what: Words, id: string, there?: readonly string[]): Words {
  const zhList = there ? `（${what.zh}：${there.join('、')}）` : '';
  const enList = there ? ` (${what.en}s: ${there.join(', ')})` : '';
  return { zh: `没有${what.zh}“${id}”${zhList}`, en: `no ${what.en} "${id}"${enList}` };
}

/** `no incident called "X"`: an incident a package names by its name. */
export const noIncidentCalled = (name: string): Words => ({ zh: `没有名为“${name}”的事件`, en: `no incident called "${name}"` });

/** `duplicate inject "X"`. */
export const duplicate = (what: Words, id: string): Words => ({ zh: `${what.zh}“${id}”重复`, en: `duplicate ${what.en} "${id}"` });

/** `"25:00" is not a time`. */
export const notATime = (v: string | number): Words => ({ zh: `“${v}”不是时间`, en: `"${v}" is not a time` });

/** `decision D1 has no option "x" (a, b)`. */
export const noOption = (decision: string, choice: string, ids: readonly string[]): Words => ({
  zh: `决策点 ${decision} 没有选项“${choice}”（${ids.join('、')}）`,
  en: `decision ${decision} has no option "${choice}" (${ids.join(', ')})`,
});

/** `is not one of the options (a, b)`. */
export const notAnOption = (ids: readonly string[]): Words => ({ zh: `不是可选项之一（${ids.join('、')}）`, en: `is not one of the options (${ids.join(', ')})` });

/** A problem an exercise session refuses an action with (`decision D1 is not waiting`), in both languages; `message` is the English. */
export class ExerciseError extends Error {
  constructor(readonly words: Words) {
    super(words.en);
    this.name = 'ExerciseError';
  }
}

/**
 * The words of anything thrown while playing an exercise: an ExerciseError's own, otherwise the
 * thrower's message (a worker gone, a fault of linkdrill's) verbatim in both, after a Chinese lead-in.
 */
export function thrownWords(e: unknown): Words {
  if (e instanceof ExerciseError) return e.words;
  const message = e instanceof Error ? e.message : String(e);
  return { zh: `出错：${message}`, en: message };
}
