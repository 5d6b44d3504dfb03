/**
 * What every way of starting a command shares: the process's standard streams as an {@link Io}, and
 * a command's exceptions turned into exit codes (usage 2, refused output 1, a fault of linkdrill's
 * own 3, in one line) — for the full command line and for a command built on its own.
 */
import { langOf, UsageError, type Io } from './args.ts';
import { OutputRefused } from '../worker/node-fs.ts';
import { ExerciseError } from '../exercise/problems.ts';
import type { Lang, Words } from '../scenario/errors.ts';

/** Standard output and standard error, one line per call. */
export const defaultIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  tty: Boolean(process.stderr.isTTY),
};

/**
 * A reader that stops early (`linkdrill schema | head`) closes the pipe: writing on then fails with
 * EPIPE, which is no fault of anyone's. The command ends there, quietly, with the code it had.
 */
export function endQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
}

/**
 * The `main` of a command built on its own (build/<command>.cjs, which bin/linkdrill.js starts from
 * V8's code cache): `command` run on `argv` = `<command> …` as the whole command line runs it.
 */
export function commandAlone(command: (args: string[], io: Io) => Promise<number> | number): (argv: string[], io?: Io) => Promise<number> {
  return (argv, io = defaultIo) => exitCodeOf(() => command(argv.slice(1), io), io, langOf(argv));
}

/** Runs `command`; its exit code, or the code and one line on `io`, in `lang`, for what it threw. */
export async function exitCodeOf(command: () => Promise<number> | number, io: Io, lang: Lang): Promise<number> {
  try {
    return await command();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.words[lang]);
      return 2;
    }
    // A place linkdrill may not write to, or could not: named, nothing changed.
    if (e instanceof OutputRefused) {
      io.err(e[lang]);
      return 1;
    }
    // An exercise action its package or log does not allow, or a batch worker the system stopped
    // (out of memory, killed): said in its own words, not as a fault of linkdrill's.
    if (e instanceof ExerciseError) {
      io.err(e.words[lang]);
      return 1;
    }
    // (WorkerStopped carries its words as zh and en: known by them, so the compiled validate,
    // which has no workers, does not load the worker host.)
    if (carriesWords(e)) {
      io.err(e[lang]);
      return 1;
    }
    // Anything else is a fault of linkdrill itself: say so in one line (the stack on request).
    const message = (e as Error).message;
    io.err(lang === 'zh' ? `linkdrill：内部错误：${message}` : `linkdrill: internal error: ${message}`);
    if (process.env.LINKDRILL_DEBUG) io.err(String((e as Error).stack));
    return 3;
  }
}

/** An error that says itself in both languages (`zh`, `en`), as a stopped batch worker does. */
const carriesWords = (e: unknown): e is Error & Words => e instanceof Error && typeof (e as Partial<Words>).zh === 'string' && typeof (e as Partial<Words>).en === 'string';

/** `cannot write the output folder "DIR": why`, the why in the refusal's words without its place (another error's message in both). */
export function cannotWriteFolder(outDir: string, e: unknown): Words {
  const message = (e as Error).message;
  // A refusal of the folder itself is said without its place again; one of a file in it keeps the file's.
  const why: Words = e instanceof OutputRefused ? (e.problem.path === outDir ? e.problem : e) : { zh: message, en: message };
  return { zh: `无法写入输出文件夹“${outDir}”：${why.zh}`, en: `cannot write the output folder "${outDir}": ${why.en}` };
}
