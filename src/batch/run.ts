/**
 * Running a batch: variants × replications on a worker pool, each finished replication appended to
 * `replications.csv` at once (so an interrupted batch keeps it, and `resume` skips it), then the
 * sorted file and the comparison. Also merging shards run on other machines.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { changedInputs, readBatchMeta, sameBatch, type BatchMeta } from './meta.ts';
import { listWords } from '../report/list-words.ts';
import { join, resolve } from 'node:path';
import type { Variant } from '../scenario/variants.ts';
import type { InputError, Words } from '../scenario/errors.ts';
import type { ReplicationResult } from '../worker/api.ts';
import { comparisonCsv, comparisonOf, planJobs, readReplications, replicationLine, replicationsCsv, replicationsHeader, type Shard } from './plan.ts';
import { createPool, type Pool } from './pool.ts';
import { jobsWork, workersFor } from './workers.ts';
import { comparisonHtml } from './report.ts';
import type { Lang } from '../report/i18n.ts';
import { workbookFromCsv } from '../report/xlsx.ts';
import { claimOutputFolder, folderOwner, KIND_WORDS, OutputRefused, replaceOwnFile, writeManifest, writeOutputFolder, writeProblem } from '../worker/node-fs.ts';

export type { BatchMeta };
export { changedInputs, readBatchMeta };

export interface BatchOptions {
  variants: Variant[];
  reps: number;
  seed: number;
  /** Worker processes; null: as many as the estimated work of the jobs left pays for (`workers.ts`), on `cores`. */
  workers: number | null;
  /** The machine's cores, for `workers: null` (1 when not given). */
  cores?: number;
  /** Called once the jobs left are known, with the number of workers that will run them. */
  onStart?: (workers: number) => void;
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
      throw new OutputRefused(o.outDir, {
        zh: '已有先前的批量运行结果；未做任何改动——加 --resume 续完，加 --force 从头开始，或另选 --out',
        en: 'holds an earlier batch; nothing was changed — add --resume to finish it, --force to start over, or choose another --out',
      });
    }
    dir = claimOutputFolder(o.outDir, 'batch', o.force === true);
    if (folderOwner(dir) === 'batch') for (const f of BATCH_FILES) rmSync(join(dir, f), { force: true });
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'batch.json'), JSON.stringify(meta, null, 2) + '\n');
      writeFileSync(join(dir, 'replications.csv'), replicationsHeader(o.excel));
      writeManifest(dir, 'batch', ['batch.json', 'replications.csv']);
    } catch (e) {
      const why = writeProblem(e);
      throw new OutputRefused(o.outDir, { zh: `无法开始批量运行（${why.zh}）`, en: `cannot start the batch (${why.en})` });
    }
  }
  const csvPath = join(dir, 'replications.csv');
  const have = new Set(done.map((r) => `${r.variant}|${r.rep}`));
  const all = planJobs(meta.variants.map((v) => v.name), o.reps, o.seed, o.shard);
  const jobs = all.filter((j) => !have.has(`${j.variant}|${j.rep}`));
  const scenarios = new Map(o.variants.map((v) => [v.name, v.scenario]));
  let finished = all.length - jobs.length;
  // Weighed on what is left: a resumed batch may need fewer workers than the whole one did.
  const want = Math.max(1, Math.min(o.workers ?? workersFor(jobsWork(jobs, scenarios), o.cores ?? 1, jobs.length), jobs.length));
  o.onStart?.(want);
  o.onProgress?.(finished, all.length);
  const results = [...done];
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
      const why = writeProblem(e);
      writeFailed = new OutputRefused(csvPath, {
        zh: `无法写入（${why.zh}）；已写入的各次重复均已保留——腾出空间后加 --resume 运行同一命令`,
        en: `cannot write (${why.en}); the replications written so far are kept — make room and run the same command with --resume`,
      });
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
  const fail = (path: string, words: Words) => ({ errors: [{ path, zh: words.zh, en: words.en }] });
  const owner = folderOwner(o.outDir);
  if (owner === 'absent' || owner === 'empty') return fail(o.outDir, { zh: '其中没有可续完的批量运行；去掉 --resume 即可开始新的批量运行', en: 'holds no batch to resume; run without --resume to start one' });
  if (typeof owner === 'object') {
    const names = listWords(owner.foreign.slice(0, 4));
    return fail(o.outDir, { zh: `含有并非 linkdrill 写出的文件（${names.zh}），不是批量运行文件夹`, en: `holds files linkdrill did not write (${names.en}), not a batch` });
  }
  if (owner !== 'batch') return fail(o.outDir, { zh: `是 linkdrill 的${KIND_WORDS[owner].zh}文件夹，不是批量运行文件夹`, en: `is a linkdrill ${owner} folder, not a batch` });
  const metaPath = join(o.outDir, 'batch.json');
  const old = readBatchMeta(metaPath);
  if ('error' in old) return { errors: [old.error] };
  const differ = differences(old.meta, meta);
  if (differ.length) {
    const what = { zh: differ.map((d) => d.zh).join('；'), en: differ.map((d) => d.en).join('; ') };
    return fail(metaPath, { zh: `其中是另一次批量运行：${what.zh}；请用相同的选项续完，或加 --force 从头开始`, en: `holds a different batch: ${what.en}; resume with the same options, or start over with --force` });
  }
  const changed = changedInputs(old.meta.inputs, meta.inputs ?? {});
  if (changed.length) {
    const what = listWords(changed);
    return fail(metaPath, {
      zh: `自这次批量运行开始以来输入文件已改变：${what.zh}；继续会混合两个场景的结果——请加 --force 从头开始，或另选 --out`,
      en: `the inputs changed since this batch started: ${what.en}; its results would mix two scenarios — start over with --force or choose another --out`,
    });
  }
  const csvPath = join(o.outDir, 'replications.csv');
  let text: string;
  try {
    text = readFileSync(csvPath, 'utf8');
  } catch {
    return fail(csvPath, { zh: '不存在；请加 --force 重新开始批量运行', en: 'missing; start the batch over with --force' });
  }
  const order = meta.variants.map((v) => v.name);
  const read = readReplications(text, csvPath, { variants: order, reps: meta.reps, seed: meta.seed, shard: meta.shard });
  if (read.errors.length) return { errors: read.errors };
  // Rewrite what was kept (without a line cut short) before appending more.
  replaceOwnFile(csvPath, replicationsCsv(read.rows, order, o.excel));
  return { dir: o.outDir, done: read.rows };
}

