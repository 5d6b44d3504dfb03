/** What the tests of schema messages share. */

/** Every custom message in a zod schema (its own `error`, and those of its checks and refinements), found by walking its definition. */
export function customMessages(root: unknown): Set<string> {
  const seen = new Set<unknown>();
  const found = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const x = stack.pop() as { _zod?: { def: Record<string, unknown> } } | null;
    if (x === null || typeof x !== 'object' || seen.has(x)) continue;
    seen.add(x);
    const def = x._zod?.def;
    if (!def) continue;
    if (typeof def.error === 'function') {
      const m = (def.error as (i: object) => unknown)({});
      if (typeof m === 'string') found.add(m);
    }
    for (const [k, v] of Object.entries(def)) {
      if (k === 'shape') stack.push(...Object.values(v as object));
      else if (Array.isArray(v)) stack.push(...v);
      else if (v && typeof v === 'object') stack.push(v);
    }
  }
  return found;
}
