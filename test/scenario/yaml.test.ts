/**
 * Scenarios are read with js-yaml under YAML 1.2's core schema; what they mean must not depend on
 * that choice: every scalar form and every bundled scenario reads exactly as the `yaml` package (the
 * reference implementation of YAML 1.2 in JavaScript) reads it, and broken YAML is an error either way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { parseYamlText, YamlTextError } from '../../src/scenario/yaml.ts';
import { ROOT } from '../helpers.ts';

const reference = (text: string) => parse(text, { uniqueKeys: true });
const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261129);

const SCALARS = [
  'yes', 'no', 'on', 'off', 'Yes', 'NO', 'y', 'n', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', 'nULL', '~', '',
  '08:00', '20:00-08:00', '1:30', '60:00', '1_000', '0o17', '0o8', '0x1F', '0X1F', '0xg', '0b101', '012', '09', '+12', '-0', '+0', '0.5', '.5', '-.5', '+.5', '5.', '-5.',
  '1e3', '1E3', '1e+3', '1.5e-3', '.5e2', '1e', 'e3', '.inf', '+.inf', '-.Inf', '.INF', '.NaN', '.nan', '.NAN', '.Nan', 'NaN', 'Infinity', '-Infinity',
  '12345678901234567890', '0.1.2', '12abc', '1h30m', '90s', '2026-06-01', '2026-06-01T00:00:00+08:00', '"quoted"', "'single'", '"\\u00e9"', '"a\\tb"', '!!str 5',
  '!!int "5"', '!!float 1.5', '!!float "1e3"', '[1, -.5, .inf, 0x1F]', '{a: 1, b: no}', '<<', '=x', "'=x'", '火灾', '"20:00"',
];

describe('scenario YAML', () => {
  for (const s of SCALARS) {
    it(`k: ${s} reads as the yaml package reads it`, () => {
      const doc = `k: ${s}\n`;
      expect(Object.is(JSON.stringify(parseYamlText(doc)), JSON.stringify(reference(doc)))).toBe(true);
      // NaN and ±0 are not told apart by JSON: compare the values themselves too.
      const a = (parseYamlText(doc) as { k: unknown }).k;
      const b = (reference(doc) as { k: unknown }).k;
      if (typeof b === 'number') expect(Object.is(a, b)).toBe(true);
    });
  }

  it('any plain number-like word reads the same', () => {
    const word = fc.stringMatching(/^[-+]?[0-9.eEoxX_a-fINnfAa]{1,8}$/);
    fc.assert(
      fc.property(word, (w) => {
        const doc = `k: ${w}\n`;
        let ref: unknown;
        try {
          ref = (reference(doc) as { k: unknown }).k;
        } catch {
          return;
        }
        expect(Object.is((parseYamlText(doc) as { k: unknown }).k, ref) || JSON.stringify((parseYamlText(doc) as { k: unknown }).k) === JSON.stringify(ref)).toBe(true);
      }),
      { numRuns: 3000, seed },
    );
  });

  const files = [
    ...readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => `scenarios/${f}`),
    ...readdirSync(join(ROOT, 'scenarios/bench')).map((f) => `scenarios/bench/${f}`),
    ...readdirSync(join(ROOT, 'test/fixtures')).filter((f) => f.endsWith('.yaml')).map((f) => `test/fixtures/${f}`),
  ];
  for (const f of files) {
    it(`${f} reads as the yaml package reads it`, () => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      expect(parseYamlText(text)).toEqual(reference(text));
    });
  }

  it('an explicit tag the value does not fit is an error (the yaml package keeps the text: refused later either way)', () => {
    for (const doc of ['k: !!float 1\n', 'k: !!bool yes\n', 'k: !!null x\n', 'k: !!int 1.5\n']) expect(() => parseYamlText(doc)).toThrow(/explicit tag/);
  });

  it('duplicate keys, bad indentation, unclosed quotes and several documents are errors, with a line', () => {
    for (const doc of ['a: 1\na: 2\n', 'a: [1, 2\n', 'a: "x\n', 'a: 1\n---\nb: 2\n', 'a:\n  b: 1\n c: 2\n']) {
      expect(() => reference(doc)).toThrow();
      expect(() => parseYamlText(doc)).toThrow(/ at line \d+, column \d+:\n/);
    }
  });

  it('the error says where, 1-based, on its first line, and shows the text there after it', () => {
    expect(() => parseYamlText('name: torn\nzones: [\n  {id: Z1\n')).toThrow(/^unexpected end of the stream within a flow collection at line 4, column 1:\n[^]*\{id: Z1/);
  });

  it('aliases that repeat into more values than any scenario holds (a "billion laughs") are refused at once; a few aliases read as written', () => {
    // Nine aliases of nine aliases … eight deep: 9^8 ≈ 43 million strings once written out.
    const lines = ['a0: &a0 laugh'];
    for (let k = 1; k <= 8; k++) lines.push(`a${k}: &a${k} [${Array(9).fill(`*a${k - 1}`).join(', ')}]`);
    expect(() => parseYamlText(lines.join('\n'))).toThrow(/aliases \(\*name\) repeat .* more than 2 million values/);
    // Six deep is 531,441: a large document, but one a scenario could be.
    expect(() => parseYamlText(lines.slice(0, 7).join('\n'))).not.toThrow();
    const plain = parseYamlText('base: &b {speedKmh: 40}\nroads: [*b, *b]') as { roads: unknown[] };
    expect(plain.roads).toEqual([{ speedKmh: 40 }, { speedKmh: 40 }]);
  });
});

describe('YAML mistakes are said in Chinese, at their place', () => {
  const zhOf = (text: string) => {
    try {
      parseYamlText(text);
    } catch (e) {
      return (e as YamlTextError).zh;
    }
    return 'parsed';
  };
  it('a duplicate key, bad indentation, a tab, deep nesting and a second document carry no English in the Chinese line', () => {
    expect(zhOf('name: a\nname: b\n')).toBe('第 2 行第 1 列，同一层级里有重复的键');
    expect(zhOf('a:\n  b: 1\n c: 2\n')).toBe('第 3 行第 2 列，键的缩进不对（同一层级的键须对齐）');
    expect(zhOf('a:\n\tb: 1\n')).toMatch(/^第 2 行第 \d 列，缩进里有制表符（Tab）：YAML 只能用空格缩进$/);
    expect(zhOf(`${'['.repeat(120)}${']'.repeat(120)}`)).toMatch(/^第 1 行第 \d+ 列，嵌套层数过多（超过 100 层）$/);
    expect(zhOf('name: a\n---\nname: b\n')).toBe('第 2 行第 1 列，文件中有多个 YAML 文档（以 --- 分隔）：场景只能是一个文档');
    for (const t of ['a: [1, 2\n', 'a: "x\n', 'a: *nope\n', 'a: b: c\n', 'a: !!int x\n']) expect(zhOf(t).replace(/[*&]name/g, ''), t).toMatch(/^第 \d+ 行第 \d+ 列，[^A-Za-z]+$/);
  });
});
