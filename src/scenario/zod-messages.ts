/**
 * zod's issues as path-named errors in words a user can act on, in Chinese and English: the place,
 * what it must be, and what was found there (`duration: must be seconds (a number ≥ 0) or a string
 * like "90s", "5m", "2h"; got .nan (not a number)` / `……；实际为 .nan（非数值）`), instead of zod's
 * `Invalid input`. The fragments (`valueWords`, `gotWords`, `oneOfWords`, `REQUIRED`) serve the
 * loader's own checks too.
 */
import type { z } from 'zod';
import { formatPath, type InputError, type Words } from './errors.ts';
import { SCHEMA_WORDS } from './schema-words.ts';

type Issue = z.core.$ZodIssue;

/** The Chinese of each of the scenario schema's own messages, by its English. */
const SCHEMA_ZH: ReadonlyMap<string, string> = new Map(SCHEMA_WORDS.map((w) => [w.en, w.zh]));

/** The value at `path` in the input, or `undefined` where the path leads nowhere. */
export function valueAt(v: unknown, path: readonly PropertyKey[]): unknown {
  let cur = v;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, p)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/**
 * A short description of a value as the user wrote it (YAML spellings for the non-finite numbers),
 * in both languages: `.nan (not a number)`, `"abc"` / `.nan（非数值）`, `“abc”`.
 */
export function valueWords(v: unknown): Words {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { zh: '.nan（非数值）', en: '.nan (not a number)' };
    if (v === Infinity) return { zh: '.inf（无穷大，或 1e400 这样过大的数）', en: '.inf (infinity, or a number too large such as 1e400)' };
    if (v === -Infinity) return { zh: '-.inf（负无穷大）', en: '-.inf (minus infinity)' };
    return same(String(v));
  }
  if (typeof v === 'string') {
    const t = v.length > 40 ? `${v.slice(0, 40)}…` : v;
    return { zh: `“${t}”`, en: `"${t}"` };
  }
  if (v === null) return { zh: '空值（null）', en: 'nothing (null)' };
  if (Array.isArray(v)) return { zh: `含 ${v.length} 项的列表`, en: `a list of ${v.length}` };
  if (typeof v === 'object') return { zh: '键值映射', en: 'a mapping of keys' };
  return same(String(v));
}

/** Chinese that follows a Chinese word: a space before Latin letters or digits (`实际为 12`, `实际为“abc”`). */
const spaced = (zh: string): string => (/^[!-~]/.test(zh) ? ` ${zh}` : zh);

/** What was found, appended to what a place must be: `; got "abc"` / `；实际为“abc”`. */
export function gotWords(v: unknown): Words {
  const d = valueWords(v);
  return { zh: `；实际为${spaced(d.zh)}`, en: `; got ${d.en}` };
}

/** Accepted values as a list: `"a", "b"` / `“a”、“b”`. */
function valueList(values: readonly unknown[]): Words {
  return { zh: values.map((v) => (typeof v === 'string' ? `“${v}”` : JSON.stringify(v))).join('、'), en: values.map((v) => JSON.stringify(v)).join(', ') };
}

/** A choice of accepted values: `one of "a", "b"` / `“a”、“b”之一`; a single one alone (`1`). */
export function oneOfWords(values: readonly unknown[]): Words {
  const list = valueList(values);
  return values.length === 1 ? list : { zh: `${list.zh}之一`, en: `one of ${list.en}` };
}

const same = (text: string): Words => ({ zh: text, en: text });
const join = (a: Words, b: Words): Words => ({ zh: a.zh + b.zh, en: a.en + b.en });

const EXPECTED: Record<string, Words> = {
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  string: { zh: '文本', en: 'text' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '键值映射', en: 'a mapping of keys' },
  record: { zh: '键值映射', en: 'a mapping of keys' },
};

/**
 * A schema's own message in both languages: its Chinese from `table` (looked up by the English zod
 * hands back); a message the table lacks keeps its English in both (a test holds every schema's
 * messages to the table).
 */
function schemaWords(message: string, table: ReadonlyMap<string, string>): Words {
  return { zh: table.get(message) ?? message, en: message };
}

