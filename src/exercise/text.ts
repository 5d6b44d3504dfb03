/** Text a person reads in an exercise package: Chinese and English (one string serves both). */
import type { TextInput } from './schema.ts';

export interface Text {
  zh: string;
  en: string;
}

export type Lang = 'zh' | 'en';

/** A written text in both languages. */
export const text = (t: TextInput): Text => (typeof t === 'string' ? { zh: t, en: t } : { zh: t.zh, en: t.en });

/**
 * The rationales linkdrill writes itself when a decision takes its listed default. The log keeps
 * the English words and says which one it is (`auto`); readers see them in their language.
 */
export const DEFAULT_RATIONALE = {
  headless: { en: 'headless play: the listed default', zh: '无人值守推演：取预设选项' },
  timeout: { en: 'timeout in continuous play: the listed default', zh: '连续推演中决策超时：取预设选项' },
  ended: { en: 'the exercise ended before a decision was taken: the listed default', zh: '决策作出前演练已结束：取预设选项' },
  branchDefault: { en: 'branch: not decided in the recorded run; the listed default', zh: '分支推演：原记录中未作此决策，取预设选项' },
} as const satisfies Record<string, Text>;

/** The rationale a branched replay writes for the decision it changes: `recorded` was the log's choice (its id, or its words). */
export const branchRationale = (recorded: string | Text): Text => {
  const [zh, en] = typeof recorded === 'string' ? [recorded, recorded] : [recorded.zh, recorded.en];
  return { en: `branch of the recorded choice "${en}"`, zh: `分支推演：改选此项，原记录的选择为“${zh}”` };
};

/** Which of linkdrill's own rationales a decision carries (a decision action's `auto`); a person's has none. */
export type AutoRationale = keyof typeof DEFAULT_RATIONALE | 'branch';
export const AUTO_RATIONALES = [...(Object.keys(DEFAULT_RATIONALE) as (keyof typeof DEFAULT_RATIONALE)[]), 'branch'] as const satisfies readonly AutoRationale[];

/** A decision's rationale when it takes its listed default without anyone deciding: the words the log keeps, and which they are. */
export const defaultRationale = (why: keyof typeof DEFAULT_RATIONALE): { rationale: string; auto: AutoRationale } => ({ rationale: DEFAULT_RATIONALE[why].en, auto: why });

const BRANCH = /^branch of the recorded choice "(.*)"$/;

/**
 * Which of linkdrill's rationales a decision of a version-1 log carries: those logs said so only by
 * the English words, so a person who typed the very same words is read as linkdrill.
 */
export function autoOfV1(rationale: string): AutoRationale | undefined {
  for (const k of Object.keys(DEFAULT_RATIONALE) as (keyof typeof DEFAULT_RATIONALE)[]) if (rationale === DEFAULT_RATIONALE[k].en) return k;
  return BRANCH.test(rationale) ? 'branch' : undefined;
}

/**
 * A decision's rationale as a reader sees it (aar.html, decisions.csv): one linkdrill wrote (`auto`)
 * in `lang`, a person's as written, whatever its words. `option` gives an option's words by its id
 * (aar.html names the recorded choice of a branch so; decisions.csv, whose choice columns are ids,
 * keeps the id).
 */
export function rationaleText(rationale: string, auto: AutoRationale | undefined, lang: Lang, option?: (id: string) => Text | undefined): string {
  if (auto === undefined) return rationale;
  if (auto !== 'branch') return DEFAULT_RATIONALE[auto][lang];
  const recorded = BRANCH.exec(rationale)?.[1];
  return recorded === undefined ? rationale : branchRationale(option?.(recorded) ?? recorded)[lang];
}
