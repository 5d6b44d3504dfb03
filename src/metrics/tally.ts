/**
 * An indicator's items summed up as they arrive, replication by replication: every value (what the
 * percentile or mean and the report's charts need) and, of the items over the target, what findings
 * need — how many, the five worst, and how they spread over channels and agencies. It keeps 8 bytes
 * per item instead of the item, so a score pooled over many replications stays small.
 */
import type { Sample } from './score.ts';
import { keepFirst } from './first-k.ts';

/** Channels a miss can be put down to (a sample's `note` names one for orders and calls). */
const CHANNELS: ReadonlySet<string> = new Set(['phone', 'platform', 'radio']);

/** The items over target, summed up. */
export interface Misses {
  /** How many items were over the target. */
  over: number;
  /** The worst of them: largest value first, then incident id, then arrival order (at most {@link WORST_KEPT}). */
  worst: Sample[];
  /** Items over target by channel (`phone`, `platform`, `radio`) and by agency id. */
  channels: Map<string, number>;
  agencies: Map<string, number>;
}

/** How many of the worst items a finding quotes. */
export const WORST_KEPT = 5;

const incidentOf = (s: Sample) => s.incident ?? '';

/** Negative when `a` is worse (listed first): the larger value, then the smaller incident id. */
function worseFirst(a: Sample, b: Sample): number {
  // As `b.value - a.value || …` in a sort: two infinite values compare as equal (NaN is falsy).
  const d = b.value - a.value;
  if (d) return d;
  const ia = incidentOf(a);
  const ib = incidentOf(b);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** Adds `n` to `key`'s count in `counts`. */
const count = (counts: Map<string, number>, key: string, n: number) => void counts.set(key, (counts.get(key) ?? 0) + n);

/** One indicator's items, added in order; `target` decides which items are misses. */
export class IndicatorTally {
  /** Every item's value, in the order added (`values` to those who read it). */
  private readonly added: number[] = [];
  readonly misses: Misses = { over: 0, worst: [], channels: new Map(), agencies: new Map() };
  /** The values sorted, once asked for, and how many values there were then. */
  private ascending: { n: number; sorted: Float64Array } | null = null;

  constructor(readonly target: number) {}

  /** Every item's value, in the order added. */
  get values(): readonly number[] {
    return this.added;
  }

  /**
   * Adds the items of `part`, another tally of the same target, after this one's: the same as
   * adding them one by one, without measuring or adding them again.
   */
  absorb(part: IndicatorTally): void {
    if (part.target !== this.target) throw new RangeError(`a tally of target ${part.target} added to one of ${this.target}`);
    for (const v of part.added) this.added.push(v);
    const m = this.misses;
    m.over += part.misses.over;
    for (const [key, n] of part.misses.channels) count(m.channels, key, n);
    for (const [key, n] of part.misses.agencies) count(m.agencies, key, n);
    // The first five of all items are among the first five of their own part.
    for (const s of part.misses.worst) keepFirst(m.worst, s, WORST_KEPT, worseFirst);
  }

  /** The values in ascending order (NaN last), sorted natively once for every later ask. */
  sorted(): Float64Array {
    if (this.ascending?.n !== this.values.length) this.ascending = { n: this.values.length, sorted: Float64Array.from(this.values).sort() };
    return this.ascending.sorted;
  }

  /** Adds items (one replication's, or part of one). */
  add(samples: readonly Sample[]): void {
    for (const s of samples) {
      this.added.push(s.value);
      if (s.value > this.target) this.miss(s);
    }
  }

  private miss(s: Sample): void {
    const m = this.misses;
    m.over++;
    if (s.note !== undefined && CHANNELS.has(s.note)) count(m.channels, s.note, 1);
    if (s.agency) count(m.agencies, s.agency, 1);
    // Equal items keep their arrival order (a stable sort).
    keepFirst(m.worst, s, WORST_KEPT, worseFirst);
  }
}
