/**
 * YAML text to plain values with js-yaml (several times faster than the `yaml` package at start-up,
 * which is most of what `linkdrill validate` does), under YAML 1.2's core schema exactly as the spec
 * (§10.3.2) and the `yaml` package define it: null, booleans, ints (decimal, 0o, 0x) and floats — no
 * timestamps, merge keys or 1.1 words like `yes`, so `start: 2026-06-01T00:00:00+08:00` stays text.
 * Duplicate keys are an error, and so is an explicit tag its value does not fit (`!!bool yes`; the
 * `yaml` package warns and keeps the text). test/scenario/yaml.test.ts holds it to the `yaml` package.
 */
import { FAILSAFE_SCHEMA, load, Type, YAMLException } from 'js-yaml';

const scalar = (tag: string, test: RegExp, construct: (s: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (s: string | null) => test.test(s ?? ''), construct: (s: string | null) => construct(s ?? '') });

const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int', /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/, (s) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10))),
    scalar('float', /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) =>
      /^[-+]?\.(?:inf|Inf|INF)$/.test(s) ? (s[0] === '-' ? -Infinity : Infinity) : /^\.nan$/i.test(s) ? NaN : parseFloat(s),
    ),
  ],
});

/**
 * Why a text is not a YAML document the loader reads: `message` says it in English (its first line,
 * then the text around the place), `zh` in Chinese (one line); the YAML parser's reason is in both.
 */
export class YamlTextError extends Error {
  constructor(
    message: string,
    readonly zh: string,
  ) {
    super(message);
  }
}

/** js-yaml's reasons in Chinese: the common ones by name, the rest as a syntax error at its place. */
const REASONS_ZH: readonly (readonly [RegExp, string])[] = [
  [/^duplicated mapping key/, '同一层级里有重复的键'],
  [/^bad indentation of a mapping entry/, '键的缩进不对（同一层级的键须对齐）'],
  [/^bad indentation of a sequence entry/, '列表项“- ”的缩进不对'],
  [/^tab characters must not be used in indentation/, '缩进里有制表符（Tab）：YAML 只能用空格缩进'],
  [/^can not read an implicit mapping pair; a colon is missed/, '缺少键后的冒号'],
  [/^can not read a block mapping entry/, '无法读取这一键值：多行的键须写成显式键'],
  [/^a whitespace character is expected after the key-value separator/, '冒号后面须有空格（key: value）'],
  [/^end of the stream or a document separator is expected/, '此处有多余的内容（缩进或引号有误？）'],
  [/^missed comma between flow collection entries/, '方括号或花括号中的各项之间缺少逗号'],
  [/^unexpected end of the stream within a flow collection/, '方括号或花括号没有闭合'],
  [/^unexpected end of the (stream|document) within a (double|single) quoted scalar/, '引号没有闭合'],
  [/^unknown escape sequence/, '双引号字符串中有无效的转义（反斜杠须写作 \\\\）'],
  [/^unidentified alias/, '别名（*name）没有对应的锚点（&name）'],
  [/^nesting exceeded maxDepth/, '嵌套层数过多（超过 100 层）'],
  [/^null byte is not allowed|^the stream contains non-printable characters/, '含有不可打印的字符：是文本文件吗？'],
  [/^expected a single document in the stream/, '文件中有多个 YAML 文档（以 --- 分隔）：场景只能是一个文档'],
  [/^unknown tag|^unacceptable node kind|^cannot resolve a node/, '无法识别的标签（!!…）或标签与值不符'],
  [/^duplication of an anchor property|^duplication of a tag property/, '同一个值上有两个锚点或标签'],
];
const reasonZh = (reason: string) => REASONS_ZH.find(([re]) => re.test(reason))?.[1] ?? 'YAML 语法错误';

/** A parser's reason at a place (1-based): English with the excerpt below it, Chinese in one line. */
const atPlace = (reason: string, line: number, column: number, excerpt: string) =>
  new YamlTextError(`${reason} at line ${line}, column ${column}:\n${excerpt}`, `第 ${line} 行第 ${column} 列，${reasonZh(reason)}`);

/**
 * Parses one YAML document; throws a {@link YamlTextError} when it is not valid YAML, whose message's
 * first line says what is wrong `at line L, column C` (1-based) and whose next lines show the text around it.
 */
export function parseYamlText(text: string): unknown {
  let value: unknown;
  try {
    value = load(text, { schema: CORE });
  } catch (e) {
    if (!(e instanceof YAMLException)) throw e;
    if (e.mark) throw atPlace(e.reason, e.mark.line + 1, e.mark.column + 1, e.mark.snippet ?? '');
    // js-yaml names no place when a second document starts: its `---` is the place.
    const lines = text.split(/\r?\n/);
    const second = secondDocumentLine(lines);
    if (second < 0) throw new YamlTextError(e.message, reasonZh(e.reason));
    throw atPlace(e.reason, second + 1, 1, ` ${second + 1} | ${lines[second]}`);
  }
  if (expandedSize(value, MAX_EXPANDED_VALUES) > MAX_EXPANDED_VALUES) {
    throw new YamlTextError(
      `its aliases (*name) repeat their anchors' (&name) values into more than ${MAX_EXPANDED_VALUES / 1e6} million values, far past any scenario: write the values out, or use fewer nested aliases`,
      `其中的别名（*name）把锚点（&name）的值重复展开成超过 ${MAX_EXPANDED_VALUES / 1e4} 万个值，远超任何场景的规模：请直接写出这些值，或减少嵌套的别名`,
    );
  }
  return value;
}

/**
 * The most values a document may hold once its aliases are written out. js-yaml shares an alias's
 * value instead of copying it, so nine aliases of nine aliases … of a list (a "billion laughs") parse
 * at once, and would blow up only when copied or checked — minutes and gigabytes later.
 */
export const MAX_EXPANDED_VALUES = 2_000_000;

/**
 * How many values `v` holds with every shared part counted each time it is referred to (a list or
 * mapping counts itself and its contents), stopping early past `limit`. Each object is summed once.
 */
function expandedSize(v: unknown, limit: number): number {
  const sizes = new Map<object, number>();
  const size = (x: unknown): number => {
    if (x === null || typeof x !== 'object') return 1;
    const known = sizes.get(x);
    if (known !== undefined) return known;
    // A value met again while being summed (a cycle) is as large as anything: refuse it.
    sizes.set(x, Infinity);
    let n = 1;
    for (const c of Array.isArray(x) ? x : Object.values(x)) {
      n += size(c);
      if (n > limit) break;
    }
    sizes.set(x, n);
    return n;
  };
  return size(v);
}

/** The index of the line that starts a second document (`---` after content), or -1. */
function secondDocumentLine(lines: readonly string[]): number {
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^---(\s|$)/.test(l)) {
      if (content) return i;
    } else if (l.trim() !== '' && !l.startsWith('#') && !l.startsWith('%')) content = true;
  }
  return -1;
}
