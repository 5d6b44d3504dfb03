/**
 * Hostile input as a property (fast-check): a rich small scenario, its GeoJSON zones and roads, its
 * travel matrix and its CAD history, mutated at random places — wrong types, huge and tiny numbers, NaN and infinities,
 * prototype keys, deleted keys and references, duplicated elements. Whatever the mutation, loading
 * never throws, every rejection names its place, and a scenario that validate accepts (load, and the
 * work estimate under the ceiling) runs to the end with finite numbers in every record.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildScenario } from '../../src/scenario/load.ts';
import { loadVariants } from '../../src/scenario/variants.ts';
import type { InputError, Result } from '../../src/scenario/errors.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import { workProblem } from '../../src/engine/estimate.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { runFolderFiles } from '../../src/report/outputs.ts';
import { stringify } from 'yaml';

const FC = { seed: process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261129) };
/** The ceiling the test holds runs to (a test must stay quick; the CLI's default is higher). */
const TEST_MAX_EVENTS = 50_000;

/** A small scenario that switches on most mechanisms, so mutations reach most of the loader. */
function richScenario(): Record<string, unknown> {
  return {
    name: 'rich',
    start: '2026-06-01T06:00:00+08:00',
    duration: '4h',
    seed: 3,
    zones: [
      { id: 'Z1', population: 1000, lon: 120.0, lat: 30.0 },
      { id: 'Z2', population: 2000, lon: 120.05, lat: 30.02 },
    ],
    travel: { model: 'straight', speedKmh: 40, congestion: Array(24).fill(1), noise: { dist: 'uniform', min: 0.9, max: 1.1 } },
    agencies: [
      { id: 'FIRE', kind: 'fire', channel: 'platform', mutualAid: { from: ['FIRE2'], within: '10m', backfill: true } },
      { id: 'FIRE2', kind: 'fire', jurisdiction: ['Z2'], channel: 'radio' },
      { id: 'EMS', kind: 'ems', channel: 'phone', channels: { phone: { dist: 'lognormal', mean: 120, sd: 60 } } },
    ],
    stations: [
      { id: 'S1', lon: 120.01, lat: 30.0 },
      { id: 'S2', lon: 120.04, lat: 30.02 },
    ],
    hospitals: [{ id: 'H1', lon: 120.03, lat: 30.01, handover: '10m' }],
    units: [
      { id: 'E', agency: 'FIRE', type: 'engine', station: 'S1', count: 2, turnout: { day: '60s', night: '90s' }, maintenance: [{ from: '1h', to: '2h' }] },
      { id: 'N', agency: 'FIRE2', type: 'engine', station: 'S2' },
      { id: 'A', agency: 'EMS', type: 'ambulance', station: 'S2', count: 2, roster: '06:00-09:00', tasks: { ratePerDay: 6, duration: '20m' } },
    ],
    center: { callTakers: 2, handlingTime: { dist: 'exponential', mean: 90 }, patience: { dist: 'gamma', shape: 2, mean: '5m' }, grading: { errorProbability: 0.2 }, statusReports: { delay: 30, lossProbability: 0.1 } },
    incidentTypes: [
      {
        id: 'fire',
        callers: { count: { IV: 1, II: { dist: 'empirical', values: [2, 4], weights: [1, 1] } }, delay: { dist: 'exponential', mean: 60 }, channels: { '119': 1, '110': 0.5 } },
        workTime: { dist: 'lognormal', mean: '40m', sd: '15m' },
        grades: { IV: 0.8, III: 0.15, II: 0.05 },
        dynamics: { initialSize: 1, growthPerHour: 0.5, sizePerUnit: 2, thresholds: { III: 4, II: 8 }, workPerSize: '5m' },
        supplies: [{ item: 'foam', amount: { dist: 'triangular', min: 1, mode: 2, max: 4 }, perSize: true }],
      },
      { id: 'medical', callers: { count: 1, delay: '30s' }, workTime: '15m', transport: { probability: 0.7, unitType: 'ambulance' } },
    ],
    plans: [
      { type: 'fire', grade: 'IV', response: [{ agency: 'fire', unitType: 'engine' }] },
      { type: 'fire', grade: ['III', 'II', 'I'], commandPost: true, response: [{ agency: 'fire', unitType: 'engine', count: 2 }, { agency: 'ems', unitType: 'ambulance', after: 'fire' }] },
      { type: 'medical', response: [{ agency: 'EMS', unitType: 'ambulance' }] },
    ],
    command: { reportGrade: 'II', reportDelay: '10m' },
    comms: { outages: [{ channel: 'platform', from: '2h', to: '2h30m' }], random: { phone: { ratePerDay: 2, duration: '10m' } } },
    depots: [{ id: 'D1', lon: 120.02, lat: 30.01, stock: { foam: 20 }, restock: { delay: '30m', amount: { foam: 10 } } }],
    dispatch: { whenNoneFree: 'queue' },
    scoring: { indicators: { A3: { target: '2m' } }, groups: { command: 2 } },
    demand: {
      background: [
        { type: 'fire', ratePerDay: 20, profile: [...Array(12).fill(1), ...Array(12).fill(2)] },
        { type: 'medical', ratePerDay: 30, zones: { Z1: 1, Z2: 2 } },
      ],
      scripted: [{ at: '1h', type: 'fire', zone: 'Z2', grade: 'II' }],
      history: { file: 'cad.csv' },
    },
    crs: 'WGS84',
    layers: [{ file: 'zones.geojson', kind: 'boundary', label: 'name' }],
    variants: [{ name: 'more', changes: [{ op: 'scale', path: 'demand.background[*].ratePerDay', by: 1.5 }, { op: 'set', path: 'units[E].station', value: 'S2' }] }],
  };
}

