/**
 * CSV cells encoded straight into UTF-8 bytes, chunk by chunk: the same text `csv.ts` writes
 * (numbers to 3 decimals without trailing zeros, text made spreadsheet-safe and quoted where
 * needed), without building a string per cell or per line — a run writes millions of lines, and the
 * strings would cost more to collect than to write. Pure: works in Node and in the browser.
 */
import { thousandths } from '../metrics/round.ts';
import { formatNumber, formulaChar, textCell, type Cell } from './csv.ts';

const COMMA = 44;
const CR = 13;
const LF = 10;
const DOT = 46;
const MINUS = 45;
const ZERO = 48;

/** Takes the next part of a cell: a text, and the value after it when there is one. */
export type Put = (text: string, value?: string) => void;

/** Where full chunks go; a chunk is valid only during the call (copy it to keep it). */
export type ChunkSink = (chunk: Uint8Array) => void;

const encoder = new TextEncoder();

/** Whether a character can be copied into a cell as it is: ASCII that needs no quotes. */
const plainChar = (c: number): boolean => c < 0x80 && c !== 34 && c !== 44 && c !== 13 && c !== 10;

/**
 * Whether a cell whose first and last characters are `first` and `last` needs neither a formula
 * guard (= + - @ tab CR first) nor quotes (a space first or last).
 */
const plainEnds = (first: number, last: number): boolean => !formulaChar(first) && first !== 32 && last !== 32;

/** Whether `s` holds, from `from` on, a character that makes a cell need quotes (see `csv.ts`). */
function hasQuoteChar(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 44 || c === 13 || c === 10 || c === 0xfeff) return true;
  }
  return false;
}

export class CsvEncoder {
  private buf: Uint8Array;
  private off = 0;

  /** `chunkBytes`: bytes gathered before they are handed to `out`. */
  constructor(
    private readonly out: ChunkSink,
    private readonly chunkBytes = 1 << 18,
  ) {
    this.buf = new Uint8Array(chunkBytes);
  }

  /** Makes room for `n` more bytes, handing on what is gathered when needed. */
  private room(n: number): void {
    if (this.off + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) this.buf = new Uint8Array(Math.max(n, this.chunkBytes));
  }

  /** Hands on every byte gathered so far. */
  flush(): void {
    if (this.off === 0) return;
    this.out(this.buf.subarray(0, this.off));
    this.off = 0;
  }

