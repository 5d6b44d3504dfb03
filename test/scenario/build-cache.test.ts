import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScenario, parseScenarioText } from '../../src/scenario/load.ts';
import { applyChanges, loadVariants, variantSpecs } from '../../src/scenario/variants.ts';
import { BuildCache, inputKey } from '../../src/scenario/build-cache.ts';
import { parseScenarioSchema } from '../../src/scenario/schema-parse.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { sideFileReader } from '../../src/cli/io.ts';
import { ROOT } from '../helpers.ts';

const dir = join(ROOT, 'scenarios');
const text = readFileSync(join(dir, 'default.yaml'), 'utf8');
const read = sideFileReader(dir);

/** Every variant of `doc` built on its own, with nothing shared (what a load did before builds shared work). */
function freshBuilds(doc: Record<string, unknown>) {
  const specs = variantSpecs(doc, read);
  if (!specs.ok) throw new Error('variants');
  const docs = [doc, ...specs.value.map(({ spec, where }) => {
    const c = applyChanges(doc, spec.changes, where);
    if (!c.ok) throw new Error(where);
    return c.value;
  })];
  return docs.map((d) => buildScenario(d, 'default.yaml', read));
}

const parsedDefault = () => {
  const r = parseScenarioText(text, 'default.yaml');
  if (!r.ok) throw new Error('parse');
  return r.value as Record<string, unknown>;
};

describe('builds of one load share work without changing any result', () => {
  it('the default scenario and its variants come out the same, key order included, as when each is built alone', () => {
    const shared = loadVariants(text, 'default.yaml', read);
    const alone = freshBuilds(parsedDefault());
    expect(shared.ok).toBe(true);
    if (!shared.ok) return;
    expect(shared.value.variants.map((v) => v.name).slice(0, 3)).toEqual(['baseline', 'best-practice', 'degraded']);
    expect(shared.value.variants).toHaveLength(alone.length);
    shared.value.variants.forEach((v, i) => {
      const a = alone[i];
      expect(a.ok).toBe(true);
      if (!a.ok) return;
      expect(v.scenario).toStrictEqual(a.value);
      expect(JSON.stringify(v.scenario)).toBe(JSON.stringify(a.value));
    });
    expect(shared.warnings).toEqual(alone[0].ok ? alone[0].warnings : 'not built');
  });

  it('a variant that moves a station off the roads gets its own reach error, not its base answer', () => {
    const doc = parsedDefault();
    doc.variants = [{ name: 'far', changes: [{ op: 'set', path: 'stations[F2].lon', value: 125 }] }];
    const r = loadVariants(JSON.stringify(doc), 'default.json', read);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.path.startsWith('variants[0] (far) → stations[1] (F2)') && /from the nearest road/.test(e.en) && /距最近的道路/.test(e.zh))).toBe(true);
    const alone = freshBuilds(doc)[1];
    expect(alone.ok).toBe(false);
    if (alone.ok) return;
    expect(r.errors.map((e) => [e.zh, e.en])).toEqual(alone.errors.map((e) => [e.zh, e.en]));
  });

  it('a variant with a bad value gets the same messages as the whole document through the schema', () => {
    const doc = parsedDefault();
    doc.variants = [{ name: 'bad', changes: [{ op: 'set', path: 'center.callTakers', value: [1, 2] }, { op: 'set', path: 'duration', value: '3 days' }, { op: 'set', path: 'units[F2-E].count', value: -1 }, { op: 'add', path: 'agencies', value: { id: 'X' } }] }];
    const r = loadVariants(JSON.stringify(doc), 'default.json', read);
    const alone = freshBuilds(doc)[1];
    expect(r.ok).toBe(false);
    expect(alone.ok).toBe(false);
    if (r.ok || alone.ok) return;
    expect(r.errors).toEqual(alone.errors.map((e) => ({ ...e, path: `variants[0] (bad) → ${e.path}` })));
  });

  it('the schema applied part by part, with a cache, gives what it gives the whole document', () => {
    const cache = new BuildCache();
    const doc = parsedDefault();
    const whole = scenarioSchema.safeParse(doc);
    expect(parseScenarioSchema(doc, cache)).toStrictEqual(whole);
    expect(JSON.stringify(parseScenarioSchema(doc, cache))).toBe(JSON.stringify(whole));
    const units = doc.units as Record<string, unknown>[];
    for (const bad of [{ ...doc, nonsense: 1 }, { ...doc, seed: -1 }, { ...doc, units: undefined }, { ...doc, units: [] }, { ...doc, units: [...units, { ...units[0], count: 0 }] }, { ...doc, plans: 'none' }, 7]) {
      expect(parseScenarioSchema(bad, cache)).toStrictEqual(scenarioSchema.safeParse(bad));
    }
  });

  it('a part handed out twice is two copies: one build changing its own cannot reach another', () => {
    const cache = new BuildCache();
    const a = parseScenarioSchema(parsedDefault(), cache);
    const b = parseScenarioSchema(parsedDefault(), cache);
    if (!a.success || !b.success) throw new Error('parse');
    expect(a.data.units).not.toBe(b.data.units);
    a.data.units[0].id = 'changed';
    expect(b.data.units[0].id).toBe('F1-E');
  });

  it('input keys tell apart values a parser tells apart', () => {
    const pairs: [unknown, unknown][] = [[0, -0], [NaN, null], [{ a: 1, b: 2 }, { b: 2, a: 1 }], [{ a: undefined }, {}], [[1, , 3], [1, undefined, 3]], ['1', 1], [true, 'true'], [[], {}]]; // eslint-disable-line no-sparse-arrays
    for (const [x, y] of pairs) expect(inputKey(x)).not.toBe(inputKey(y));
    expect(inputKey({ a: [1, { b: 'x' }] })).toBe(inputKey({ a: [1, { b: 'x' }] }));
    expect(inputKey(new Date(0))).toBeUndefined();
    expect(inputKey({ f: () => 1 })).toBeUndefined();
    const shared = { a: 1 };
    expect(inputKey([shared, shared])).toBeUndefined(); // a YAML alias: not cached, never expanded
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(inputKey(cyclic)).toBeUndefined();
  });
});
