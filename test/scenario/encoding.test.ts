import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/scenario/encoding.ts';
import { expectBilingual } from '../bilingual.ts';

const text = 'time,type,zone\r\n2026-06-01 08:00,火灾,城关镇\r\n';
/** "火灾,城关镇" in GBK, as Excel on a Chinese Windows saves a CSV. */
const gbk = new Uint8Array([...new TextEncoder().encode('time,type,zone\r\n2026-06-01 08:00,'), 0xbb, 0xf0, 0xd4, 0xd6, 0x2c, 0xb3, 0xc7, 0xb9, 0xd8, 0xd5, 0xf2, 0x0d, 0x0a]);
const utf16le = (s: string, bom: boolean) => {
  const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[(bom ? 2 : 0) + 2 * i] = s.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};

describe('decodeText reads text files as users save them, and never garbles one', () => {
  it('UTF-8 with and without a BOM gives the same text', () => {
    const plain = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeText(plain, 'a.csv')).toEqual({ ok: true, value: { text, encoding: 'utf-8' } });
    expect(decodeText(withBom, 'a.csv')).toEqual({ ok: true, value: { text, encoding: 'utf-8' } });
  });

  it('GB18030/GBK (Excel on a Chinese Windows) is detected and decoded', () => {
    expect(decodeText(gbk, 'cad.csv')).toEqual({ ok: true, value: { text, encoding: 'gb18030' } });
  });

  it('UTF-16 with a BOM, and without one, is decoded', () => {
    expect(decodeText(utf16le(text, true), 'u.txt')).toEqual({ ok: true, value: { text, encoding: 'utf-16le' } });
    expect(decodeText(utf16le('time,type\r\n1,fire\r\n', false), 'u.txt')).toMatchObject({ ok: true, value: { encoding: 'utf-16le' } });
  });

  it('a workbook, a binary or an undecodable file is refused with its name and what it looks like', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const r = decodeText(xlsx, 'msel.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toEqual({ path: 'msel.csv', zh: expect.stringContaining('.xlsx 工作簿'), en: expect.stringContaining('.xlsx') });
    const junk = decodeText(new Uint8Array([0x41, 0x80, 0xff, 0xfe, 0x81]), 'x.csv');
    expect(junk.ok).toBe(false);
    if (!junk.ok) expect(junk.errors[0].en).toMatch(/neither UTF-8, UTF-16 nor GB18030/);
    const refusals = [xlsx, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), new Uint8Array([0x25, 0x50, 0x44, 0x46]), new Uint8Array([0x1f, 0x8b]), new Uint8Array([0x41, 0, 0x42, 0x43, 0, 0x44]), new Uint8Array([0xef, 0xbb, 0xbf, 0xff]), new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), new Uint8Array([0x41, 0x80, 0xff, 0xfe, 0x81])];
    const problems = refusals.flatMap((b) => { const d = decodeText(b, 'x.csv'); return d.ok ? [] : d.errors; });
    expect(problems).toHaveLength(refusals.length);
    expectBilingual(problems);
  });
});
