/**
 * zod's issues as path-named errors in words a user can act on: the place, what it must be, and what
 * was found there (`duration: must be seconds (a number ≥ 0) or a string like "90s", "5m", "2h";
 * got .nan (not a number)`), instead of zod's `Invalid input`.
 */
import type { z } from 'zod';
import { formatPath, type InputError } from './errors.ts';

type Issue = z.core.$ZodIssue;

/** The value at `path` in the input, or `undefined` where the path leads nowhere. */
export function valueAt(v: unknown, path: readonly PropertyKey[]): unknown {
  let cur = v;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, p)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** A short description of a value as the user wrote it (YAML spellings for the non-finite numbers). */
export function describeValue(v: unknown): string {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan (not a number)';
    if (v === Infinity) return '.inf (infinity, or a number too large such as 1e400)';
    if (v === -Infinity) return '-.inf (minus infinity)';
    return String(v);
  }
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 40)}…"` : `"${v}"`;
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') return 'a mapping of keys';
  return String(v);
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys',
  record: 'a mapping of keys',
};

/** A message with the value found appended, where that value is a single number or text. */
const withFound = (message: string, found: unknown) =>
  (typeof found === 'number' || typeof found === 'string') && !message.includes(String(found)) ? `${message}; got ${describeValue(found)}` : message;

/** Words for what zod expected (`a number`), from an invalid_type issue. */
const expectedWords = (i: Issue) => (i.code === 'invalid_type' ? (EXPECTED[i.expected] ?? i.expected) : '');

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
function rangeMessage(issue: Issue & { code: 'too_big' | 'too_small' }, found: unknown): string {
  if (!/^Too (big|small)/.test(issue.message)) return withFound(issue.message, found); // the schema's own words
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  const strict = issue.inclusive === false;
  const got = `; got ${describeValue(found)}`;
  if (issue.origin === 'array' || issue.origin === 'set') {
    return issue.exact ? `must have exactly ${limit} items${got}` : `must have at ${big ? 'most' : 'least'} ${limit} item${limit === 1 ? '' : 's'}${got}`;
  }
  if (issue.origin === 'string') return `must be at ${big ? 'most' : 'least'} ${limit} character${limit === 1 ? '' : 's'} long${got}`;
  return `must be ${big ? (strict ? 'below' : 'at most') : strict ? 'above' : 'at least'} ${limit}${got}`;
}

/** The message for one issue, with what was found where the input says something. */
function messageOf(issue: Issue, input: unknown): string {
  const found = valueAt(input, issue.path);
  if (issue.code === 'invalid_type') {
    if (found === undefined) return 'is required';
    if (typeof found === 'number' && !Number.isFinite(found)) return `must be a finite number; got ${describeValue(found)}`;
    return `must be ${expectedWords(issue)}; got ${describeValue(found)}`;
  }
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_union') {
    // A discriminated union's key (`dist`) names none of its branches: the accepted values, as for any choice.
    const options = (issue as { options?: unknown[] }).options;
    if (Array.isArray(options) && options.length) {
      const oneOf = `one of ${options.map((v) => JSON.stringify(v)).join(', ')}`;
      return found === undefined ? `is required: ${oneOf}` : `must be ${oneOf}; got ${describeValue(found)}`;
    }
    if (found === undefined) return 'is required';
    // A union's own message says what it accepts; zod's default says nothing.
    const what = issue.message && issue.message !== 'Invalid input' ? issue.message : unionExpected(issue);
    return `${what}; got ${describeValue(found)}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describeValue(found)}`;
  if (issue.code === 'too_big' || issue.code === 'too_small') return rangeMessage(issue, found);
  if (issue.code === 'invalid_format' || issue.code === 'custom') return withFound(issue.message, found);
  return issue.message;
}

/** "must be a number or text", "must be one of 1, 2, 3", from the branches of a union that all failed at its own place. */
function unionExpected(issue: Issue & { code: 'invalid_union' }): string {
  const words = new Set<string>();
  const values: unknown[] = [];
  for (const branch of issue.errors) {
    for (const i of branch) {
      if (i.path.length !== 0) continue;
      if (i.code === 'invalid_value') values.push(...i.values);
      else words.add(expectedWords(i) || 'something else');
    }
  }
  if (values.length) words.add(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
  return words.size ? `must be ${[...words].join(' or ')}` : 'is not one of the accepted forms';
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
 * value at the same place (`dist: weibull`), their values are listed together.
 */
export function zodErrors(issues: readonly Issue[], input: unknown): InputError[] {
  // Two checks of one number (int, then max) can both fail: one line per place and kind of problem.
  const seen = new Set<string>();
  const out: InputError[] = [];
  for (const issue of shown(issues)) {
    const error = { path: formatPath(issue.path), message: messageOf(issue, input) };
    const key = `${error.path}\n${issue.code === 'too_big' || issue.code === 'too_small' ? issue.code : error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error);
  }
  return out;
}
