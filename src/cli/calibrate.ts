/**
 * `linkdrill calibrate CAD [--mapping FILE] [--scenario SCENARIO] [--out DIR] [--drop-bad-rows]
 * [--resamples B] [--seed N] [--rep R] [--excel] [--lang zh|en]`: fits the scenario's parameters from a
 * county's records and writes calibrated.yaml, calibration.html and the CSV tables.
 */
import { formatErrors, formatWarnings, type Lang } from '../scenario/errors.ts';
import { parseScenarioText } from '../scenario/load.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { MAX_SEED } from '../random/streams.ts';
import { calibrateSteps } from '../calibrate/calibrate.ts';
import { buildHistory } from '../calibrate/observations.ts';
import { fragmentYaml, type FragmentTarget } from '../calibrate/fragment.ts';
import { calibrationHtml } from '../calibrate/report.ts';
import { demandCsv, fitsCsv, parametersCsv, problemsCsv, testsCsv } from '../calibrate/tables.ts';
import { dateOfDay } from '../calibrate/cad/rows.ts';
import { intOption, langOption, parse, say, usageError, UsageError, type Io } from './args.ts';
import { loadScenarioFileWithWorkbooks, readScenarioFile } from './io.ts';
import { claimOutputFolder, writeOutputFolder } from '../worker/node-fs.ts';
import { loadHistory, refuseProblems } from './history.ts';
import { interrupted, watchInterrupt, type Interrupt } from './interrupt.ts';
import { CALIBRATE_USAGE } from './usage.ts';
import { DEFAULTS } from './defaults.ts';
import { cannotWriteFolder } from './outcome.ts';

