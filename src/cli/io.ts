/** The CLI's file access: scenario loading from disk and all-or-nothing output folders. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadScenario, type ReadFile } from '../scenario/load.ts';
import type { Result } from '../scenario/errors.ts';
import type { Scenario } from '../scenario/scenario.ts';

/** A scenario file's text, and a reader of its side files (relative to its folder). */
export function readScenarioFile(path: string): Result<{ text: string; readFile: ReadFile }> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { ok: false, errors: [{ path, message: 'cannot read the file (does it exist?)' }] };
  }
  const dir = dirname(resolve(path));
  const readFile: ReadFile = (rel) => {
    try {
      return readFileSync(resolve(dir, rel), 'utf8');
    } catch {
      return null;
    }
  };
  return { ok: true, value: { text: text.replace(/^\uFEFF/, ''), readFile } };
}

/** Loads a scenario file; side files are read relative to its folder. */
export function loadScenarioFile(path: string): Result<Scenario> {
  const f = readScenarioFile(path);
  return f.ok ? loadScenario(f.value.text, path, f.value.readFile) : f;
}

/**
 * Writes `files` into `outDir` as one step: everything goes to a temporary sibling folder first,
 * which replaces `outDir` only once every file is written, so a failed run leaves no partial output.
 */
export function writeFolderAtomically(outDir: string, files: Record<string, string>): void {
  const target = resolve(outDir);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.partial-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(tmp, name), text, 'utf8');
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(target) && existsSync(old)) renameSync(old, target);
    throw e;
  }
}

/** Marks a file linkdrill wrote (a JSON member), so that writing it again may replace it. */
export const GENERATOR_MARK = '"generator": "linkdrill';

/**
 * Writes one output file whole or not at all (a temporary sibling renamed into place), refusing to
 * replace an existing file that linkdrill did not write. Returns an error message, or null.
 */
export function writeOutputFile(path: string, data: string | Uint8Array): string | null {
  const target = resolve(path);
  if (existsSync(target)) {
    let mine = false;
    try {
      mine = readFileSync(target, 'utf8').slice(0, 4096).includes(GENERATOR_MARK);
    } catch {
      mine = false;
    }
    if (!mine) return `${path}: exists and was not written by linkdrill; not replacing it (choose another name or remove it)`;
  }
  const tmp = `${target}.partial-${process.pid}`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, target);
    return null;
  } catch (e) {
    rmSync(tmp, { force: true });
    return `${path}: cannot write: ${(e as Error).message}`;
  }
}
