/**
 * JSON text read from a user's file (a scenario, GeoJSON, an exercise log, Overpass data, run.json):
 * where it fails to parse is said by line and column in both languages, with the line and a caret
 * under the place. The JavaScript engine's own message is English, says only an offset in Node, and
 * differs from browser to browser; the reader gets the same words everywhere.
 */
import type { Problem, Words } from './problem.ts';

/** Why JSON text did not parse: the words (line, column, what was expected) and the line with a caret. */
export interface JsonSyntax extends Words {
  /** The line in question with a caret under the place. */
  detail: string;
  /** The text ended before the JSON did: a file cut short (the words say so). */
  cutShort: boolean;
}

/** The parsed value of `text` (a byte-order mark at its start allowed), or why it is not JSON. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; why: JsonSyntax } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    return { ok: false, why: jsonSyntax(body, (e as Error).message) };
  }
}

/**
 * The problem of `path` that {@link parseJson} found, as every reader names it: `before` words ahead of
 * it (the file's name), `is` ("… is not valid JSON") where the path is a file, `after` words behind it
 * (what to do); the line with its caret as the detail.
 */
export function jsonProblem(path: string, why: JsonSyntax, o: { before?: Words; is?: boolean; after?: Words } = {}): Problem & { detail?: string } {
  return {
    path,
    zh: `${o.before?.zh ?? ''}${why.zh}${o.after?.zh ?? ''}`,
    en: `${o.before?.en ?? ''}${o.is ? 'is ' : ''}${why.en}${o.after?.en ?? ''}`,
    detail: why.detail,
  };
}

/** What each engine message means, in Chinese (V8's and SpiderMonkey's wordings). */
const REASONS: readonly (readonly [RegExp, string])[] = [
  [/expected ',' or '}' after property value/i, '属性值之后应为“,”或“}”'],
  [/expected ',' or ']' after array element/i, '数组元素之后应为“,”或“]”'],
  [/expected (double-quoted )?property name|property names must be double-quoted/i, '应为带双引号的属性名（JSON 的键须加双引号，最后一项之后不能有逗号）'],
  [/unterminated string/i, '字符串缺少结尾的双引号'],
  [/bad control character|bad escaped character|bad unicode escape/i, '字符串中有不允许的字符（换行须写作 \\n，反斜杠须写作 \\\\）'],
  [/unexpected non-whitespace character after json/i, 'JSON 结束之后还有多余的内容'],
];

/** {@link JsonSyntax} of a failed parse of `text`, from the engine's `message`. */
export function jsonSyntax(text: string, message: string): JsonSyntax {
  // At the very end of the text, whatever the engine expected there, the file was cut short.
  const end = /at position (\d+)/.exec(message);
  const cutShort = /unexpected end of (json input|data)/i.test(message) || (end !== null && Number(end[1]) >= text.trimEnd().length);
  const token = /unexpected token '?(.)'?,/i.exec(message)?.[1];
  const zhReason = cutShort ? '内容在 JSON 结束之前就结束了：文件不完整？' : (REASONS.find(([re]) => re.test(message))?.[1] ?? (token !== undefined ? `意外的字符“${token}”` : '语法错误'));
  // V8: "… in JSON at position 1150 (line 75 column 5)"; SpiderMonkey: "JSON.parse: … at line 75 column 5 of the JSON data".
  const engine = message.replace(/^JSON\.parse: /, '').replace(/ (in JSON )?at (position \d+|line \d+ column \d+).*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
  const enReason = cutShort ? `${engine} where the text ends: cut short?` : engine;
  const at = place(text, message, cutShort);
  return { zh: `不是有效的 JSON：第 ${at.line} 行第 ${at.column} 列，${zhReason}`, en: `not valid JSON: line ${at.line}, column ${at.column}: ${enReason}`, detail: at.excerpt, cutShort };
}

/** Line and column (from 1) of the place the engine names, and that line with a caret under it. */
function place(text: string, message: string, cutShort: boolean): { line: number; column: number; excerpt: string } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  const pos = /at position (\d+)/.exec(message);
  let offset: number;
  if (pos) offset = Number(pos[1]);
  else if (lc) offset = offsetOf(text, Number(lc[1]), Number(lc[2]));
  else if (cutShort) offset = text.length;
  else offset = offsetByPrefix(text);
  offset = Math.min(offset, text.length);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(0, offset).split('\n').length;
  const column = offset - lineStart + 1;
  // A minified file is one long line: show 60 characters either side of the place.
  const from = Math.max(lineStart, offset - 60);
  const to = Math.min(lineEnd < 0 ? text.length : lineEnd, offset + 60);
  const shown = text.slice(from, to).replace(/\r$/, '').replace(/\t/g, ' ');
  return { line, column, excerpt: `${from > lineStart ? '…' : ''}${shown}\n${' '.repeat(offset - from + (from > lineStart ? 1 : 0))}^` };
}

/** The offset of line `line`, column `column` (both from 1) in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/**
 * Where the parse fails when the engine's message names no place (V8's "Unexpected token 'x'": a
 * trailing comma in a list, NaN, a bare word): the end of the shortest prefix that fails before its
 * own end. A prefix fails at its end until it takes in the bad character, and inside from then on,
 * so a binary search finds it in about 30 parses.
 */
function offsetByPrefix(text: string): number {
  const failsInside = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return false;
    } catch (e) {
      const m = (e as Error).message;
      if (/unexpected end of (json input|data)/i.test(m)) return false;
      const p = /at position (\d+)/.exec(m);
      return p === null || Number(p[1]) < n;
    }
  };
  let [lo, hi] = [0, text.length];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (failsInside(mid)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}
