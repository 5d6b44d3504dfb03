/**
 * The score discriminates. The default county ships two calibration variants: `best-practice` (a
 * well-run county with the standard's resources and a shared platform) and `degraded` (platform down
 * all day, half the call-takers, two fire stations closed). Run through the batch machinery — the
 * same jobs (common random numbers: replication k has seed N + k − 1 in every variant), the same job
 * loop and the same paired comparison as `linkdrill batch` — over 20 seeds, best-practice must score
 * at least 5 points above the baseline and degraded at least 10 below, each paired 95% interval
 * excluding 0.
 *
 * Why 20 seeds: a pilot of 20 seeds gave paired differences of +12.2 (sd 6.1) and −13.2 (sd 5.8)
 * points. With n seeds the interval's half-width is t(0.975, n − 1) · sd / √n: 2.8 points at n = 20,
 * so both intervals stay clear of 0 by more than three half-widths (they would at n = 5 too, 7.5
 * points wide), and the mean differences clear the thresholds by 7 and 3 points — about 5 and 2
 * standard errors (1.4 and 1.3 points): a smaller n would leave the degraded margin at the mercy
 * of the draw. Not timed: it asserts only on the figures.
 *
 * And no indicator may sit at 0 or at 100 in every seed of the baseline (or never have data) unless
 * the README's table of indicators that do not move says why — both ways: the table lists exactly
 * those indicators.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/cli/io.ts';
import { loadVariants } from '../../src/scenario/variants.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { replicationKpis } from '../../src/metrics/kpis.ts';
import { roundRecords } from '../../src/metrics/round.ts';
import { resolveRubric, scoreContext, scoreRuns } from '../../src/metrics/score.ts';
import { compare, planJobs } from '../../src/batch/plan.ts';
import { workThrough, type JobWorker } from '../../src/batch/jobs.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import type { ReplicationResult } from '../../src/worker/api.ts';
import { ROOT } from '../helpers.ts';

const SEEDS = 20;
const VARIANTS = ['baseline', 'best-practice', 'degraded'];

/** The README's rows `| A1 | … |` under "Indicators that do not move in the default county". */
function readmeUnmoving(): string[] {
  const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = text.indexOf('### Indicators that do not move in the default county');
  expect(start).toBeGreaterThan(0);
  const section = text.slice(start, text.indexOf('\n## ', start));
  return [...section.matchAll(/^\| ([A-F]\d) \|/gm)].map((m) => m[1]);
}

describe('the default county’s score separates its calibration variants', async () => {
  const path = join(ROOT, 'scenarios/default.yaml');
  const file = readScenarioFile(path);
  if (!file.ok) throw new Error(JSON.stringify(file.errors));
  const loaded = loadVariants(file.value.text, path, file.value.readFile, VARIANTS);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const scenarios = new Map(loaded.value.variants.map((v) => [v.name, v.scenario]));
  // Each baseline replication's indicator scores (null: no data), beside the KPIs the batch compares.
  const indicatorScores = new Map<number, Map<string, number | null>>();
  const prepared = new Map<string, Scenario>();
  const worker: JobWorker = {
    api: {
      prepare: (key, scenario) => void prepared.set(key, scenario),
      replicateMany: (jobs) =>
        jobs.map(({ key, rep, seed }) => {
          const scenario = prepared.get(key)!;
          const { records } = simulate(scenario, seed, { log: false });
          const { kpis, rating } = replicationKpis(scenario, records, true);
          if (key === 'baseline') {
            const res = scoreRuns([{ rep, records: roundRecords(records, true) }], scoreContext(scenario), resolveRubric(scenario.scoring));
            indicatorScores.set(rep, new Map(res.indicators.map((i) => [i.spec.id, i.score])));
          }
          return { variant: key, rep, seed, kpis, rating };
        }),
    },
  };
  const rows: ReplicationResult[] = [];
  await workThrough([worker], [new Map()], planJobs(VARIANTS, SEEDS, loaded.value.base.seed), scenarios, (r) => rows.push(r), () => false);
  const score = compare(rows, VARIANTS).filter((c) => c.metric === 'score');
  const diff = (variant: string) => score.find((c) => c.variant === variant)!;

  it(`ran every variant on the same ${SEEDS} seeds`, () => {
    expect(rows.length).toBe(VARIANTS.length * SEEDS);
    for (const v of VARIANTS) expect(rows.filter((r) => r.variant === v).map((r) => r.seed)).toEqual(Array.from({ length: SEEDS }, (_, k) => loaded.value.base.seed + k));
  });

  it('best-practice scores at least 5 points above the baseline, its paired interval excluding 0', () => {
    const d = diff('best-practice');
    expect(d.n).toBe(SEEDS);
    expect(d.diffMean).toBeGreaterThanOrEqual(5);
    expect(d.diffLow).toBeGreaterThan(0);
    expect(d.significant).toBe(true);
  });

  it('degraded scores at least 10 points below the baseline, its paired interval excluding 0', () => {
    const d = diff('degraded');
    expect(d.n).toBe(SEEDS);
    expect(d.diffMean).toBeLessThanOrEqual(-10);
    expect(d.diffHigh).toBeLessThan(0);
    expect(d.significant).toBe(true);
  });

  it('an indicator stuck at 0 or 100 (or without data) in every seed of the baseline is one the README explains, and only those', () => {
    const stuck: string[] = [];
    const ids = [...indicatorScores.get(1)!.keys()];
    for (const id of ids) {
      const xs = [...indicatorScores.values()].map((m) => m.get(id)!).filter((x): x is number => x !== null);
      if (xs.length === 0 || xs.every((x) => x === 100) || xs.every((x) => x === 0)) stuck.push(id);
    }
    expect(indicatorScores.size).toBe(SEEDS);
    expect(stuck.sort()).toEqual(readmeUnmoving().sort());
  });
});