  /** Text as it is (no quoting), UTF-8 encoded: for header lines, fixed words, whole documents. */
  raw(s: string): void {
    const n = s.length;
    this.room(3 * n);
    const b = this.buf;
    let o = this.off;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // Past ASCII: let the platform's encoder do the rest of the string.
        o += encoder.encodeInto(i === 0 ? s : s.slice(i), b.subarray(o)).written;
        break;
      }
      b[o++] = c;
    }
    this.off = o;
  }

  /** A text cell: spreadsheet-safe and quoted where needed (as `textCell`); empty for null. */
  text(s: string | null | undefined): void {
    if (s === null || s === undefined) return;
    const n = s.length;
    if (n === 0) return;
    // Fast path, one pass: copy ASCII that needs no guard or quotes (ids, names); else start over.
    if (plainEnds(s.charCodeAt(0), s.charCodeAt(n - 1))) {
      this.room(n);
      const start = this.off;
      const i = this.plainPrefix(s);
      if (i === n) return;
      // Not plain ASCII: a character beyond it, or one that needs quotes.
      const c = s.charCodeAt(i);
      if (c >= 0x80 && c !== 0xfeff && !hasQuoteChar(s, i)) {
        this.raw(i === 0 ? s : s.slice(i));
        return;
      }
      this.off = start;
    }
    this.raw(textCell(s));
  }

  /** Copies the longest start of `s` that is plain (see {@link plainChar}) and fits; returns its length. */
  private plainPrefix(s: string): number {
    const b = this.buf;
    const end = Math.min(s.length, b.length - this.off);
    let o = this.off;
    let i = 0;
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      if (!plainChar(c)) break;
      b[o++] = c;
    }
    this.off = o;
    return i;
  }

  /**
   * A text cell that `write` hands over in parts (fixed words and ids), copied without building its
   * string. Returns false, with nothing written, when the cell is not plain ASCII that needs neither
   * quotes nor a formula guard (as `text`'s fast path), or does not fit what is left of the chunk —
   * then write it with `text` instead. Nothing is handed on while the parts are copied.
   */
  parts<T>(write: (data: T, put: Put) => void, data: T): boolean {
    const start = this.off;
    this.plain = true;
    write(data, this.put);
    const end = this.off;
    if (this.plain && (end === start || plainEnds(this.buf[start], this.buf[end - 1]))) return true;
    this.off = start;
    return false;
  }

  /** Whether the parts of the cell being written were all plain so far. */
  private plain = true;

  /** `put` for {@link parts}: a value left out (`undefined`) is no part. */
  private readonly put: Put = (text, value) => {
    this.copyPlain(text);
    if (value !== undefined) this.copyPlain(value);
  };

  /** Copies `s` if it is a plain string that fits the chunk; else marks the cell not plain. */
  private copyPlain(s: string): void {
    if (!this.plain) return;
    // Anything but a string (the types say it cannot be) takes the way of the text, which converts it.
    if (typeof s !== 'string' || this.plainPrefix(s) !== s.length) this.plain = false;
  }

  /** A number cell as `formatNumber` writes it (empty when not finite). */
  num(x: number | null | undefined): void {
    if (x === null || x === undefined) return;
    if (Number.isInteger(x) && Math.abs(x) < 2 ** 53) return this.int(x);
    if (!Number.isFinite(x)) return;
    const k = thousandths(x);
    if (k === null) return this.raw(formatNumber(x));
    if (k === 0) return this.int(0);
    const a = k < 0 ? -k : k;
    const whole = Math.floor(a / 1000);
    // Below 1000: int32 arithmetic from here (a double's % is a call to fmod).
    let frac = (a - whole * 1000) | 0;
    if (k < 0) {
      this.room(1);
      this.buf[this.off++] = MINUS;
    }
    this.int(whole);
    if (frac === 0) return;
    this.room(4);
    const b = this.buf;
    b[this.off++] = DOT;
    let digits = 3;
    while (frac % 10 === 0) {
      frac = (frac / 10) | 0;
      digits--;
    }
    for (let d = digits - 1; d >= 0; d--) {
      const q = (frac / 10) | 0;
      b[this.off + d] = ZERO + (frac - q * 10);
      frac = q;
    }
    this.off += digits;
  }

  /** A whole number below 2^53 in magnitude, in decimal digits. */
  private int(n: number): void {
    this.room(17);
    const b = this.buf;
    if (n < 0) {
      b[this.off++] = MINUS;
      n = -n;
    }
    // -0 is written "0", as String(-0) is.
    if (n < 10) {
      b[this.off++] = ZERO + n;
      return;
    }
    let len = 1;
    for (let p = 10; p <= n; p *= 10) len++;
    let o = this.off + len;
    this.off = o;
    if (n < 2147483648) {
      // Small enough for 32-bit integer arithmetic.
      let m = n | 0;
      do {
        const q = (m / 10) | 0;
        b[--o] = ZERO + (m - q * 10);
        m = q;
      } while (m > 0);
      return;
    }
    do {
      b[--o] = ZERO + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  /** Any cell, as `csv.ts` writes it. */
  cell(v: Cell): void {
    if (typeof v === 'number') this.num(v);
    else if (typeof v === 'string') this.text(v);
    else if (typeof v === 'boolean') this.byte(v ? 49 : 48);
  }

  /** A whole line of cells with its CRLF. */
  line(cells: readonly Cell[]): void {
    this.cell(cells[0]);
    for (let k = 1; k < cells.length; k++) {
      this.comma();
      this.cell(cells[k]);
    }
    this.eol();
  }

  comma(): void {
    this.byte(COMMA);
  }

  /** CRLF, as RFC 4180 and Excel expect. */
  eol(): void {
    this.room(2);
    this.buf[this.off++] = CR;
    this.buf[this.off++] = LF;
  }

  private byte(c: number): void {
    this.room(1);
    this.buf[this.off++] = c;
  }
}
