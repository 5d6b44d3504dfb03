import { describe, expect, it } from 'vitest';
import { jsonSyntax, parseJson } from '../../../src/geo/import/json-text.ts';
import { expectBilingual } from '../../bilingual.ts';

const why = (text: string) => {
  const r = parseJson(text);
  if (r.ok) throw new Error('parsed');
  return r.why;
};

describe('JSON that does not parse is named by line and column, in Chinese and English', () => {
  it('a missing comma on line 3: the line, the column, what was expected, and the line with a caret', () => {
    const w = why('{\n  "a": 1,\n  "b": 2\n  "c": 3\n}');
    expect(w).toEqual({
      zh: '不是有效的 JSON：第 4 行第 3 列，属性值之后应为“,”或“}”',
      en: "not valid JSON: line 4, column 3: Expected ',' or '}' after property value",
      detail: '  "c": 3\n  ^',
      cutShort: false,
    });
  });

  it('a file cut short says so; a byte-order mark is no error; a comma before } is named', () => {
    expect(why('{"a": [1, 2')).toMatchObject({ zh: '不是有效的 JSON：第 1 行第 12 列，内容在 JSON 结束之前就结束了：文件不完整？', cutShort: true });
    expect(parseJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(why('{"a": 1,}').zh).toBe('不是有效的 JSON：第 1 行第 9 列，应为带双引号的属性名（JSON 的键须加双引号，最后一项之后不能有逗号）');
  });

  it('a message that names no place (V8’s “Unexpected token”: a trailing comma in a list, NaN, a bare word) is placed all the same', () => {
    const w = why('{"a": tru}');
    expect(w.zh).toBe('不是有效的 JSON：第 1 行第 10 列，意外的字符“}”');
    expect(w.en).toMatch(/^not valid JSON: line 1, column 10: Unexpected token/);
    expect(w.en).not.toMatch(/is not valid JSON$/);
    expect(why('{\n  "list": [1, 2,]\n}')).toMatchObject({ zh: '不是有效的 JSON：第 2 行第 17 列，意外的字符“]”', detail: '  "list": [1, 2,]\n                ^' });
    expect(why('{"a": NaN}').zh).toBe('不是有效的 JSON：第 1 行第 7 列，意外的字符“N”');
  });

  it('a browser’s wording (line and column instead of an offset) gives the same place', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    const firefox = jsonSyntax(text, "JSON.parse: expected ',' or '}' after property value in object at line 3 column 3 of the JSON data");
    const chrome = jsonSyntax(text, "Expected ',' or '}' after property value in JSON at position 13 (line 3 column 3)");
    expect(firefox.zh).toBe(chrome.zh);
    expect(chrome.zh).toBe('不是有效的 JSON：第 3 行第 3 列，属性值之后应为“,”或“}”');
    expect(chrome.detail).toBe(firefox.detail);
  });

  it('a minified file shows the place within 60 characters, not the whole line', () => {
    const text = `[${Array.from({ length: 200 }, (_, i) => i).join(',')} 1]`;
    const w = why(text);
    const [shown, caret] = w.detail!.split('\n');
    expect(shown.length).toBeLessThanOrEqual(122);
    expect(shown[caret.indexOf('^')]).toBe('1');
    expectBilingual([{ zh: w.zh, en: w.en }]);
  });
});
