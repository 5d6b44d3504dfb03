/**
 * `linkdrill validate` on its own: the entry of the single-file build (build/validate.cjs) that
 * bin/linkdrill.js starts from V8's code cache, so checking a scenario does not wait for the whole
 * command line to load and compile. Exit codes and messages are those of the whole command line's
 * `main`.
 */
import { commandAlone } from './outcome.ts';
import { validateCommand } from './validate.ts';

export { endQuietlyWhenOutputCloses } from './outcome.ts';

/** The whole command line's `main` for `argv` = `validate …` (without node and script); returns the exit code. */
export const main = commandAlone(validateCommand);
