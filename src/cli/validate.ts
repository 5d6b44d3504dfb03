/**
 * `linkdrill validate SCENARIO`: prints `ok` (after any warnings, one line each, on stderr), or one
 * line per problem with its path (exit 1).
 */
import { formatErrors, formatWarnings } from '../scenario/errors.ts';
import { parse, UsageError, type Io } from './args.ts';
import { loadScenarioFile } from './io.ts';

export function validateCommand(argv: string[], io: Io): number {
  const { positionals } = parse(argv, {});
  if (positionals.length !== 1) throw new UsageError('usage: linkdrill validate SCENARIO');
  const r = loadScenarioFile(positionals[0]);
  if (!r.ok) {
    io.err(formatErrors(r.errors));
    return 1;
  }
  if (r.warnings?.length) io.err(formatWarnings(r.warnings));
  io.out(r.warnings?.length ? `ok (${r.warnings.length} warning${r.warnings.length > 1 ? 's' : ''})` : 'ok');
  return 0;
}
