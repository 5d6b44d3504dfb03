/** `linkdrill run SCENARIO [--seed N] [--reps R] [--duration D] [--out DIR] [--excel] [--xlsx] [--lang zh|en] [--max-events N]` */
import { SingleBar, Presets } from 'cli-progress';
import { createSimulation } from '../engine/simulate.ts';
import { formatNumber } from '../report/csv.ts';
import { RunFolderWriter } from '../report/outputs.ts';
import type { SummaryRow } from '../metrics/stats.ts';
import { workbookFromCsv } from '../report/xlsx.ts';
import { formatErrors, formatWarnings, type InputError } from '../scenario/errors.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { MAX_SEED, seedsFit } from '../random/streams.ts';
import { intOption, langOption, maxEventsOption, parse, say, seedsTooHigh, usageError, UsageError, type Io } from './args.ts';
import { workErrors } from '../report/work-words.ts';
import { loadScenarioFileWithWorkbooks } from './io.ts';
import { RUN_USAGE } from './usage.ts';
import { DEFAULTS } from './defaults.ts';
import { interrupted, watchInterrupt } from './interrupt.ts';
import { parseDuration } from '../scenario/duration.ts';
import { claimOutputFolder, writeOutputFolderStreamed } from '../worker/node-fs.ts';

/** Thrown out of a run that Ctrl-C (or TERM) stopped: the folder being written is dropped. */
class Interrupted extends Error {}

