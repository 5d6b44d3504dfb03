/** The `linkdrill` command: dispatches to one file per subcommand; exit 0 ok, 1 bad input, 2 usage. */
import { langOf, UsageError, type Io } from './args.ts';
import { defaultIo, exitCodeOf } from './outcome.ts';
import { BATCH_USAGE, BENCH_USAGE, CALIBRATE_USAGE, EXERCISE_USAGE, GEO_USAGE, MERGE_USAGE, REPORT_USAGE, RUN_USAGE, SCHEMA_USAGE, VALIDATE_HISTORY_USAGE, VALIDATE_USAGE } from './usage.ts';
import { DEFAULT_MAX_EVENTS } from '../engine/estimate.ts';

const USAGE = `linkdrill — seeded simulator of emergency-response linkage

usage:
  ${RUN_USAGE}
  ${VALIDATE_USAGE}
  ${REPORT_USAGE}
  ${BATCH_USAGE}
  ${MERGE_USAGE}
  ${GEO_USAGE}
  ${CALIBRATE_USAGE}
  ${VALIDATE_HISTORY_USAGE}
  ${EXERCISE_USAGE}
  ${SCHEMA_USAGE}
  ${BENCH_USAGE}

Outputs of run go to DIR (default reports/<scenario-name>/): report.html (the after-action report,
--lang zh|en), incidents.csv, calls.csv, dispatches.csv, agencies.csv, units.csv, depots.csv,
indicators.csv, summary.csv, events.csv and run.json. --excel adds a UTF-8 BOM for Excel.

run, batch and validate estimate the work of one replication before anything runs and refuse a
scenario above --max-events (default ${DEFAULT_MAX_EVENTS} logged events), naming what weighs most.

Problems and results are in Chinese unless --lang en (every command but bench takes it).`;


export { endQuietlyWhenOutputCloses } from './outcome.ts';

/** Runs the CLI with `argv` (without node and script); returns the exit code. Each command's module loads only when it runs. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [cmd, ...rest] = argv;
  return exitCodeOf(async () => {
    switch (cmd) {
      case 'run':
        return await (await import('./run.ts')).runCommand(rest, io);
      case 'validate':
        return await (await import('./validate.ts')).validateCommand(rest, io);
      case 'schema':
        return (await import('./schema.ts')).schemaCommand(rest, io);
      case 'report':
        return (await import('./report.ts')).reportCommand(rest, io);
      case 'batch':
        return await (await import('./batch.ts')).batchCommand(rest, io);
      case 'merge':
        return await (await import('./batch.ts')).mergeCommand(rest, io);
      case 'geo':
        return (await import('./geo.ts')).geoCommand(rest, io);
      case 'calibrate':
        return await (await import('./calibrate.ts')).calibrateCommand(rest, io);
      case 'validate-history':
        return await (await import('./validate-history.ts')).validateHistoryCommand(rest, io);
      case 'exercise':
        return await (await import('./exercise.ts')).exerciseCommand(rest, io);
      case 'bench':
        return await (await import('./bench.ts')).benchCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError({ zh: `未知命令“${cmd}”\n\n${USAGE}`, en: `unknown command "${cmd}"\n\n${USAGE}` });
    }
  }, io, langOf(argv));
}
