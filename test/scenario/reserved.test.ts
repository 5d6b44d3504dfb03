/**
 * Names JavaScript reserves: `__proto__` as a key or an id is refused with its path wherever it is
 * written; `constructor`, `prototype`, `toString` and the like are ids like any other; no variant
 * change can reach an object's prototype.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { loadScenario } from '../../src/scenario/load.ts';
import { applyChanges, loadVariants, resolvePath } from '../../src/scenario/variants.ts';
import { reservedKeyErrors } from '../../src/scenario/reserved.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { changedInputs } from '../../src/batch/run.ts';
import { compare, readReplications, replicationsCsv } from '../../src/batch/plan.ts';
import { KPI_COLUMNS, type Kpi } from '../../src/metrics/kpis.ts';
import { createEngineApi } from '../../src/worker/engine.ts';
import { parseMapping } from '../../src/calibrate/cad/columns.ts';
import { readRows } from '../../src/calibrate/cad/rows.ts';
import { ROOT } from '../helpers.ts';
import { englishLines } from '../bilingual.ts';

const baseText = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8');
const base = () => parseYaml(baseText) as Record<string, any>;
const lines = (r: ReturnType<typeof loadScenario>) => (r.ok ? [] : englishLines(r.errors));
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(() => {
  // Whatever a test did, the prototype every object shares is as it was.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('__proto__ is refused wherever a user writes a key or an id', () => {
  // YAML and JSON parsers keep `__proto__` as an own key, so the scenario text is where it comes from.
  const cases: [string, string, string][] = [
    ['a top-level key', '__proto__: {polluted: 1}\n', '__proto__'],
    ['a nested key', '', 'center.__proto__'],
    ['a channel name (a record key)', '', 'incidentTypes[0].callers.channels.__proto__'],
    ['a zone weight (a record key)', '', 'demand.background[0].zones.__proto__'],
    ['a key inside a variant value', '', 'variants[0].changes[0].value.__proto__'],
  ];
  for (const [what, extra, path] of cases) {
    it(`as ${what}`, () => {
      const s = base();
      if (path.startsWith('center')) s.center = { ['__proto__']: { callTakers: 9 }, callTakers: 2 };
      if (path.startsWith('incidentTypes')) s.incidentTypes[0].callers.channels = { ['__proto__']: 1, '119': 1 };
      if (path.startsWith('demand')) s.demand.background[0].zones = { ['__proto__']: 1, Z1: 1 };
      if (path.startsWith('variants')) s.variants = [{ name: 'v', changes: [{ op: 'set', path: 'center', value: { ['__proto__']: { polluted: 1 } } }] }];
      // Object literals with a computed `__proto__` key make it an own key, as a parser does.
      const text = (extra ? extra : '') + stringify(s);
      const r = loadScenario(text, 'x.yaml');
      expect(lines(r)).toContain(`${path}: "__proto__" cannot be used as a key (JavaScript reserves the name); rename it`);
    });
  }

  it('in JSON as well as YAML, at any depth', () => {
    const json = JSON.stringify(base()).replace('"demand":{', '"demand":{"__proto__":{"x":1},');
    const r = loadScenario(json, 'x.json');
    expect(lines(r)).toEqual(['demand.__proto__: "__proto__" cannot be used as a key (JavaScript reserves the name); rename it']);
    const deep = JSON.parse(`${'{"a":'.repeat(2000)}{"__proto__":1}${'}'.repeat(2000)}`);
    expect(reservedKeyErrors(deep)).toHaveLength(1);
    // A document nested 200 000 deep is walked in one pass (no path copied per level).
    const deeper = loadScenario(`{"a": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`, 'deep.json');
    expect(lines(deeper)).toContain('deep.json: unknown key "a"');
  });

  it('as an id of any kind, and in a GeoJSON file of zones', () => {
    const s = base();
    s.incidentTypes[0].id = '__proto__';
    s.agencies[1].id = '__proto__';
    const out = lines(loadScenario(stringify(s), 'x.yaml'));
    expect(out).toContain('incidentTypes[0].id: "__proto__" cannot be used as an id (JavaScript reserves the name); rename it');
    expect(out).toContain('agencies[1].id: "__proto__" cannot be used as an id (JavaScript reserves the name); rename it');
    const g = base();
    g.zones = { file: 'zones.geojson' };
    g.demand.scripted = [];
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: '__proto__', population: 5 }, geometry: { type: 'Point', coordinates: [120, 30] } }] };
    const r = loadScenario(stringify(g), 'x.yaml', () => JSON.stringify(fc));
    expect(lines(r).join('\n')).toContain('zones (zones.geojson) features[0].properties.id: "__proto__" cannot be used as an id');
  });

  it('as a column of a CAD history file', () => {
    const s = base();
    s.demand.history = { file: 'cad.csv' };
    const r = loadScenario(stringify(s), 'x.yaml', () => 'time,type,zone,__proto__\n60,fire,Z1,x\n');
    expect(lines(r).join('\n')).toContain('demand.history.file (cad.csv): column "__proto__" cannot be used (JavaScript reserves the name); rename it');
  });
});

describe('included fragments and CAD mappings', () => {
  it('a fragment’s __proto__ is refused with the fragment’s name; its constructor key meets nothing inherited', () => {
    const s = base();
    s.include = 'frag.yaml';
    const bad = loadScenario(stringify(s), 'x.yaml', () => 'center:\n  __proto__: {callTakers: 9}\n');
    expect(lines(bad)).toEqual(['include[0] (frag.yaml) center.__proto__: "__proto__" cannot be used as a key (JavaScript reserves the name); rename it']);
    s.depots = [{ id: 'D', lon: 120, lat: 30, stock: { foam: 5 } }];
    const ok = loadScenario(stringify(s), 'x.yaml', () => 'depots:\n  - {id: D, stock: {constructor: 3, toString: 4}}\n');
    expect(lines(ok)).toEqual([]);
    if (ok.ok) expect({ ...ok.value.depots[0].stock }).toEqual({ foam: 5, constructor: 3, toString: 4 });
  });

  it('a CAD cell reading toString is a value, not a lookup into the mapping’s prototype; a mapping’s __proto__ is named', () => {
    const m = parseMapping({ values: { type: { 火灾: 'fire' } } }, 'm.yaml');
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const t = { header: ['incident_id', 'type', 't_call'], rows: [['A', 'toString', '2025-03-03 10:00:00'], ['B', 'constructor', '2025-03-03 10:05:00']] };
    expect(readRows(t, { incident_id: 0, type: 1, t_call: 2 }, m.value, 0).rows.map((r) => r.type)).toEqual(['toString', 'constructor']);
    const bad = parseMapping(JSON.parse('{"values": {"type": {"__proto__": {"x": "fire"}}}}'), 'm.yaml');
    expect(bad.ok ? [] : englishLines(bad.errors)).toEqual(['m.yaml values.type.__proto__: "__proto__" cannot be used as a key (JavaScript reserves the name); rename it']);
  });
});

describe('constructor, prototype, toString and friends are ids like any other', () => {
  /** The fixture with every id, kind, type, channel and supply item renamed to a name of Object.prototype. */
  function reservedWords(): Record<string, any> {
    const s = base();
    const rename: Record<string, string> = { Z1: 'constructor', Z2: 'toString', FIRE: 'prototype', EMS: 'hasOwnProperty', S1: 'valueOf', S2: 'isPrototypeOf', H1: 'propertyIsEnumerable', E: 'toLocaleString', A: '__defineGetter__', fire: 'constructor', medical: 'valueOf', engine: 'toString', ambulance: 'hasOwnProperty' };
    const walk = (v: any): any => {
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k === '119' ? 'prototype' : k === '120' ? 'constructor' : k, walk(x)]));
      return typeof v === 'string' && Object.hasOwn(rename, v) ? rename[v] : v;
    };
    const r = walk(s);
    r.agencies[0].kind = 'constructor';
    r.agencies[1].kind = 'toString';
    r.plans[0].response[0].agency = 'constructor';
    r.plans[1].response[0].agency = 'constructor';
    r.plans[1].response[1].agency = 'toString';
    r.depots = [{ id: 'hasOwnProperty', lon: 120.02, lat: 30.01, stock: { toString: 1e6, valueOf: 5 } }];
    r.incidentTypes[0].supplies = [{ item: 'toString', amount: 10 }];
    return r;
  }

  it('a scenario named only in such words loads, runs, and its supplies are drawn, never short', () => {
    const r = loadScenario(stringify(reservedWords()), 'x.yaml');
    expect(lines(r)).toEqual([]);
    if (!r.ok) return;
    const out = simulate(r.value, 3);
    const { incidents, dispatches, depots, agencies } = out.records;
    expect(new Set(incidents.map((i) => i.type))).toEqual(new Set(['constructor', 'valueOf']));
    expect(new Set(incidents.map((i) => i.zone))).toEqual(new Set(['constructor', 'toString']));
    expect(dispatches.length).toBeGreaterThan(0);
    expect(new Set(dispatches.map((d) => d.agency))).toEqual(new Set(['prototype', 'hasOwnProperty']));
    expect(new Set(agencies.map((a) => a.agency))).toEqual(new Set(['prototype', 'hasOwnProperty']));
    expect(out.log.some((e) => e.kind === 'supply.shortage')).toBe(false);
    const toString = depots.find((d) => d.item === 'toString')!;
    expect(toString.drawn).toBe(10 * out.log.filter((e) => e.kind === 'supply.request').length);
    expect(toString.drawn).toBeGreaterThan(0);
  });

  it('a side file called constructor or toString is a file, in the CLI and in the app’s worker', async () => {
    expect(changedInputs({ 'x.yaml': 'a' }, { 'x.yaml': 'a', constructor: 'b' }).map((w) => w.en)).toEqual(['constructor (not read by the earlier batch)']);
    expect(changedInputs({ 'x.yaml': 'a', toString: 'b' }, { 'x.yaml': 'a', toString: 'b' })).toEqual([]);
    const s = base();
    s.travel = { model: 'matrix', matrix: 'constructor' };
    const api = createEngineApi();
    const r = await api.load(stringify(s), 'x.yaml', {});
    expect(r.ok ? [] : englishLines(r.errors)).toEqual(['travel.matrix: file not found: "constructor"']);
  });
});

