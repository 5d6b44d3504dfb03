/**
 * The scenario schema applied part by part, each top-level part's result shared between the builds
 * of one load: a variant that changes the center and the units has its zones, plans and demand
 * checked once, with its base. Only a document the schema accepts is assembled from parts; any
 * problem sends the whole document through the schema again, so every message is zod's own.
 */
import type { z } from 'zod';
import { scenarioSchema } from './schema.ts';
import { inputKey, type BuildCache } from './build-cache.ts';

type SchemaResult = ReturnType<typeof scenarioSchema.safeParse>;

/** The schema of one top-level key, as an object of that key alone (zod's own handling of absent and optional keys). */
const parts = new Map<string, z.ZodType>();
function partSchema(key: string): z.ZodType {
  let s = parts.get(key);
  if (!s) parts.set(key, (s = scenarioSchema.pick({ [key]: true } as never) as unknown as z.ZodType));
  return s;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * `scenarioSchema.safeParse(input)`, with each top-level part's result remembered in `cache` under
 * the exact value of that part. Every result handed out is a copy, so no build sees another's changes.
 */
export function parseScenarioSchema(input: unknown, cache?: BuildCache): SchemaResult {
  const whole = () => scenarioSchema.safeParse(input);
  if (!cache || !isPlainObject(input)) return whole();
  const shape = scenarioSchema.shape as Record<string, unknown>;
  for (const k in input) if (!Object.hasOwn(shape, k)) return whole(); // an unknown key: zod names it
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(shape)) {
    const present = k in input;
    const valueKey = present ? inputKey(input[k]) : '-';
    if (valueKey === undefined) return whole();
    const r = cache.memo(`schema ${k} ${valueKey}`, () => partSchema(k).safeParse(present ? { [k]: input[k] } : {}));
    if (!r.success) return whole();
    const data = r.data as Record<string, unknown>;
    if (!Object.hasOwn(data, k)) continue;
    try {
      out[k] = structuredClone(data[k]);
    } catch {
      return whole();
    }
  }
  return { success: true, data: out } as SchemaResult;
}
