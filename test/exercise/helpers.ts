/** Loading exercise packages and playing them in-process, for the exercise tests. */
import { join } from 'node:path';
import { loadPackageFile } from '../../src/cli/exercise.ts';
import { createEngineApi } from '../../src/worker/engine.ts';
import { ExerciseSession, engineLink } from '../../src/exercise/session.ts';
import type { ExercisePackage } from '../../src/exercise/package.ts';
import type { Scenario } from '../../src/scenario/scenario.ts';
import { ROOT } from '../helpers.ts';

export const SMALL = join(ROOT, 'test/fixtures/exercise/small-exercise.yaml');
export const TABLETOP = join(ROOT, 'scenarios/exercises/chemical-leak-tabletop');
export const FUNCTIONAL = join(ROOT, 'scenarios/exercises/urban-flood-functional');

export async function loadPackage(path: string): Promise<{ pkg: ExercisePackage; scenario: Scenario }> {
  const r = await loadPackageFile(path);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.en}`).join('\n'));
  return r.value;
}

let n = 0;
/** A fresh engine link (its own session in an in-process engine API). */
export const link = () => engineLink(createEngineApi(), `test-${++n}`);

export async function open(path: string, o: { mutate?: (p: { pkg: ExercisePackage; scenario: Scenario }) => void } = {}): Promise<ExerciseSession> {
  const p = await loadPackage(path);
  o.mutate?.(p);
  return ExerciseSession.open(p.pkg, p.scenario, link());
}