/** Words with the value found appended (`; got 12`), where that value is a single number or text the words do not already show. */
export const withFound = (message: Words, found: unknown): Words =>
  (typeof found === 'number' || typeof found === 'string') && !message.en.includes(String(found)) ? join(message, gotWords(found)) : message;

/** Words for what zod expected (`a number`), from an invalid_type issue. */
const expectedWords = (i: Issue): Words | null => (i.code === 'invalid_type' ? (EXPECTED[i.expected] ?? same(i.expected)) : null);

/**
 * How far into the input a branch of a union got before it failed: the length of the path to its
 * deepest problem, half a step more where the value there had the right type but failed a check.
 * A wrong type, a literal that does not match (`dist: fixed`) or a missing value says the branch is
 * the wrong one (0 when that is so at the branch's own place).
 */
function depth(issues: readonly Issue[]): number {
  if (issues.some((i) => (i.code === 'invalid_type' || i.code === 'invalid_value') && i.path.length === 0)) return 0;
  return Math.max(0, ...issues.map(issueDepth));
}
function issueDepth(i: Issue): number {
  if (i.code === 'invalid_type' || i.code === 'invalid_value') return i.path.length;
  if (i.code === 'invalid_union' && Array.isArray(i.errors) && i.errors.length) return i.path.length + Math.max(...(i.errors as Issue[][]).map(depth));
  return i.path.length + 0.5;
}

/** zod's own wording of a range check ("Too big: expected number to be <=5") in plain words. */
function rangeMessage(issue: Issue & { code: 'too_big' | 'too_small' }, found: unknown, table: ReadonlyMap<string, string>): Words {
  if (!/^Too (big|small)/.test(issue.message)) return withFound(schemaWords(issue.message, table), found); // the schema's own words
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  const strict = issue.inclusive === false;
  const got = gotWords(found);
  if (issue.origin === 'array' || issue.origin === 'set') {
    const what: Words = issue.exact
      ? { zh: `必须恰好有 ${limit} 项`, en: `must have exactly ${limit} items` }
      : { zh: `${big ? '最多只能' : '至少要'}有 ${limit} 项`, en: `must have at ${big ? 'most' : 'least'} ${limit} item${limit === 1 ? '' : 's'}` };
    return join(what, got);
  }
  if (issue.origin === 'string') {
    return join({ zh: `长度${big ? '最多' : '至少'}为 ${limit} 个字符`, en: `must be at ${big ? 'most' : 'least'} ${limit} character${limit === 1 ? '' : 's'} long` }, got);
  }
  const zh = big ? (strict ? '必须小于' : '不得大于') : strict ? '必须大于' : '不得小于';
  return join({ zh: `${zh} ${limit}`, en: `must be ${big ? (strict ? 'below' : 'at most') : strict ? 'above' : 'at least'} ${limit}` }, got);
}

/** A place that must be filled in and is not. */
export const REQUIRED: Words = { zh: '必须填写', en: 'is required' };

/** "must be …" / "必须是…", around words for what a place accepts. */
const mustBe = (w: Words): Words => ({ zh: `必须是${spaced(w.zh)}`, en: `must be ${w.en}` });

