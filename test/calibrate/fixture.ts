/** The synthetic county of test/fixtures/cad: its truth scenario and the export read and calibrated once. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { loadFile, ROOT } from '../helpers.ts';
import { csvTable } from '../../src/calibrate/cad/table.ts';
import { parseMapping } from '../../src/calibrate/cad/columns.ts';
import { readCadTable, type ReadHistory } from '../../src/calibrate/cad/read.ts';
import { calibrate, type Calibration } from '../../src/calibrate/calibrate.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import { formatErrors } from '../../src/scenario/errors.ts';

export const CAD_DIR = resolve(ROOT, 'test/fixtures/cad');
export const CAD = resolve(CAD_DIR, 'cad.csv');
export const MAPPING = resolve(CAD_DIR, 'mapping.yaml');
export const TRUTH = resolve(CAD_DIR, 'truth.yaml');

export function truth(): Scenario {
  return loadFile('test/fixtures/cad/truth.yaml');
}

/** The export read against the truth scenario, problem rows dropped. */
export function readFixture(scenario: Scenario | null, drop = true): ReadHistory {
  const table = csvTable(readFileSync(CAD, 'utf8'), 'cad.csv');
  const mapping = parseMapping(parse(readFileSync(MAPPING, 'utf8')), 'mapping.yaml');
  if (!table.ok || !mapping.ok) throw new Error('fixture unreadable');
  const r = readCadTable(table.value, mapping.value, scenario, 'cad.csv', drop);
  if (!r.ok) throw new Error(formatErrors(r.errors, 'en'));
  return r.value;
}

/** The fixture calibrated against the truth scenario's geography (99 bootstrap resamples: the fewest that can reject at 1%). */
export function calibrateFixture(scenario: Scenario): Calibration {
  const r = readFixture(scenario);
  return calibrate(r.rows, r.offsetS, { name: 'cad.csv', kind: 'cad', rows: r.total, problems: r.problems, dropped: r.dropped, incidentsDropped: r.incidentsDropped }, scenario, {
    resamples: 99,
    seed: 1,
    dayStartH: scenario.center.dayStartH,
    nightStartH: scenario.center.nightStartH,
  });
}
