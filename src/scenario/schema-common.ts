/**
 * The scenario format's building blocks, shared by its parts: ids, durations, distributions, grades
 * (and maps by grade), positions, coordinate systems and geographic files, and 24-hour profiles.
 */
import { z } from 'zod';
import { DURATION_PATTERN, MAX_SECONDS, parseDuration } from './duration.ts';
import { RESERVED_KEY, reservedWords } from './reserved.ts';
import { TOO_LONG } from './schema-words.ts';

/** Grades from least to most severe: IV 一般, III 较大, II 重大, I 特别重大. */
export const GRADES = ['IV', 'III', 'II', 'I'] as const;
export type Grade = (typeof GRADES)[number];

/** An id as users write it: letters (any script), digits and _ . : - */
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, 'ids are letters, digits, and _ . : - (no spaces)')
  .refine((s) => s !== RESERVED_KEY, reservedWords('id').en);

const tooLong = TOO_LONG.en;

/** Seconds, or a string such as "90s", "5m", "2h", "1h30m"; at most 100 years. */
export const durationSchema = z
  .union(
    [
      z.number().nonnegative().max(MAX_SECONDS, tooLong),
      z
        .string()
        .regex(DURATION_PATTERN, { message: 'a duration is seconds or a string like "90s", "5m", "2h"', abort: true })
        .refine((s) => (parseDuration(s) ?? Infinity) <= MAX_SECONDS, tooLong),
    ],
    { error: 'must be seconds (a number ≥ 0) or a string like "90s", "5m", "2h"' },
  )
  .describe('Seconds, or a string like "90s", "5m", "2h", "1h30m"');

/** A random quantity: a fixed number (or duration), or a distribution. */
export const distSchema = z
  .union([
    durationSchema,
    // Chosen by `dist` rather than tried in turn: a valid scenario holds hundreds of distributions,
    // and each branch tried and failed is an issue zod builds and words.
    z.discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('fixed'), value: durationSchema }),
    z.strictObject({ dist: z.literal('exponential'), mean: durationSchema }),
    z.strictObject({ dist: z.literal('lognormal'), mean: durationSchema, sd: durationSchema }),
    z.strictObject({
      dist: z.literal('gamma'),
      shape: z.number().positive(),
      scale: durationSchema.optional(),
      mean: durationSchema.optional(),
    }),
    z.strictObject({ dist: z.literal('triangular'), min: durationSchema, mode: durationSchema, max: durationSchema }),
    z.strictObject({ dist: z.literal('uniform'), min: durationSchema, max: durationSchema }),
    z.strictObject({
      dist: z.literal('empirical'),
      values: z.array(durationSchema).min(1),
      weights: z.array(z.number().nonnegative()).optional(),
    }),
    ]),
  ], { error: 'must be a fixed value or {dist: exponential|lognormal|gamma|triangular|uniform|empirical, …}' })
  .describe('A fixed value, or {dist: exponential|lognormal|gamma|triangular|uniform|empirical, …}');
export type DistInput = z.input<typeof distSchema>;

/** Largest size an incident's dynamics reach (its growth stops there): keeps size × work per size finite. */
export const MAX_SIZE = 1e12;

/** A position in the scenario's `crs`: degrees, or easting (lon) and northing (lat) in metres for a projected one. */
export const lonLat = {
  lon: z.number().describe('Longitude (degrees), or easting in metres when the scenario’s crs is projected'),
  lat: z.number().describe('Latitude (degrees), or northing in metres when the scenario’s crs is projected'),
};
/** A coordinate system: named, by EPSG code, or as a proj4 string. */
export const crsSchema = z
  .string()
  .min(1)
  .describe('Coordinate system: WGS84 (default), CGCS2000, GCJ02 (高德/腾讯), BD09 (百度), EPSG:<code> (e.g. EPSG:4527, CGCS2000 3° Gauss–Krüger zone 39) or a proj4 string "+proj=…"');
/** A geographic side file: GeoJSON, or a Shapefile (.shp with its .dbf/.prj, or a .zip). */
export const geoFileSchema = z.strictObject({
  file: z.string().min(1).describe('GeoJSON, a Shapefile (.shp beside its .dbf and .prj) or a zipped Shapefile, relative to the scenario file'),
  crs: crsSchema.optional().describe('Its coordinate system (default: a Shapefile’s .prj, a GeoJSON’s "crs" member, else WGS-84)'),
  mapping: z.record(z.string(), z.string().min(1)).optional().describe('Which attribute holds each field linkdrill reads, e.g. {id: CODE, name: MC, population: RK}'),
  encoding: z.string().min(1).optional().describe('Text encoding of a Shapefile’s .dbf (default: its .cpg, its header, else UTF-8 or GBK as the bytes say)'),
});
export type GeoFileInput = z.output<typeof geoFileSchema>;
/** 24 values, one per local hour. */
export const hourly = z.array(z.number().nonnegative()).length(24).describe('24 values, one per hour of the day 00–23');
/** A value per grade (or level), each optional. */
export const gradeMap = <T extends z.ZodType>(v: T) => z.strictObject({ IV: v.optional(), III: v.optional(), II: v.optional(), I: v.optional() });
/** A grade (or level) as written: IV, III, II or I. */
export const grade = z.enum(GRADES);
