/** `linkdrill schema [--exercise]`: prints the JSON Schema of the scenario format (or of exercise packages). */
import { scenarioJsonSchema } from '../scenario/schema.ts';
import { exerciseJsonSchema } from '../exercise/schema.ts';
import { parse, type Io } from './args.ts';

export function schemaCommand(argv: string[], io: Io): number {
  const { values } = parse(argv, { exercise: { type: 'boolean' } });
  io.out(JSON.stringify(values.exercise ? exerciseJsonSchema() : scenarioJsonSchema(), null, 2));
  return 0;
}
