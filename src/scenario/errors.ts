import type { Words } from '../geo/import/problem.ts';

export type { Words };

/**
 * A problem in the input, named by where it is, said in both languages:
 * `units[3].station: unknown station "S9"` and `units[3].station：未知的站点“S9”`.
 */
export interface InputError extends Words {
  /** Dotted path into the scenario (`units[3].station`), or a file name for whole-file problems. */
  path: string;
  /** More lines for a reader with room (the UI): e.g. the excerpt of YAML around a parse error. */
  detail?: string;
}

/** Formats a path of keys and indices as `units[3].station`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** The language a person reads the problems in. */
export type Lang = 'zh' | 'en';

/**
 * A place as a Chinese reader reads it: the words of a table's places and of a variant in Chinese,
 * names and keys as they are (`msel.csv sheet "MSEL" row 3, column time` → `msel.csv 工作表“MSEL”
 * 第 3 行“time”列`; `big.yaml (variant far)` → `big.yaml（方案 far）`).
 */
export function placeZh(path: string): string {
  return path
    .replace(/ \(variant ([^()]*)\)$/, '（方案 $1）')
    .replace(/ sheet "([^"]*)"/g, ' 工作表“$1”')
    .replace(/ row (\d+)/g, ' 第 $1 行')
    .replace(/,? column "([^"]*)"$|,? column (.+)$/, (_, quoted: string | undefined, bare: string | undefined) => `“${quoted ?? bare}”列`);
}

/** One error as a line in `lang`: its place, then what is wrong. */
export function formatError(e: InputError, lang: Lang): string {
  const what = e[lang];
  if (!e.path) return what;
  return lang === 'zh' ? `${placeZh(e.path)}：${what}` : `${e.path}: ${what}`;
}

/** One line per error, as the CLI and UI show them. */
export function formatErrors(errors: readonly InputError[], lang: Lang): string {
  return errors.map((e) => formatError(e, lang)).join('\n');
}

/** Result of anything that reads user input. */
export type Result<T> = { ok: true; value: T; warnings?: InputError[] } | { ok: false; errors: InputError[] };

/** Warnings, as the CLI shows them: one line each, after "warning: " (警告：). */
export function formatWarnings(warnings: readonly InputError[] | undefined, lang: Lang): string {
  return (warnings ?? []).map((w) => `${lang === 'zh' ? '警告：' : 'warning: '}${formatError(w, lang)}`).join('\n');
}