/** The message for one issue, with what was found where the input says something. */
function messageOf(issue: Issue, input: unknown, table: ReadonlyMap<string, string>): Words {
  const found = valueAt(input, issue.path);
  if (issue.code === 'invalid_type') {
    if (found === undefined) return REQUIRED;
    if (typeof found === 'number' && !Number.isFinite(found)) return join({ zh: '必须是有限的数值', en: 'must be a finite number' }, gotWords(found));
    return join(mustBe(expectedWords(issue)!), gotWords(found));
  }
  if (issue.code === 'unrecognized_keys') {
    return { zh: `未知的键${issue.keys.map((k) => `“${k}”`).join('、')}`, en: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
  }
  if (issue.code === 'invalid_union') {
    // A discriminated union's key (`dist`) names none of its branches: the accepted values, as for any choice.
    const options = (issue as { options?: unknown[] }).options;
    if (Array.isArray(options) && options.length) {
      if (found === undefined) return { zh: `必须填写，可选：${valueList(options).zh}`, en: `is required: ${oneOfWords(options).en}` };
      return join(mustBe(oneOfWords(options)), gotWords(found));
    }
    if (found === undefined) return REQUIRED;
    // A union's own message says what it accepts; zod's default says nothing.
    const what = issue.message && issue.message !== 'Invalid input' ? schemaWords(issue.message, table) : unionExpected(issue);
    return join(what, gotWords(found));
  }
  if (issue.code === 'invalid_value') return join(mustBe(oneOfWords(issue.values)), gotWords(found));
  if (issue.code === 'too_big' || issue.code === 'too_small') return rangeMessage(issue, found, table);
  if (issue.code === 'invalid_format' || issue.code === 'custom') return withFound(schemaWords(issue.message, table), found);
  // The rest (a record's key, a map's element) are zod's own words: kept, with Chinese around them.
  return { zh: `不符合要求（${issue.message}）`, en: issue.message };
}

/** "must be a number or text", "must be one of 1, 2, 3", from the branches of a union that all failed at its own place. */
function unionExpected(issue: Issue & { code: 'invalid_union' }): Words {
  const words = new Map<string, Words>();
  const values: unknown[] = [];
  for (const branch of issue.errors) {
    for (const i of branch) {
      if (i.path.length !== 0) continue;
      if (i.code === 'invalid_value') values.push(...i.values);
      else {
        const w = expectedWords(i) ?? { zh: '其他值', en: 'something else' };
        words.set(w.en, w);
      }
    }
  }
  if (values.length) words.set('', oneOfWords(values));
  const all = [...words.values()];
  if (!all.length) return { zh: '不是可接受的任何一种形式', en: 'is not one of the accepted forms' };
  return { zh: `必须是${all.map((w) => w.zh).join('或')}`, en: `must be ${all.map((w) => w.en).join(' or ')}` };
}

/** Issues flattened to the ones to show (a union's best branch), each with its full path. */
function shown(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const raw of issues) {
    const issue = { ...raw, path: [...prefix, ...raw.path] } as Issue;
    if (issue.code === 'invalid_union' && Array.isArray(issue.errors) && issue.errors.length) {
      const branches = issue.errors as Issue[][];
      const deepest = Math.max(...branches.map(depth));
      if (deepest > 0) {
        const best = branches.filter((b) => depth(b) === deepest);
        // Objects told apart by one key (`dist`): a value none of them expects is the one problem.
        const tag = best[0].find((i) => i.code === 'invalid_value');
        const tagOf = (b: Issue[]) => b.find((i) => i.code === 'invalid_value' && tag && formatPath(i.path) === formatPath(tag.path));
        if (best.length > 1 && tag && best.every(tagOf)) {
          const values = best.flatMap((b) => (tagOf(b) as Issue & { values: unknown[] }).values);
          out.push({ ...tag, values, path: [...issue.path, ...tag.path] } as Issue);
        } else out.push(...shown(best[0], issue.path));
        continue;
      }
    }
    out.push(issue);
  }
  return out;
}

/**
 * zod issues as path-named errors. A union reports one issue per branch: the branch that got
 * furthest into the input is shown; where several got equally far, each expecting a different
 * value at the same place (`dist: weibull`), their values are listed together. A schema's own
 * messages find their Chinese in {@link SCHEMA_WORDS}, and in `words` for a schema outside the scenario's.
 */
export function zodErrors(issues: readonly Issue[], input: unknown, words: readonly Words[] = []): InputError[] {
  const table = words.length ? new Map([...SCHEMA_ZH, ...words.map((w): [string, string] => [w.en, w.zh])]) : SCHEMA_ZH;
  // Two checks of one number (int, then max) can both fail: one line per place and kind of problem.
  const seen = new Set<string>();
  const out: InputError[] = [];
  for (const issue of shown(issues)) {
    const error: InputError = { path: formatPath(issue.path), ...messageOf(issue, input, table) };
    const key = `${error.path}\n${issue.code === 'too_big' || issue.code === 'too_small' ? issue.code : error.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error);
  }
  return out;
}
