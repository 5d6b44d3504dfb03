/**
 * Running a batch: variants × replications on a worker pool, each finished replication appended to
 * `replications.csv` at once (so an interrupted batch keeps it, and `resume` skips it), then the
 * sorted file and the comparison. Also merging shards run on other machines.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { changedInputs, readBatchMeta, sameBatch, type BatchMeta } from './meta.ts';
import { join, resolve } from 'node:path';
import type { Variant } from '../scenario/variants.ts';
import type { InputError } from '../scenario/errors.ts';
import type { ReplicationResult } from '../worker/api.ts';
import { comparisonCsv, comparisonOf, planJobs, readReplications, replicationLine, replicationsCsv, replicationsHeader, type Shard } from './plan.ts';
import { createPool, type Pool } from './pool.ts';
import { comparisonHtml } from './report.ts';
import type { Lang } from '../report/i18n.ts';
import { workbookFromCsv } from '../report/xlsx.ts';
import { claimOutputFolder, folderOwner, OutputRefused, replaceOwnFile, writeManifest, writeOutputFolder, writeProblem } from '../worker/node-fs.ts';

export type { BatchMeta };
export { changedInputs, readBatchMeta };

export interface BatchOptions {
  variants: Variant[];
  reps: number;
  seed: number;
  workers: number;
  outDir: string;
  resume: boolean;
  shard: Shard;
  lang: Lang;
  /** Digests of the input files (see {@link BatchMeta.inputs}); resume refuses when any differs. */
  inputs?: Record<string, string>;
  /** Start over in a folder that holds an earlier batch (its files are replaced). */
  force?: boolean;
  /** Called as replications finish (often: a listener that draws should throttle itself). */
  onProgress?: (done: number, total: number) => void;
  /** Also write batch.xlsx (replications and comparison as sheets). */
  xlsx?: boolean;
  /** Start the CSV files with a UTF-8 byte order mark, so Excel shows Chinese variant names. */
  excel?: boolean;
  /** Aborting stops the batch: finished replications stay in replications.csv. */
  signal?: AbortSignal;
  /**
   * Workers started beforehand (while the scenario was read), taken over and closed by the batch;
   * else it starts its own.
   */
  pool?: Pool;
}

export type BatchOutcome = { ok: true; ran: number; skipped: number; interrupted: boolean } | { ok: false; errors: InputError[] };

const BATCH_FILES = ['batch.json', 'replications.csv', 'comparison.csv', 'comparison.html', 'batch.xlsx'];

