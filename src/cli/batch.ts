/**
 * `linkdrill batch …` and `linkdrill merge …`, with the options of their usage lines (`usage.ts`
 * BATCH_USAGE and MERGE_USAGE, which the README's table is held to).
 */
import { availableParallelism } from 'node:os';
import { SingleBar, Presets } from 'cli-progress';
import { loadVariantsWithWorkbooks } from '../scenario/variants.ts';
import { formatErrors, formatWarnings } from '../scenario/errors.ts';
import { fileForFolder } from './wrong-kind.ts';
import { MAX_SEED, seedsFit } from '../random/streams.ts';
import { parseShard, type Shard } from '../batch/plan.ts';
import { createPool, type Pool } from '../batch/pool.ts';
import type { Lang } from '../report/i18n.ts';
import { mergeShards, runBatch } from '../batch/run.ts';
import { intOption, langOption, maxEventsOption, parse, say, seedsTooHigh, usageError, UsageError, type Io } from './args.ts';
import { workErrors } from '../report/work-words.ts';
import { readScenarioFile } from './io.ts';
import { BATCH_USAGE, MERGE_USAGE } from './usage.ts';
import { DEFAULTS } from './defaults.ts';
import { interruptedCode, watchInterrupt } from './interrupt.ts';


export async function batchCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    variants: { type: 'string' },
    reps: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    resume: { type: 'boolean' },
    force: { type: 'boolean' },
    shard: { type: 'string' },
    seed: { type: 'string' },
    lang: { type: 'string' },
    'max-events': { type: 'string' },
    xlsx: { type: 'boolean' },
    excel: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw usageError(BATCH_USAGE);
  const maxEvents = maxEventsOption(values['max-events']);
  const reps = intOption(values.reps, 'reps', DEFAULTS.batchReps, 2, 1_000_000);
  // Unsaid, the number of workers follows the work (`batch/workers.ts`), up to one per core.
  const workers = values.workers === undefined ? null : intOption(values.workers, 'workers', 1, 1, 256);
  const seedOption = values.seed === undefined ? undefined : intOption(values.seed, 'seed', 0, 0, MAX_SEED);
  const shard = values.shard === undefined ? { index: 1, count: 1 } : parseShard(values.shard as string);
  if (!shard) throw new UsageError({ zh: `--shard 必须是 i/n，且 1 ≤ i ≤ n；实际为“${String(values.shard)}”`, en: `--shard must be i/n with 1 ≤ i ≤ n, got "${String(values.shard)}"` });
  const lang = langOption(values.lang);
  if (values.resume && values.force) throw new UsageError({ zh: '--resume 续完此前的批量运行，--force 则从头再来：二者只能给一个', en: '--resume finishes an earlier batch and --force starts it over: give one of them' });
  const listed = values.variants === undefined ? undefined : (values.variants as string).split(',').map((s) => s.trim()).filter((s) => s);
  if (listed?.length === 0) throw new UsageError({ zh: '--variants 为空：列出要与基线比较的方案名，以逗号分隔（只跑基线：--variants baseline）', en: '--variants is empty: list the variants to compare with the baseline, separated by commas (the baseline alone: --variants baseline)' });
  const only = listed === undefined ? undefined : ['baseline', ...listed.filter((s) => s !== 'baseline')];

  // The workers start while the scenario is read: a process takes a few tenths of a second to
  // start, and the reading is work for one core. As many as the shard's replications of one variant
  // can keep busy (one when the work is yet to be weighed); the batch adds more when variants give
  // it more jobs.
  const pool = createPool(Math.min(workers ?? 1, Math.ceil(reps / shard.count)));
  try {
    return await batchWith(pool, { values, path: positionals[0], maxEvents, reps, workers, seedOption, shard, lang, only }, io);
  } finally {
    await pool.close();
  }
}

