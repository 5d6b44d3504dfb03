/**
 * The branches a debrief can run: for each decision the room took, every option it did not take.
 * Pure: the debrief's choice, its heading and the branch kept for a reload are all read from here,
 * so the choice shown, the table's heading and the branch run always name the same thing.
 */
import type { DecisionPoint } from '../../src/exercise/package.ts';
import type { Branch } from '../../src/exercise/replay.ts';
import type { Lang } from '../i18n/index.ts';

/** One branch on offer: decision `decision` taken as `choice` instead of the recorded `recorded`. */
export interface BranchOption extends Branch {
  recorded: string;
  /** Labels in the page's language. */
  choiceLabel: string;
  recordedLabel: string;
}

/** Every branch of the decisions taken (`decided`, in their order), each decision's options in the package's order. */
export function branchOptions(decisions: readonly DecisionPoint[], decided: readonly { decision: string; choice: string }[], lang: Lang): BranchOption[] {
  return decided.flatMap((d) => {
    const options = decisions.find((x) => x.id === d.decision)?.options ?? [];
    const recordedLabel = options.find((o) => o.id === d.choice)?.label[lang] ?? d.choice;
    return options.filter((o) => o.id !== d.choice).map((o) => ({ decision: d.decision, choice: o.id, recorded: d.choice, choiceLabel: o.label[lang], recordedLabel }));
  });
}

/** A branch as the choice's value (`D2=later`); ids hold no `=`, so it reads back whole. */
export const branchValue = (b: Branch): string => `${b.decision}=${b.choice}`;

/** The branch of `options` a value names, or null (not offered: another log, or a decision not taken). */
export function branchOf(options: readonly BranchOption[], value: string | null): BranchOption | null {
  return options.find((o) => branchValue(o) === value) ?? null;
}