/** Lets a signal in between two fits. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));



export async function calibrateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    mapping: { type: 'string' },
    scenario: { type: 'string' },
    out: { type: 'string' },
    'drop-bad-rows': { type: 'boolean' },
    resamples: { type: 'string' },
    seed: { type: 'string' },
    rep: { type: 'string' },
    excel: { type: 'boolean' },
    lang: { type: 'string' },
  });
  if (positionals.length !== 1) throw usageError(CALIBRATE_USAGE);
  const lang = langOption(values.lang);
  const resamples = intOption(values.resamples, 'resamples', DEFAULTS.resamples, 0, 100_000);
  // A bootstrap test can only reject at 1% with 99 resamples or more.
  if (resamples > 0 && resamples < 99) throw new UsageError({ zh: `--resamples 必须是 0（不计算拟合优度 p 值）或不少于 99；实际为 ${resamples}`, en: `--resamples must be 0 (no goodness-of-fit p-values) or at least 99, got ${resamples}` });
  const seed = intOption(values.seed, 'seed', DEFAULTS.fitSeed, 0, MAX_SEED);
  const rep = intOption(values.rep, 'rep', DEFAULTS.historyRep, 1, 1_000_000);
  const drop = values['drop-bad-rows'] === true;
  const bom = values.excel === true;

  // Ctrl-C, or a job scheduler's TERM: stop between fits and leave nothing behind.
  const stop = watchInterrupt();
  try {
    return await calibrateWith(positionals[0], values, { lang, resamples, seed, rep, drop, bom }, io, stop);
  } finally {
    stop.stop();
  }
}

/** Reads, fits and writes, stopping at the next step once `stop` has seen a signal. */
async function calibrateWith(path: string, values: { mapping?: string; scenario?: string; out?: string }, o: { lang: Lang; resamples: number; seed: number; rep: number; drop: boolean; bom: boolean }, io: Io, stop: Interrupt): Promise<number> {
  const { lang, resamples, seed, rep, drop, bom } = o;
  let scenario: Scenario | null = null;
  let target: FragmentTarget | null = null;
  if (values.scenario) {
    const loaded = await loadScenarioFileWithWorkbooks(values.scenario);
    if (!loaded.ok) {
      io.err(formatErrors(loaded.errors, lang));
      return 1;
    }
    scenario = loaded.value;
    target = fragmentTarget(values.scenario, scenario);
  }
  const h = await loadHistory(path, { mappingPath: values.mapping, scenario, drop, rep, use: 'fit' });
  if (!h.ok) {
    io.err(formatErrors(h.errors, lang));
    return 1;
  }
  const { read, name, kind } = h.value;
  if (read.warnings.length) io.err(formatWarnings(read.warnings, lang));
  if (read.problems.length && !drop) {
    io.err(refuseProblems(name, read.problems, lang));
    return 1;
  }
  if (read.rows.length === 0) {
    io.err(say(lang)(`${name}：没有可供校准的事件`, `${name}: no incidents to calibrate from`));
    return 1;
  }
  const outDir = values.out ?? `reports/calibration-${name.replace(/\.[^.]*$/, '')}`;
  // Refuse a place that is not ours before spending time on the fits.
  claimOutputFolder(outDir, 'calibration');
  const source = { name, kind, rows: read.total, problems: read.problems, dropped: read.dropped, incidentsDropped: read.incidentsDropped, warnings: read.warnings, minuteFields: read.minuteFields };
  const steps = calibrateSteps(read.rows, read.offsetS, source, scenario, {
    resamples,
    seed,
    dayStartH: scenario?.center.dayStartH ?? 7,
    nightStartH: scenario?.center.nightStartH ?? 19,
  });
  // Fitting takes seconds (a minute with many resamples): say what it is doing, and that Ctrl-C is heard.
  io.err(say(lang)(`正在拟合 ${name} 的 ${read.rows.length} 行…`, `fitting ${read.rows.length} rows of ${name}…`));
  let step = steps.next();
  for (; !step.done; step = steps.next()) {
    await breathe();
    if (stop.signal) break;
  }
  if (!step.done || stop.signal) {
    const said = interrupted(outDir, stop.signal, lang);
    io.err(said.line);
    return said.code;
  }
  const c = step.value;
  const files: Record<string, string> = {
    'calibrated.yaml': fragmentYaml(c, target, name),
    'calibration.html': calibrationHtml(c, lang),
    'parameters.csv': parametersCsv(c, bom),
    'fits.csv': fitsCsv(c, bom),
    'tests.csv': testsCsv(c, bom),
    'demand.csv': demandCsv(c, buildHistory(read.rows, read.offsetS), bom),
    'problems.csv': problemsCsv(read.problems, bom, lang),
    'calibration.json': JSON.stringify({ linkdrill: 'calibration', source: { name, kind, rows: read.total, dropped: read.dropped }, period: { from: dateOfDay(c.firstDay), to: dateOfDay(c.lastDay), days: c.days }, scenario: scenario?.name ?? null, resamples, seed }, null, 2) + '\n',
  };
  // The report is rendered after the last fit: a signal in between still leaves nothing behind.
  await breathe();
  if (stop.signal) {
    const said = interrupted(outDir, stop.signal, lang);
    io.err(said.line);
    return said.code;
  }
  try {
    writeOutputFolder(outDir, files, 'calibration');
  } catch (e) {
    io.err(cannotWriteFolder(outDir, e)[lang]);
    return 1;
  }
  const t = say(lang);
  const period = `${dateOfDay(c.firstDay)} – ${dateOfDay(c.lastDay)}`;
  const listed = 'calibrated.yaml, calibration.html; parameters, fits, tests, demand, problems .csv';
  io.out(t(`${name}：事件 ${c.incidents} 起，出动 ${c.dispatches} 车次，${period}（${c.days} 天）${read.dropped ? `；有问题的 ${read.dropped} 行已剔除` : ''}`, `${name}: ${c.incidents} incidents, ${c.dispatches} dispatches, ${period} (${c.days} days)${read.dropped ? `; ${read.dropped} problem rows left out` : ''}`));
  io.out(t(`拟合时长 ${c.quantities.length} 项、${c.demand.length} 类事件的需求${c.travel ? `、${c.travel.trips} 趟行程的路途时间` : ''}`, `fitted ${c.quantities.length} durations, demand of ${c.demand.length} types${c.travel ? `, travel over ${c.travel.trips} trips` : ''}`));
  io.out(t(`已写入 ${outDir}/（${listed}）`, `wrote ${outDir}/ (${listed})`));
  return 0;
}

/** What the fragment needs of the scenario: channels, unit definitions with their own turnout, hospitals. */
function fragmentTarget(path: string, scenario: Scenario): FragmentTarget {
  const unitsWithOwnTurnout: Record<string, string[]> = {};
  const f = readScenarioFile(path);
  const raw = f.ok ? parseScenarioText(f.value.text, path) : null;
  const units = raw?.ok ? ((raw.value as { units?: unknown }).units as { id?: unknown; agency?: unknown; turnout?: unknown }[] | undefined) : undefined;
  for (const u of Array.isArray(units) ? units : []) {
    if (u && typeof u.id === 'string' && typeof u.agency === 'string' && u.turnout !== undefined) (unitsWithOwnTurnout[u.agency] ??= []).push(u.id);
  }
  return { channels: Object.fromEntries(scenario.agencies.map((a) => [a.id, a.channel])), unitsWithOwnTurnout, hospitals: scenario.hospitals.map((h) => h.id) };
}
