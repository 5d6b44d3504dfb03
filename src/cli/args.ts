/** Small helpers for the CLI's options: usage errors are values, reported with exit code 2. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_MAX_EVENTS, MAX_EVENTS_OPTION } from '../engine/estimate.ts';

export class UsageError extends Error {}

/** Where a command writes: lines for standard output and standard error; `tty` when a person watches. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  tty: boolean;
}

/** Parses `argv` against `options`, turning parse failures into {@link UsageError}. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** An integer option within [min, max], or `fallback` when absent. */
export function intOption(value: string | boolean | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${String(value)}"`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/**
 * A command's own result lines in `lang` (the language of its reports): `say(lang)(zh, en)`. Errors
 * and usage stay English, each naming its place in the input.
 */
export const say =
  (lang: 'zh' | 'en') =>
  (zh: string, en: string): string =>
    lang === 'zh' ? zh : en;

/** `--lang zh|en` (default zh, the source documents' language). */
export function langOption(value: string | boolean | undefined): 'zh' | 'en' {
  const lang = value ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, got "${String(lang)}"`);
  return lang;
}

/** `--max-events N`: the ceiling on one replication's estimated events (see `engine/estimate.ts`). */
export function maxEventsOption(value: string | boolean | undefined): number {
  return intOption(value, 'max-events', DEFAULT_MAX_EVENTS, 1, MAX_EVENTS_OPTION);
}

