/**
 * An index of intervals by time: which items are live at time t, touching only the items of t's
 * bucket (those live at some moment of it), not every item of the run. Built once per run.
 */

export interface TimeIndex {
  bucketS: number;
  starts: Float64Array;
  ends: Float64Array;
  /** Bucket b's items are ids[offsets[b] .. offsets[b + 1]), in ascending order. */
  offsets: Int32Array;
  ids: Int32Array;
}

/**
 * Indexes items live over [starts[i], ends[i]) (an end may be Infinity) within [0, endS].
 * `bucketS` trades memory (an item is listed in every bucket it spans) for work per query.
 */
export function buildTimeIndex(starts: readonly number[], ends: readonly number[], endS: number, bucketS = 300): TimeIndex {
  const n = Math.max(1, Math.ceil(endS / bucketS) + 1);
  const first = (i: number) => Math.min(n - 1, Math.max(0, Math.floor(starts[i] / bucketS)));
  const last = (i: number) => Math.min(n - 1, Math.max(0, Math.floor(Math.min(ends[i], endS) / bucketS)));
  const counts = new Int32Array(n + 1);
  for (let i = 0; i < starts.length; i++) if (ends[i] > starts[i]) for (let b = first(i); b <= last(i); b++) counts[b + 1]++;
  for (let b = 0; b < n; b++) counts[b + 1] += counts[b];
  const ids = new Int32Array(counts[n]);
  const fill = counts.slice(0, n);
  for (let i = 0; i < starts.length; i++) if (ends[i] > starts[i]) for (let b = first(i); b <= last(i); b++) ids[fill[b]++] = i;
  return { bucketS, starts: Float64Array.from(starts), ends: Float64Array.from(ends), offsets: counts, ids };
}

/** Items live at t (start ≤ t < end), in ascending order. */
export function activeAt(ix: TimeIndex, t: number): number[] {
  const n = ix.offsets.length - 1;
  const b = Math.min(n - 1, Math.max(0, Math.floor(t / ix.bucketS)));
  const out: number[] = [];
  for (let k = ix.offsets[b]; k < ix.offsets[b + 1]; k++) {
    const i = ix.ids[k];
    if (ix.starts[i] <= t && t < ix.ends[i]) out.push(i);
  }
  return out;
}
