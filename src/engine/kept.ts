/** Finished records of one kind, kept as they are handed on, and put in id order at the end. */

/**
 * The id of record number `n` (from 1) of a kind: its prefix and the number padded to six digits
 * (`inc-000042`), the form {@link KeptRecords.inIdOrder} counts on.
 */
export const recordId = (prefix: 'inc' | 'call' | 'dsp', n: number): string => `${prefix}-${String(n).padStart(6, '0')}`;

/**
 * Records of one kind as they are handed on (out of order: each when it is done), with their numbers,
 * put in the order of their ids at the end.
 */
export class KeptRecords<T> {
  private readonly rows: T[] = [];
  private readonly numbers: number[] = [];
  private handedOn = 0;
  constructor(private readonly keep: boolean) {}

  /** Records handed on, kept or not. */
  get count(): number {
    return this.handedOn;
  }

  add(r: T, n: number): void {
    this.handedOn++;
    if (!this.keep) return;
    this.rows.push(r);
    this.numbers.push(n);
  }

  /**
   * The records in the order of their ids as strings. Ids are a prefix and the number padded to six
   * digits (`inc-000042`), so below a million that order is the numbers': each record goes straight
   * to its slot, and one pass over neighbours confirms the order. Past a million (`inc-1000000` sorts
   * before `inc-200000`), for numbers not 1…n once each, or ids of another form, the ids are sorted
   * as strings.
   */
  inIdOrder(id: (r: T) => string): T[] {
    const n = this.rows.length;
    const slots: (T | undefined)[] = new Array<T | undefined>(n);
    let placed = n < 1_000_000;
    for (let k = 0; placed && k < n; k++) {
      const at = this.numbers[k] - 1;
      if (!(at >= 0 && at < n) || slots[at] !== undefined) placed = false;
      else slots[at] = this.rows[k];
    }
    for (let k = 1; placed && k < n; k++) if (!(id(slots[k - 1]!) < id(slots[k]!))) placed = false;
    if (placed) return slots as T[];
    return [...this.rows].sort((a, b) => {
      const x = id(a);
      const y = id(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
}
