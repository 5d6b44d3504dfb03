/**
 * The Node host's output files: linkdrill replaces only a folder it wrote itself; anything else — a
 * folder of the user's, the current folder, a file — is refused with a message and left untouched.
 * Every command that writes (run, batch, merge, report, exercise, calibrate) goes through here.
 */
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { formatError, type InputError, type Words } from '../scenario/errors.ts';

/** The kinds of folder linkdrill writes (an exercise writes a run folder with more files in it). */
export const OUTPUT_KINDS = ['run', 'batch', 'calibration', 'history'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

/** Marker file and file names of the kinds older versions wrote before the manifest existed. */
const LEGACY: Partial<Record<OutputKind, { marker: string; legacy: readonly string[] }>> = {
  run: {
    marker: 'run.json',
    legacy: ['report.html', 'incidents.csv', 'calls.csv', 'dispatches.csv', 'agencies.csv', 'units.csv', 'depots.csv', 'indicators.csv', 'summary.csv', 'events.csv', 'run.json'],
  },
  batch: { marker: 'batch.json', legacy: ['batch.json', 'replications.csv', 'comparison.csv', 'comparison.html'] },
};

/** Hidden manifest in every folder linkdrill writes: its kind and the files it put there. */
export const MANIFEST = '.linkdrill.json';

interface Manifest {
  kind: OutputKind;
  files: string[];
}

/** Each kind of folder as a person calls it. */
export const KIND_WORDS: Record<OutputKind, Words> = {
  run: { zh: '运行结果', en: 'run' },
  batch: { zh: '批量运行结果', en: 'batch' },
  calibration: { zh: '校准结果', en: 'calibration' },
  history: { zh: '历史验证结果', en: 'history' },
};

/**
 * A refusal to write, with the place it concerns (`problem`), said in both languages: `zh` and `en`
 * are the whole line (`out：…`, `out: …`) as {@link formatError} writes it; `message` is the English.
 */
export class OutputRefused extends Error implements Words {
  readonly problem: InputError;
  readonly zh: string;
  readonly en: string;

  constructor(path: string, words: Words) {
    const problem = { path, zh: words.zh, en: words.en };
    super(formatError(problem, 'en'));
    this.problem = problem;
    this.zh = formatError(problem, 'zh');
    this.en = this.message;
  }
}

/** The words of a failed write: "cannot write the output (no space left on the disk); nothing was changed". */
const notWritten = (e: unknown): Words => {
  const why = writeProblem(e);
  return { zh: `无法写入输出（${why.zh}）；未做任何改动`, en: `cannot write the output (${why.en}); nothing was changed` };
};

/** What is in `dir` now: `null` when it does not exist; throws {@link OutputRefused} when it is not a plain folder. */
function entries(dir: string, shown: string): string[] | null {
  let st;
  try {
    st = lstatSync(dir);
  } catch {
    return null;
  }
  if (st.isSymbolicLink()) throw new OutputRefused(shown, { zh: '是符号链接；请给出文件夹本身', en: 'is a symbolic link; give the folder itself' });
  if (!st.isDirectory()) throw new OutputRefused(shown, { zh: '是文件而不是文件夹；请为输出另取一个文件夹名', en: 'is a file, not a folder; choose a folder name for the output' });
  return readdirSync(dir);
}

function readManifest(dir: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    if ((OUTPUT_KINDS as readonly string[]).includes(m.kind) && Array.isArray(m.files) && m.files.every((f) => typeof f === 'string')) return m;
  } catch {
    // no manifest, or not ours
  }
  return null;
}

/**
 * Which linkdrill folder `dir` is, judged by its contents: its manifest (or, for folders written
 * before manifests, its marker file and known names) must account for every entry in it.
 * Returns the kind, `'empty'`, `'absent'`, or the entries linkdrill did not write.
 */
