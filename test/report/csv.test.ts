import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { formatNumber, readText, safeText, toCsv } from '../../src/report/csv.ts';

describe('CSV', () => {
  it('formats numbers with at most 3 decimals, locale-free', () => {
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(1.23456)).toBe('1.235');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(1234567.5)).toBe('1234567.5');
    expect(formatNumber(-0.0001)).toBe('0');
    expect(formatNumber(NaN)).toBe('');
  });

  it('text cannot become a spreadsheet formula', () => {
    expect(safeText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeText('+1')).toBe(`'+1`);
    expect(safeText('@SUM')).toBe(`'@SUM`);
    expect(safeText('火灾')).toBe('火灾');
  });

  it('reads back every text as it was before it was made safe', () => {
    const formulaLike = fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', '火', ' '), maxLength: 6 });
    fc.assert(
      fc.property(fc.oneof(formulaLike, fc.string()), (s) => {
        if (!s.startsWith("'")) expect(readText(safeText(s))).toBe(s);
        // An apostrophe the writer did not add stays, unless a formula character follows it.
        expect(readText(s)).toBe(/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
      }),
    );
    expect(readText(undefined)).toBe('');
  });

  it('quotes commas, quotes and newlines; null is empty; BOM on request; CRLF lines', () => {
    const csv = toCsv(['a', 'b', 'c'], [['x,y', 'say "hi"', null], ['line\nbreak', true, 0.5]], { bom: true });
    expect(csv.startsWith('\uFEFFa,b,c\r\n')).toBe(true);
    const back = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(back).toEqual([['a', 'b', 'c'], ['x,y', 'say "hi"', ''], ['line\nbreak', '1', '0.5']]);
  });
});

import fc from 'fast-check';
import { csvRound } from '../../src/metrics/round.ts';

describe('rounding as the CSV files round', () => {
  it('csvRound(x) is exactly the number the 3-decimal text parses to', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e9, noNaN: true }), (x) => {
        expect(Object.is(csvRound(x), Number(x.toFixed(3))) || (csvRound(x) === 0 && Number(x.toFixed(3)) === 0)).toBe(true);
      }),
      { numRuns: 20000, seed: process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261129) },
    );
    for (const x of [0.0005, 1.0005, 2.5e-4, 1063.3215, 0.1 + 0.2, 86399.9995, 1e12 + 0.0005]) expect(csvRound(x)).toBe(Number(x.toFixed(3)));
  });
});
