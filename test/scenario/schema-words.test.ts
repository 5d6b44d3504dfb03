/** The scenario schema's own messages: each has its Chinese in SCHEMA_WORDS, and the table holds no stale entry. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { SCHEMA_WORDS } from '../../src/scenario/schema-words.ts';
import { zodErrors } from '../../src/scenario/zod-messages.ts';
import { customMessages } from '../schema-messages.ts';

describe('schema messages in both languages', () => {
  const messages = customMessages(scenarioSchema);
  const table = new Map(SCHEMA_WORDS.map((w) => [w.en, w.zh]));

  it('every custom message of the scenario schema has its Chinese', () => {
    expect(messages.size).toBeGreaterThan(15); // the walk reaches the schema's parts
    for (const en of messages) {
      expect(table.get(en), en).toMatch(/\p{Script=Han}/u);
    }
  });

  it('the table holds only messages the schema uses', () => {
    for (const w of SCHEMA_WORDS) expect(messages.has(w.en), w.en).toBe(true);
  });

  it("zod's own checks are worded in both languages", () => {
    const r = scenarioSchema.shape.seed.safeParse(1.5);
    expect(r.success).toBe(false);
    if (r.success) return;
    const [e] = zodErrors(r.error.issues, 1.5);
    expect(e.en).toBe('must be a whole number; got 1.5');
    expect(e.zh).toBe('必须是整数；实际为 1.5');
  });

  it('a schema outside the scenario brings its own words; without them its message stays English in both', () => {
    const even = z.number().refine((n) => n % 2 === 0, 'must be even');
    const issues = even.safeParse(3).error!.issues;
    expect(zodErrors(issues, 3, [{ zh: '必须是偶数', en: 'must be even' }])[0]).toEqual({ path: '', zh: '必须是偶数；实际为 3', en: 'must be even; got 3' });
    expect(zodErrors(issues, 3)[0].zh).toBe('must be even；实际为 3');
  });

  it("zod's own issues read as Chinese sentences: a choice, a missing key, unknown keys, a list's length", () => {
    const center = { verificationTime: { dist: 'weibull' }, handlingTime: { mean: 5 }, typo: 1, spelt: 2, callTakers: [1, 2] };
    const r = scenarioSchema.shape.center.safeParse(center);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(zodErrors(r.error.issues, center).map((e) => `${e.path}：${e.zh}`).sort()).toEqual([
      'callTakers：必须恰好有 24 项；实际为含 2 项的列表',
      'handlingTime.dist：必须填写，可选：“fixed”、“exponential”、“lognormal”、“gamma”、“triangular”、“uniform”、“empirical”',
      'verificationTime.dist：必须是“fixed”、“exponential”、“lognormal”、“gamma”、“triangular”、“uniform”、“empirical”之一；实际为“weibull”',
      '：未知的键“typo”、“spelt”',
    ]);
  });
});
