/**
 * `linkdrill schema [--exercise] [--lang zh|en]`: prints the JSON Schema of the scenario format (or of
 * exercise packages); `--lang` is the language of its usage errors (the schema's descriptions are English).
 */
import { scenarioJsonSchema } from '../scenario/schema.ts';
import { exerciseJsonSchema } from '../exercise/schema.ts';
import { langOption, parse, type Io } from './args.ts';

export function schemaCommand(argv: string[], io: Io): number {
  const { values } = parse(argv, { exercise: { type: 'boolean' }, lang: { type: 'string' } });
  langOption(values.lang);
  io.out(JSON.stringify(values.exercise ? exerciseJsonSchema() : scenarioJsonSchema(), null, 2));
  return 0;
}
