/** Shared test helpers: loading bundled scenarios and fixtures from disk. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../src/cli/io.ts';
import type { Scenario } from '../src/scenario/scenario.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Loads a scenario file (path relative to the repository root), failing the test on errors. */
export function loadFile(rel: string): Scenario {
  const r = loadScenarioFile(resolve(ROOT, rel));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.en}`).join('\n'));
  return r.value;
}
