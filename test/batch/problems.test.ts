/**
 * What a person reads when a batch folder, its rows or its shards cannot be used: every problem is
 * named by its place and said in Chinese and in English, the English as it always was.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReplications, replicationsHeader } from '../../src/batch/plan.ts';
import { changedInputs, mergeShards, runBatch, type BatchMeta, type BatchOptions } from '../../src/batch/run.ts';
import { loadVariants } from '../../src/scenario/variants.ts';
import { writeOutputFolder } from '../../src/worker/node-fs.ts';
import { KPI_COLUMNS } from '../../src/metrics/kpis.ts';
import { expectBilingual } from '../bilingual.ts';
import { ROOT } from '../helpers.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'linkdrill-batch-problems-'));
/** A replications.csv line: variant, rep, seed, the KPIs (all 1 unless `kpi` says), rating. */
const line = (variant: string, rep: number | string, seed: number | string, kpi = '1') => [variant, rep, seed, ...KPI_COLUMNS.map(() => kpi), 'B'].join(',') + '\r\n';
const expectation = { variants: ['baseline', 'v2'], reps: 4, seed: 10, shard: { index: 1, count: 2 } };

describe('replications.csv read back', () => {
  it('rows of another batch, repeated or broken rows: each named by line and column, in both languages', () => {
    const text =
      replicationsHeader() +
      line('baseline', 1, 10) +
      line('nobody', 1, 10) +
      line('baseline', 2, 11) +
      line('baseline', 3, 99) +
      line('baseline', 1, 10) +
      line('baseline', 'x', 10) +
      line('v2', 3, 12, 'lots') +
      'baseline,5\r\n';
    const { errors } = readReplications(text, 'r.csv', expectation);
    expectBilingual(errors);
    expect(errors.map((e) => `${e.path}: ${e.en}`)).toEqual([
      'r.csv line 3, column variant: "nobody" is not a variant of this batch',
      'r.csv line 4, column rep: replication 2 is not part of this batch (shard 1/2, 4 replications)',
      'r.csv line 5, column seed: seed 99 does not belong to replication 3 (expected 12)',
      'r.csv line 6: repeats baseline replication 1 (first on line 2)',
      'r.csv line 7: rep "x" and seed "10" must be whole numbers',
      ...KPI_COLUMNS.map((k) => `r.csv line 8, column ${k}: "lots" is not a number`),
      'r.csv line 9: is not a complete row (a cell too many or too few)',
    ]);
    expect(errors[1].zh).toBe('第 2 次重复不属于本次批量运行（分片 1/2，共 4 次重复）');
  });

  it('a file without the columns of one is named', () => {
    const { errors } = readReplications('variant,rep\r\n', 'r.csv');
    expectBilingual(errors);
    expect(errors[0].en).toMatch(/^missing columns: seed, /);
  });

  it('the inputs that changed are listed in both languages', () => {
    const changed = changedInputs({ 'a.yaml': '1', 'b.csv': '2' }, { 'a.yaml': '9', 'c.csv': '3' });
    expectBilingual(changed);
    expect(changed.map((w) => w.en)).toEqual(['a.yaml (content changed)', 'c.csv (not read by the earlier batch)', 'b.csv (no longer read)']);
    expectBilingual(changedInputs(undefined, {}));
  });
});

const variants = () => {
  const r = loadVariants(readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8'), 'small.yaml', () => null);
  if (!r.ok) throw new Error('small.yaml');
  return r.value.variants;
};
const opts = (o: Partial<BatchOptions>): BatchOptions => ({ variants: variants(), reps: 4, seed: 10, workers: 1, outDir: tmp(), resume: true, shard: { index: 1, count: 1 }, lang: 'en', inputs: { 'small.yaml': 'aa' }, ...o });
/** A batch folder as linkdrill writes one, holding `meta` and `csv`. */
function batchFolder(meta: BatchMeta, csv = replicationsHeader()): string {
  const dir = join(tmp(), 'b');
  writeOutputFolder(dir, { 'batch.json': JSON.stringify(meta), 'replications.csv': csv }, 'batch');
  return dir;
}
const metaOf = (o: BatchOptions): BatchMeta => ({
  scenario: { name: o.variants[0].scenario.name, title: o.variants[0].scenario.title },
  variants: o.variants.map((v) => ({ name: v.name, title: v.title, description: v.description })),
  reps: o.reps,
  seed: o.seed,
  shard: o.shard,
  inputs: o.inputs,
});

describe('a batch folder that cannot be resumed or merged', () => {
  it('resume refuses a folder with no batch, another batch, or changed inputs, in both languages', async () => {
    const o = opts({});
    const refusals = [
      await runBatch({ ...o, outDir: join(tmp(), 'none') }),
      await runBatch({ ...o, outDir: batchFolder({ ...metaOf(o), reps: 8, seed: 3 }) }),
      await runBatch({ ...o, outDir: batchFolder({ ...metaOf(o), inputs: { 'small.yaml': 'bb' } }) }),
    ].flatMap((r) => (r.ok ? [] : r.errors));
    expect(refusals).toHaveLength(3);
    expectBilingual(refusals);
    expect(refusals.map((e) => e.en)).toEqual([
      'holds no batch to resume; run without --resume to start one',
      'holds a different batch: --reps (8 → 4); --seed (3 → 10); resume with the same options, or start over with --force',
      'the inputs changed since this batch started: small.yaml (content changed); its results would mix two scenarios — start over with --force or choose another --out',
    ]);
    expect(refusals[1].zh).toBe('其中是另一次批量运行：--reps（8 → 4）；--seed（3 → 10）；请用相同的选项续完，或加 --force 从头开始');
  });

  it('merge refuses missing replications, a merge into a shard, and a shard of another batch, in both languages', () => {
    const o = opts({ shard: { index: 1, count: 2 } });
    const one = batchFolder(metaOf(o), replicationsHeader() + line('baseline', 1, 10) + line('baseline', 3, 12));
    const other = batchFolder({ ...metaOf(o), shard: { index: 2, count: 2 }, seed: 20 });
    const missing = mergeShards([one], join(tmp(), 'm'), 'en');
    const intoShard = mergeShards([one, other], one, 'en');
    const mismatch = mergeShards([one, other], join(tmp(), 'm'), 'en');
    const errors = [missing, intoShard, mismatch].flatMap((r) => (r.ok ? [] : r.errors));
    expectBilingual(errors);
    expect(errors.map((e) => e.en)).toEqual([
      '2 of 4 replications are missing (first: baseline rep 2); are all shards here and finished?',
      'is one of the shards being merged; write the merged batch to a folder of its own',
      `a different batch from ${join(one, 'batch.json')} (scenario, variants, reps or seed differ)`,
      '2 of 4 replications are missing (first: baseline rep 2); are all shards here and finished?',
    ]);
  });
});
