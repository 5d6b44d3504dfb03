/**
 * Running a batch: variants × replications on a worker pool, each finished replication appended to
 * `replications.csv` at once (so an interrupted batch keeps it, and `resume` skips it), then the
 * sorted file and the comparison. Also merging shards run on other machines.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Variant } from '../scenario/variants.ts';
import type { InputError } from '../scenario/errors.ts';
import type { ReplicationResult } from '../worker/api.ts';
import { compare, comparisonCsv, planJobs, readReplications, replicationLine, replicationsCsv, replicationsHeader, type Shard } from './plan.ts';
import { createPool } from './pool.ts';
import { comparisonHtml } from './report.ts';
import type { Lang } from '../report/i18n.ts';

/** What `batch.json` records, so that resume and merge only combine like with like. */
export interface BatchMeta {
  scenario: { name: string; title: string };
  variants: { name: string; title: string; description: string }[];
  reps: number;
  seed: number;
  shard: Shard;
}

export interface BatchOptions {
  variants: Variant[];
  reps: number;
  seed: number;
  workers: number;
  outDir: string;
  resume: boolean;
  shard: Shard;
  lang: Lang;
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the batch: finished replications stay in replications.csv. */
  signal?: AbortSignal;
}

export type BatchOutcome = { ok: true; ran: number; skipped: number; interrupted: boolean } | { ok: false; errors: InputError[] };

const same = (a: BatchMeta, b: BatchMeta) => JSON.stringify({ ...a, shard: undefined }) === JSON.stringify({ ...b, shard: undefined });

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.partial-${process.pid}`;
  writeFileSync(tmp, text, 'utf8');
  renameSync(tmp, path);
}

export async function runBatch(o: BatchOptions): Promise<BatchOutcome> {
  const dir = resolve(o.outDir);
  const meta: BatchMeta = {
    scenario: { name: o.variants[0].scenario.name, title: o.variants[0].scenario.title },
    variants: o.variants.map((v) => ({ name: v.name, title: v.title, description: v.description })),
    reps: o.reps,
    seed: o.seed,
    shard: o.shard,
  };
  const csvPath = join(dir, 'replications.csv');
  let done: ReplicationResult[] = [];
  if (o.resume && existsSync(csvPath)) {
    const old = JSON.parse(readFileSync(join(dir, 'batch.json'), 'utf8')) as BatchMeta;
    if (!same(old, meta) || old.shard.index !== meta.shard.index || old.shard.count !== meta.shard.count) {
      return { ok: false, errors: [{ path: join(o.outDir, 'batch.json'), message: 'this folder holds a different batch (scenario, variants, reps, seed or shard differ); resume with the same options or choose another --out' }] };
    }
    const read = readReplications(readFileSync(csvPath, 'utf8'), csvPath);
    if (read.errors.length) return { ok: false, errors: read.errors };
    done = read.rows;
    // Rewrite what was kept (drops a line cut short) before appending more.
    writeAtomically(csvPath, replicationsCsv(done, meta.variants.map((v) => v.name)));
  } else {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'batch.json'), JSON.stringify(meta, null, 2) + '\n');
    writeFileSync(csvPath, replicationsHeader());
  }
  const have = new Set(done.map((r) => `${r.variant}|${r.rep}`));
  const all = planJobs(meta.variants.map((v) => v.name), o.reps, o.seed, o.shard);
  const jobs = all.filter((j) => !have.has(`${j.variant}|${j.rep}`));
  const scenarios = new Map(o.variants.map((v) => [v.name, v.scenario]));
  let finished = all.length - jobs.length;
  o.onProgress?.(finished, all.length);
  const results = [...done];
  const pool = createPool(Math.min(o.workers, Math.max(1, jobs.length)));
  const onAbort = () => void pool.close();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();
  let outcome: { completed: number; stopped: boolean };
  try {
    outcome = await pool.run(jobs, scenarios, (r) => {
      appendFileSync(csvPath, replicationLine(r));
      results.push(r);
      o.onProgress?.(++finished, all.length);
    });
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  if (outcome.stopped) return { ok: true, ran: outcome.completed, skipped: all.length - jobs.length, interrupted: true };
  finishBatch(dir, meta, results, o.lang);
  return { ok: true, ran: outcome.completed, skipped: all.length - jobs.length, interrupted: false };
}

/** Sorted replications.csv, and — for a whole batch — comparison.csv and comparison.html. */
export function finishBatch(dir: string, meta: BatchMeta, rows: ReplicationResult[], lang: Lang): void {
  const order = meta.variants.map((v) => v.name);
  const text = replicationsCsv(rows, order);
  writeAtomically(join(dir, 'replications.csv'), text);
  if (meta.shard.count > 1) return;
  // Compare the figures as the file holds them, whether they were run now, resumed or merged.
  const cmp = compare(readReplications(text).rows, order);
  writeAtomically(join(dir, 'comparison.csv'), comparisonCsv(cmp));
  writeAtomically(join(dir, 'comparison.html'), comparisonHtml(meta, readReplications(text).rows, cmp, lang));
}

/** Combines shard folders into `outDir` with the files one unsharded batch would have written. */
export function mergeShards(dirs: readonly string[], outDir: string, lang: Lang): { ok: true; rows: number } | { ok: false; errors: InputError[] } {
  const errors: InputError[] = [];
  const metas: BatchMeta[] = [];
  const rows: ReplicationResult[] = [];
  for (const d of dirs) {
    const mp = join(d, 'batch.json');
    if (!existsSync(mp)) {
      errors.push({ path: mp, message: 'missing — is this a folder written by linkdrill batch?' });
      continue;
    }
    metas.push(JSON.parse(readFileSync(mp, 'utf8')) as BatchMeta);
    const read = readReplications(readFileSync(join(d, 'replications.csv'), 'utf8'), join(d, 'replications.csv'));
    errors.push(...read.errors);
    rows.push(...read.rows);
  }
  if (errors.length) return { ok: false, errors };
  const first = metas[0];
  metas.forEach((m, i) => {
    if (!same(m, first)) errors.push({ path: join(dirs[i], 'batch.json'), message: `a different batch from ${join(dirs[0], 'batch.json')} (scenario, variants, reps or seed differ)` });
  });
  const expected = planJobs(first.variants.map((v) => v.name), first.reps, first.seed);
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(`${r.variant}|${r.rep}`, (seen.get(`${r.variant}|${r.rep}`) ?? 0) + 1);
  const missing = expected.filter((j) => !seen.has(`${j.variant}|${j.rep}`));
  if (missing.length) errors.push({ path: dirs.join(' '), message: `${missing.length} of ${expected.length} replications are missing (first: ${missing[0].variant} rep ${missing[0].rep}); are all shards here and finished?` });
  const dup = [...seen].find(([, n]) => n > 1);
  if (dup) errors.push({ path: dirs.join(' '), message: `replication ${dup[0].replace('|', ' rep ')} appears more than once` });
  if (errors.length) return { ok: false, errors };
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const whole: BatchMeta = { ...first, shard: { index: 1, count: 1 } };
  writeFileSync(join(dir, 'batch.json'), JSON.stringify(whole, null, 2) + '\n');
  finishBatch(dir, whole, rows, lang);
  return { ok: true, rows: rows.length };
}
