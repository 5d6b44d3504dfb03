/**
 * `linkdrill run` on its own: the entry of the single-file build (build/run.cjs) that
 * bin/linkdrill.js starts from V8's code cache, so a run does not wait for the whole command line
 * to load and compile. Exit codes and messages are those of {@link main}.
 */
import { defaultIo, exitCodeOf } from './outcome.ts';
import { runCommand } from './run.ts';
import { langOf, type Io } from './args.ts';

export { endQuietlyWhenOutputCloses } from './outcome.ts';

/** {@link main} for `argv` = `run …` (without node and script); returns the exit code. */
export function main(argv: string[], io: Io = defaultIo): Promise<number> {
  return exitCodeOf(() => runCommand(argv.slice(1), io), io, langOf(argv));
}
