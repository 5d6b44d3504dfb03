/** The `linkdrill` command: dispatches to one file per subcommand; exit 0 ok, 1 bad input, 2 usage. */
import { runCommand, RUN_USAGE } from './run.ts';
import { validateCommand, VALIDATE_USAGE } from './validate.ts';
import { schemaCommand } from './schema.ts';
import { benchCommand } from './bench.ts';
import { reportCommand, REPORT_USAGE } from './report.ts';
import { batchCommand, mergeCommand, BATCH_USAGE, MERGE_USAGE } from './batch.ts';
import { geoCommand, GEO_USAGE } from './geo.ts';
import { calibrateCommand, CALIBRATE_USAGE } from './calibrate.ts';
import { validateHistoryCommand, VALIDATE_HISTORY_USAGE } from './validate-history.ts';
import { exerciseCommand, EXERCISE_USAGE } from './exercise.ts';
import { UsageError, type Io } from './args.ts';
import { OutputRefused } from '../worker/node-fs.ts';
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
  linkdrill schema [--exercise]
  linkdrill bench [--quick]

Outputs of run go to DIR (default reports/<scenario-name>/): report.html (the after-action report,
--lang zh|en), incidents.csv, calls.csv, dispatches.csv, agencies.csv, units.csv, depots.csv,
indicators.csv, summary.csv, events.csv and run.json. --excel adds a UTF-8 BOM for Excel.

run, batch and validate estimate the work of one replication before anything runs and refuse a
scenario above --max-events (default ${DEFAULT_MAX_EVENTS} logged events), naming what weighs most.`;


const defaultIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  tty: Boolean(process.stderr.isTTY),
};

/**
 * A reader that stops early (`linkdrill schema | head`) closes the pipe: writing on then fails with
 * EPIPE, which is no fault of anyone's. The command ends there, quietly, with the code it had.
 */
export function endQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'run':
        return await runCommand(rest, io);
      case 'validate':
        return await validateCommand(rest, io);
      case 'schema':
        return schemaCommand(rest, io);
      case 'report':
        return reportCommand(rest, io);
      case 'batch':
        return await batchCommand(rest, io);
      case 'merge':
        return await mergeCommand(rest, io);
      case 'geo':
        return geoCommand(rest, io);
      case 'calibrate':
        return await calibrateCommand(rest, io);
      case 'validate-history':
        return await validateHistoryCommand(rest, io);
      case 'exercise':
        return await exerciseCommand(rest, io);
      case 'bench':
        return await benchCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${cmd}"\n\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    // A place linkdrill may not write to, or could not: named, nothing changed.
    if (e instanceof OutputRefused) {
      io.err(e.message);
      return 1;
    }
    // Anything else is a fault of linkdrill itself: say so in one line (the stack on request).
    io.err(`linkdrill: internal error: ${(e as Error).message}`);
    if (process.env.LINKDRILL_DEBUG) io.err(String((e as Error).stack));
    return 3;
  }
}
