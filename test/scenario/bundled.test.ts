import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { scenarioJsonSchema } from '../../src/scenario/schema.ts';
import { main } from '../../src/cli/main.ts';
import { loadFile, ROOT } from '../helpers.ts';

describe('bundled scenarios', () => {
  const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  for (const f of files) {
    it(`${f} validates and runs`, () => {
      const s = loadFile(`scenarios/${f}`);
      const { records } = simulate(s, s.seed, { log: false });
      expect(records.incidents.length).toBeGreaterThan(0);
      expect(records.dispatches.length).toBeGreaterThan(0);
    });
  }

  it('the JSON Schema describes the format and `linkdrill schema` prints it', async () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['start', 'zones', 'agencies', 'units', 'plans', 'demand']));
    expect(schema.required).toEqual(expect.arrayContaining(['start', 'agencies', 'units']));
    const out: string[] = [];
    expect(await main(['schema'], { out: (s) => out.push(s), err: () => {}, tty: false })).toBe(0);
    expect(JSON.parse(out.join('\n')).title).toBe('linkdrill scenario');
  });
});
