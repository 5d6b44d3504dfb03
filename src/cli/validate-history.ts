/**
 * `linkdrill validate-history SCENARIO CAD.csv|RUN-DIR [--mapping FILE] [--reps R] [--workers W]
 * [--out DIR] [--drop-bad-rows] [--seed N] [--alpha A] [--rep R] [--excel] [--lang zh|en]`: runs the
 * scenario over the history's period R times and says where it is off from the records, and by how much.
 */
import { availableParallelism } from 'node:os';
import { batchWork, workersFor } from '../batch/workers.ts';
import { formatErrors, formatWarnings, type Lang } from '../scenario/errors.ts';
import { buildScenario, parseScenarioText, readWorkbooksOf } from '../scenario/load.ts';
import { MAX_SEED } from '../random/streams.ts';
import { buildHistory } from '../calibrate/observations.ts';
import { overPeriod, validate } from '../calibrate/validate.ts';
import { validationCsv, validationHtml, validationSummary } from '../calibrate/validation-report.ts';
import { startOf } from '../calibrate/cad/records.ts';
import { dateOfDay } from '../calibrate/cad/rows.ts';
import { RecordsAborted, simulateRecords } from '../batch/records.ts';
import { intOption, langOption, maxEventsOption, parse, say, usageError, UsageError, type Io } from './args.ts';
import { workErrors } from '../report/work-words.ts';
import { loadScenarioFileWithWorkbooks, readScenarioFile } from './io.ts';
import { claimOutputFolder, writeOutputFolder } from '../worker/node-fs.ts';
import { loadHistory, refuseProblems } from './history.ts';
import { interrupted, watchInterrupt, type Interrupt } from './interrupt.ts';
import { VALIDATE_HISTORY_USAGE } from './usage.ts';
import { DEFAULTS } from './defaults.ts';
import { cannotWriteFolder } from './outcome.ts';



export async function validateHistoryCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    mapping: { type: 'string' },
    reps: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    'drop-bad-rows': { type: 'boolean' },
    seed: { type: 'string' },
    alpha: { type: 'string' },
    rep: { type: 'string' },
    excel: { type: 'boolean' },
    lang: { type: 'string' },
    'max-events': { type: 'string' },
  });
  if (positionals.length !== 2) throw usageError(VALIDATE_HISTORY_USAGE);
  const maxEvents = maxEventsOption(values['max-events']);
  const lang = langOption(values.lang);
  const reps = intOption(values.reps, 'reps', DEFAULTS.batchReps, 3, 10_000);
  // Unsaid, the number of workers follows the work (`batch/workers.ts`), up to one per core.
  const workersSaid = values.workers === undefined ? null : intOption(values.workers, 'workers', 1, 1, 256);
  const seed = intOption(values.seed, 'seed', DEFAULTS.historySeed, 0, MAX_SEED - 10_000);
  const rep = intOption(values.rep, 'rep', DEFAULTS.historyRep, 1, 1_000_000);
  const alpha = values.alpha === undefined ? DEFAULTS.alpha : Number(values.alpha);
  if (!(alpha > 0 && alpha < 1)) throw new UsageError({ zh: `--alpha 必须在 0 与 1 之间；实际为“${String(values.alpha)}”`, en: `--alpha must be between 0 and 1, got "${String(values.alpha)}"` });
  const [scenarioPath, historyPath] = positionals;
  // Ctrl-C, or a job scheduler's TERM: the workers are ended, nothing is written, and it says so.
  const stop = watchInterrupt();
  try {
    return await validateWith(scenarioPath, historyPath, { ...values, lang, reps, workersSaid, seed, rep, alpha, maxEvents }, io, stop);
  } finally {
    stop.stop();
  }
}

type Options = { mapping?: string; out?: string; 'drop-bad-rows'?: boolean; excel?: boolean; lang: Lang; reps: number; workersSaid: number | null; seed: number; rep: number; alpha: number; maxEvents: number };

