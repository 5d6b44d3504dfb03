/**
 * The check every bad-input test makes of the problems it provokes: each is said in Chinese and in
 * English, so a problem added in English only fails the test that provokes it.
 */
import { expect } from 'vitest';
import type { Words } from '../src/scenario/errors.ts';

/** Whether `text` holds Chinese (Han) characters. */
export const hasChinese = (text: string): boolean => /\p{Script=Han}/u.test(text);

function expectEach(problems: readonly Words[]): void {
  for (const p of problems) {
    expect(typeof p.en === 'string' && p.en.trim() !== '', `English of ${JSON.stringify(p)}`).toBe(true);
    expect(typeof p.zh === 'string' && hasChinese(p.zh), `Chinese of ${JSON.stringify(p)}`).toBe(true);
  }
}

/** Every one of `problems` (there is at least one) has Chinese words and English words. */
export function expectBilingual(problems: readonly Words[]): void {
  expect(problems.length).toBeGreaterThan(0);
  expectEach(problems);
}

/** Problems as the English lines `path: words` the tests compare, each checked for its Chinese first. */
export function englishLines(problems: readonly (Words & { path: string })[]): string[] {
  expectEach(problems);
  return problems.map((e) => `${e.path}: ${e.en}`);
}