describe('variant names', () => {
  it('__proto__ is refused as a variant name, also from a variant file', () => {
    const r = loadVariants(`${baseText}\nvariants:\n  - {file: v.yaml}\n`, 'small.yaml', () => 'name: __proto__\nchanges:\n  - {op: set, path: center.callTakers, value: 3}\n');
    expect(r.ok ? [] : englishLines(r.errors)).toEqual(['variants[0].name: "__proto__" cannot be used as an id (JavaScript reserves the name); rename it']);
  });

  it('variants called constructor and toString are compared like any other', () => {
    const kpis = (x: number) => Object.fromEntries(KPI_COLUMNS.map((k) => [k, x])) as Record<Kpi, number>;
    const order = ['baseline', 'constructor', 'toString'];
    const rows = [1, 2, 3].flatMap((rep) => order.map((variant, v) => ({ variant, rep, seed: rep, kpis: kpis(rep + 10 * v), rating: 'M' })));
    const back = readReplications(replicationsCsv(rows, order), 'r.csv', { variants: order, reps: 3, seed: 1, shard: { index: 1, count: 1 } });
    expect(back.errors).toEqual([]);
    const cmp = compare(back.rows, order).filter((c) => c.metric === 'score');
    expect(cmp.map((c) => [c.variant, c.n, c.diffMean])).toEqual([['baseline', 3, NaN], ['constructor', 3, 10], ['toString', 3, 20]]);
  });
});