export function folderOwner(dir: string, shown = dir): OutputKind | 'empty' | 'absent' | { foreign: string[] } {
  const names = entries(dir, shown);
  if (names === null) return 'absent';
  if (names.length === 0) return 'empty';
  const m = readManifest(dir);
  // Leftovers of an interrupted write of our own are ours too.
  const leftover = (n: string) => /\.partial-\d+$/.test(n);
  if (m) {
    const own = new Set([...m.files, MANIFEST]);
    const foreign = names.filter((n) => !own.has(n) && !leftover(n));
    return foreign.length ? { foreign } : m.kind;
  }
  for (const kind of Object.keys(LEGACY) as OutputKind[]) {
    const k = LEGACY[kind]!;
    if (!names.includes(k.marker)) continue;
    const foreign = names.filter((n) => !k.legacy.includes(n) && !leftover(n));
    return foreign.length ? { foreign } : kind;
  }
  return { foreign: names };
}

/** Refuses output paths that are the current folder, one of its parents, the home folder or a root. */
function checkPlace(outDir: string): string {
  if (outDir.trim() === '') throw new OutputRefused('--out', { zh: '为空；请给出文件夹名', en: 'is empty; give a folder name' });
  const target = resolve(outDir);
  const cwd = process.cwd();
  if (target === cwd || cwd.startsWith(target.endsWith(sep) ? target : target + sep)) {
    const here = target === cwd;
    throw new OutputRefused(outDir, {
      zh: `是当前文件夹${here ? '' : '或其上级文件夹'}；linkdrill 只写入它自己的文件夹（如 reports/my-run）`,
      en: `is the current folder${here ? '' : ' or holds it'}; linkdrill writes into a folder of its own (e.g. reports/my-run)`,
    });
  }
  if (target === homedir() || dirname(target) === target) {
    const root = dirname(target) === target;
    throw new OutputRefused(outDir, { zh: `是${root ? '文件系统的根目录' : '你的主文件夹'}；请另选一个专用的文件夹`, en: `is ${root ? 'a file-system root' : 'your home folder'}; choose a folder of its own` });
  }
  return target;
}

/** The first few names, quoted, and how many more. */
export const fileList = (xs: string[]): Words => ({
  zh: xs.slice(0, 4).map((x) => `“${x}”`).join('、') + (xs.length > 4 ? ` 等，另有 ${xs.length - 4} 项` : ''),
  en: xs.slice(0, 4).map((x) => `"${x}"`).join(', ') + (xs.length > 4 ? ` and ${xs.length - 4} more` : ''),
});

/**
 * May linkdrill put a `kind` folder at `outDir`? Returns the resolved path; throws
 * {@link OutputRefused} naming the reason when the place holds anything that is not linkdrill's own
 * folder of this kind. `replace` is whether an existing folder of this kind may be replaced.
 */
export function claimOutputFolder(outDir: string, kind: OutputKind, replace = true): string {
  const target = checkPlace(outDir);
  const owner = folderOwner(target, outDir);
  if (owner === 'absent' || owner === 'empty') return target;
  if (typeof owner === 'object') {
    const names = fileList(owner.foreign);
    throw new OutputRefused(outDir, {
      zh: `含有并非 linkdrill 写出的文件（${names.zh}）；未做任何改动——请为输出选择一个新的或空的文件夹`,
      en: `holds files linkdrill did not write (${names.en}); nothing was changed — choose a new or empty folder for the output`,
    });
  }
  const [was, want] = [KIND_WORDS[owner], KIND_WORDS[kind]];
  if (owner !== kind) {
    throw new OutputRefused(outDir, {
      zh: `是 linkdrill 的${was.zh}文件夹，而不是${want.zh}文件夹；未做任何改动——请另选文件夹`,
      en: `holds a linkdrill ${was.en} folder, not a ${want.en} folder; nothing was changed — choose another folder`,
    });
  }
  if (!replace) throw new OutputRefused(outDir, { zh: `已有先前的${want.zh}；未做任何改动`, en: `holds an earlier ${want.en}; nothing was changed` });
  return target;
}

