/**
 * Ctrl-C (SIGINT) or a job scheduler's TERM while a command works: noted, so the command stops at its
 * next step and leaves nothing half-written, then says so and exits 130 (143 for TERM).
 */
import type { Lang } from '../scenario/errors.ts';

/** A Ctrl-C (SIGINT) or a scheduler's TERM noted while a command works (see {@link watchInterrupt}). */
export interface Interrupt {
  /** The signal received, or null. */
  readonly signal: NodeJS.Signals | null;
  /** Aborted when a signal comes (for work on worker processes). */
  readonly abort: AbortSignal;
  /** Stops watching (always, in a `finally`). */
  stop(): void;
}

/** Watches for SIGINT and SIGTERM, so that the command stops at its next step instead of dying mid-way. */
export function watchInterrupt(): Interrupt {
  const ac = new AbortController();
  let signal: NodeJS.Signals | null = null;
  const onSignal = (s: NodeJS.Signals) => {
    signal = s;
    ac.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    get signal() {
      return signal;
    },
    abort: ac.signal,
    stop() {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    },
  };
}

/** What a command interrupted before it wrote anything says (`已中断：DIR/ 未写入任何文件`). */
export function interrupted(outDir: string, signal: NodeJS.Signals | null, lang: Lang): { line: string; code: number } {
  const line = lang === 'zh' ? `已中断：${outDir}/ 未写入任何文件` : `interrupted: nothing was written to ${outDir}/`;
  return { line, code: interruptedCode(signal) };
}

/** The exit code of a command a signal stopped: 128 + the signal's number, as shells report it. */
export const interruptedCode = (signal: NodeJS.Signals | null): number => (signal === 'SIGTERM' ? 143 : 130);
