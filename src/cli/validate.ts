/**
 * `linkdrill validate SCENARIO [--max-events N] [--lang zh|en]`: prints `ok` (after any warnings, one
 * line each, on stderr), or one line per problem with its path (exit 1), in `--lang` (default zh). It checks what `run` and `batch` would: the
 * scenario, every variant of it, and the estimated work of a replication of each against the same
 * ceiling.
 */
import { formatErrors, formatWarnings } from '../scenario/errors.ts';
import { loadVariantsWithWorkbooks } from '../scenario/variants.ts';
import { langOption, maxEventsOption, parse, usageError, type Io } from './args.ts';
import { workErrors } from '../report/work-words.ts';
import { readScenarioFile } from './io.ts';
import { VALIDATE_USAGE } from './usage.ts';


export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { 'max-events': { type: 'string' }, lang: { type: 'string' } });
  if (positionals.length !== 1) throw usageError(VALIDATE_USAGE);
  const lang = langOption(values.lang);
  const maxEvents = maxEventsOption(values['max-events']);
  const path = positionals[0];
  const file = readScenarioFile(path);
  const r = file.ok ? await loadVariantsWithWorkbooks(file.value.text, path, file.value.readFile, undefined, file.value.readBytes) : file;
  const errors = r.ok ? workErrors(path, r.value.variants, maxEvents) : r.errors;
  if (errors.length) {
    io.err(formatErrors(errors, lang));
    return 1;
  }
  const warnings = r.ok ? (r.warnings ?? []) : [];
  if (warnings.length) io.err(formatWarnings(warnings, lang));
  // `ok` in both languages: scripts read it.
  if (!warnings.length) io.out('ok');
  else io.out(lang === 'zh' ? `ok（${warnings.length} 条警告）` : `ok (${warnings.length} warning${warnings.length > 1 ? 's' : ''})`);
  return 0;
}
