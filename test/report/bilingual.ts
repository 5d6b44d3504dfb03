/**
 * The check every bad-input test of report, batch, calibrate and worker makes of the problems it
 * provokes: each is said in Chinese too, so a new problem written in English only fails its test.
 */
import { expect } from 'vitest';
import type { Words } from '../../src/scenario/errors.ts';

/** Whether `text` holds Chinese (Han) characters. */
export const hasChinese = (text: string): boolean => /\p{Script=Han}/u.test(text);

/** Every one of `problems` (there is at least one) has Chinese words and English words. */
export function expectBilingual(problems: readonly Words[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(typeof p.en === 'string' && p.en !== '', `English of ${JSON.stringify(p)}`).toBe(true);
    expect(typeof p.zh === 'string' && hasChinese(p.zh), `Chinese of ${JSON.stringify(p)}`).toBe(true);
  }
}