export async function runBatch(o: BatchOptions): Promise<BatchOutcome> {
  const meta: BatchMeta = {
    scenario: { name: o.variants[0].scenario.name, title: o.variants[0].scenario.title },
    variants: o.variants.map((v) => ({ name: v.name, title: v.title, description: v.description })),
    reps: o.reps,
    seed: o.seed,
    shard: o.shard,
    inputs: o.inputs ?? {},
  };
  let dir: string;
  let done: ReplicationResult[] = [];
  if (o.resume) {
    const r = resumeFolder(o, meta);
    if ('errors' in r) return { ok: false, errors: r.errors };
    ({ dir, done } = r);
  } else {
    if (folderOwner(o.outDir) === 'batch' && !o.force) {
      throw new OutputRefused(`${o.outDir}: holds an earlier batch; nothing was changed — add --resume to finish it, --force to start over, or choose another --out`);
    }
    dir = claimOutputFolder(o.outDir, 'batch', o.force === true);
    if (folderOwner(dir) === 'batch') for (const f of BATCH_FILES) rmSync(join(dir, f), { force: true });
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'batch.json'), JSON.stringify(meta, null, 2) + '\n');
      writeFileSync(join(dir, 'replications.csv'), replicationsHeader(o.excel));
      writeManifest(dir, 'batch', ['batch.json', 'replications.csv']);
    } catch (e) {
      throw new OutputRefused(`${o.outDir}: cannot start the batch (${writeProblem(e)})`);
    }
  }
  const csvPath = join(dir, 'replications.csv');
  const have = new Set(done.map((r) => `${r.variant}|${r.rep}`));
  const all = planJobs(meta.variants.map((v) => v.name), o.reps, o.seed, o.shard);
  const jobs = all.filter((j) => !have.has(`${j.variant}|${j.rep}`));
  const scenarios = new Map(o.variants.map((v) => [v.name, v.scenario]));
  let finished = all.length - jobs.length;
  o.onProgress?.(finished, all.length);
  const results = [...done];
  const want = Math.min(o.workers, Math.max(1, jobs.length));
  const pool = o.pool ?? createPool(want);
  pool.grow(want);
  const onAbort = () => void pool.close();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  if (o.signal?.aborted) onAbort();
  // Results arrive a few at a time: append each arrival's lines at once (one write, right after
  // the results are in, so an interrupted batch keeps them).
  let pending = '';
  let writeFailed: OutputRefused | null = null;
  const flush = () => {
    if (pending === '' || writeFailed) return;
    try {
      appendFileSync(csvPath, pending);
    } catch (e) {
      // A full disk stops the batch (at the next result, or at the end); what is in the file stays,
      // and a line cut short is re-run on resume.
      writeFailed = new OutputRefused(`${csvPath}: cannot write (${writeProblem(e)}); the replications written so far are kept — make room and run the same command with --resume`);
    }
    pending = '';
  };
  let outcome: { completed: number; stopped: boolean };
  try {
    outcome = await pool.run(jobs, scenarios, (r) => {
      if (writeFailed) throw writeFailed;
      if (pending === '') queueMicrotask(flush);
      pending += replicationLine(r);
      results.push(r);
      o.onProgress?.(++finished, all.length);
    });
  } finally {
    flush();
    o.signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  if (writeFailed) throw writeFailed;
  if (outcome.stopped) return { ok: true, ran: outcome.completed, skipped: all.length - jobs.length, interrupted: true };
  const files: Record<string, string | Uint8Array> = batchFiles(meta, results, o.lang, o.excel);
  if (o.xlsx) files['batch.xlsx'] = await workbookFromCsv(files, { lang: o.lang });
  for (const [name, text] of Object.entries(files)) replaceOwnFile(join(dir, name), text);
  writeManifest(dir, 'batch', ['batch.json', ...Object.keys(files)]);
  return { ok: true, ran: outcome.completed, skipped: all.length - jobs.length, interrupted: false };
}

/**
 * The folder of a batch to resume, and the replications it holds. Refused, with the reason, when the
 * folder is not an unfinished linkdrill batch of exactly this scenario (same content of every input
 * file), variants, replications, seed and shard, or when its rows do not all belong to it.
 */
function resumeFolder(o: BatchOptions, meta: BatchMeta): { dir: string; done: ReplicationResult[] } | { errors: InputError[] } {
  const fail = (path: string, message: string) => ({ errors: [{ path, message }] });
  const owner = folderOwner(o.outDir);
  if (owner === 'absent' || owner === 'empty') return fail(o.outDir, 'holds no batch to resume; run without --resume to start one');
  if (owner !== 'batch') return fail(o.outDir, typeof owner === 'object' ? `holds files linkdrill did not write (${owner.foreign.slice(0, 4).join(', ')}), not a batch` : `is a linkdrill ${owner} folder, not a batch`);
  const metaPath = join(o.outDir, 'batch.json');
  const old = readBatchMeta(metaPath);
  if ('error' in old) return { errors: [old.error] };
  const differ: string[] = [];
  if (JSON.stringify(old.meta.scenario) !== JSON.stringify(meta.scenario)) differ.push(`scenario (${old.meta.scenario.name} → ${meta.scenario.name})`);
  if (JSON.stringify(old.meta.variants) !== JSON.stringify(meta.variants)) differ.push(`variants (${old.meta.variants.map((v) => v.name).join(',')} → ${meta.variants.map((v) => v.name).join(',')})`);
  if (old.meta.reps !== meta.reps) differ.push(`--reps (${old.meta.reps} → ${meta.reps})`);
  if (old.meta.seed !== meta.seed) differ.push(`--seed (${old.meta.seed} → ${meta.seed})`);
  if (old.meta.shard.index !== meta.shard.index || old.meta.shard.count !== meta.shard.count) differ.push(`--shard (${old.meta.shard.index}/${old.meta.shard.count} → ${meta.shard.index}/${meta.shard.count})`);
  if (differ.length) return fail(metaPath, `holds a different batch: ${differ.join('; ')}; resume with the same options, or start over with --force`);
  const changed = changedInputs(old.meta.inputs, meta.inputs ?? {});
  if (changed.length) return fail(metaPath, `the inputs changed since this batch started: ${changed.join(', ')}; its results would mix two scenarios — start over with --force or choose another --out`);
  const csvPath = join(o.outDir, 'replications.csv');
  let text: string;
  try {
    text = readFileSync(csvPath, 'utf8');
  } catch {
    return fail(csvPath, 'missing; start the batch over with --force');
  }
  const order = meta.variants.map((v) => v.name);
  const read = readReplications(text, csvPath, { variants: order, reps: meta.reps, seed: meta.seed, shard: meta.shard });
  if (read.errors.length) return { errors: read.errors };
  // Rewrite what was kept (without a line cut short) before appending more.
  replaceOwnFile(csvPath, replicationsCsv(read.rows, order, o.excel));
  return { dir: o.outDir, done: read.rows };
}

