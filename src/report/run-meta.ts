/**
 * Reading a run folder's `run.json` back (for `linkdrill report DIR`): checked against its shape with
 * zod, so a file edited by hand, cut short or written by something else is refused with the place of
 * each problem instead of failing, or quietly scoring nonsense, halfway through the report.
 */
import { jsonProblem, parseJson } from '../geo/import/json-text.ts';
import { z } from 'zod';
import type { InputError, Result, Words } from '../scenario/errors.ts';
import { INDICATOR_IDS, REPORTING_PROFILES, SCORE_GROUPS } from '../scenario/scoring.ts';
import { GRADES } from '../scenario/schema-common.ts';
import { MAX_SECONDS } from '../scenario/duration.ts';
import { reservedKeyErrors } from '../scenario/reserved.ts';
import { zodErrors } from '../scenario/zod-messages.ts';
import { MAX_SEED } from '../random/streams.ts';
import type { RunMeta } from './aar.ts';

const text = z.string().max(10_000);
const seconds = z.number().nonnegative().max(MAX_SECONDS);
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const place = z.object({ id: text, name: text, lon, lat });

/** This file's own schema messages (zod takes them as strings): each with its Chinese, found again by the English. */
export const SCHEMA_WORDS: readonly Words[] = [
  { zh: '必须是 GeoJSON 坐标：由有限数值组成的位置 [lon, lat]，嵌套不超过 4 层列表', en: 'must be GeoJSON coordinates: positions [lon, lat] of finite numbers, in lists at most 4 deep' },
];

/** GeoJSON coordinates: a position [lon, lat, …] of finite numbers, or lists of them at most 4 deep. */
const coordinates = z.custom<unknown>((v) => {
  const ok = (c: unknown, depth: number): boolean =>
    Array.isArray(c) && (c.length > 0 && typeof c[0] === 'number' ? c.length >= 2 && c.every((x) => typeof x === 'number' && Number.isFinite(x)) : depth < 4 && c.every((x) => ok(x, depth + 1)));
  return ok(v, 0);
}, SCHEMA_WORDS[0].en);

/** A schema problem with this file's own message said in Chinese too (the rest come in both languages already). */
const withSchemaWords = (e: InputError): InputError => {
  const own = SCHEMA_WORDS.find((w) => w.en === e.en);
  return own ? { ...e, zh: own.zh } : e;
};

/** The geography for the report's map (see `report/map.ts`). */
const mapSchema = z.object({
  zones: z.array(place.extend({ polygon: z.array(z.tuple([lon, lat])).optional() })),
  stations: z.array(place),
  hospitals: z.array(place),
  roads: z.array(z.tuple([lon, lat, lon, lat])),
  layers: z.array(
    z.object({
      name: text,
      kind: z.enum(['water', 'landuse', 'hazard', 'boundary', 'other']),
      label: text.optional(),
      features: z.array(
        z.object({
          type: z.literal('Feature'),
          geometry: z.object({ type: text, coordinates }).nullable(),
          properties: z.record(z.string(), z.unknown()).nullable(),
        }),
      ),
    }),
  ),
});

const runMetaSchema = z.object({
  scenario: z.object({
    name: text,
    title: text,
    description: z.string(),
    start: text,
    startSecondOfDay: z.number().min(0).lt(86400),
    durationS: z.number().positive().max(MAX_SECONDS),
    agencies: z.array(z.object({ id: text, name: text, kind: text, tier: z.union([z.literal(1), z.literal(2), z.literal(3)]) })).min(1),
    incidentTypes: z.array(z.object({ id: text, name: text })),
  }),
  seeds: z.array(z.number().int().min(0).max(MAX_SEED)).min(1),
  // Strict: a rubric change this schema did not know would be dropped, and the report scored otherwise than the run.
  scoring: z.strictObject({
    groups: z.partialRecord(z.enum(SCORE_GROUPS), z.number().nonnegative().max(1e6)).optional(),
    indicators: z
      .partialRecord(
        z.enum(INDICATOR_IDS),
        z.object({
          target: seconds.optional(),
          zeroAt: seconds.optional(),
          weight: z.number().nonnegative().max(1e6).optional(),
          percentile: z.number().gt(0).lt(100).optional(),
          critical: z.boolean().optional(),
        }),
      )
      .optional(),
    zeroAtMultiple: z.number().gt(1).max(1000).optional(),
    kinds: z.object({ fire: z.array(text).optional(), ems: z.array(text).optional() }).optional(),
    fireIncidents: z.array(text).optional(),
    emsChannels: z.array(text).optional(),
    reporting: z.union([z.enum(REPORTING_PROFILES), z.partialRecord(z.enum(GRADES), z.object({ first: seconds.optional(), update: seconds.optional() }))]).optional(),
  }),
  map: mapSchema.optional(),
});

/** `run.json`'s text as a {@link RunMeta}; every problem named `where: path: message`. Pure. */
export function parseRunMeta(json: string, where = 'run.json'): Result<RunMeta> {
  const parsed = parseJson(json);
  if (!parsed.ok) return { ok: false, errors: [jsonProblem(where, parsed.why, { is: true })] };
  const value = parsed.value;
  const named = (errors: InputError[]): InputError[] => errors.map((e) => ({ path: e.path ? `${where}: ${e.path}` : where, zh: e.zh, en: e.en }));
  const reserved = reservedKeyErrors(value);
  if (reserved.length) return { ok: false, errors: named(reserved) };
  const r = runMetaSchema.safeParse(value);
  if (!r.success) return { ok: false, errors: named(zodErrors(r.error.issues, value).map(withSchemaWords)) };
  return { ok: true, value: r.data as RunMeta };
}
