/**
 * Why OSM XML is not well-formed, in both languages, from fast-xml-parser's validator: its messages
 * are English, so the Chinese words come from their patterns; its line and column are used where it
 * knows them, the end of the file where it found elements left open there, and none where it does not.
 */
import type { Words } from './problem.ts';

/** What the validator returns for text that is not well-formed (its ValidationError's `err`). */
export interface XmlValidationError {
  code: string;
  msg: string;
  line: number;
  /** Absent when the validator does not know the place. */
  col?: number;
}

/** The validator's messages (fast-xml-parser 5) in Chinese; `$1`, `$2`, … are the names they quote. */
const REASONS: readonly (readonly [RegExp, string])[] = [
  [/^Invalid space after '<'/, '“<”之后不能有空格'],
  [/^Tag '(.*)' is an invalid name/, '元素名“$1”无效'],
  [/^Attributes for '(.*)' have open quote/, '元素 <$1> 的属性值缺少结尾的引号'],
  [/^Closing tag '(.*)' doesn't have proper closing/, '结束标记 </$1> 没有以“>”结束'],
  [/^Closing tag '(.*)' can't have attributes/, '结束标记 </$1> 不能带属性'],
  [/^Closing tag '(.*)' has not been opened/, '结束标记 </$1> 没有对应的开始标记'],
  [/^Expected closing tag '(.*)' \(opened in line (\d+), col (\d+)\) instead of closing tag '(.*)'/, '应为第 $2 行第 $3 列开始的 <$1> 的结束标记，而不是 </$4>'],
  [/^Multiple possible root nodes/, '有多个根元素'],
  [/^char '(.*)' is not expected/, '此处不应出现字符“$1”'],
  [/^Extra text at the end/, '根元素结束之后还有多余的文字'],
  [/^XML declaration allowed only at the start/, 'XML 声明（<?xml …?>）只能位于文件开头'],
  [/^Attribute '(.*)' has no space in starting/, '属性“$1”之前缺少空格'],
  [/^Attribute '(.*)' is without value|^boolean attribute '(.*)' is not allowed/, '属性“$1$2”没有值'],
  [/^Attribute '(.*)' is an invalid name/, '属性名“$1”无效'],
  [/^Attribute '(.*)' is repeated/, '属性“$1”重复出现'],
];

/** Line and column (from 1) of the end of `text`. */
function endOf(text: string): { line: number; col: number } {
  const lines = text.split(/\r?\n/);
  return { line: lines.length, col: lines[lines.length - 1].length + 1 };
}

/** Why `text` is not well-formed XML, from the validator's `err` on it. */
export function xmlWhy(text: string, err: XmlValidationError): Words {
  const zhAt = (p: { line: number; col: number }) => `第 ${p.line} 行第 ${p.col} 列，`;
  const enAt = (p: { line: number; col: number }) => `line ${p.line}, column ${p.col}: `;
  // Several elements left open: the validator lists them and says "line 1"; the place is the file's end.
  const open = /^Invalid '(\[.*\])' found\.?$/s.exec(err.msg);
  if (open) {
    let names: string[];
    try {
      names = (JSON.parse(open[1]) as unknown[]).map(String);
    } catch {
      names = [];
    }
    const end = endOf(text);
    const list = names.map((n) => `<${n}>`);
    return {
      zh: `XML 格式不正确：文件在第 ${end.line} 行第 ${end.col} 列就已结束，而 ${list.join('、')} 尚未闭合（文件不完整？）`,
      en: `not well-formed XML: ${enAt(end)}the file ends with ${list.join(', ')} still open (truncated?)`,
    };
  }
  // No element at all: the validator says "line 1" whatever the text; there is no place to name.
  if (/^Start tag expected/.test(err.msg)) return { zh: 'XML 格式不正确：文件中没有任何元素（文件不完整？）', en: `not well-formed XML: ${err.msg} (truncated?)` };
  const place = typeof err.col === 'number' && Number.isInteger(err.line) ? { line: err.line, col: err.col } : null;
  const unclosed = /^Unclosed tag '(.*)'/.exec(err.msg);
  if (unclosed) {
    const at = place ? { zh: `第 ${place.line} 行第 ${place.col} 列开始的`, en: ` (opened at line ${place.line}, column ${place.col})` } : { zh: '', en: '' };
    return { zh: `XML 格式不正确：${at.zh}元素 <${unclosed[1]}> 直到文件结束都没有闭合（文件不完整？）`, en: `not well-formed XML: <${unclosed[1]}>${at.en} is still open where the file ends (truncated?)` };
  }
  const hit = REASONS.find(([re]) => re.test(err.msg));
  // The names the message quotes, put into the Chinese words in place of $1, $2, ….
  const zhReason = hit ? (hit[0].exec(err.msg) ?? []).reduce((s, v, i) => (i === 0 ? s : s.replaceAll(`$${i}`, v ?? '')), hit[1]) : '语法错误';
  // An unfinished tag on the last line of the text is most likely where a cut-short file stops.
  const cutShort = place !== null && place.line >= endOf(text.trimEnd()).line && /open quote|proper closing|^Expected closing tag|is not expected|without value/.test(err.msg);
  const suffix = cutShort ? { zh: '（文件不完整？）', en: ' (truncated?)' } : { zh: '', en: '' };
  return {
    zh: `XML 格式不正确：${place ? zhAt(place) : ''}${zhReason}${suffix.zh}`,
    en: `not well-formed XML: ${place ? enAt(place) : ''}${err.msg}${suffix.en}`,
  };
}
