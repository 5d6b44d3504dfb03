/** Shared test helpers: loading bundled scenarios and fixtures from disk. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/scenario.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Loads a scenario file (path relative to the repository root), failing the test on errors. */
export function loadFile(rel: string): Scenario {
  const path = resolve(ROOT, rel);
  const dir = dirname(path);
  const r = loadScenario(readFileSync(path, 'utf8'), path, (p) => {
    try {
      return readFileSync(resolve(dir, p), 'utf8');
    } catch {
      return null;
    }
  });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.value;
}
