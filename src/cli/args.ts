/** Small helpers for the CLI's options: usage errors are values, reported with exit code 2. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_MAX_EVENTS, MAX_EVENTS_OPTION } from '../engine/estimate.ts';
import type { Lang, Words } from '../scenario/errors.ts';

/** A mistake in the command line, said in both languages; `message` is the English. */
export class UsageError extends Error {
  constructor(readonly words: Words) {
    super(words.en);
  }
}

/** The usage error that shows a command's usage line (the line itself stays English, as `--help` does). */
export const usageError = (usage: string): UsageError => new UsageError({ zh: `用法：${usage}`, en: `usage: ${usage}` });

/** Where a command writes: lines for standard output and standard error; `tty` when a person watches. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  tty: boolean;
}

/** Parses `argv` against `options`, turning parse failures into {@link UsageError}. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError(parseFailure(e as NodeJS.ErrnoException));
  }
  // An option given twice would silently take its last value (`--variants a --variants b` compares only b).
  const seen = new Set<string>();
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) throw new UsageError({ zh: `选项 --${t.name} 给了不止一次：只能给一次${t.name === 'variants' ? '（多个方案用逗号分隔：--variants a,b）' : ''}`, en: `--${t.name} is given more than once: give it once${t.name === 'variants' ? ' (several variants separated by commas: --variants a,b)' : ''}` });
    seen.add(t.name);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** node's own sentence in English; in Chinese, ours around the option it names. */
function parseFailure(e: NodeJS.ErrnoException): Words {
  const en = e.message;
  const option = /'(-[^' ]*)/.exec(en)?.[1];
  if (option === undefined) return { zh: `命令行有误：${en}`, en };
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { zh: `未知选项 ${option}（以 - 开头的参数若不是选项，请放在命令末尾的 -- 之后，如 -- "${option}"）`, en };
  if (/does not take an argument/.test(en)) return { zh: `选项 ${option} 不带取值`, en };
  if (/argument missing|ambiguous/.test(en)) return { zh: `选项 ${option} 缺少取值（取值以 - 开头时写作 ${option}=-XYZ）`, en };
  return { zh: `选项 ${option} 有误：${en}`, en };
}

/** An integer option within [min, max], or `fallback` when absent. */
export function intOption(value: string | boolean | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) throw new UsageError({ zh: `--${name} 必须是整数；实际为“${String(value)}”`, en: `--${name} must be a whole number, got "${String(value)}"` });
  const n = Number(value);
  if (n < min || n > max) throw new UsageError({ zh: `--${name} 必须在 ${min} 到 ${max} 之间；实际为 ${n}`, en: `--${name} must be between ${min} and ${max}, got ${n}` });
  return n;
}

/** `--seed` + `--reps` past the largest seed the streams take (`maxSeed`, random/streams.ts MAX_SEED). */
export const seedsTooHigh = (maxSeed: number): Words => ({ zh: `--seed 与 --reps 之和必须小于 ${maxSeed}`, en: `--seed + --reps must stay below ${maxSeed}` });

/** A command's lines in `lang` (the language of its reports and problems): `say(lang)(zh, en)`. */
export const say =
  (lang: Lang) =>
  (zh: string, en: string): string =>
    lang === 'zh' ? zh : en;

/** `--lang zh|en` (default zh, the source documents' language). */
export function langOption(value: string | boolean | undefined): Lang {
  const lang = value ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError({ zh: `--lang 必须是 zh 或 en；实际为“${String(lang)}”`, en: `--lang must be zh or en, got "${String(lang)}"` });
  return lang;
}

/**
 * The language asked for on a command line, found before (or without) parsing it, so that a
 * failure to parse is reported in it: the last `--lang en` / `--lang=en` before `--`; else zh.
 */
export function langOf(argv: readonly string[]): Lang {
  let lang: Lang = 'zh';
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice('--lang='.length) : undefined;
    if (value !== undefined) lang = value === 'en' ? 'en' : 'zh';
  }
  return lang;
}

/** `--max-events N`: the ceiling on one replication's estimated events (see `engine/estimate.ts`). */
export function maxEventsOption(value: string | boolean | undefined): number {
  return intOption(value, 'max-events', DEFAULT_MAX_EVENTS, 1, MAX_EVENTS_OPTION);
}

/** Whether `argv` (after the command) asks for help: `--help` or `-h` before any `--`. */
export function asksForHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--help' || a === '-h') return true;
  }
  return false;
}
