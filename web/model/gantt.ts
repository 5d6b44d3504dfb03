/**
 * The unit-status Gantt at pixel resolution: for each unit and each pixel column, the status at the
 * column's middle time. Drawing then costs units × columns, however many trips a busy day holds;
 * built once per run and width. Pure.
 */
import type { UnitStatus, UnitTrack } from './replay.ts';

export const STATUS_CODES: readonly UnitStatus[] = ['available', 'alerted', 'enroute', 'onscene', 'transporting', 'hospital', 'returning', 'moving', 'tasked', 'off'];

export interface GanttColumns {
  columns: number;
  endS: number;
  /** rows[u][c]: index into STATUS_CODES of unit u's status in column c. */
  rows: Uint8Array[];
}

export function ganttColumns(units: readonly UnitTrack[], endS: number, columns: number): GanttColumns {
  const n = Math.max(1, Math.floor(columns));
  const code = new Map(STATUS_CODES.map((s, i) => [s, i]));
  const rows = units.map((u) => {
    const row = new Uint8Array(n);
    let k = 0;
    for (let c = 0; c < n; c++) {
      const t = ((c + 0.5) / n) * endS;
      while (k < u.segments.length - 1 && u.segments[k + 1].t0 <= t) k++;
      row[c] = code.get(u.segments[k]?.status ?? 'available') ?? 0;
    }
    return row;
  });
  return { columns: n, endS, rows };
}

/** Runs of equal status in a row up to column `toColumn` (exclusive): [from, to, code]. */
export function runs(row: Uint8Array, toColumn: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  const end = Math.min(row.length, Math.max(0, toColumn));
  let a = 0;
  for (let c = 1; c <= end; c++) {
    if (c === end || row[c] !== row[a]) {
      out.push([a, c, row[a]]);
      a = c;
    }
  }
  return out;
}
