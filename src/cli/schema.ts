/** `linkdrill schema`: prints the scenario format's JSON Schema. */
import { scenarioJsonSchema } from '../scenario/schema.ts';
import { parse } from './args.ts';

export function schemaCommand(argv: string[], io: { out: (s: string) => void }): number {
  parse(argv, {});
  io.out(JSON.stringify(scenarioJsonSchema(), null, 2));
  return 0;
}
