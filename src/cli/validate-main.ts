/**
 * `linkdrill validate` on its own: the entry of the single-file build (build/validate.cjs) that
 * bin/linkdrill.js starts from V8's code cache, so checking a scenario does not wait for the whole
 * command line to load and compile. Exit codes and messages are those of {@link main}.
 */
import { defaultIo, exitCodeOf } from './outcome.ts';
import { validateCommand } from './validate.ts';
import { langOf, type Io } from './args.ts';

export { endQuietlyWhenOutputCloses } from './outcome.ts';

/** {@link main} for `argv` = `validate …` (without node and script); returns the exit code. */
export function main(argv: string[], io: Io = defaultIo): Promise<number> {
  return exitCodeOf(() => validateCommand(argv.slice(1), io), io, langOf(argv));
}
