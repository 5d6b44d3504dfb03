/**
 * The fields linkdrill reads from a CAD export, and the column mapping that names them in a county's
 * own export. One row is one unit dispatched to an incident (the usual "unit history" export); an
 * export with one row per incident and no unit columns still gives demand and call handling. The
 * incident's own fields repeat on each of its rows.
 *
 * A mapping file (YAML or JSON) says which header holds each field, how to translate values (the
 * export's type names into the scenario's type ids, …), the UTC offset of times written without one,
 * and classes of zones for validate-history:
 *
 *   columns: {incident_id: 事件编号, type: 事件类型, t_call: 接警时间, t_alert: 派车时间, …}
 *   values: {type: {火灾: fire, 医疗急救: medical}, agency: {消防: FIRE}}
 *   utcOffset: "+08:00"
 *   zoneClasses: {Z1: urban, Z2: rural}
 *   sheet: 出动记录          (an .xlsx export's worksheet; default the first)
 */
import { z } from 'zod';
import type { InputError, Result } from '../../scenario/errors.ts';
import { reservedKeyErrors } from '../../scenario/reserved.ts';
import { zodErrors } from '../../scenario/zod-messages.ts';

/** Times of the chain, in the order they must come (a later field may be empty, never earlier). */
export const TIME_FIELDS = ['t_call', 't_answer', 't_call_end', 't_alert', 't_enroute', 't_arrive', 't_clear', 't_hospital', 't_available'] as const;
export type TimeField = (typeof TIME_FIELDS)[number];

/** Text fields. */
export const TEXT_FIELDS = ['incident_id', 'type', 'grade', 'zone', 'lon', 'lat', 'unit', 'agency', 'unit_type', 'hospital'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type Field = TimeField | TextField;
export const FIELDS: readonly Field[] = [...TEXT_FIELDS, ...TIME_FIELDS];

/** What each field means (for the README and the usage text). */
export const FIELD_MEANING: Record<Field, string> = {
  incident_id: 'incident number (rows of one incident share it)',
  type: 'incident type (a scenario incidentTypes id, after values.type)',
  grade: 'response level IV, III, II or I (optional; the level the plan answered, not the 突发事件 grade)',
  zone: 'zone id (or lon and lat)',
  lon: 'longitude (WGS84)',
  lat: 'latitude (WGS84)',
  unit: 'unit id',
  agency: 'agency id of the unit',
  unit_type: 'unit type (engine, ambulance, …)',
  hospital: 'hospital id the patient was taken to',
  t_call: 'call received',
  t_answer: 'call answered by a call-taker',
  t_call_end: 'call-taker finished the call',
  t_alert: 'unit alerted (dispatched)',
  t_enroute: 'unit left (en route)',
  t_arrive: 'unit on scene',
  t_clear: 'unit left the scene',
  t_hospital: 'unit arrived at hospital',
  t_available: 'unit free again',
};

/** Fields every export must have. */
export const REQUIRED: readonly Field[] = ['incident_id', 'type', 't_call'];

const mappingSchema = z.strictObject({
  columns: z.partialRecord(z.enum(FIELDS as [Field, ...Field[]]), z.string().min(1)).default({}),
  values: z.partialRecord(z.enum(['type', 'agency', 'zone', 'unit', 'unit_type', 'hospital', 'grade']), z.record(z.string(), z.string())).default({}),
  utcOffset: z.string().regex(/^(Z|[+-]\d{2}:?\d{2})$/, 'a UTC offset is like "+08:00"').optional(),
  zoneClasses: z.record(z.string(), z.string().min(1)).optional(),
  sheet: z.string().min(1).optional().describe('Worksheet of an .xlsx export (default: the first)'),
});

/** A parsed column mapping. */
export type Mapping = z.output<typeof mappingSchema>;

/** The mapping that reads exports whose headers are linkdrill's own field names. */
export const IDENTITY_MAPPING: Mapping = { columns: {}, values: {} };

/** Validates a parsed mapping file; errors are named inside `where` (the file). */
export function parseMapping(value: unknown, where: string): Result<Mapping> {
  // A `__proto__` key would be dropped by zod without a word: name it.
  const reserved = reservedKeyErrors(value);
  if (reserved.length) return { ok: false, errors: reserved.map((e) => ({ path: `${where} ${e.path}`, message: e.message })) };
  const r = mappingSchema.safeParse(value ?? {});
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: zodErrors(r.error.issues, value).map((e) => ({ path: `${where} ${e.path}`.trim(), message: e.message })) };
}

/**
 * Which column index holds each field: the mapped header, else a header equal to the field's name
 * (case and surrounding blanks ignored). Errors: a mapped header that is not there, a required field
 * that is nowhere.
 */
export function resolveColumns(header: readonly string[], mapping: Mapping, where: string): Result<Partial<Record<Field, number>>> {
  const norm = (s: string) => s.trim().toLowerCase();
  const index = new Map(header.map((h, i) => [norm(h), i]));
  const out: Partial<Record<Field, number>> = {};
  const errors: InputError[] = [];
  for (const f of FIELDS) {
    const mapped = mapping.columns[f];
    if (mapped !== undefined) {
      const i = index.get(norm(mapped));
      if (i === undefined) errors.push({ path: where, message: `the mapping names column "${mapped}" for ${f}, but the header has no such column (it has: ${header.join(', ')})` });
      else out[f] = i;
    } else if (index.has(f)) out[f] = index.get(f)!;
  }
  for (const f of REQUIRED) if (out[f] === undefined && mapping.columns[f] === undefined) errors.push({ path: where, message: `no column for ${f} (${FIELD_MEANING[f]}): name it in the header or map it with --mapping` });
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}