/** Clean-up after a failure must not hide the failure itself. */
function quietly(f: () => unknown): void {
  try {
    f();
  } catch {
    // the original error is what the user needs to see
  }
}

/** Turns a write failure into words a user can act on (an error code the words do not know, as it is). */
export function writeProblem(e: unknown): Words {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return { zh: '磁盘空间不足', en: 'no space left on the disk' };
  if (code === 'EACCES' || code === 'EPERM') return { zh: '没有权限', en: 'permission denied' };
  if (code === 'EROFS') return { zh: '文件系统为只读', en: 'the file system is read-only' };
  if (code === 'EDQUOT') return { zh: '超出磁盘配额', en: 'disk quota exceeded' };
  const raw = code ?? (e as Error).message;
  return { zh: raw, en: raw };
}

/** Whether process `pid` is running (or exists under another user); pid reuse only keeps a leftover longer. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the hidden siblings (`.NAME.partial-PID`, `.NAME.old-PID`) of folder `name` in `parent` that
 * a write killed outright (SIGKILL, out of memory) left behind; a live process's are its own to finish.
 */
function clearLeftovers(parent: string, name: string): void {
  const prefix = `.${name}.`;
  for (const entry of readdirSync(parent)) {
    const m = entry.startsWith(prefix) ? /^(?:partial|old)-(\d+)$/.exec(entry.slice(prefix.length)) : null;
    if (m && !alive(Number(m[1]))) quietly(() => rmSync(join(parent, entry), { recursive: true, force: true }));
  }
}

/**
 * A folder being built beside `outDir` (a hidden temporary sibling) that takes its place in one
 * rename once complete. Only an empty folder or linkdrill's own folder of this kind is replaced (see
 * {@link claimOutputFolder}); on `abort` nothing is left behind and the old folder stays as it was.
 */
function stageFolder(outDir: string, kind: OutputKind): { tmp: string; commit(files: string[]): void; abort(): void } {
  const target = claimOutputFolder(outDir, kind);
  const parent = dirname(target);
  const tmp = join(parent, `.${basename(target)}.partial-${process.pid}`);
  const old = join(parent, `.${basename(target)}.old-${process.pid}`);
  try {
    mkdirSync(parent, { recursive: true });
    clearLeftovers(parent, basename(target));
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
  } catch (e) {
    quietly(() => rmSync(tmp, { recursive: true, force: true }));
    throw new OutputRefused(outDir, notWritten(e));
  }
  return {
    tmp,
    commit(files) {
      try {
        const manifest: Manifest = { kind, files: [...files].sort() };
        writeFileSync(join(tmp, MANIFEST), JSON.stringify(manifest) + '\n');
        if (existsSync(target)) renameSync(target, old);
        renameSync(tmp, target);
      } catch (e) {
        quietly(() => rmSync(tmp, { recursive: true, force: true }));
        quietly(() => !existsSync(target) && existsSync(old) && renameSync(old, target));
        throw new OutputRefused(outDir, notWritten(e));
      }
      quietly(() => rmSync(old, { recursive: true, force: true }));
    },
    abort() {
      quietly(() => rmSync(tmp, { recursive: true, force: true }));
    },
  };
}

/**
 * Writes `files` as the folder `outDir`, whole or not at all: everything goes to a temporary sibling
 * first, which takes the place of `outDir` only once every file is written. Only an empty folder or
 * linkdrill's own folder of this kind is replaced (see {@link claimOutputFolder}); on any failure
 * nothing is left behind and the old folder stays as it was.
 */
export function writeOutputFolder(outDir: string, files: Record<string, string | Uint8Array>, kind: OutputKind): void {
  const stage = stageFolder(outDir, kind);
  try {
    for (const [name, data] of Object.entries(files)) writeFileSync(join(stage.tmp, name), data);
  } catch (e) {
    stage.abort();
    throw new OutputRefused(outDir, notWritten(e));
  }
  stage.commit(Object.keys(files));
}