const zonesGeoJson = () => ({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'Z1', population: 1000 }, geometry: { type: 'Polygon', coordinates: [[[119.99, 29.99], [120.01, 29.99], [120.01, 30.01], [119.99, 30.01], [119.99, 29.99]]] } },
    { type: 'Feature', properties: { id: 'Z2', name: '二区', population: 2000 }, geometry: { type: 'Point', coordinates: [120.05, 30.02] } },
  ],
});

const roadsGeoJson = () => ({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { speed_kmh: 50 }, geometry: { type: 'LineString', coordinates: [[119.99, 30.0], [120.02, 30.0], [120.05, 30.02]] } },
    { type: 'Feature', properties: { speed_kmh: 80, oneway: 'yes' }, geometry: { type: 'LineString', coordinates: [[120.05, 30.02], [120.03, 30.01], [119.99, 30.0]] } },
    { type: 'Feature', properties: { access: 'no', speed_kmh: 100 }, geometry: { type: 'MultiLineString', coordinates: [[[120.0, 30.01], [120.04, 30.01]]] } },
  ],
});

const matrixRows = () => [
  ['zone', 'S1', 'S2'],
  ['Z1', '120', '400'],
  ['Z2', '380', '90'],
];

const cadRows = () => [
  ['time', 'type', 'grade', 'zone', 'lon', 'lat', 'name'],
  ['2026-06-01 06:30:00', 'fire', 'III', 'Z1', '', '', '仓库'],
  ['5400', 'medical', '', '', '120.051', '30.021', ''],
];

/** Values a careless or hostile user writes in place of the right one. */
const HOSTILE: unknown[] = [
  NaN, Infinity, -Infinity, 1e308, -1e308, 1e300, 1e20, 3.2e9, 1e9, 1e-300, 5e-324, 0, -0, -1, 0.5, 2 ** 53 + 2, 24, 25, 500, 501,
  '', ' ', 'x', '__proto__', 'constructor', 'toString', 'prototype', '9'.repeat(400) + 's', '1e400', '-5m', '25:00-99:99', '0x10', 'Infinity', '=cmd|calc',
  'EPSG:4527', 'EPSG:999999', 'GCJ02', '+proj=tmerc +lon_0=1e400', '+proj=nonsense', 'zones.geojson', 'roads.geojson', 'cad.csv', 'missing.shp', 'x.zip',
  true, false, null, [], {}, [1], { dist: 'lognormal', mean: 1e-3, sd: 1e9 }, { dist: 'gamma', shape: 1e-300, mean: 1 }, { dist: 'gamma', shape: 1e300, scale: 1e9 },
  { dist: 'empirical', values: [1, 2], weights: [1e308, 1e308] }, { dist: 'uniform', min: 0, max: 3e9 },
];

