/**
 * Names JavaScript gives a meaning of their own. `__proto__` as a key of a plain object replaces the
 * object's prototype instead of adding a key (and zod silently drops it), so the loader refuses it
 * wherever a user writes a key or an id. `constructor` and `prototype` are plain data as keys and ids
 * (kept in Maps and null-prototype records) but are never a step of a variant's change path.
 */
import { formatPath, type InputError, type Words } from './errors.ts';

/** A key or id the loader refuses everywhere. */
export const RESERVED_KEY = '__proto__';

/** Path steps a variant change may not take: they lead out of the scenario into JavaScript's objects. */
export const RESERVED_PATH_STEPS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** The words for a reserved name used as a key or an id. */
export const reservedWords = (what: 'key' | 'id'): Words => ({
  zh: `“${RESERVED_KEY}”不能用作${what === 'key' ? '键' : ' id'}（JavaScript 保留了这个名称），请改名`,
  en: `"${RESERVED_KEY}" cannot be used as ${what === 'key' ? 'a key' : 'an id'} (JavaScript reserves the name); rename it`,
});

/**
 * Every own `__proto__` key in a parsed document (YAML and JSON parsers keep it as an own key), each
 * named by its path. Iterative, so a deeply nested document cannot overflow the stack.
 */
export function reservedKeyErrors(root: unknown, base: readonly PropertyKey[] = []): InputError[] {
  // Each place keeps only its key and its parent, so a document nested 100 000 deep costs no more than a wide one.
  type Place = { key: PropertyKey; up: Place | null };
  const pathOf = (p: Place | null): PropertyKey[] => {
    const out: PropertyKey[] = [];
    for (let q = p; q; q = q.up) out.push(q.key);
    return [...base, ...out.reverse()];
  };
  const errors: InputError[] = [];
  const stack: { v: unknown; at: Place | null }[] = [{ v: root, at: null }];
  const seen = new Set<object>();
  while (stack.length) {
    const { v, at } = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], at: { key: i, up: at } });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i];
      if (k === RESERVED_KEY) errors.push({ path: formatPath(pathOf({ key: k, up: at })), ...reservedWords('key') });
      else stack.push({ v: (v as Record<string, unknown>)[k], at: { key: k, up: at } });
    }
  }
  return errors;
}
