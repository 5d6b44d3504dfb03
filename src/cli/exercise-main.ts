/**
 * `linkdrill exercise` on its own: the entry of the single-file build (build/exercise.cjs) that
 * bin/linkdrill.js starts from V8's code cache, so playing or checking an exercise package does not
 * wait for the whole command line to load and compile. Exit codes and messages are those of the
 * whole command line's `main`.
 */
import { commandAlone } from './outcome.ts';
import { exerciseCommand } from './exercise.ts';

export { endQuietlyWhenOutputCloses } from './outcome.ts';

/** The whole command line's `main` for `argv` = `exercise …` (without node and script); returns the exit code. */
export const main = commandAlone(exerciseCommand);
