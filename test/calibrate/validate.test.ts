/**
 * validate-history passes on a model built from the truth, fails on one with a wrong turnout (and says
 * which measures and by how much), and passes on a planner's guess once calibrated from the export.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScenario, loadScenario, parseScenarioText } from '../../src/scenario/load.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { buildHistory } from '../../src/calibrate/observations.ts';
import { compareMeasures, overPeriod, validate, type Validation } from '../../src/calibrate/validate.ts';
import { startOf } from '../../src/calibrate/cad/records.ts';
import { fragmentYaml } from '../../src/calibrate/fragment.ts';
import { formatErrors } from '../../src/scenario/errors.ts';
import { calibrateFixture, CAD, CAD_DIR, MAPPING, readFixture, TRUTH } from './fixture.ts';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../helpers.ts';

const REPS = 15;
const ZONE_CLASSES = { Z1: 'urban', Z2: 'urban', Z3: 'urban', Z4: 'rural', Z5: 'rural', Z6: 'rural' };

/** validate-history in process: the scenario text (side files from `files`) against the fixture. */
function validateText(text: string, files: Record<string, string> = {}, reps = REPS): Validation {
  const read = (p: string) => files[p] ?? null;
  const base = loadScenario(text, 'scenario.yaml', read);
  if (!base.ok) throw new Error(formatErrors(base.errors, 'en'));
  const r = readFixture(base.value);
  const observed = buildHistory(r.rows, r.offsetS);
  const raw = parseScenarioText(text, 'scenario.yaml');
  if (!raw.ok) throw new Error('unparseable');
  const moved = buildScenario(overPeriod(raw.value as Record<string, unknown>, observed.firstDay, observed.days, observed.offsetS), 'scenario.yaml', read);
  if (!moved.ok) throw new Error(formatErrors(moved.errors, 'en'));
  const seeds = Array.from({ length: reps }, (_, i) => 1 + i);
  const sims = seeds.map((seed) => simulate(moved.value, seed, { log: false }).records);
  return validate(observed, sims, moved.value, startOf(moved.value.start)!.abs, seeds, { name: 'cad.csv', kind: 'cad', rows: r.total, dropped: r.dropped }, { alpha: 0.01, zoneClasses: ZONE_CLASSES });
}

const truthText = readFileSync(TRUTH, 'utf8');
const guessText = readFileSync(join(CAD_DIR, 'guess.yaml'), 'utf8');

