/** The CLI's file access: scenario loading from disk and all-or-nothing output folders. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * A text file a user hands in (CSV, mapping): UTF-8 with or without a byte-order mark.
 * (Other encodings are refused by name until the shared decoder reads them.)
 */
export function readUserText(path: string): Result<string> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return { ok: false, errors: [{ path, message: 'cannot read the file (does it exist?)' }] };
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, errors: [{ path, message: 'the file is not UTF-8 text (save it as UTF-8 CSV)' }] };
  }
}

/** Files that mark a folder as linkdrill's own output (so it may be replaced). */
const MARKERS = ['run.json', 'batch.json', 'calibration.json', 'validation.json'];

/**
 * Writes an output folder whole or not at all, refusing to replace an existing folder that is not
 * linkdrill's own output (it has none of the marker files) or a file.
 */
export function writeOutputFolder(outDir: string, files: Record<string, string>, _o: { kind: string }): void {
  const target = resolve(outDir);
  if (existsSync(target)) {
    let entries: string[];
    try {
      entries = readdirSync(target);
    } catch {
      throw new Error(`"${outDir}" exists and is not a folder; choose another --out`);
    }
    if (entries.length > 0 && !MARKERS.some((m) => entries.includes(m))) throw new Error(`"${outDir}" holds files linkdrill did not write; choose another --out`);
  }
  writeFolderAtomically(outDir, files);
}
