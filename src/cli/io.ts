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
