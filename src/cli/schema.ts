/** `linkdrill schema`: prints the scenario format's JSON Schema. */
import { scenarioJsonSchema } from '../scenario/schema.ts';
import { parse, type Io } from './args.ts';

export function schemaCommand(argv: string[], io: Io): number {
  parse(argv, {});
  io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
  return 0;
}