/** What differs between the batch in a folder and the one asked for, each as `--reps (10 → 20)`. */
function differences(was: BatchMeta, now: BatchMeta): Words[] {
  const out: Words[] = [];
  const both = (zh: string, en: string, change: string) => out.push({ zh: `${zh}（${change}）`, en: `${en} (${change})` });
  if (JSON.stringify(was.scenario) !== JSON.stringify(now.scenario)) both('场景', 'scenario', `${was.scenario.name} → ${now.scenario.name}`);
  if (JSON.stringify(was.variants) !== JSON.stringify(now.variants)) both('方案', 'variants', `${was.variants.map((v) => v.name).join(',')} → ${now.variants.map((v) => v.name).join(',')}`);
  if (was.reps !== now.reps) both('--reps', '--reps', `${was.reps} → ${now.reps}`);
  if (was.seed !== now.seed) both('--seed', '--seed', `${was.seed} → ${now.seed}`);
  if (was.shard.index !== now.shard.index || was.shard.count !== now.shard.count) both('--shard', '--shard', `${was.shard.index}/${was.shard.count} → ${now.shard.index}/${now.shard.count}`);
  return out;
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
      errors.push({ path: outDir, zh: '是待合并的分片之一；请把合并结果写入另一个文件夹', en: 'is one of the shards being merged; write the merged batch to a folder of its own' });
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
      const why = code === 'EISDIR' ? { zh: '它是文件夹', en: 'it is a folder' } : { zh: String(code), en: String(code) };
      errors.push(code === 'ENOENT' ? { path: csvPath, zh: '不存在——这个分片开始运行了吗？', en: 'missing — did this shard start?' } : { path: csvPath, zh: `无法读取（${why.zh}）`, en: `cannot be read (${why.en})` });
      continue;
    }
    const read = readReplications(csv, csvPath, { variants: m.meta.variants.map((v) => v.name), reps: m.meta.reps, seed: m.meta.seed, shard: m.meta.shard });
    errors.push(...read.errors);
    shards.push({ dir: d, meta: m.meta, rows: read.rows });
  }
  if (errors.length) return { ok: false, errors };
  const first = shards[0].meta;
  for (const sh of shards) {
    const [at, firstAt] = [join(sh.dir, 'batch.json'), join(shards[0].dir, 'batch.json')];
    const changed = changedInputs(first.inputs, sh.meta.inputs ?? {});
    if (!sameBatch(sh.meta, first)) errors.push({ path: at, zh: `与 ${firstAt} 不是同一次批量运行（场景、方案、重复次数或种子不同）`, en: `a different batch from ${firstAt} (scenario, variants, reps or seed differ)` });
    else if (changed.length) errors.push({ path: at, zh: `所用输入文件与 ${firstAt} 不同：${listWords(changed).zh}`, en: `ran on other input files than ${firstAt}: ${listWords(changed).en}` });
  }
  const rows = shards.flatMap((sh) => sh.rows);
  const expected = planJobs(first.variants.map((v) => v.name), first.reps, first.seed);
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(`${r.variant}|${r.rep}`, (seen.get(`${r.variant}|${r.rep}`) ?? 0) + 1);
  const missing = expected.filter((j) => !seen.has(`${j.variant}|${j.rep}`));
  if (missing.length) {
    const m = missing[0];
    errors.push({
      path: dirs.join(' '),
      zh: `${expected.length} 次重复中缺少 ${missing.length} 次（第一个：方案 ${m.variant} 第 ${m.rep} 次）；各分片是否都在这里并已运行完毕？`,
      en: `${missing.length} of ${expected.length} replications are missing (first: ${m.variant} rep ${m.rep}); are all shards here and finished?`,
    });
  }
  const dup = [...seen].find(([, n]) => n > 1);
  if (dup) {
    const cut = dup[0].lastIndexOf('|');
    const [variant, rep] = [dup[0].slice(0, cut), dup[0].slice(cut + 1)];
    errors.push({ path: dirs.join(' '), zh: `方案 ${variant} 的第 ${rep} 次重复出现了不止一次`, en: `replication ${dup[0].replace('|', ' rep ')} appears more than once` });
  }
  if (errors.length) return { ok: false, errors };
  const whole: BatchMeta = { ...first, shard: { index: 1, count: 1 } };
  writeOutputFolder(outDir, { 'batch.json': JSON.stringify(whole, null, 2) + '\n', ...batchFiles(whole, rows, lang, bom) }, 'batch');
  return { ok: true, rows: rows.length };
}