describe('validate-history', () => {
  it('passes on the model built from the truth: no measure is off', () => {
    const v = validateText(truthText);
    expect(v.comparisons.length).toBeGreaterThan(60);
    expect(v.comparisons.filter((c) => c.off).map((c) => `${c.metric} ${c.group}`)).toEqual([]);
    // …and it is not blind: the prediction interval of a main measure is narrow.
    const p90 = v.comparisons.find((c) => c.metric === 'response_p90' && c.group === 'FIRE')!;
    expect((p90.high - p90.low) / p90.simMean).toBeLessThan(0.3);
  }, 60_000);

  it('fails on a model with a wrong fire turnout, naming fire turnout and response times; runs on worker threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-vh-'));
    const wrong = truthText.replace('turnout: {day: {dist: lognormal, mean: 70, sd: 20}, night: {dist: lognormal, mean: 110, sd: 30}}', 'turnout: {day: {dist: lognormal, mean: 150, sd: 40}, night: {dist: lognormal, mean: 220, sd: 60}}');
    expect(wrong).not.toBe(truthText);
    writeFileSync(join(dir, 'wrong.yaml'), wrong);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['validate-history', join(dir, 'wrong.yaml'), CAD, '--mapping', MAPPING, '--drop-bad-rows', '--reps', '9', '--workers', '2', '--out', join(dir, 'v'), '--lang', 'en'], { out: (s) => out.push(s), err: (s) => err.push(s), tty: false });
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^\d+ of \d+ measures are off the history/);
    const csv = readFileSync(join(dir, 'v', 'comparison.csv'), 'utf8');
    const off = csv.split('\r\n').filter((l) => l.endsWith(',1')).map((l) => l.split(',').slice(0, 2).join(' '));
    expect(off).toContain('turnout_p50 FIRE');
    expect(off).toContain('response_p90 FIRE');
    // Only the fire agency is off: the others' measures still agree with the history.
    expect(off.filter((l) => !/ FIRE/.test(l))).toEqual([]);
    expect(out.join('\n')).toMatch(/FIRE — turnout · median \(s\): observed \d+(\.\d+)?, simulated mean \d+/);
    expect(readFileSync(join(dir, 'v', 'validation.html'), 'utf8')).toContain('Where the model is off');
  }, 120_000);

  it('passes on a planner’s guess once calibrated from the export (include: [calibrated.yaml]), and fails without', () => {
    const guess = loadScenario(guessText, 'guess.yaml');
    expect(guess.ok).toBe(true);
    if (!guess.ok) return;
    const c = calibrateFixture(guess.value);
    const fragment = fragmentYaml(c, { channels: Object.fromEntries(guess.value.agencies.map((a) => [a.id, a.channel])), unitsWithOwnTurnout: {}, hospitals: guess.value.hospitals.map((h) => h.id) }, 'cad.csv');
    const calibrated = validateText(`include: [calibrated.yaml]\n${guessText}`, { 'calibrated.yaml': fragment });
    expect(calibrated.comparisons.filter((x) => x.off).map((x) => `${x.metric} ${x.group}`)).toEqual([]);
    // The guess is far off: a few replications show it.
    const raw = validateText(guessText, {}, 7);
    expect(raw.comparisons.filter((x) => x.off).length).toBeGreaterThan(10);
  }, 120_000);

  it('a measure the replications barely spread (all equal, or mostly one value) is judged by its rank among them, not by a t interval of width 0', () => {
    const sims = (values: number[]) => values.map((value) => [{ metric: 'utilization_mean', group: 'FIRE-NB', value }]);
    const obs = (value: number) => [{ metric: 'utilization_mean', group: 'FIRE-NB', value }];
    // Three replications all 0: the observed 0.044 is beyond all three, which a fourth replication is with chance 2/4.
    const [equal] = compareMeasures(obs(0.044), sims([0, 0, 0]), 0.01);
    expect([equal.p, equal.off]).toEqual([0.5, false]);
    // Mostly 0 (a unit rarely used): beyond all twenty, p = 2/21.
    const [rare] = compareMeasures(obs(0.044), sims([...Array(17).fill(0), 0.01, 0.017, 0.012]), 0.01);
    expect([rare.p, rare.off]).toEqual([2 / 21, false]);
    // A measure that spreads keeps Student's t: far outside it is off.
    const spread = Array.from({ length: 20 }, (_, i) => 100 + (i - 9.5) * 2);
    const [far] = compareMeasures(obs(200), sims(spread), 0.01);
    expect(far.off).toBe(true);
    expect(far.p).toBeLessThan(1e-6);
  });

  it('the default county validated against one of its own runs: nothing is off (it is one more replication)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-vh-'));
    const q = { out: () => {}, err: () => {}, tty: false };
    expect(await main(['run', join(ROOT, 'scenarios/default.yaml'), '--out', join(dir, 'run')], q)).toBe(0);
    const out: string[] = [];
    expect(await main(['validate-history', join(ROOT, 'scenarios/default.yaml'), join(dir, 'run'), '--reps', '3', '--seed', '5', '--out', join(dir, 'v'), '--lang', 'en'], { ...q, out: (s) => out.push(s) })).toBe(0);
    expect(out[0]).toMatch(/no measure is off the history/);
    // Finding nothing off is no proof: the verdict does not claim the model reproduces the history, and the method names the rank test.
    expect(out[0]).not.toMatch(/reproduces/);
    expect(readFileSync(join(dir, 'v', 'validation.html'), 'utf8')).toContain('rank among them');
  }, 60_000);
});