/** Reads, simulates, compares and writes, stopping once `stop` has seen a signal. */
async function validateWith(scenarioPath: string, historyPath: string, values: Options, io: Io, stop: Interrupt): Promise<number> {
  const { lang, reps, workersSaid, seed, rep, alpha, maxEvents } = values;
  const loaded = await loadScenarioFileWithWorkbooks(scenarioPath);
  if (!loaded.ok) {
    io.err(formatErrors(loaded.errors, lang));
    return 1;
  }
  const h = await loadHistory(historyPath, { mappingPath: values.mapping, scenario: loaded.value, drop: values['drop-bad-rows'] === true, rep, use: 'compare' });
  if (!h.ok) {
    io.err(formatErrors(h.errors, lang));
    return 1;
  }
  const { read, name, kind, mapping } = h.value;
  if (read.warnings.length) io.err(formatWarnings(read.warnings, lang));
  if (read.problems.length && values['drop-bad-rows'] !== true) {
    io.err(refuseProblems(name, read.problems, lang));
    return 1;
  }
  const observed = buildHistory(read.rows, read.offsetS);
  if (observed.incidents.length === 0) {
    io.err(say(lang)(`${name}：没有可供比较的事件`, `${name}: no incidents to compare with`));
    return 1;
  }
  // The scenario again, over the history's whole local days.
  const file = readScenarioFile(scenarioPath);
  const raw = file.ok ? parseScenarioText(file.value.text, scenarioPath) : file;
  if (!file.ok || !raw.ok) {
    io.err(formatErrors(raw.ok ? [] : raw.errors, lang));
    return 1;
  }
  const moved = buildScenario(overPeriod(raw.value as Record<string, unknown>, observed.firstDay, observed.days, observed.offsetS), scenarioPath, file.value.readFile, file.value.readBytes, await readWorkbooksOf(raw.value, file.value.readFile, file.value.readBytes));
  if (!moved.ok) {
    io.err(formatErrors(moved.errors, lang));
    return 1;
  }
  const scenario = moved.value;
  // Over the history's period (years, for a long export) a replication can be more than a machine holds.
  const over = say(lang)(`${scenarioPath}（按 ${name} 的时段，${observed.days} 天）`, `${scenarioPath} over ${name} (${observed.days} days)`);
  const tooMuch = workErrors(over, [{ name: 'baseline', scenario }], maxEvents);
  if (tooMuch.length) {
    io.err(formatErrors(tooMuch, lang));
    return 1;
  }
  const seeds = Array.from({ length: reps }, (_, i) => seed + i);
  const workers = Math.min(workersSaid ?? workersFor(batchWork([scenario], reps), availableParallelism(), reps), reps);
  const outDir = values.out ?? `reports/validation-${scenario.name}`;
  // Refuse a place that is not ours before spending time on the replications.
  claimOutputFolder(outDir, 'history');
  const t = say(lang);
  const period = `${dateOfDay(observed.firstDay)} – ${dateOfDay(observed.lastDay)}`;
  io.err(t(`正在模拟 ${scenario.name}：${period}（${observed.days} 天），${reps} 次重复，${workers} 个工作进程…`, `simulating ${scenario.name} over ${period} (${observed.days} days), ${reps} replications on ${workers} worker${workers > 1 ? 's' : ''}…`));
  const stopped = () => {
    const said = interrupted(outDir, stop.signal, lang);
    io.err(said.line);
    return said.code;
  };
  let sims;
  try {
    sims = await simulateRecords(scenario, seeds, workers, undefined, stop.abort);
  } catch (e) {
    // A Ctrl-C at a terminal reaches the workers too: one that died of it may be heard of before the signal.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (!(e instanceof RecordsAborted) && !stop.signal) throw e;
    return stopped();
  }
  if (stop.signal) return stopped();
  const v = validate(observed, sims, scenario, startOf(scenario.start)!.abs, seeds, { name, kind, rows: read.total, dropped: read.dropped }, { alpha, zoneClasses: mapping.zoneClasses ?? null });
  const bom = values.excel === true;
  const files = {
    'validation.html': validationHtml(v, lang),
    'comparison.csv': validationCsv(v, bom),
    'validation.json': JSON.stringify({ linkdrill: 'validation', scenario: v.scenario, source: v.source, period: { from: dateOfDay(v.firstDay), to: dateOfDay(v.lastDay), days: v.days }, seeds, alpha, off: v.comparisons.filter((c) => c.off).length, comparisons: v.comparisons.length }, null, 2) + '\n',
  };
  if (stop.signal) return stopped();
  try {
    writeOutputFolder(outDir, files, 'history');
  } catch (e) {
    io.err(cannotWriteFolder(outDir, e)[lang]);
    return 1;
  }
  for (const line of validationSummary(v, lang)) io.out(line);
  io.out(t(`已写入 ${outDir}/（validation.html, comparison.csv）`, `wrote ${outDir}/ (validation.html, comparison.csv)`));
  return 0;
}
