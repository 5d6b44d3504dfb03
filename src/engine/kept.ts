/** Finished records of one kind, kept as they are handed on, and put in id order at the end. */

/** The prefixes of record ids: incidents, calls, dispatches. */
export type RecordPrefix = 'inc' | 'call' | 'dsp';

/** `prefix-` and the zeros that pad a number of k characters to six, by k up to 6 (none from 6 on). */
const HEADS: Record<RecordPrefix, string[]> = { inc: heads('inc'), call: heads('call'), dsp: heads('dsp') };
function heads(prefix: RecordPrefix): string[] {
  return Array.from({ length: 7 }, (_, k) => `${prefix}-${'0'.repeat(6 - k)}`);
}

/**
 * The id of record number `n` (from 1) of a kind: its prefix and the number padded to six digits
 * (`inc-000042`), the form {@link KeptRecords.inIdOrder} counts on.
 */
export const recordId = (prefix: RecordPrefix, n: number): string => {
  const digits = String(n);
  return HEADS[prefix][Math.min(6, digits.length)] + digits;
};

/** The whole number `n` (0 to 10^16 − 1) whose `recordId(prefix, n)` is `id`, or null. */
export function recordNumber(prefix: RecordPrefix, id: string): number | null {
  const digits = id.slice(prefix.length + 1);
  if (!id.startsWith(`${prefix}-`) || !/^[0-9]{1,16}$/.test(digits)) return null;
  const n = Number(digits);
  return recordId(prefix, n) === id ? n : null;
}

/**
 * Whether `id` is `recordId(prefix, n)` for a whole `n` from 1 to 999,999, read in place (past that
 * the ids no longer sort as their numbers; the other tests are early exits).
 */
function isRecordId(id: string, prefix: RecordPrefix, n: number): boolean {
  const p = prefix.length;
  if (!(n >= 1 && n < 1_000_000 && n === Math.floor(n)) || id.length !== p + 7 || !id.startsWith(prefix) || id.charCodeAt(p) !== 45) return false;
  for (let k = p + 6, rest = n; k > p; k--, rest = Math.floor(rest / 10)) if (id.charCodeAt(k) !== 48 + (rest % 10)) return false;
  return true;
}

/**
 * Records of one kind as they are handed on (out of order: each when it is done), with their numbers,
 * put in the order of their ids at the end.
 */
export class KeptRecords<T> {
  private readonly rows: T[] = [];
  private readonly numbers: number[] = [];
  private handedOn = 0;
  /** Every id kept so far is `recordId(prefix, its number)`. */
  private numbered = true;

  /** `id`: a record's id, which the engine makes as `recordId(prefix, n)` for the `n` it hands on. */
  constructor(
    private readonly keep: boolean,
    private readonly prefix: RecordPrefix,
    private readonly id: (r: T) => string,
  ) {}

  /** Records handed on, kept or not. */
  get count(): number {
    return this.handedOn;
  }

  /** Keeps record `r`, number `n`; its id is checked against the number while the record is at hand. */
  add(r: T, n: number): void {
    this.handedOn++;
    if (!this.keep) return;
    this.rows.push(r);
    this.numbers.push(n);
    if (this.numbered && !isRecordId(this.id(r), this.prefix, n)) this.numbered = false;
  }

  /**
   * The records in the order of their ids as strings. Where every id is `recordId(prefix, n)` of
   * its number — the prefix and six digits, so below a million the order of the ids is the numbers'
   * — and the numbers are 1…n once each, each record goes straight to its slot. Otherwise (numbers
   * past a million, where `inc-1000000` sorts before `inc-200000`; numbers not 1…n once each; ids of
   * another form) the ids are sorted as strings.
   */
  inIdOrder(): T[] {
    const n = this.rows.length;
    const slots: (T | undefined)[] = new Array<T | undefined>(n);
    let placed = this.numbered;
    for (let k = 0; placed && k < n; k++) {
      const at = this.numbers[k] - 1;
      if (!(at >= 0 && at < n) || slots[at] !== undefined) placed = false;
      else slots[at] = this.rows[k];
    }
    if (placed) return slots as T[];
    return [...this.rows].sort((a, b) => {
      const x = this.id(a);
      const y = this.id(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
}
