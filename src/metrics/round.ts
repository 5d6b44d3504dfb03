/**
 * Rounding as the CSV files round: 3 decimals. Scores and KPIs are computed from numbers rounded this
 * way, so what a run reports equals what anyone recomputes from its CSV files.
 */
import type { RunRecords } from '../engine/records.ts';

/**
 * Rounds like the CSV files do (3 decimals, `Number(x.toFixed(3))`), so figures computed from it equal
 * those computed from the files. Fast path: away from a rounding tie, `Math.round(1000x)` is the same
 * integer k as toFixed picks, and k / 1000 (a correctly rounded division) is the very double that
 * parsing the 3-decimal text gives; near a tie, toFixed decides.
 */
export function csvRound(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x;
  const k = thousandths(x);
  return k === null ? Number(x.toFixed(3)) : k / 1000;
}

/**
 * The integer k that `x.toFixed(3)` writes as k / 1000 (its digits without the point), or null near a
 * rounding tie or past 2^50 thousandths, where only toFixed's exact decimal arithmetic decides. For a
 * finite, non-integer x. Away from a tie, rounding 1000x in binary cannot cross the half-way point
 * (it is a representable number), so `Math.round` picks toFixed's integer.
 */
export function thousandths(x: number): number | null {
  const y = x * 1000;
  const f = y - Math.floor(y);
  if (Math.abs(f - 0.5) < 1e-6 || Math.abs(y) > 2 ** 50) return null;
  return Math.round(y);
}

/** The records with every number rounded as the CSV files round it (a copy, or in place). */
export function roundRecords(r: RunRecords, inPlace = false): RunRecords {
  // `for…in` over a record reads its fields by the layout V8 caches for the enumeration, where
  // `o[key]` over a list of keys is a generic lookup per field. An integer is its own rounding.
  const roundAll = <T extends object>(xs: T[]): T[] => {
    const out = inPlace ? xs : xs.map((x) => ({ ...x }));
    for (let i = 0; i < out.length; i++) {
      const o = out[i] as Record<string, unknown>;
      for (const key in o) {
        const v = o[key];
        if (typeof v === 'number' && !Number.isInteger(v)) o[key] = csvRound(v);
      }
    }
    return out;
  };
  return {
    incidents: roundAll(r.incidents),
    calls: roundAll(r.calls),
    dispatches: roundAll(r.dispatches),
    units: roundAll(r.units),
    agencies: roundAll(r.agencies),
    depots: roundAll(r.depots),
  };
}
