/**
 * A history read for calibration or validation: rows from a CAD table (through the column mapping)
 * or from a linkdrill run, checked against the scenario when one is given. Problem rows are counted
 * by row; with `drop` they are left out (and counted), otherwise the caller refuses the input.
 */
import type { Scenario } from '../../scenario/scenario.ts';
import type { InputError, Result } from '../../scenario/errors.ts';
import { resolveColumns, type Mapping, type TimeField } from './columns.ts';
import { minuteOnlyFields, minuteWarning, type HistoryUse } from '../resolution.ts';
import { checkRows, readRows, type CadContext, type CadRow, type RowProblem, type Table } from './rows.ts';

export interface ReadHistory {
  /** The rows kept (all rows when nothing was dropped). */
  rows: CadRow[];
  problems: RowProblem[];
  /** Data rows read, rows dropped, and incidents left with no row. */
  total: number;
  dropped: number;
  incidentsDropped: number;
  offsetS: number;
  /** Time fields written to the minute only (see resolution.ts). */
  minuteFields: TimeField[];
  /** What the reader should know that does not stop it (a repeated header no field reads, …), in both languages. */
  warnings: InputError[];
}

/** UTC offset (s) of "+08:00" / "Z". */
export function offsetSeconds(text: string): number {
  if (text === 'Z') return 0;
  const sign = text[0] === '-' ? -1 : 1;
  const d = text.slice(1).replace(':', '');
  return sign * (Number(d.slice(0, 2)) * 3600 + Number(d.slice(2)) * 60);
}

/** The context rows are checked in: the scenario's zones, types and agencies (none without one). */
export function cadContext(scenario: Scenario | null, offsetS: number): CadContext {
  return {
    zones: scenario?.zones ?? null,
    types: scenario ? new Set(scenario.incidentTypes.map((t) => t.id)) : null,
    agencies: scenario ? new Set(scenario.agencies.map((a) => a.id)) : null,
    offsetS,
  };
}

/** Reads and checks a CAD table. Times without an offset are local at the mapping's offset (else 0). */
export function readCadTable(table: Table, mapping: Mapping, scenario: Scenario | null, where: string, drop: boolean, defaultOffsetS = 0, use: HistoryUse = 'fit'): Result<ReadHistory> {
  const cols = resolveColumns(table.header, mapping, where);
  if (!cols.ok) return cols;
  const offsetS = mapping.utcOffset !== undefined ? offsetSeconds(mapping.utcOffset) : defaultOffsetS;
  const read = readRows(table, cols.value, mapping, offsetS);
  const header = (f: string) => (cols.value[f as keyof typeof cols.value] === undefined ? f : table.header[cols.value[f as keyof typeof cols.value]!]);
  const kept = keep(read.rows, read.problems, scenario, offsetS, drop, header);
  const minuteFields = minuteOnlyFields(kept.rows);
  const minute = minuteFields.length ? [{ path: '', ...minuteWarning(where, minuteFields.map(header), use) }] : [];
  return { ok: true, value: { ...kept, minuteFields, warnings: [...(cols.warnings ?? []), ...minute] } };
}

/** Checks rows of a run (or any typed rows) like an export's. */
export function readRunRows(rows: CadRow[], offsetS: number, scenario: Scenario | null, drop: boolean): ReadHistory {
  return { ...keep(rows, [], scenario, offsetS, drop, (f) => f), minuteFields: [], warnings: [] };
}

function keep(rows: CadRow[], parseProblems: RowProblem[], scenario: Scenario | null, offsetS: number, drop: boolean, column: (f: string) => string): Omit<ReadHistory, 'warnings' | 'minuteFields'> {
  // Rows that could not be read are not checked further (their times may be missing).
  const unreadable = new Set(parseProblems.map((p) => p.row));
  const checked = checkRows(rows.filter((r) => !unreadable.has(r.row)), cadContext(scenario, offsetS), column);
  const problems = [...parseProblems, ...checked.problems].sort((a, b) => a.row - b.row);
  const badRows = new Set(problems.map((p) => p.row));
  const kept = drop ? checked.rows.filter((r) => !badRows.has(r.row)) : checked.rows;
  const before = new Set(rows.map((r) => r.incidentId).filter((id) => id !== ''));
  const after = new Set(kept.map((r) => r.incidentId));
  return { rows: kept, problems, total: rows.length, dropped: drop ? badRows.size : 0, incidentsDropped: drop ? [...before].filter((id) => !after.has(id)).length : 0, offsetS };
}
