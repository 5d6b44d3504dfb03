/**
 * Exercise packages: the bundled ones (built into the app with the scenarios they name) and a
 * package the user opens as a zip of its folder with its scenario. Loading is the same pure loader
 * the CLI uses (`src/exercise/package.ts`), over the files in memory.
 */
import { unzipSync } from 'fflate';
import { BUNDLED_FILES } from './scenarios.ts';
import { joinPath, loadExercise, type ExercisePackage } from '../src/exercise/package.ts';
import { loadExerciseWithWorkbook } from '../src/exercise/workbook.ts';
import { decodeText } from '../src/scenario/encoding.ts';
import { notFoundWords } from '../src/scenario/files.ts';
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
  if (text === undefined) return { ok: false, errors: [{ path: main, ...notFoundWords() }] };
  return loadExercise(text, main, (rel) => files[joinPath(main, rel)] ?? null);
}

const loaded = new Map<string, Result<{ pkg: ExercisePackage; scenario: Scenario }>>();

/** A bundled exercise by name (loaded once per page: its scenario is a plain object the session never changes). */
export function loadBundled(name: string): Result<{ pkg: ExercisePackage; scenario: Scenario }> {
  let r = loaded.get(name);
  if (!r) loaded.set(name, (r = loadFromFiles(BUNDLED_FILES, `exercises/${name}/exercise.yaml`)));
  return r;
}

/**
 * A package the user opens as a zip of its folder (with its scenario, side files, and a CSV or
 * workbook MSEL): text files decoded as users save them, workbooks kept as bytes.
 */
export async function loadZip(f: File): Promise<Result<{ pkg: ExercisePackage; scenario: Scenario }>> {
  const where = f.name;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await f.arrayBuffer()));
  } catch {
    return { ok: false, errors: [{ path: where, zh: '不是 zip 压缩包（请把演练文件夹连同其场景一起压缩）', en: 'is not a zip archive (zip the exercise folder with its scenario)' }] };
  }
  const paths = Object.keys(entries).filter((p) => !p.endsWith('/'));
  const main = paths.filter((p) => /(^|\/)exercise\.ya?ml$/.test(p)).sort((a, b) => a.length - b.length)[0];
  if (!main) return { ok: false, errors: [{ path: where, zh: '其中没有 exercise.yaml', en: 'holds no exercise.yaml' }] };
  const text = decodeText(entries[main], main);
  if (!text.ok) return text;
  const readFile = (rel: string) => {
    const b = entries[joinPath(main, rel)];
    if (!b) return null;
    const d = decodeText(b, rel);
    // The reason in both languages (ReadFile's error is Words).
    return d.ok ? d.value.text : { error: { zh: d.errors[0].zh, en: d.errors[0].en } };
  };
  return loadExerciseWithWorkbook(text.value.text, main, readFile, (rel) => entries[joinPath(main, rel)] ?? null);
}
