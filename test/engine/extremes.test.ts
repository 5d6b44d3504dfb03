/**
 * Inputs at the edges of what the format accepts — explosive growth, the slowest roads, the widest
 * distributions, delays of 100 years — still run to the end, with a finite number (or an empty
 * time) in every record: a scenario that validates never fails in the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildScenario } from '../../src/scenario/load.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { workProblem } from '../../src/engine/estimate.ts';
import { MAX_SECONDS } from '../../src/scenario/duration.ts';
import { ROOT } from '../helpers.ts';

const small = () => parseYaml(readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8')) as Record<string, any>;

/** Numbers in the records that are not finite, as `file.column = value`. */
function nonFinite(records: object): string[] {
  return Object.entries(records).flatMap(([name, rows]) =>
    (rows as Record<string, unknown>[]).flatMap((row) => Object.entries(row).filter(([, v]) => typeof v === 'number' && !Number.isFinite(v)).map(([k, v]) => `${name}.${k} = ${v}`)),
  );
}

const cases: [string, (s: Record<string, any>) => void][] = [
  ['growth of 1000 a hour with no maximum size', (s) => {
    s.incidentTypes[0].dynamics = { initialSize: 1, growthPerHour: 1000, sizePerUnit: 1e-300, thresholds: { III: 10, II: 1e6, I: 1e11 }, workPerSize: MAX_SECONDS };
  }],
  ['supplies per unit of size of an exploding incident, scarce, with the slowest work when short', (s) => {
    s.incidentTypes[0].dynamics = { initialSize: 1, growthPerHour: 1000, sizePerUnit: 1 };
    s.incidentTypes[0].supplies = [{ item: 'foam', amount: 1e9, perSize: true }];
    s.incidentTypes[0].shortageFactor = 1000;
    s.depots = [{ id: 'D', lon: 120, lat: 30, stock: { foam: 1e15 } }];
  }],
  ['the slowest roads, the longest detours, the worst congestion, the weakest sirens', (s) => {
    s.travel = { speedKmh: 0.1, detour: 100, emergencyFactor: 0.1, congestion: Array(24).fill(100), noise: { dist: 'uniform', min: 0, max: MAX_SECONDS } };
  }],
  ['every delay a hundred years, or the widest lognormal', (s) => {
    s.center.handlingTime = MAX_SECONDS;
    s.center.patience = { dist: 'lognormal', mean: 1e-3, sd: 1 };
    s.incidentTypes[0].workTime = { dist: 'lognormal', mean: MAX_SECONDS, sd: MAX_SECONDS };
    s.incidentTypes[1].callers.delay = { dist: 'gamma', shape: 1e-3, mean: MAX_SECONDS };
    s.hospitals[0].handover = { dist: 'empirical', values: [0, MAX_SECONDS], weights: [1e300, 1e300] };
  }],
  ['a travel matrix of 100 years a trip', (s) => {
    s.travel = { model: 'matrix', matrix: { Z1: { S1: MAX_SECONDS, S2: MAX_SECONDS }, Z2: { S1: 0, S2: MAX_SECONDS } }, noise: { dist: 'uniform', min: 0, max: 1000 }, emergencyFactor: 0.1, congestion: Array(24).fill(100) };
  }],
  ['rates too small to ever fire and weights at the smallest number', (s) => {
    s.demand.background[0].ratePerDay = 5e-324;
    s.demand.background[1].zones = { Z1: 5e-324, Z2: 0 };
    s.incidentTypes[1].grades = { IV: 5e-324 };
  }],
];

describe('extreme but valid inputs run to the end with finite records', () => {
  for (const [what, change] of cases) {
    it(what, () => {
      const s = small();
      change(s);
      const r = buildScenario(s, 'small.yaml');
      expect(r.ok ? [] : r.errors).toEqual([]);
      if (!r.ok) return;
      expect(workProblem(r.value)).toBeNull();
      const out = simulate(r.value, 11);
      expect(nonFinite(out.records)).toEqual([]);
      expect(out.records.incidents.length).toBeGreaterThan(0);
    });
  }
});