/** A file of a folder being built: bytes written to the disk as they come. */
class FileSink {
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly fail: (e: unknown) => never,
  ) {}

  write(bytes: Uint8Array): void {
    try {
      for (let off = 0; off < bytes.length; ) off += writeSync(this.fd, bytes, off, bytes.length - off);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Closes the file (once; later calls do nothing). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/**
 * Writes the folder `outDir` as `fill` produces its files, whole or not at all: `fill` opens files
 * by name and writes their bytes piece by piece while it works (a run streams its CSV files as it
 * simulates); they go to a temporary sibling that takes the place of `outDir` only once `fill` has
 * finished and every file is closed. If `fill` throws — a write that failed, an interruption —
 * nothing is left behind, the old folder stays as it was, and the error goes on to the caller.
 */
export async function writeOutputFolderStreamed<T>(outDir: string, kind: OutputKind, fill: (open: (name: string) => (bytes: Uint8Array) => void) => T | Promise<T>): Promise<T> {
  const stage = stageFolder(outDir, kind);
  const sinks = new Map<string, FileSink>();
  const fail = (e: unknown): never => {
    throw new OutputRefused(outDir, notWritten(e));
  };
  const open = (name: string) => {
    if (sinks.has(name) || name.includes('/') || name.includes(sep) || name.startsWith('.')) throw new Error(`output file "${name}" opened twice or not a plain name`);
    let fd: number;
    try {
      fd = openSync(join(stage.tmp, name), 'wx');
    } catch (e) {
      return fail(e);
    }
    const sink = new FileSink(fd, fail);
    sinks.set(name, sink);
    return (bytes: Uint8Array) => sink.write(bytes);
  };
  let result: T;
  try {
    result = await fill(open);
    for (const s of sinks.values()) {
      try {
        s.close();
      } catch (e) {
        fail(e);
      }
    }
  } catch (e) {
    for (const s of sinks.values()) quietly(() => s.close());
    stage.abort();
    throw e;
  }
  stage.commit([...sinks.keys()]);
  return result;
}

/** Records that `dir` (being written file by file, as a batch is) is linkdrill's `kind` folder holding `files`. */
export function writeManifest(dir: string, kind: OutputKind, files: readonly string[]): void {
  const manifest: Manifest = { kind, files: [...new Set(files)].sort() };
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest) + '\n');
}

/**
 * Replaces one file linkdrill owns inside a folder it owns (e.g. `report.html` in a run folder),
 * through a temporary file, so a failure leaves the old file whole.
 */
export function replaceOwnFile(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.partial-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    quietly(() => rmSync(tmp, { force: true }));
    const why = writeProblem(e);
    throw new OutputRefused(path, { zh: `无法写入（${why.zh}）；原文件未改动`, en: `cannot write (${why.en}); the old file is unchanged` });
  }
}

/**
 * Writes a single output file that is not part of a linkdrill folder (e.g. an imported road
 * network): refused when something already exists there, unless `overwrite` is given.
 */
export function writeOutputFile(path: string, data: string | Uint8Array, overwrite = false): void {
  if (path.trim() === '') throw new OutputRefused('--out', { zh: '为空；请给出文件名', en: 'is empty; give a file name' });
  const target = resolve(path);
  let exists = false;
  try {
    const st = lstatSync(target);
    exists = true;
    if (!st.isFile()) throw new OutputRefused(path, { zh: `是${st.isDirectory() ? '文件夹' : '非普通文件'}；请给出文件名`, en: `is ${st.isDirectory() ? 'a folder' : 'not a regular file'}; give a file name` });
  } catch (e) {
    if (e instanceof OutputRefused) throw e;
  }
  if (exists && !overwrite) throw new OutputRefused(path, { zh: '已存在；未做任何改动（请换一个名字，或加 --force 替换）', en: 'already exists; nothing was changed (give another name, or --force to replace it)' });
  mkdirSync(dirname(target), { recursive: true });
  replaceOwnFile(target, data);
}