/** Sorted replications.csv, and — for a whole batch — comparison.csv and comparison.html (CSV files after a byte order mark with `bom`). */
export function batchFiles(meta: BatchMeta, rows: ReplicationResult[], lang: Lang, bom = false): Record<string, string> {
  const order = meta.variants.map((v) => v.name);
  if (meta.shard.count > 1) return { 'replications.csv': replicationsCsv(rows, order, bom) };
  const c = comparisonOf(rows, order, bom);
  return { 'replications.csv': c.replicationsCsv, 'comparison.csv': comparisonCsv(c.cmp, bom), 'comparison.html': comparisonHtml(meta, c.rows, c.cmp, lang) };
}

/** Combines shard folders into `outDir` with the files one unsharded batch would have written. */
export function mergeShards(dirs: readonly string[], outDir: string, lang: Lang, bom = false): { ok: true; rows: number } | { ok: false; errors: InputError[] } {
  const errors: InputError[] = [];
  const shards: { dir: string; meta: BatchMeta; rows: ReplicationResult[] }[] = [];
  for (const d of dirs) {
    if (resolve(d) === resolve(outDir)) {
      errors.push({ path: outDir, message: 'is one of the shards being merged; write the merged batch to a folder of its own' });
      continue;
    }
    const m = readBatchMeta(join(d, 'batch.json'));
    if ('error' in m) {
      errors.push(m.error);
      continue;
    }
    const csvPath = join(d, 'replications.csv');
    let csv: string;
    try {
      csv = readFileSync(csvPath, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      errors.push({ path: csvPath, message: code === 'ENOENT' ? 'missing — did this shard start?' : `cannot be read (${code === 'EISDIR' ? 'it is a folder' : code})` });
      continue;
    }
    const read = readReplications(csv, csvPath, { variants: m.meta.variants.map((v) => v.name), reps: m.meta.reps, seed: m.meta.seed, shard: m.meta.shard });
    errors.push(...read.errors);
    shards.push({ dir: d, meta: m.meta, rows: read.rows });
  }
  if (errors.length) return { ok: false, errors };
  const first = shards[0].meta;
  for (const sh of shards) {
    if (!sameBatch(sh.meta, first)) errors.push({ path: join(sh.dir, 'batch.json'), message: `a different batch from ${join(shards[0].dir, 'batch.json')} (scenario, variants, reps or seed differ)` });
    else if (changedInputs(first.inputs, sh.meta.inputs ?? {}).length) errors.push({ path: join(sh.dir, 'batch.json'), message: `ran on other input files than ${join(shards[0].dir, 'batch.json')}: ${changedInputs(first.inputs, sh.meta.inputs ?? {}).join(', ')}` });
  }
  const rows = shards.flatMap((sh) => sh.rows);
  const expected = planJobs(first.variants.map((v) => v.name), first.reps, first.seed);
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(`${r.variant}|${r.rep}`, (seen.get(`${r.variant}|${r.rep}`) ?? 0) + 1);
  const missing = expected.filter((j) => !seen.has(`${j.variant}|${j.rep}`));
  if (missing.length) errors.push({ path: dirs.join(' '), message: `${missing.length} of ${expected.length} replications are missing (first: ${missing[0].variant} rep ${missing[0].rep}); are all shards here and finished?` });
  const dup = [...seen].find(([, n]) => n > 1);
  if (dup) errors.push({ path: dirs.join(' '), message: `replication ${dup[0].replace('|', ' rep ')} appears more than once` });
  if (errors.length) return { ok: false, errors };
  const whole: BatchMeta = { ...first, shard: { index: 1, count: 1 } };
  writeOutputFolder(outDir, { 'batch.json': JSON.stringify(whole, null, 2) + '\n', ...batchFiles(whole, rows, lang, bom) }, 'batch');
  return { ok: true, rows: rows.length };
}
