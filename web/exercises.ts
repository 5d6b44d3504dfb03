/**
 * Exercise packages: the bundled ones (built into the app with the scenarios they name) and a
 * package the user opens as a zip of its folder with its scenario. Loading is the same pure loader
 * the CLI uses (`src/exercise/package.ts`), over the files in memory.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { BUNDLED_FILES } from './scenarios.ts';
import { joinPath, loadExercise, type ExercisePackage } from '../src/exercise/package.ts';
import type { Result } from '../src/scenario/errors.ts';
import type { Scenario } from '../src/scenario/scenario.ts';

/** Names of the bundled exercises (folders under scenarios/exercises/). */
export const BUNDLED_EXERCISES: string[] = Object.keys(BUNDLED_FILES)
  .map((p) => /^exercises\/([^/]+)\/exercise\.yaml$/.exec(p)?.[1])
  .filter((n): n is string => n !== undefined)
  .sort();

/** Loads a package whose files are in `files`, by path; `main` is its exercise.yaml. */
export function loadFromFiles(files: Record<string, string>, main: string): Result<{ pkg: ExercisePackage; scenario: Scenario }> {
  const text = files[main];
  if (text === undefined) return { ok: false, errors: [{ path: main, message: 'file not found' }] };
  return loadExercise(text, main, (rel) => files[joinPath(main, rel)] ?? null);
}

const loaded = new Map<string, Result<{ pkg: ExercisePackage; scenario: Scenario }>>();

/** A bundled exercise by name (loaded once per page: its scenario is a plain object the session never changes). */
export function loadBundled(name: string): Result<{ pkg: ExercisePackage; scenario: Scenario }> {
  let r = loaded.get(name);
  if (!r) loaded.set(name, (r = loadFromFiles(BUNDLED_FILES, `exercises/${name}/exercise.yaml`)));
  return r;
}

/** Files of a zipped exercise folder (with its scenario inside), and the path of its exercise.yaml. */
export async function filesFromZip(f: File): Promise<{ files: Record<string, string>; main: string } | string> {
  const entries = unzipSync(new Uint8Array(await f.arrayBuffer()));
  const files: Record<string, string> = {};
  for (const [path, data] of Object.entries(entries)) if (!path.endsWith('/')) files[path] = strFromU8(data);
  const main = Object.keys(files).filter((p) => /(^|\/)exercise\.ya?ml$/.test(p)).sort((a, b) => a.length - b.length)[0];
  return main ? { files, main } : 'no exercise.yaml in the zip';
}