/** The batch once its options are read, on workers already starting. */
async function batchWith(
  pool: Pool,
  o: { values: Record<string, unknown>; path: string; maxEvents: number; reps: number; workers: number | null; seedOption: number | undefined; shard: Shard; lang: Lang; only: string[] | undefined },
  io: Io,
): Promise<number> {
  const { values, path, maxEvents, reps, seedOption, shard, lang, only } = o;
  const file = readScenarioFile(path);
  const loaded = file.ok ? await loadVariantsWithWorkbooks(file.value.text, path, file.value.readFile, only, file.value.readBytes) : file;
  if (!loaded.ok) {
    io.err(formatErrors(loaded.errors, lang));
    return 1;
  }
  if (loaded.warnings?.length) io.err(formatWarnings(loaded.warnings, lang));
  const { base, variants } = loaded.value;
  const tooMuch = workErrors(path, variants, maxEvents);
  if (tooMuch.length) {
    io.err(formatErrors(tooMuch, lang));
    return 1;
  }
  const seed = seedOption ?? base.seed;
  if (!seedsFit(seed, reps)) throw new UsageError(seedsTooHigh(MAX_SEED));
  const cores = availableParallelism();
  const outDir = (values.out as string | undefined) ?? `reports/${base.name}-batch${shard.count > 1 ? `-shard${shard.index}of${shard.count}` : ''}`;

  const t = say(lang);
  const names = variants.map((v) => v.name).join(', ');
  // Said once the batch knows how many workers the replications left need.
  const start = (workers: number) => {
    const fewer = o.workers === null && workers < cores;
    io.out(t(`${base.title}：${names} × ${reps} 次重复（种子 ${seed}…${seed + reps - 1}）${shard.count > 1 ? `，分片 ${shard.index}/${shard.count}` : ''}，${workers} 个工作进程${fewer ? '（按工作量定；--workers 可指定）' : ''}`, `${base.title}: ${names} × ${reps} replications (seeds ${seed}…${seed + reps - 1})${shard.count > 1 ? `, shard ${shard.index}/${shard.count}` : ''} on ${workers} worker${workers > 1 ? 's' : ''}${fewer ? ' (as many as this much work pays for; --workers sets the number)' : ''}`));
  };
  const bar = io.tty ? new SingleBar({ format: t('批量 {bar} {value}/{total} 次重复 | {rate}/秒 | 剩余 {eta_formatted}', 'batch {bar} {value}/{total} replications | {rate}/s | ETA {eta_formatted}'), hideCursor: true, stream: process.stderr }, Presets.shades_classic) : null;
  const started = process.hrtime.bigint();
  let lastLog = 0;
  let lastDraw = -Infinity;
  // Ctrl-C, or a job scheduler's TERM: stop after the replications under way, keeping every finished one.
  const stop = watchInterrupt();
  try {
    const outcome = await runBatch({
      variants,
      reps,
      seed,
      workers: o.workers,
      cores,
      onStart: start,
      outDir,
      resume: values.resume === true,
      force: values.force === true,
      // Everything the loader read, so that --resume can refuse a changed scenario or side file.
      inputs: file.ok ? Object.fromEntries([...file.value.digests].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : {},
      shard,
      lang,
      xlsx: values.xlsx === true,
      excel: values.excel === true,
      signal: stop.abort,
      pool,
      onProgress: (done, total) => {
        const secs = Number(process.hrtime.bigint() - started) / 1e9;
        // A few redraws a second are all a person can read.
        if (done < total && secs - lastDraw < 0.2) return;
        lastDraw = secs;
        if (bar) {
          if (!bar.isActive) bar.start(total, done, { rate: '0' });
          bar.update(done, { rate: secs > 0 ? (done / secs).toFixed(1) : '0' });
        } else if (done === total || secs - lastLog >= 10) {
          lastLog = secs;
          io.err(t(`${done}/${total} 次重复`, `${done}/${total} replications`));
        }
      },
    });
    bar?.stop();
    if (!outcome.ok) {
      io.err(formatErrors(outcome.errors, lang));
      return 1;
    }
    if (outcome.interrupted) {
      const kept = outcome.ran + outcome.skipped;
      io.err(t(`已中断：${kept} 次重复已保存在 ${outDir}/replications.csv；加 --resume 运行同一命令即可续完`, `interrupted: ${kept} replications kept in ${outDir}/replications.csv; run the same command with --resume to finish`));
      return interruptedCode(stop.signal);
    }
    const listed = `replications.csv${shard.count > 1 ? '' : ', comparison.csv, comparison.html'}${values.xlsx ? ', batch.xlsx' : ''}`;
    io.out(
      t(
        `运行 ${outcome.ran} 次重复${outcome.skipped ? `（${outcome.skipped} 次此前已完成）` : ''}；已写入 ${outDir}/（${listed}）${shard.count > 1 ? '；各分片用 linkdrill merge 合并' : ''}`,
        `ran ${outcome.ran} replications${outcome.skipped ? ` (${outcome.skipped} already done)` : ''}; wrote ${outDir}/ (${listed}${shard.count > 1 ? '; merge the shards with linkdrill merge' : ''})`,
      ),
    );
    return 0;
  } finally {
    stop.stop();
  }
}

export async function mergeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, lang: { type: 'string' }, excel: { type: 'boolean' } });
  if (positionals.length < 1 || values.out === undefined) throw usageError(MERGE_USAGE);
  const lang = langOption(values.lang);
  const files = positionals.flatMap((p) => {
    const w = fileForFolder(p, 'batch');
    return w ? [{ path: p, ...w }] : [];
  });
  if (files.length) {
    io.err(formatErrors(files, lang));
    return 1;
  }
  const r = mergeShards(positionals, values.out as string, lang, values.excel === true);
  if (!r.ok) {
    io.err(formatErrors(r.errors, lang));
    return 1;
  }
  io.out(say(lang)(`已将 ${positionals.length} 个文件夹的 ${r.rows} 次重复合并到 ${values.out}/`, `merged ${r.rows} replications from ${positionals.length} folder${positionals.length > 1 ? 's' : ''} into ${values.out}/`));
  return 0;
}