type Mutation = { at: number; kind: 'set' | 'delete' | 'rename' | 'duplicate' | 'swap'; value: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set', 'set', 'set', 'delete', 'rename', 'duplicate', 'swap'),
  value: fc.nat(),
});

/** Every place in a tree (containers and leaves), as a parent and a key. */
function places(root: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (out.push({ parent: v, key: i }), walk(x)));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) out.push({ parent: v as Record<string, unknown>, key: k }), walk((v as Record<string, unknown>)[k]);
  };
  walk(root);
  return out;
}

/** Applies mutations to a copy of `tree`; ids elsewhere in the tree stand in for dangling references. */
function mutate<T>(tree: T, mutations: readonly Mutation[]): T {
  const copy = structuredClone(tree);
  for (const m of mutations) {
    const all = places(copy);
    if (all.length === 0) break;
    const { parent, key } = all[m.at % all.length];
    const obj = parent as Record<string | number, unknown>;
    const strings = all.map((p) => (p.parent as Record<string | number, unknown>)[p.key]).filter((v): v is string => typeof v === 'string');
    switch (m.kind) {
      case 'set':
        obj[key] = structuredClone(HOSTILE[m.value % HOSTILE.length]);
        break;
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete obj[key];
        break;
      case 'rename':
        if (!Array.isArray(parent)) {
          const v = obj[key];
          delete obj[key];
          // An own key, as a YAML or JSON parser makes it (a plain assignment would set the prototype).
          Object.defineProperty(obj, ['__proto__', 'constructor', 'toString', 'prototype', 'x'][m.value % 5], { value: v, enumerable: true, writable: true, configurable: true });
        }
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
        break;
      case 'swap':
        if (strings.length) obj[key] = strings[m.value % strings.length];
        break;
    }
  }
  return copy;
}

/** JSON text that keeps infinities (as 1e400, as JSON parsers read them) and NaN (as null). */
const jsonText = (v: unknown) => JSON.stringify(v, (_, x) => (x === Infinity ? '\u0000inf' : x === -Infinity ? '\u0000-inf' : x)).replace(/"\\u0000(-?)inf"/g, '$11e400');

const cellText = (c: unknown) => (typeof c === 'string' ? c : JSON.stringify(c) ?? '');
const csvText = (rows: unknown[]) => rows.map((r) => (Array.isArray(r) ? r.map(cellText).join(',') : cellText(r))).join('\n');

/** Every number in a run's records is finite (a missing time is null, never NaN or infinite). */
function nonFinite(records: unknown): string[] {
  const bad: string[] = [];
  for (const [name, rows] of Object.entries(records as Record<string, Record<string, unknown>[]>)) {
    for (const row of rows) for (const [k, v] of Object.entries(row)) if (typeof v === 'number' && !Number.isFinite(v)) bad.push(`${name}.${k} = ${v}`);
  }
  return bad;
}

/** A problem a person cannot act on: no place, no English, zod's bare words, a stack trace, or no Chinese. */
const PATHLESS = (e: InputError) =>
  typeof e.path !== 'string' || e.path.trim() === '' || typeof e.en !== 'string' || e.en.trim() === '' || e.en === 'Invalid input' || /\n\s+at /.test(e.en) || typeof e.zh !== 'string' || !/\p{Script=Han}/u.test(e.zh);

