/**
 * Side files of a scenario (GeoJSON, CSV, variant files), read through a callback the host provides
 * so the loader stays pure: the CLI reads and decodes them from disk, the app from the files the user
 * opened.
 */
import type { InputError, Words } from './errors.ts';

/**
 * Reads a side file named relative to the scenario file: its text; `null` when it does not exist;
 * `{error}` when it exists but cannot be read as text (binary, unknown encoding, no permission), in
 * words that follow the file's name (`is a binary file, not text` / `是二进制文件，不是文本`).
 */
export type ReadFile = (relativePath: string) => string | null | { error: Words };

/**
 * Reads a binary side file (a Shapefile's .shp/.dbf, a .zip) named relative to the scenario file: its
 * bytes; `null` when it does not exist; `{error}` when it cannot be read.
 */
export type ReadBytes = (relativePath: string) => Uint8Array | null | { error: Words };

/**
 * A file not found, said the same way by every reader: `file not found` (找不到文件) where the place
 * already names the file, `file not found: "x.csv"` (找不到文件“x.csv”) where it names a key.
 */
export const notFoundWords = (rel?: string): Words => (rel === undefined ? { zh: '找不到文件', en: 'file not found' } : { zh: `找不到文件“${rel}”`, en: `file not found: "${rel}"` });

/** A folder that is not there, in the words every command uses. */
export const NO_SUCH_FOLDER: Words = { zh: '找不到文件夹', en: 'no such folder' };

/** A path that is not there and may have been a file or a folder (a history, an exercise package). */
export const NO_SUCH_FILE_OR_FOLDER: Words = { zh: '找不到文件或文件夹', en: 'no such file or folder' };

/** A side file that cannot be read, its name before the reason a reader gave: `"x.csv" is a binary file, not text`. */
export const unreadableWords = (rel: string, error: Words): Words => ({ zh: `文件“${rel}”${error.zh}`, en: `"${rel}" ${error.en}` });

/** A side file's bytes, or `undefined` with a path-named error pushed onto `errors`. */
export function readSideBytes(readBytes: ReadBytes, rel: string, where: string, errors: InputError[]): Uint8Array | undefined {
  const r = readBytes(rel);
  if (r === null) {
    errors.push({ path: where, ...notFoundWords(rel) });
    return undefined;
  }
  if (!(r instanceof Uint8Array)) {
    errors.push({ path: where, ...unreadableWords(rel, r.error) });
    return undefined;
  }
  return r;
}

/** A side file's text, or `undefined` with a path-named error pushed onto `errors`. */
export function readSideFile(readFile: ReadFile, rel: string, where: string, errors: InputError[]): string | undefined {
  const r = readFile(rel);
  if (r === null) {
    errors.push({ path: where, ...notFoundWords(rel) });
    return undefined;
  }
  if (typeof r === 'object') {
    errors.push({ path: where, ...unreadableWords(rel, r.error) });
    return undefined;
  }
  return r.replace(/^\uFEFF/, '');
}
