/**
 * `linkdrill exercise PACKAGE [--log LOG.json [--branch DECISION=OPTION]] [--out DIR] [--lang zh|en] [--excel]`
 * plays an exercise headless (every decision takes its listed default) or replays a recorded one,
 * and writes the run folder's files with the exercise's own: exercise-log.json, msel-status.csv,
 * expected-actions.csv, decisions.csv, evaluation.csv, improvement-plan.csv and aar.html.
 * `linkdrill exercise check PACKAGE` validates a package.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { formatErrors, type Result } from '../scenario/errors.ts';
import type { ExercisePackage } from '../exercise/package.ts';
import { loadExerciseWithWorkbook } from '../exercise/workbook.ts';
import { ExerciseSession, engineLink } from '../exercise/session.ts';
import { playHeadless, readExerciseLog, replayLog, type Branch } from '../exercise/replay.ts';
import { exerciseFiles } from '../exercise/outputs.ts';
import { createEngineApi } from '../worker/engine.ts';
import { writeOutputFolder } from '../worker/node-fs.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { langOption, maxEventsOption, parse, say, usageError, UsageError, type Io } from './args.ts';
import { DEFAULT_MAX_EVENTS } from '../engine/estimate.ts';
import { workErrors } from '../report/work-words.ts';
import { missingWords, readTextFile, sideBytesReader, sideFileReader } from './io.ts';
import { EXERCISE_USAGE } from './usage.ts';


/**
 * A package given as its folder or its exercise.yaml, loaded with its files (a workbook MSEL too);
 * refused, like any scenario, when a replication of its scenario is estimated above `maxEvents`.
 */
export async function loadPackageFile(path: string, maxEvents = DEFAULT_MAX_EVENTS): Promise<Result<{ pkg: ExercisePackage; scenario: Scenario }>> {
  // A package is its folder or its exercise file: a missing path may have been either.
  if (!existsSync(path)) return { ok: false, errors: [{ path, ...missingWords(path, /\.(ya?ml|xlsx)$/i) }] };
  const file = statSync(path).isDirectory() ? join(path, 'exercise.yaml') : path;
  const text = readTextFile(file);
  if (!text.ok) return text;
  const dir = dirname(resolve(file));
  const loaded = await loadExerciseWithWorkbook(text.value, file, sideFileReader(dir), sideBytesReader(dir));
  if (!loaded.ok) return loaded;
  const tooMuch = workErrors(file, [{ name: 'baseline', scenario: loaded.value.scenario }], maxEvents);
  return tooMuch.length ? { ok: false, errors: tooMuch } : loaded;
}

