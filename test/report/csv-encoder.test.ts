/**
 * The byte encoder a run streams its CSV files through must write exactly what `csv.ts` writes as
 * text (and what Papa Parse reads back): numbers, text with every character that needs care, and
 * chunks handed on in order whatever their size.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { CsvEncoder } from '../../src/report/csv-encoder.ts';
import { csvLine, formatNumber, type Cell } from '../../src/report/csv.ts';

const seed = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261129);

/** Encodes `rows` with chunks of `chunkBytes`, decoded back to text. */
function encode(rows: readonly Cell[][], chunkBytes = 1 << 18): string {
  const parts: Uint8Array[] = [];
  const enc = new CsvEncoder((c) => void parts.push(c.slice()), chunkBytes);
  for (const r of rows) enc.line(r);
  enc.flush();
  const d = new TextDecoder('utf-8', { ignoreBOM: true });
  return parts.map((p) => d.decode(p, { stream: true })).join('') + d.decode();
}

const text = (rows: readonly Cell[][]) => rows.map((r) => csvLine(r) + '\r\n').join('');
/** What a string becomes in UTF-8: a lone surrogate is written as U+FFFD (as writeFileSync does too). */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Numbers a run writes: times near rounding ties, big and small, negative, whole, not finite. */
const numbers = fc.oneof(
  fc.double({ noNaN: false }),
  fc.double({ min: -1e9, max: 4e7 }),
  fc.integer({ min: -1e7, max: 4e7 }).map((k) => (k + 0.5) / 1000),
  fc.integer({ min: 0, max: 2 ** 30 }).map((k) => k / 1000),
  fc.constantFrom(0, -0, 1e21, -1e21, 2 ** 53, 2 ** 53 + 2, 0.0005, -0.0005, 1063.3215, 86399.9995, 1e12 + 0.0005, Infinity, -Infinity, NaN),
);
/** Text with the characters that need quoting or a formula guard, and beyond ASCII. */
const texts = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '=', '+', '-', '@', '\t', "'", '\uFEFF', '火', '😀', '\uD800') }),
  fc.constantFrom('inc-000001', '', ' ', '=1+1', "'=x", '119', '清江县'),
);
const cells = fc.oneof(numbers, texts, fc.boolean(), fc.constant(null), fc.constant(undefined));

describe('CSV byte encoder', () => {
  it('writes every number as formatNumber does', () => {
    fc.assert(
      fc.property(numbers, (x) => {
        expect(encode([[x]])).toBe(formatNumber(x) + '\r\n');
      }),
      { numRuns: 5000, seed },
    );
  });

  it('writes any row of cells byte for byte as csvLine, whatever the chunk size', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cells, { minLength: 1, maxLength: 12 }), { maxLength: 20 }), fc.integer({ min: 4, max: 64 }), (rows, chunk) => {
        expect(encode(rows, chunk)).toBe(wellFormed(text(rows)));
        expect(encode(rows)).toBe(wellFormed(text(rows)));
      }),
      { numRuns: 1000, seed },
    );
  });

  it('text comes back from Papa Parse as written (quoted where it must be)', () => {
    fc.assert(
      fc.property(fc.array(texts, { minLength: 2, maxLength: 6 }), (row) => {
        const back = Papa.parse<string[]>(encode([row, row]), { delimiter: ',', skipEmptyLines: false }).data[0];
        // The formula guard adds an apostrophe; everything else is kept.
        expect(back).toEqual(row.map((s) => wellFormed(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s)));
      }),
      { numRuns: 1000, seed },
    );
  });
});

describe('event lines', () => {
  it('writeEventLine writes exactly csvLine(eventRow) for every kind of event a scenario makes', async () => {
    const { writeEventLine, eventRow } = await import('../../src/report/csv.ts');
    const { simulate } = await import('../../src/engine/simulate.ts');
    const { loadFile } = await import('../helpers.ts');
    const s = loadFile('scenarios/chemical-leak.yaml');
    const log = simulate(s, s.seed).log;
    const parts: Uint8Array[] = [];
    const enc = new CsvEncoder((c) => void parts.push(c.slice()), 4096);
    for (const e of log) writeEventLine(enc, 3, e);
    enc.flush();
    const d = new TextDecoder();
    expect(parts.map((p) => d.decode(p, { stream: true })).join('') + d.decode()).toBe(log.map((e) => csvLine(eventRow(3, e)) + '\r\n').join(''));
    expect(new Set(log.map((e) => e.kind)).size).toBeGreaterThan(20);
  });
});
