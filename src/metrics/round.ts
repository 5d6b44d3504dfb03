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
  const y = x * 1000;
  const f = y - Math.floor(y);
  if (Math.abs(f - 0.5) < 1e-6 || Math.abs(y) > 2 ** 50) return Number(x.toFixed(3));
  return Math.round(y) / 1000;
}

/** The records with every number rounded as the CSV files round it (a copy, or in place). */
export function roundRecords(r: RunRecords, inPlace = false): RunRecords {
  // Records of one kind share their fields: list the keys once per list, not per record.
  const roundAll = <T extends object>(xs: T[]): T[] => {
    if (xs.length === 0) return inPlace ? xs : [];
    const keys = Object.keys(xs[0]);
    const out = inPlace ? xs : xs.map((x) => ({ ...x }));
    for (let i = 0; i < out.length; i++) {
      const o = out[i] as Record<string, unknown>;
      for (let k = 0; k < keys.length; k++) {
        const v = o[keys[k]];
        if (typeof v === 'number') o[keys[k]] = csvRound(v);
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
