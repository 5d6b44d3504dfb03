/** A linkdrill run folder is a history with no mapping: simulate, calibrate back, compare with itself. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { main } from '../../src/cli/main.ts';
import { TRUTH } from './fixture.ts';
import { ROOT } from '../helpers.ts';

const quiet = { out: () => {}, err: () => {}, tty: false };

describe('a run folder as history', () => {
  it('calibrates back to the scenario’s parameters and validates against itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-rf-'));
    const scenario = join(dir, 'week.yaml');
    writeFileSync(scenario, readFileSync(TRUTH, 'utf8').replace('duration: 28d', 'duration: 7d'));
    expect(await main(['run', scenario, '--out', join(dir, 'run')], quiet)).toBe(0);

    expect(await main(['calibrate', join(dir, 'run'), '--scenario', scenario, '--out', join(dir, 'cal'), '--resamples', '0'], quiet)).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'cal', 'parameters.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const get = (quantity: string, group: string, parameter: string) => rows.find((r) => r.quantity === quantity && r.group === group && r.parameter === parameter)!;
    // Means recovered within 4 standard errors (t intervals here: --resamples 0), as in the export's test.
    for (const [quantity, group, truth] of [['handling', 'center', 75], ['dispatch', 'EMS', 200], ['handover', 'H1', 900]] as const) {
      const r = get(quantity, group, 'mean');
      expect(Math.abs(Number(r.value) - truth), `${quantity} ${group}`).toBeLessThanOrEqual(4 * Number(r.se));
    }
    // The run's hospital arrivals come from events.csv: handover is fitted per hospital.
    expect(get('handover', 'H2', 'mean')).toBeDefined();

    const out: string[] = [];
    const code = await main(['validate-history', scenario, join(dir, 'run'), '--reps', '9', '--workers', '1', '--out', join(dir, 'val'), '--lang', 'en'], { ...quiet, out: (s) => out.push(s) });
    expect(code).toBe(0);
    expect(out[0]).toMatch(/no measure is off the history/);
  }, 90_000);

  it('a run folder checked against a scenario it does not fit names each problem by its incident and unit, not by a line no file has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-rf-'));
    const scenario = join(dir, 'week.yaml');
    writeFileSync(scenario, readFileSync(TRUTH, 'utf8').replace('duration: 28d', 'duration: 1d'));
    expect(await main(['run', scenario, '--out', join(dir, 'run')], quiet)).toBe(0);
    const err: string[] = [];
    const other = join(ROOT, 'scenarios/highway-collision.yaml');
    expect(await main(['validate-history', other, join(dir, 'run'), '--reps', '3', '--workers', '1', '--lang', 'en'], { ...quiet, err: (s) => err.push(s) })).toBe(1);
    const lines = err.join('\n').split('\n');
    expect(lines[0]).toMatch(/^run \(incident inc-\d{6}(, unit [^)]+)?\), column type: unknown incident type/);
    expect(lines.some((l) => / row \d+,/.test(l))).toBe(false);
    // In Chinese the records are named in Chinese words; only the ids stay as written.
    const zh: string[] = [];
    expect(await main(['validate-history', other, join(dir, 'run'), '--reps', '3', '--workers', '1'], { ...quiet, err: (s) => zh.push(s) })).toBe(1);
    const zhLines = zh.join('\n').split('\n');
    expect(zhLines[0]).toMatch(/^run（事件 inc-\d{6}(，单位 [^）]+)?）“type”列：/);
    expect(zhLines.filter((l) => /incident|unit /.test(l))).toEqual([]);
  }, 90_000);
});
