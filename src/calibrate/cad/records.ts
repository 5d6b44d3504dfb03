/**
 * A linkdrill run as CAD rows, with no mapping: a run folder's `incidents.csv`, `calls.csv`,
 * `dispatches.csv` (and `events.csv` for hospital arrivals) read back, or a simulated replication's
 * records. The same rows then go through the same checks and fits as a county's export, so a scenario
 * can be simulated, calibrated back and compared with itself, and validate-history measures simulated
 * and observed histories with one ruler.
 */
import Papa from 'papaparse';
import { jsonProblem, parseJson } from '../../geo/import/json-text.ts';
import type { RunRecords } from '../../engine/records.ts';
import { readRunCsv } from '../../report/read.ts';
import type { RunMeta } from '../../report/aar.ts';
import { GRADES } from '../../scenario/schema.ts';
import { parseDateTime } from '../../scenario/duration.ts';
import type { Result } from '../../scenario/errors.ts';
import type { CadRow } from './rows.ts';
import { listWords } from '../../report/list-words.ts';

/** Hospital arrivals by "incident/unit": the hospital and the time (s from the run's start). */
export type HospitalArrivals = Map<string, { id: string; t: number }>;

/** Absolute seconds (UTC) of a scenario's start, and its UTC offset. */
export function startOf(start: string): { abs: number; offsetS: number } | null {
  const wc = parseDateTime(start, true);
  return wc ? { abs: wc.dayNumber * 86400 + wc.secondOfDay - wc.offsetS, offsetS: wc.offsetS } : null;
}

/** One replication's records as CAD rows: one per unit alerted (or per incident without any). */
export function rowsFromRecords(r: RunRecords, startAbs: number, hospitals: HospitalArrivals = new Map()): CadRow[] {
  const abs = (t: number | null) => (t === null ? undefined : startAbs + t);
  const firstCall = new Map<string, { tAnswer: number | null; tEnd: number | null; tArrive: number }>();
  for (const c of r.calls) {
    const f = firstCall.get(c.incidentId);
    if (!f || c.tArrive < f.tArrive) firstCall.set(c.incidentId, { tAnswer: c.tAnswer, tEnd: c.tEnd, tArrive: c.tArrive });
  }
  const byIncident = new Map<string, RunRecords['dispatches']>();
  for (const d of r.dispatches) if (d.tAlert !== null) byIncident.set(d.incidentId, [...(byIncident.get(d.incidentId) ?? []), d]);
  const rows: CadRow[] = [];
  for (const inc of r.incidents) {
    if (inc.tFirstCall === null) continue; // never reached the center
    const call = firstCall.get(inc.incidentId);
    const grade = GRADES.indexOf((inc.levelFinal ?? inc.levelTrue) as never);
    const head = {
      incidentId: inc.incidentId, type: inc.type, grade: grade >= 0 ? grade : null, zone: inc.zone, lon: inc.lon, lat: inc.lat,
    };
    const callTimes = { t_call: abs(inc.tFirstCall), t_answer: abs(call?.tAnswer ?? null), t_call_end: abs(call?.tEnd ?? null) };
    const ds = byIncident.get(inc.incidentId) ?? [];
    if (ds.length === 0) rows.push({ row: rows.length + 2, record: { incident: inc.incidentId }, ...head, unit: null, agency: null, unitType: null, hospital: null, t: clean(callTimes) });
    for (const d of ds) {
      const h = hospitals.get(`${d.incidentId}/${d.unitId}`);
      rows.push({
        row: rows.length + 2, record: { incident: inc.incidentId, unit: d.unitId }, ...head, unit: d.unitId, agency: d.agency, unitType: d.unitType, hospital: h?.id ?? null,
        t: clean({ ...callTimes, t_alert: abs(d.tAlert), t_enroute: abs(d.tEnroute), t_arrive: abs(d.tArrive), t_clear: abs(d.tClear), t_hospital: h ? startAbs + h.t : undefined, t_available: abs(d.tAvailable) }),
      });
    }
  }
  return rows;
}

function clean<T extends Record<string, number | undefined>>(t: T): Partial<T> {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Hospital arrivals of replication `rep` from an `events.csv` text (kind unit.hospital, detail hospital=ID). */
export function hospitalArrivals(eventsCsv: string, rep: number): HospitalArrivals {
  const out: HospitalArrivals = new Map();
  const parsed = Papa.parse<Record<string, string>>(eventsCsv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  for (const e of parsed.data) {
    if (e.kind !== 'unit.hospital' || Number(e.rep) !== rep) continue;
    const id = /hospital=([^\s;,]+)/.exec(e.detail ?? '')?.[1];
    if (id) out.set(`${e.incident_id}/${e.unit_id}`, { id, t: Number(e.t) });
  }
  return out;
}

/**
 * A run folder (file name → text) as CAD rows of replication `rep`, with the UTC offset of its start.
 * Problems name the folder's files.
 */
export function runFolderRows(files: Record<string, string | undefined>, rep: number): Result<{ rows: CadRow[]; offsetS: number; reps: number[] }> {
  // Where it fails to parse, by line and column in our words (as report/run-meta.ts says it), never the engine's English.
  const parsed = parseJson(files['run.json'] ?? 'null');
  if (!parsed.ok) return { ok: false, errors: [jsonProblem('run.json', parsed.why, { is: true })] };
  const meta = parsed.value as RunMeta;
  if (!meta || typeof meta.scenario?.start !== 'string') return { ok: false, errors: [{ path: 'run.json', zh: '不是 linkdrill 的运行说明文件', en: 'not a linkdrill run description' }] };
  const start = startOf(meta.scenario.start);
  if (!start) {
    return { ok: false, errors: [{ path: 'run.json', zh: `scenario.start“${meta.scenario.start}”不是带 UTC 偏移的日期时间`, en: `scenario.start "${meta.scenario.start}" is not a date-time with an offset` }] };
  }
  const { reps, errors } = readRunCsv(files);
  if (errors.length) return { ok: false, errors };
  const chosen = reps.find((r) => r.rep === rep);
  if (!chosen) {
    const has = listWords(reps.map((r) => String(r.rep)));
    return { ok: false, errors: [{ path: 'incidents.csv', zh: `没有第 ${rep} 次重复（文件夹中有：${has.zh || '无'}）`, en: `no replication ${rep} (the folder has ${has.en || 'none'})` }] };
  }
  const hospitals = files['events.csv'] !== undefined ? hospitalArrivals(files['events.csv'], rep) : new Map();
  return { ok: true, value: { rows: rowsFromRecords(chosen.records, start.abs, hospitals), offsetS: start.offsetS, reps: reps.map((r) => r.rep) } };
}
