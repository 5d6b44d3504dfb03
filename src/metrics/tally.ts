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

/** One indicator's items, added in order; `target` decides which items are misses. */
export class IndicatorTally {
  /** Every item's value, in the order added. */
  readonly values: number[] = [];
  readonly misses: Misses = { over: 0, worst: [], channels: new Map(), agencies: new Map() };

  constructor(readonly target: number) {}

  /** Adds items (one replication's, or part of one). */
  add(samples: readonly Sample[]): void {
    for (const s of samples) {
      this.values.push(s.value);
      if (s.value > this.target) this.miss(s);
    }
  }

  private miss(s: Sample): void {
    const m = this.misses;
    m.over++;
    if (s.note !== undefined && CHANNELS.has(s.note)) m.channels.set(s.note, (m.channels.get(s.note) ?? 0) + 1);
    if (s.agency) m.agencies.set(s.agency, (m.agencies.get(s.agency) ?? 0) + 1);
    // Equal items keep their arrival order (a stable sort).
    keepFirst(m.worst, s, WORST_KEPT, worseFirst);
  }
}