describe('a variant change never leaves the scenario', () => {
  for (const path of ['__proto__.polluted', 'center.__proto__.polluted', 'center.constructor.prototype.polluted', 'units[0].constructor', 'prototype', 'units[__proto__=x].station', 'units[constructor=Object].id']) {
    it(`refuses the path ${path}`, () => {
      for (const op of ['set', 'add', 'remove', 'scale'] as const) {
        const r = applyChanges(base(), [{ op, path, value: 1, by: 2 }], 'variants[0]');
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors[0].path).toBe('variants[0].changes[0].path');
      }
    });
  }

  it('says why, and follows only the scenario’s own keys', () => {
    expect(resolvePath(base(), 'center.__proto__.x')).toEqual({ zh: '“__proto__”不是场景的组成部分（是 JavaScript 保留的名称）', en: '"__proto__" is not a part of a scenario (a name JavaScript reserves)' });
    expect(resolvePath({ a: {} }, 'a.toString.x')).toEqual({ zh: 'a.toString：没有“x”', en: 'a.toString: has no "x"' });
    expect(resolvePath({ a: {} }, 'a.hasOwnProperty')).toEqual([{ parent: {}, key: 'hasOwnProperty' }]);
    expect(resolvePath({ a: 'x'.repeat(10) }, `a${'.b'.repeat(300)}`)).toMatchObject({ en: expect.stringMatching(/a path has at most 500/), zh: expect.stringMatching(/路径最多 500 个字符/) });
  });

  it('a variant file’s changes are held to the same rule', () => {
    const text = `${baseText}\nvariants:\n  - {file: v.yaml}\n`;
    const r = loadVariants(text, 'small.yaml', () => 'name: v\nchanges:\n  - {op: set, path: "center.__proto__.polluted", value: 1}\n');
    expect(r.ok ? [] : englishLines(r.errors)).toEqual(['variants[0].changes[0].path: "center.__proto__.polluted": "__proto__" is not a part of a scenario (a name JavaScript reserves)']);
  });
});
