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
import type { InputError, Result, Words } from '../../scenario/errors.ts';
import { reservedKeyErrors } from '../../scenario/reserved.ts';
import { withFound, zodErrors } from '../../scenario/zod-messages.ts';
import { listWords } from '../../report/list-words.ts';

/** Times of the chain, in the order they must come (a later field may be empty, never earlier). */
export const TIME_FIELDS = ['t_call', 't_answer', 't_call_end', 't_alert', 't_enroute', 't_arrive', 't_clear', 't_hospital', 't_available'] as const;
export type TimeField = (typeof TIME_FIELDS)[number];

/** Text fields. */
export const TEXT_FIELDS = ['incident_id', 'type', 'grade', 'zone', 'lon', 'lat', 'unit', 'agency', 'unit_type', 'hospital'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type Field = TimeField | TextField;
export const FIELDS: readonly Field[] = [...TEXT_FIELDS, ...TIME_FIELDS];

/** What each field means (for the README, the usage text and the problem of a missing column). */
export const FIELD_MEANING: Record<Field, Words> = {
  incident_id: { zh: '事件编号（同一事件的各行相同）', en: 'incident number (rows of one incident share it)' },
  type: { zh: '事件类型（经 values.type 转换后为场景 incidentTypes 的 id）', en: 'incident type (a scenario incidentTypes id, after values.type)' },
  grade: { zh: '出动等级 IV、III、II 或 I（可选；预案响应的等级，而非突发事件分级）', en: 'response level IV, III, II or I (optional; the level the plan answered, not the 突发事件 grade)' },
  zone: { zh: '区域 id（或经纬度 lon、lat）', en: 'zone id (or lon and lat)' },
  lon: { zh: '经度（WGS84）', en: 'longitude (WGS84)' },
  lat: { zh: '纬度（WGS84）', en: 'latitude (WGS84)' },
  unit: { zh: '车辆 id', en: 'unit id' },
  agency: { zh: '车辆所属联动单位的 id', en: 'agency id of the unit' },
  unit_type: { zh: '车辆类型（engine、ambulance 等）', en: 'unit type (engine, ambulance, …)' },
  hospital: { zh: '患者送往的医院 id', en: 'hospital id the patient was taken to' },
  t_call: { zh: '来电接入', en: 'call received' },
  t_answer: { zh: '接警员接听', en: 'call answered by a call-taker' },
  t_call_end: { zh: '接警员结束通话', en: 'call-taker finished the call' },
  t_alert: { zh: '车辆接到出动指令（派车）', en: 'unit alerted (dispatched)' },
  t_enroute: { zh: '车辆出发（途中）', en: 'unit left (en route)' },
  t_arrive: { zh: '车辆到场', en: 'unit on scene' },
  t_clear: { zh: '车辆离开现场', en: 'unit left the scene' },
  t_hospital: { zh: '车辆到达医院', en: 'unit arrived at hospital' },
  t_available: { zh: '车辆恢复可用', en: 'unit free again' },
};

/** Fields every export must have. */
export const REQUIRED: readonly Field[] = ['incident_id', 'type', 't_call'];

const mappingSchema = z.strictObject({
  columns: z.partialRecord(z.enum(FIELDS as [Field, ...Field[]]), z.string().min(1)).default({}),
  values: z.partialRecord(z.enum(['type', 'agency', 'zone', 'unit', 'unit_type', 'hospital', 'grade']), z.record(z.string(), z.string())).default({}),
  // Its form is checked beside the schema (utcOffsetError), where the problem is said in both languages.
  utcOffset: z.string().optional(),
  zoneClasses: z.record(z.string(), z.string().min(1)).optional(),
  sheet: z.string().min(1).optional().describe('Worksheet of an .xlsx export (default: the first)'),
});

/** A parsed column mapping. */
export type Mapping = z.output<typeof mappingSchema>;

/** The mapping that reads exports whose headers are linkdrill's own field names. */
export const IDENTITY_MAPPING: Mapping = { columns: {}, values: {} };

const UTC_OFFSET = /^(Z|[+-]\d{2}:?\d{2})$/;

/** The problem with a mapping's `utcOffset` text that is not like "+08:00", or null. */
function utcOffsetError(value: unknown): Words | null {
  const offset = value !== null && typeof value === 'object' && Object.hasOwn(value, 'utcOffset') ? (value as { utcOffset: unknown }).utcOffset : undefined;
  if (typeof offset !== 'string' || UTC_OFFSET.test(offset)) return null;
  return withFound({ zh: 'UTC 偏移应形如“+08:00”', en: 'a UTC offset is like "+08:00"' }, offset);
}

/** Validates a parsed mapping file; errors are named inside `where` (the file). */
export function parseMapping(value: unknown, where: string): Result<Mapping> {
  const named = (e: InputError): InputError => ({ path: `${where} ${e.path}`.trim(), zh: e.zh, en: e.en });
  // A `__proto__` key would be dropped by zod without a word: name it.
  const reserved = reservedKeyErrors(value);
  if (reserved.length) return { ok: false, errors: reserved.map(named) };
  const r = mappingSchema.safeParse(value ?? {});
  const offset = utcOffsetError(value);
  const errors = [...(r.success ? [] : zodErrors(r.error.issues, value).map(named)), ...(offset ? [named({ path: 'utcOffset', ...offset })] : [])];
  return errors.length ? { ok: false, errors } : { ok: true, value: r.data! };
}

/**
 * Which column index holds each field: the mapped header, else a header equal to the field's name
 * (case and surrounding blanks ignored). Errors: a mapped header that is not there, a required field
 * that is nowhere.
 */
export function resolveColumns(header: readonly string[], mapping: Mapping, where: string): Result<Partial<Record<Field, number>>> {
  const norm = (s: string) => s.trim().toLowerCase();
  const index = new Map<string, number>();
  const repeated = new Map<string, number[]>();
  header.forEach((h, i) => {
    if (norm(h) === '') return;
    if (!index.has(norm(h))) index.set(norm(h), i);
    else (repeated.get(norm(h)) ?? repeated.set(norm(h), [index.get(norm(h))!]).get(norm(h))!).push(i);
  });
  const out: Partial<Record<Field, number>> = {};
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  // A name a field reads that is there twice: either column would be a guess (and a guess changes the
  // fit), so it stops. A repeated name no field reads changes nothing linkdrill computes: a warning.
  const read = new Set(FIELDS.map((f) => norm(mapping.columns[f] ?? f)));
  for (const [name, at] of repeated) (read.has(name) ? errors : warnings).push(repeatedColumn(where, header[at[0]].trim(), at, read.has(name)));
  for (const f of FIELDS) {
    const mapped = mapping.columns[f];
    if (mapped !== undefined) {
      const i = index.get(norm(mapped));
      if (i === undefined) {
        const has = listWords(header);
        errors.push({
          path: where,
          zh: `列映射为 ${f} 指定了列“${mapped}”，但表头中没有这一列（表头为：${has.zh}）`,
          en: `the mapping names column "${mapped}" for ${f}, but the header has no such column (it has: ${has.en})`,
        });
      } else out[f] = i;
    } else if (index.has(f)) out[f] = index.get(f)!;
  }
  for (const f of REQUIRED) {
    if (out[f] !== undefined || mapping.columns[f] !== undefined) continue;
    errors.push({ path: where, zh: `没有 ${f}（${FIELD_MEANING[f].zh}）列：请在表头中写明，或用 --mapping 映射`, en: `no column for ${f} (${FIELD_MEANING[f].en}): name it in the header or map it with --mapping` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: out, ...(warnings.length ? { warnings } : {}) };
}

/** A header name at the 0-based column indices `at`: `cad.csv 表头：列名“接警时间”出现两次（第 3 列和第 9 列）`. */
function repeatedColumn(where: string, name: string, at: readonly number[], used: boolean): InputError {
  const times = at.length === 2 ? { zh: '两次', en: 'twice' } : { zh: ` ${at.length} 次`, en: `${at.length} times` };
  const cols = at.map((i) => i + 1);
  const colsZh = cols.map((c) => `第 ${c} 列`);
  const listZh = colsZh.length === 2 ? colsZh.join('和') : `${colsZh.slice(0, -1).join('、')}和${colsZh.at(-1)}`;
  const listEn = cols.length === 2 ? cols.join(' and ') : `${cols.slice(0, -1).join(', ')} and ${cols.at(-1)}`;
  const tail = used ? { zh: '：无法确定应读取哪一列，请改名或删去多余的一列', en: ': which one to read cannot be told; rename or remove the extra one' } : { zh: '（未用到这一列，已忽略）', en: ' (a column linkdrill does not read; ignored)' };
  return {
    path: '',
    zh: `${where} 表头：列名“${name}”出现${times.zh}（${listZh}）${tail.zh}`,
    en: `${where} header: the column name "${name}" appears ${times.en} (columns ${listEn})${tail.en}`,
  };
}
