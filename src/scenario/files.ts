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

/**
 * Reads a binary side file (a Shapefile's .shp/.dbf, a .zip) named relative to the scenario file: its
 * bytes; `null` when it does not exist; `{error}` when it cannot be read.
 */
export type ReadBytes = (relativePath: string) => Uint8Array | null | { error: string };

/** A side file's bytes, or `undefined` with a path-named error pushed onto `errors`. */
export function readSideBytes(readBytes: ReadBytes, rel: string, where: string, errors: InputError[]): Uint8Array | undefined {
  const r = readBytes(rel);
  if (r === null) {
    errors.push({ path: where, message: `file not found: "${rel}"` });
    return undefined;
  }
  if (!(r instanceof Uint8Array)) {
    errors.push({ path: where, message: `"${rel}" ${r.error}` });
    return undefined;
  }
  return r;
}

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
