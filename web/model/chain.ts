/**
 * An incident's linkage chain as it stood at time t: only the marks that happened by then, bars cut
 * at t, lanes that have begun — so the chain of an open incident grows as the replay plays. Pure.
 */
import type { TimelineModel } from '../../src/report/aar.ts';

/** Shortest span (s) the chain's axis shows, so an incident just begun still has room. */
const MIN_SPAN_S = 600;

/** The chain cut at t. The first lane (the center) always shows; the axis runs to t, not beyond. */
export function chainAt(m: TimelineModel, t: number): TimelineModel {
  const lanes = m.lanes
    .map((l) => ({
      label: l.label,
      marks: l.marks.filter((k) => k.t <= t),
      segments: l.segments.filter((s) => s.a <= t).map((s) => ({ ...s, b: Math.min(s.b, t) })),
    }))
    .filter((l, i) => i === 0 || l.marks.length > 0 || l.segments.length > 0);
  return { t0: m.t0, t1: Math.max(m.t0 + MIN_SPAN_S, Math.min(m.t1, t)), lanes };
}