export async function exerciseCommand(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'check') return checkCommand(argv.slice(1), io);
  const { values, positionals } = parse(argv, { log: { type: 'string' }, branch: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, excel: { type: 'boolean' }, 'max-events': { type: 'string' } });
  if (positionals.length !== 1) throw usageError(EXERCISE_USAGE);
  const lang = langOption(values.lang);
  const maxEvents = maxEventsOption(values['max-events']);
  let branch: Branch | undefined;
  if (values.branch !== undefined) {
    const m = /^([^=]+)=(.+)$/.exec(values.branch as string);
    if (!m) throw new UsageError({ zh: `--branch 必须写作 决策=选项（DECISION=OPTION）；实际为“${String(values.branch)}”`, en: `--branch must be DECISION=OPTION, got "${String(values.branch)}"` });
    if (values.log === undefined) throw new UsageError({ zh: '--branch 改变已记录推演中的一个决策：请给出其 --log', en: '--branch changes a decision of a recorded exercise: give its --log' });
    branch = { decision: m[1], choice: m[2] };
  }
  const loaded = await loadPackageFile(positionals[0], maxEvents);
  if (!loaded.ok) {
    io.err(formatErrors(loaded.errors, lang));
    return 1;
  }
  const { pkg, scenario } = loaded.value;
  const outDir = (values.out as string | undefined) ?? `reports/${pkg.name}${branch ? `-${branch.decision}-${branch.choice}` : ''}`;
  const engine = engineLink(createEngineApi(), pkg.name);
  let session: ExerciseSession;
  if (values.log !== undefined) {
    const logText = readTextFile(values.log as string);
    const log = logText.ok ? readExerciseLog(logText.value, values.log as string) : logText;
    if (!log.ok) {
      io.err(formatErrors(log.errors, lang));
      return 1;
    }
    const r = await replayLog(pkg, scenario, engine, log.value, values.log as string, branch);
    if (!r.ok) {
      io.err(formatErrors(r.errors, lang));
      return 1;
    }
    session = r.value.session;
    const atMin = r.value.branchT === null ? '' : (r.value.branchT / 60).toFixed(0);
    if (r.value.branchT !== null) io.out(say(lang)(`分支：决策 ${branch!.decision} 于 T+${atMin} 分钟改选“${branch!.choice}”；此前的推演与原记录完全相同`, `branch: decision ${branch!.decision} takes "${branch!.choice}" at T+${atMin} min; the run is identical before it`));
  } else {
    session = await ExerciseSession.open(pkg, scenario, engine);
    await playHeadless(session);
  }
  const run = await session.finish();
  const { files, evaluation } = exerciseFiles(session, run, { lang, bom: values.excel === true });
  writeOutputFolder(outDir, files, 'run');
  const met = evaluation.expected.filter((e) => e.met).length;
  const t = say(lang);
  const delivered = evaluation.msel.filter((m) => m.deliveredT !== null).length;
  const decided = `${evaluation.decisions.filter((d) => d.choice !== null).length}/${evaluation.decisions.length}`;
  const listed = 'aar.html, exercise-log.json, msel-status.csv, expected-actions.csv, decisions.csv, evaluation.csv, improvement-plan.csv';
  io.out(t(`${pkg.title[lang]} — ${values.log === undefined ? '无人值守推演（各决策取预设选项）' : '按推演记录重放'}，随机种子 ${pkg.seed}`, `${pkg.title[lang]} — ${values.log === undefined ? 'played headless (listed defaults)' : 'replayed from its log'}, seed ${pkg.seed}`));
  io.out(t(`已下达情景注入 ${delivered} 条，决策 ${decided}，预期行动按时完成 ${met}/${evaluation.expected.length}`, `${delivered} injects delivered, ${decided} decisions, expected actions on time ${met}/${evaluation.expected.length}`));
  io.out(t(`已写入 ${outDir}/（${listed}，以及推演运行的 report.html 和 CSV 文件）`, `wrote ${outDir}/ (${listed}, and the run's report.html and CSV files)`));
  return 0;
}

async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { 'max-events': { type: 'string' }, lang: { type: 'string' } });
  if (positionals.length !== 1) throw usageError(EXERCISE_USAGE.split('\n')[1].trim());
  const lang = langOption(values.lang);
  const loaded = await loadPackageFile(positionals[0], maxEventsOption(values['max-events']));
  if (!loaded.ok) {
    io.err(formatErrors(loaded.errors, lang));
    return 1;
  }
  const { pkg } = loaded.value;
  const messages = pkg.injects.filter((i) => i.action === null).length;
  const contingency = pkg.injects.filter((i) => i.contingency).length;
  io.out(
    say(lang)(
      `ok：${pkg.name} — ${pkg.phases.length} 个阶段，${pkg.injects.length} 条情景注入（${messages} 条消息，${contingency} 条备用），${pkg.decisions.length} 个决策点，${pkg.expected.length} 项预期行动，${pkg.objectives.length} 个目标`,
      `ok: ${pkg.name} — ${pkg.phases.length} phases, ${pkg.injects.length} injects (${messages} messages, ${contingency} contingency), ${pkg.decisions.length} decision points, ${pkg.expected.length} expected actions, ${pkg.objectives.length} objectives`,
    ),
  );
  return 0;
}
