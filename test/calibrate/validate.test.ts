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
import { overPeriod, validate, type Validation } from '../../src/calibrate/validate.ts';
import { startOf } from '../../src/calibrate/cad/records.ts';
import { fragmentYaml } from '../../src/calibrate/fragment.ts';
import { calibrateFixture, CAD, CAD_DIR, MAPPING, readFixture, TRUTH } from './fixture.ts';
import { main } from '../../src/cli/main.ts';

const REPS = 15;
const ZONE_CLASSES = { Z1: 'urban', Z2: 'urban', Z3: 'urban', Z4: 'rural', Z5: 'rural', Z6: 'rural' };

/** validate-history in process: the scenario text (side files from `files`) against the fixture. */
function validateText(text: string, files: Record<string, string> = {}, reps = REPS): Validation {
  const read = (p: string) => files[p] ?? null;
  const base = loadScenario(text, 'scenario.yaml', read);
  if (!base.ok) throw new Error(base.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  const r = readFixture(base.value);
  const observed = buildHistory(r.rows, r.offsetS);
  const raw = parseScenarioText(text, 'scenario.yaml');
  if (!raw.ok) throw new Error('unparseable');
  const moved = buildScenario(overPeriod(raw.value as Record<string, unknown>, observed.firstDay, observed.days, observed.offsetS), 'scenario.yaml', read);
  if (!moved.ok) throw new Error(moved.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
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
});
