/**
 * The exercise log kept in the browser's storage as it grows, so a reload (or a closed tab) halfway
 * through an exercise loses no decision, note or rating: the page replays it on the same package.
 * Keyed by the package's content hash, so a log is only offered to the package it was recorded on.
 */
import type { ExerciseLog } from '../../src/exercise/log.ts';

/** The part of the Web Storage API used here (localStorage in the page, a Map in tests). */
export type LogStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const keyOf = (packageHash: string) => `linkdrill:exercise-log:${packageHash}`;
const branchKeyOf = (packageHash: string) => `linkdrill:exercise-branch:${packageHash}`;

/** Keeps `log` as the latest state of the exercise of package `packageHash`; false when storage refused it (full or disabled). */
export function keepLog(storage: LogStorage, packageHash: string, log: ExerciseLog): boolean {
  try {
    storage.setItem(keyOf(packageHash), JSON.stringify(log));
    return true;
  } catch {
    return false;
  }
}

/** The log kept for package `packageHash` as JSON text, or null when there is none. */
export function keptLog(storage: LogStorage, packageHash: string): string | null {
  try {
    return storage.getItem(keyOf(packageHash));
  } catch {
    return null;
  }
}

/** Forgets the log (and the branch) kept for package `packageHash` (the exercise starts over). */
export function forgetLog(storage: LogStorage, packageHash: string): void {
  try {
    storage.removeItem(keyOf(packageHash));
    storage.removeItem(branchKeyOf(packageHash));
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/**
 * Keeps the debrief's branch (`D2=later`) beside the log of package `packageHash`, so a reload runs
 * it again on the log it was asked of; null forgets it. A branch is a choice, not a result: the
 * page recomputes it, so what it shows is always the branch of the log it shows.
 */
export function keepBranch(storage: LogStorage, packageHash: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(branchKeyOf(packageHash));
    else storage.setItem(branchKeyOf(packageHash), value);
  } catch {
    // Storage refused: a reload shows no branch until one is run again.
  }
}

/** The branch kept for package `packageHash` (as `D2=later`), or null. */
export function keptBranch(storage: LogStorage, packageHash: string): string | null {
  try {
    return storage.getItem(branchKeyOf(packageHash));
  } catch {
    return null;
  }
}
