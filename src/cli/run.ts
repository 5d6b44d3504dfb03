/** `linkdrill run SCENARIO [--seed N] [--reps R] [--out DIR] [--excel] [--xlsx] [--lang zh|en]` */
import { SingleBar, Presets } from 'cli-progress';
import { createSimulation } from '../engine/simulate.ts';
import { formatNumber, type RepOutput } from '../report/csv.ts';
import { runFolderFiles } from '../report/outputs.ts';
import { workbookFromCsv } from '../report/xlsx.ts';
import type { ScoreResult } from '../metrics/score.ts';
import { summarise } from '../metrics/stats.ts';
import { formatErrors, formatWarnings } from '../scenario/errors.ts';
import { MAX_SEED } from '../random/streams.ts';
import { intOption, langOption, maxEventsOption, parse, UsageError, type Io } from './args.ts';
import { workErrors } from '../engine/estimate.ts';
import { loadScenarioFileWithWorkbooks } from './io.ts';
import { claimOutputFolder, writeOutputFolder } from '../worker/node-fs.ts';

export const RUN_USAGE = 'linkdrill run SCENARIO [--seed N] [--reps R] [--out DIR] [--excel] [--xlsx] [--lang zh|en] [--max-events N]';

export async function runCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    seed: { type: 'string' },
    reps: { type: 'string' },
    out: { type: 'string' },
    excel: { type: 'boolean' },
    xlsx: { type: 'boolean' },
    lang: { type: 'string' },
    'max-events': { type: 'string' },
  });
  const lang = langOption(values.lang);
  if (positionals.length !== 1) throw new UsageError(`usage: ${RUN_USAGE}`);
  // Usage first: a mistyped option is reported before the scenario is read.
  const seedOption = values.seed === undefined ? undefined : intOption(values.seed, 'seed', 0, 0, MAX_SEED);
  const reps = intOption(values.reps, 'reps', 1, 1, 100_000);
  const maxEvents = maxEventsOption(values['max-events']);
  const loaded = await loadScenarioFileWithWorkbooks(positionals[0]);
  if (!loaded.ok) {
    io.err(formatErrors(loaded.errors));
    return 1;
  }
  const scenario = loaded.value;
  // Too much work for one replication is refused before it starts, with the estimate.
  const tooMuch = workErrors(positionals[0], [{ name: 'baseline', scenario }], maxEvents);
  if (tooMuch.length) {
    io.err(formatErrors(tooMuch));
    return 1;
  }
  if (loaded.warnings?.length) io.err(formatWarnings(loaded.warnings));
  const seed = seedOption ?? scenario.seed;
  if (seed + reps - 1 > MAX_SEED) throw new UsageError(`--seed + --reps must stay below ${MAX_SEED}`);
  const outDir = (values.out as string | undefined) ?? `reports/${scenario.name}`;
  // Refuse a place that is not ours before spending time on the run.
  claimOutputFolder(outDir, 'run');

  // Progress in simulated time, hour by hour, across all replications.
  const hours = Math.ceil(scenario.durationS / 3600);
  const bar = io.tty ? new SingleBar({ format: 'run {bar} {percentage}% | rep {rep}/{reps} | ETA {eta_formatted}', hideCursor: true, stream: process.stderr }, Presets.shades_classic) : null;
  bar?.start(hours * reps, 0, { rep: 1, reps });
  const outputs: RepOutput[] = [];
  for (let rep = 1; rep <= reps; rep++) {
    const sim = createSimulation(scenario, seed + rep - 1);
    for (let h = 1; h <= hours; h++) {
      sim.advanceTo(h * 3600);
      bar?.increment(1, { rep, reps });
    }
    const result = sim.finish();
    outputs.push({ rep, records: result.records, log: result.log });
  }
  bar?.stop();
  const seeds = outputs.map((o) => seed + o.rep - 1);
  const { files, report } = runFolderFiles(scenario, seeds, outputs, { bom: values.excel === true, lang });
  const pooled: ScoreResult = report.result;
  const written: Record<string, string | Uint8Array> = { ...files };
  if (values.xlsx) written['run.xlsx'] = await workbookFromCsv(files, { lang, start: scenario.start });
  writeOutputFolder(outDir, written, 'run');

  const s = new Map(summarise(outputs[0].records).map((r) => [r.metric, r.value]));
  const f = (k: string) => (s.has(k) ? formatNumber(s.get(k)!) : '–');
  io.out(`${scenario.title} — seed ${seed}${reps > 1 ? `, ${reps} replications (seeds ${seed}…${seed + reps - 1})` : ''}`);
  io.out(`rep 1: ${f('incidents')} incidents, ${f('calls')} calls (${f('calls_abandoned')} abandoned), ${f('dispatches')} dispatches`);
  io.out(`rep 1: answer wait p90 ${f('answer_wait_s_p90')} s, call→first arrival p50 ${f('call_to_arrival_s_p50')} s / p90 ${f('call_to_arrival_s_p90')} s`);
  io.out(`linkage score ${pooled.score === null ? '–' : formatNumber(pooled.score)} (${pooled.rating ?? '–'})${reps > 1 ? `, all ${reps} replications pooled` : ''}`);
  io.out(`wrote ${outDir}/ (report.html; incidents, calls, dispatches, agencies, units, depots, indicators, summary, events .csv; run.json${values.xlsx ? '; run.xlsx' : ''})`);
  return 0;
}