/** Loads, then runs what loaded within the ceiling; returns what the property must hold. */
function check(tree: unknown, geo: unknown, cad: unknown[], roads: unknown = roadsGeoJson(), matrix: unknown[] = matrixRows()): void {
  const files: Record<string, string> = { 'zones.geojson': jsonText(geo), 'cad.csv': csvText(cad), 'roads.geojson': jsonText(roads), 'matrix.csv': csvText(matrix) };
  const readFile = (p: string) => (Object.hasOwn(files, p) ? files[p] : null);
  let loaded: Result<Scenario>;
  let variants: Result<{ variants: { name: string; scenario: Scenario }[] }>;
  try {
    loaded = buildScenario(tree, 'rich.yaml', readFile);
    variants = loadVariants(stringify(tree), 'rich.yaml', readFile);
  } catch (e) {
    throw new Error(`the loader threw: ${(e as Error).stack}`);
  }
  for (const r of [loaded, variants]) if (!r.ok) expect(r.errors.filter(PATHLESS)).toEqual([]);
  if (!loaded.ok) return;
  const runs = variants.ok ? variants.value.variants : [{ name: 'baseline', scenario: loaded.value }];
  for (const { name, scenario } of runs) {
    if (workProblem(scenario, TEST_MAX_EVENTS) !== null) continue;
    try {
      const out = simulate(scenario, scenario.seed);
      expect(nonFinite(out.records), name).toEqual([]);
      runFolderFiles(scenario, [scenario.seed], [{ rep: 1, records: out.records, log: out.log }]);
    } catch (e) {
      throw new Error(`validate accepted ${name}, but the run failed: ${(e as Error).stack}`);
    }
  }
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS));

describe('hostile scenarios (mutated at random)', () => {
  it('the unmutated scenario loads and runs (so mutations start from something valid)', () => {
    const tree = richScenario();
    const files: Record<string, string> = { 'cad.csv': csvText(cadRows()), 'zones.geojson': jsonText(zonesGeoJson()), 'roads.geojson': jsonText(roadsGeoJson()), 'matrix.csv': csvText(matrixRows()) };
    const read = (p: string) => files[p] ?? null;
    for (const t of [tree, { ...tree, zones: { file: 'zones.geojson' } }, { ...tree, travel: { model: 'network', network: 'roads.geojson', snapM: 5000 } }, { ...tree, travel: { model: 'matrix', matrix: 'matrix.csv' } }]) {
      const rg = buildScenario(t, 'rich.yaml', read);
      expect(rg.ok ? [] : rg.errors).toEqual([]);
    }
  });

  it('the scenario file: never a throw, every rejection named, and what validates runs', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (ms) => check(mutate(richScenario(), ms), zonesGeoJson(), cadRows())),
      { numRuns: 120, ...FC },
    );
  });

  it('the GeoJSON zones file: never a throw, every rejection named, and what validates runs', () => {
    const tree = { ...richScenario(), zones: { file: 'zones.geojson' } };
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (ms) => check(tree, mutate(zonesGeoJson(), ms), cadRows())),
      { numRuns: 80, ...FC },
    );
  });

  it('the road network file: never a throw, every rejection named, and what validates runs', () => {
    const tree = { ...richScenario(), travel: { model: 'network', network: 'roads.geojson', snapM: 5000 } };
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (ms) => check(tree, zonesGeoJson(), cadRows(), mutate(roadsGeoJson(), ms))),
      { numRuns: 60, ...FC },
    );
  });

  it('the travel matrix file: never a throw, every rejection named, and what validates runs', () => {
    const tree = { ...richScenario(), travel: { model: 'matrix', matrix: 'matrix.csv' } };
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (ms) => check(tree, zonesGeoJson(), cadRows(), roadsGeoJson(), mutate(matrixRows(), ms))),
      { numRuns: 60, ...FC },
    );
  });

  it('the CAD history file: never a throw, every rejection named, and what validates runs', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (ms) => check(richScenario(), zonesGeoJson(), mutate(cadRows(), ms))),
      { numRuns: 80, ...FC },
    );
  });
});
