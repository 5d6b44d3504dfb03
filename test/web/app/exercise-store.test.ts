import { describe, expect, it } from 'vitest';
import { forgetLog, keepBranch, keepLog, keptBranch, keptLog, type LogStorage } from '../../../web/app/exercise-store.ts';
import type { ExerciseLog } from '../../../src/exercise/log.ts';

const memory = (): LogStorage & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
};
const log = (n: number): ExerciseLog => ({ format: 'linkdrill-exercise-log', version: 1, exercise: { name: 'x', hash: 'h1' }, scenario: { name: 's', hash: 'h2' }, seed: 1, actions: Array.from({ length: n }, (_, i) => ({ seq: i + 1, t: 0, type: 'note' as const, text: `n${i}` })) });

describe('the exercise log kept in the browser', () => {
  it('the latest log kept for a package is the one read back, and only for that package', () => {
    const st = memory();
    keepLog(st, 'h1', log(1));
    keepLog(st, 'h1', log(3));
    expect(JSON.parse(keptLog(st, 'h1')!)).toEqual(log(3));
    expect(keptLog(st, 'other')).toBeNull();
  });

  it('a forgotten log is gone, and a storage that refuses (full, disabled) is no error', () => {
    const st = memory();
    keepLog(st, 'h1', log(2));
    forgetLog(st, 'h1');
    expect(keptLog(st, 'h1')).toBeNull();
    const refusing: LogStorage = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('SecurityError'); } };
    expect(keepLog(refusing, 'h1', log(1))).toBe(false);
    expect(keptLog(refusing, 'h1')).toBeNull();
    expect(() => forgetLog(refusing, 'h1')).not.toThrow();
  });
});

describe('the debrief branch kept beside the log', () => {
  it('is read back for its package only, is forgotten with null, and goes when the exercise starts over', () => {
    const st = memory();
    keepBranch(st, 'h1', 'D2=later');
    expect(keptBranch(st, 'h1')).toBe('D2=later');
    expect(keptBranch(st, 'other')).toBeNull();
    keepBranch(st, 'h1', null);
    expect(keptBranch(st, 'h1')).toBeNull();
    keepLog(st, 'h1', log(1));
    keepBranch(st, 'h1', 'D1=hold');
    forgetLog(st, 'h1');
    expect(keptBranch(st, 'h1')).toBeNull();
    expect(keptLog(st, 'h1')).toBeNull();
  });
});
