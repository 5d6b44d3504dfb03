/**
 * The CLI's file access: a scenario and its side files read from disk and decoded as the user saved
 * them (UTF-8, UTF-16, GB18030), with a digest of every file read; output folders are written through
 * `src/worker/node-fs.ts`, which never replaces what linkdrill did not write.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { loadScenario, loadScenarioWithWorkbooks, type ReadBytes, type ReadFile } from '../scenario/load.ts';
import { decodeText } from '../scenario/encoding.ts';
import type { InputError, Result, Words } from '../scenario/errors.ts';
import { folderNotAScenario, notAScenario, tryStat } from './wrong-kind.ts';
import { NO_SUCH_FILE_OR_FOLDER, notFoundWords } from '../scenario/files.ts';
import type { Scenario } from '../scenario/scenario.ts';

/** The largest file read (Node reads no more at once), and the largest read as text (a string holds about 500 million characters). */
const MAX_BYTES = 2 ** 31 - 1;
const MAX_TEXT_BYTES = 256 * 2 ** 20;

/** A file that cannot be read for what it is: a device, or more than linkdrill reads. */
class NotReadable extends Error {
  constructor(readonly words: Words) {
    super(words.en);
  }
}
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const tooLarge = (bytes: number, limit: number): Words => ({ zh: `文件过大（${mb(bytes)} MB 以上；上限 ${mb(limit)} MB）`, en: `is too large (${mb(bytes)} MB or more; the limit is ${mb(limit)} MB)` });

/**
 * The bytes of `path`, up to `limit`: a regular file by its size, a pipe (`<(…)`) read until it ends
 * or passes the limit; a device (`/dev/zero`, endless) is refused before anything is read.
 */
