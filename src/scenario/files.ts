/**
 * Side files of a scenario (GeoJSON, CSV, variant files), read through a callback the host provides
 * so the loader stays pure: the CLI reads and decodes them from disk, the app from the files the user
 * opened.
 */
import type { InputError } from './errors.ts';

/**
 * Reads a side file named relative to the scenario file: its text; `null` when it does not exist;
 * `{error}` when it exists but cannot be read as text (binary, unknown encoding, no permission).
 */
export type ReadFile = (relativePath: string) => string | null | { error: string };

/** A side file's text, or `undefined` with a path-named error pushed onto `errors`. */
export function readSideFile(readFile: ReadFile, rel: string, where: string, errors: InputError[]): string | undefined {
  const r = readFile(rel);
  if (r === null) {
    errors.push({ path: where, message: `file not found: "${rel}"` });
    return undefined;
  }
  if (typeof r === 'object') {
    errors.push({ path: where, message: `"${rel}" ${r.error}` });
    return undefined;
  }
  return r.replace(/^\uFEFF/, '');
}