/** Lets signals and the progress bar in between simulated hours. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    seed: { type: 'string' },
    reps: { type: 'string' },
    out: { type: 'string' },
    excel: { type: 'boolean' },
    xlsx: { type: 'boolean' },
    lang: { type: 'string' },
    duration: { type: 'string' },
    'max-events': { type: 'string' },
  });
  const lang = langOption(values.lang);
  if (positionals.length !== 1) throw usageError(RUN_USAGE);
  // Usage first: a mistyped option is reported before the scenario is read.
  const seedOption = values.seed === undefined ? undefined : intOption(values.seed, 'seed', 0, 0, MAX_SEED);
  const reps = intOption(values.reps, 'reps', DEFAULTS.runReps, 1, 100_000);
  const durationS = values.duration === undefined ? undefined : parseDuration(values.duration as string);
  if (durationS === null || (durationS !== undefined && !(durationS > 0))) throw new UsageError({ zh: `--duration 必须是正的时长，如 30d 或 8760h；实际为“${String(values.duration)}”`, en: `--duration must be a positive duration like 30d or 8760h, got "${String(values.duration)}"` });
  const maxEvents = maxEventsOption(values['max-events']);
  const loaded = await loadScenarioFileWithWorkbooks(positionals[0]);
  if (!loaded.ok) {
    io.err(formatErrors(loaded.errors, lang));
    return 1;
  }
  // --duration runs the scenario as written for longer (or shorter): demand, rosters and staffing repeat by the clock.
  const scenario = durationS === undefined ? loaded.value : { ...loaded.value, durationS };
  // Too much work for one replication (of the length asked for) is refused before it starts, with the estimate.
  const tooMuch = workErrors(positionals[0], [{ name: 'baseline', scenario }], maxEvents);
  if (tooMuch.length) {
    io.err(formatErrors(tooMuch, lang));
    return 1;
  }
  const warnings = [...(loaded.warnings ?? []), ...(durationS === undefined ? [] : endsBefore(loaded.value, durationS))];
  if (warnings.length) io.err(formatWarnings(warnings, lang));
  const seed = seedOption ?? scenario.seed;
  if (!seedsFit(seed, reps)) throw new UsageError(seedsTooHigh(MAX_SEED));
  const outDir = (values.out as string | undefined) ?? `reports/${scenario.name}`;
  // Refuse a place that is not ours before spending time on the run.
  claimOutputFolder(outDir, 'run');

  // Progress in simulated time, hour by hour, across all replications.
  const hours = Math.ceil(scenario.durationS / 3600);
  const bar = io.tty ? new SingleBar({ format: say(lang)('运行 {bar} {percentage}% | 第 {rep}/{reps} 次重复 | 剩余 {eta_formatted}', 'run {bar} {percentage}% | rep {rep}/{reps} | ETA {eta_formatted}'), hideCursor: true, stream: process.stderr }, Presets.shades_classic) : null;
  // Ctrl-C, or a job scheduler's TERM: stop between simulated hours and leave nothing behind.
  const stop = watchInterrupt();
  const seeds = Array.from({ length: reps }, (_, k) => seed + k);
  let outcome;
  try {
    // Each replication's events go to events.csv as they happen and its records to the other files
    // when it ends; only one replication is held at a time.
    outcome = await writeOutputFolderStreamed(outDir, 'run', async (openFile) => {
      // --xlsx builds its workbook from the CSV files, so only then are their bytes kept as well.
      const kept = values.xlsx ? new Map<string, Uint8Array[]>() : null;
      const open = kept === null ? openFile : keepingCsv(openFile, kept);
      const writer = new RunFolderWriter(scenario, seeds, open, { bom: values.excel === true, lang });
      let first: SummaryRow[] = [];
      bar?.start(hours * reps, 0, { rep: 1, reps });
      for (let rep = 1; rep <= reps; rep++) {
        const sim = createSimulation(scenario, seed + rep - 1, { log: false, onEvent: (e) => writer.event(rep, e) });
        for (let h = 1; h <= hours; h++) {
          sim.advanceTo(h * 3600);
          bar?.increment(1, { rep, reps });
          await breathe();
          if (stop.signal) throw new Interrupted();
        }
        const rows = writer.addRep(rep, sim.finish().records, true);
        if (rep === 1) first = rows;
      }
      const report = writer.finish();
      if (kept !== null) openFile('run.xlsx')(await workbookFromCsv(csvTexts(kept), { lang, start: scenario.start }));
      return { report, first };
    });
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    bar?.stop();
    const said = interrupted(outDir, stop.signal, lang);
    io.err(said.line);
    return said.code;
  } finally {
    stop.stop();
    bar?.stop();
  }
  const pooled = outcome.report.result;

  const s = new Map(outcome.first.map((r) => [r.metric, r.value]));
  const f = (k: string) => (s.has(k) ? formatNumber(s.get(k)!) : '–');
  const t = say(lang);
  const score = pooled.score === null ? '–' : formatNumber(pooled.score);
  io.out(t(`${scenario.title} — 随机种子 ${seed}${reps > 1 ? `，${reps} 次重复（种子 ${seed}…${seed + reps - 1}）` : ''}`, `${scenario.title} — seed ${seed}${reps > 1 ? `, ${reps} replications (seeds ${seed}…${seed + reps - 1})` : ''}`));
  io.out(t(`第 1 次：事件 ${f('incidents')} 起，来电 ${f('calls')} 个（放弃 ${f('calls_abandoned')} 个），出动 ${f('dispatches')} 车次`, `rep 1: ${f('incidents')} incidents, ${f('calls')} calls (${f('calls_abandoned')} abandoned), ${f('dispatches')} dispatches`));
  io.out(t(`第 1 次：接警等待 P90 ${f('answer_wait_s_p90')} 秒，来电至首车到场 P50 ${f('call_to_arrival_s_p50')} 秒 / P90 ${f('call_to_arrival_s_p90')} 秒`, `rep 1: answer wait p90 ${f('answer_wait_s_p90')} s, call→first arrival p50 ${f('call_to_arrival_s_p50')} s / p90 ${f('call_to_arrival_s_p90')} s`));
  io.out(t(`联动评分 ${score}（${pooled.rating ?? '–'}）${reps > 1 ? `，${reps} 次重复合并` : ''}`, `linkage score ${score} (${pooled.rating ?? '–'})${reps > 1 ? `, all ${reps} replications pooled` : ''}`));
  const listed = `report.html; incidents, calls, dispatches, agencies, units, depots, indicators, summary, events .csv; run.json${values.xlsx ? '; run.xlsx' : ''}`;
  io.out(t(`已写入 ${outDir}/（${listed}）`, `wrote ${outDir}/ (${listed})`));
  return 0;
}

/** `open` that also keeps, in `kept`, the bytes written to each CSV file. */
function keepingCsv(open: (name: string) => (bytes: Uint8Array) => void, kept: Map<string, Uint8Array[]>): (name: string) => (bytes: Uint8Array) => void {
  return (name) => {
    const write = open(name);
    if (!name.endsWith('.csv')) return write;
    const parts: Uint8Array[] = [];
    kept.set(name, parts);
    return (bytes) => {
      // The writer may reuse its buffer once a chunk is written.
      parts.push(bytes.slice());
      write(bytes);
    };
  };
}

/** The kept CSV files as text, by name. */
function csvTexts(kept: Map<string, Uint8Array[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, parts] of kept) {
    const d = new TextDecoder();
    out[name] = parts.map((p) => d.decode(p, { stream: true })).join('') + d.decode();
  }
  return out;
}

/**
 * A `--duration` shorter than the scenario that ends before incidents it scripts (or replays from a
 * history): they never happen, which the user should hear before reading the results.
 */
function endsBefore(scenario: Scenario, durationS: number): InputError[] {
  const lost = scenario.demand.fixed.filter((f) => f.t >= durationS);
  if (lost.length === 0) return [];
  const h = (t: number) => formatNumber(Math.round((t / 3600) * 100) / 100);
  const shown = lost.slice(0, 3).map((f) => `${f.name || f.type} ${h(f.t)} h`);
  const more = lost.length > 3 ? lost.length - 3 : 0;
  return [
    {
      path: '--duration',
      zh: `运行在 ${h(durationS)} 小时结束，此后的 ${lost.length} 起预设事件不会发生：${shown.join('、')}${more ? ` 等` : ''}`,
      en: `the run ends at ${h(durationS)} h, before ${lost.length} scripted or historical incident${lost.length > 1 ? 's' : ''}, which will not happen: ${shown.join(', ')}${more ? `, and ${more} more` : ''}`,
    },
  ];
}
