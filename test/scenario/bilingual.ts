/** A check the bad-input tests share: every problem is said in Chinese as well as in English. */
import { expect } from 'vitest';
import type { Words } from '../../src/scenario/errors.ts';

const HAN = /\p{Script=Han}/u;

/** Fails when a problem has no Chinese words (a problem added in English only) or no English. */
export function expectChinese(problems: readonly Words[]): void {
  for (const p of problems) {
    expect(p.zh, `no Chinese for: ${p.en}`).toMatch(HAN);
    expect(p.en.trim(), `no English for: ${p.zh}`).not.toBe('');
  }
}

/** Problems as the English lines `path: words` the tests compare, each checked for its Chinese first. */
export function englishLines(problems: readonly (Words & { path: string })[]): string[] {
  expectChinese(problems);
  return problems.map((e) => `${e.path}: ${e.en}`);
}
