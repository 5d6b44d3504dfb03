import { describe, expect, it } from 'vitest';
import { branchOf, branchOptions, branchValue } from '../../../web/model/branch.ts';
import type { DecisionPoint } from '../../../src/exercise/package.ts';

const decision = (id: string, options: string[]): DecisionPoint => ({
  id,
  tS: 0,
  phase: 'p',
  role: 'center',
  prompt: { zh: id, en: id },
  options: options.map((o) => ({ id: o, label: { zh: `选${o}`, en: `pick ${o}` }, actions: [] })),
  default: options[0],
  expected: null,
  timeoutS: null,
});
const decisions = [decision('D1', ['raise', 'hold']), decision('D2', ['open', 'later', 'never'])];

describe('the branches a debrief offers', () => {
  it('offers every option not taken, decision by decision, each with the recorded option beside it', () => {
    const o = branchOptions(decisions, [{ decision: 'D1', choice: 'raise' }, { decision: 'D2', choice: 'later' }], 'zh');
    expect(o.map(branchValue)).toEqual(['D1=hold', 'D2=open', 'D2=never']);
    expect(o[1]).toEqual({ decision: 'D2', choice: 'open', recorded: 'later', choiceLabel: '选open', recordedLabel: '选later' });
    expect(branchOptions(decisions, [{ decision: 'D2', choice: 'open' }], 'en')[0].choiceLabel).toBe('pick later');
  });

  it('reads a kept branch back only when the log still offers it', () => {
    const o = branchOptions(decisions, [{ decision: 'D1', choice: 'raise' }], 'en');
    expect(branchOf(o, 'D1=hold')?.recorded).toBe('raise');
    // The recorded choice is no branch, an undecided decision has none, and nothing is no choice.
    expect(branchOf(o, 'D1=raise')).toBeNull();
    expect(branchOf(o, 'D2=later')).toBeNull();
    expect(branchOf(o, null)).toBeNull();
  });
});
