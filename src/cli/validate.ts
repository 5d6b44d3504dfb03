/**
 * `linkdrill validate SCENARIO [--max-events N]`: prints `ok` (after any warnings, one line each, on
 * stderr), or one line per problem with its path (exit 1). It checks what `run` and `batch` would: the
 * scenario, every variant of it, and the estimated work of a replication of each against the same
 * ceiling.
 */
import { formatErrors, formatWarnings } from '../scenario/errors.ts';
import { loadVariantsWithWorkbooks } from '../scenario/variants.ts';
import { maxEventsOption, parse, UsageError, type Io } from './args.ts';
import { workErrors } from '../engine/estimate.ts';
import { readScenarioFile } from './io.ts';

export const VALIDATE_USAGE = 'linkdrill validate SCENARIO [--max-events N]';

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { 'max-events': { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError(`usage: ${VALIDATE_USAGE}`);
  const maxEvents = maxEventsOption(values['max-events']);
  const path = positionals[0];
  const file = readScenarioFile(path);
  const r = file.ok ? await loadVariantsWithWorkbooks(file.value.text, path, file.value.readFile, undefined, file.value.readBytes) : file;
  const errors = r.ok ? workErrors(path, r.value.variants, maxEvents) : r.errors;
  if (errors.length) {
    io.err(formatErrors(errors));
    return 1;
  }
  const warnings = r.ok ? (r.warnings ?? []) : [];
  if (warnings.length) io.err(formatWarnings(warnings));
  io.out(warnings.length ? `ok (${warnings.length} warning${warnings.length > 1 ? 's' : ''})` : 'ok');
  return 0;
}