function readCapped(path: string, limit: number): Buffer {
  const st = statSync(path);
  if (st.isCharacterDevice() || st.isBlockDevice()) throw new NotReadable({ zh: '不是普通文件（是设备文件）：请给出文件的路径', en: 'is not a regular file (a device): give the path of a file' });
  if (st.isFile()) {
    if (st.size > limit) throw new NotReadable(tooLarge(st.size, limit));
    return readFileSync(path);
  }
  if (st.isDirectory()) return readFileSync(path); // fails as a folder, in the words of readProblem
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return Buffer.concat(chunks, total);
      total += n;
      if (total > limit) throw new NotReadable(tooLarge(total, limit));
      chunks.push(chunk.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a user's file as bytes; a problem named `where` when it is missing, cannot be read, or is more than `limit` bytes. */
export function readBytesFile(path: string, where = path, limit = MAX_BYTES): Result<Uint8Array> {
  try {
    return { ok: true, value: readCapped(path, limit) };
  } catch (e) {
    return { ok: false, errors: [{ path: where, ...readProblem(e) }] };
  }
}

/**
 * A path that is not there, in the words every command uses: a file not found when its name is one
 * only a file has (`fileName`), else a file or folder (a run folder, an exercise package's folder).
 */
export function missingWords(path: string, fileName: RegExp): Words {
  return fileName.test(path) ? notFoundWords() : NO_SUCH_FILE_OR_FOLDER;
}

/**
 * The texts of the files `names` of the folder `dir` (a file not there is left out), and a problem
 * for each that is there but cannot be read (a folder, no permission, not text).
 */
export function readFolderFiles(dir: string, names: readonly string[]): { files: Record<string, string | undefined>; errors: InputError[] } {
  const files: Record<string, string | undefined> = {};
  const errors: InputError[] = [];
  for (const n of names) {
    const p = join(dir, n);
    if (!existsSync(p)) continue;
    const r = readTextFile(p);
    if (r.ok) files[n] = r.value;
    else errors.push(...r.errors);
  }
  return { files, errors };
}

/** Reads a user's text file as bytes and decodes it (UTF-8, UTF-16, GB18030); problems as data. */
export function readTextFile(path: string, where = path): Result<string> {
  const bytes = readBytesFile(path, where, MAX_TEXT_BYTES);
  if (!bytes.ok) return bytes;
  const d = decodeText(bytes.value, where);
  return d.ok ? { ok: true, value: d.value.text } : d;
}

/** Why a file could not be read, in both languages: not found as every reader says it, else the system's code or message verbatim. */
function readProblem(e: unknown): Words {
  if (e instanceof NotReadable) return e.words;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return notFoundWords();
  if (code === 'EISDIR') return { zh: '是文件夹，不是文件', en: 'is a folder, not a file' };
  if (code === 'EACCES' || code === 'EPERM') return { zh: '无法读取（没有权限）', en: 'cannot be read (permission denied)' };
  if (code === 'ELOOP') return { zh: '无法读取（符号链接绕成了环，指不到任何文件）', en: 'cannot be read (a symbolic link that leads round in a loop, to no file)' };
  const why = code ?? (e as Error).message;
  return { zh: `无法读取（${why}）`, en: `cannot be read (${why})` };
}

/** A scenario file's text, a reader of its side files (relative to its folder), and what was read. */
export interface ScenarioFile {
  text: string;
  readFile: ReadFile;
  /** Binary side files (Shapefiles, zips), as bytes. */
  readBytes: ReadBytes;
  /** SHA-256 of every file read so far (the scenario itself, then side files as the loader asks). */
  digests: Map<string, string>;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Opens a scenario file; side files are read relative to its folder and their digests recorded. */
export function readScenarioFile(path: string): Result<ScenarioFile> {
  const st = tryStat(path);
  const wrong = st?.isFile() ? notAScenario(path) : st?.isDirectory() ? folderNotAScenario(path) : null;
  if (wrong) return { ok: false, errors: [{ path, ...wrong }] };
  const read = readBytesFile(path, path, MAX_TEXT_BYTES);
  if (!read.ok) return read;
  const bytes = read.value;
  const decoded = decodeText(bytes, path);
  if (!decoded.ok) return decoded;
  const digests = new Map<string, string>([[basename(path), sha256(bytes)]]);
  const dir = dirname(resolve(path));
  return { ok: true, value: { text: decoded.value.text, readFile: sideFileReader(dir, digests), readBytes: sideBytesReader(dir, digests), digests } };
}

/** A reader of files named relative to `dir`, decoded as users save them; `digests` records what was read. */
export function sideFileReader(dir: string, digests = new Map<string, string>()): ReadFile {
  const bytes = sideBytesReader(dir, digests, MAX_TEXT_BYTES);
  return (rel) => {
    const side = bytes(rel);
    if (!(side instanceof Uint8Array)) return side;
    const d = decodeText(side, rel);
    return d.ok ? d.value.text : { error: { zh: d.errors[0].zh, en: d.errors[0].en } };
  };
}

/** A reader of binary files (Shapefiles, zips) named relative to `dir`; `digests` records what was read. */
export function sideBytesReader(dir: string, digests = new Map<string, string>(), limit = MAX_BYTES): ReadBytes {
  return (rel) => {
    let side: Uint8Array;
    try {
      side = new Uint8Array(readCapped(resolve(dir, rel), limit));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR' ? null : { error: readProblem(e) };
    }
    digests.set(rel, sha256(side));
    return side;
  };
}

/** Loads a scenario file; side files are read relative to its folder (Excel workbooks are not: see {@link loadScenarioFileWithWorkbooks}). */
export function loadScenarioFile(path: string): Result<Scenario> {
  const f = readScenarioFile(path);
  return f.ok ? loadScenario(f.value.text, path, f.value.readFile, f.value.readBytes) : f;
}

/** Loads a scenario file as users' commands do: side files, Excel workbooks among them, read relative to its folder. */
export async function loadScenarioFileWithWorkbooks(path: string): Promise<Result<Scenario>> {
  const f = readScenarioFile(path);
  return f.ok ? loadScenarioWithWorkbooks(f.value.text, path, f.value.readFile, f.value.readBytes) : f;
}
