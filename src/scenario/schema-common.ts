/**
 * The scenario format's building blocks, shared by its parts: ids, durations, distributions, grades
 * (and maps by grade), positions and 24-hour profiles.
 */
import { z } from 'zod';
import { DURATION_PATTERN } from './duration.ts';

/** Grades from least to most severe: IV 一般, III 较大, II 重大, I 特别重大. */
export const GRADES = ['IV', 'III', 'II', 'I'] as const;
export type Grade = (typeof GRADES)[number];

/** An id as users write it: letters (any script), digits and _ . : - */
export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, 'ids are letters, digits, and _ . : - (no spaces)');

/** Seconds, or a string such as "90s", "5m", "2h", "1h30m". */
export const durationSchema = z
  .union([
    z.number().nonnegative(),
    z.string().regex(DURATION_PATTERN, 'a duration is seconds or a string like "90s", "5m", "2h"'),
  ])
  .describe('Seconds, or a string like "90s", "5m", "2h", "1h30m"');

/** A random quantity: a fixed number (or duration), or a distribution. */
export const distSchema = z
  .union([
    durationSchema,
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
  ])
  .describe('A fixed value, or {dist: exponential|lognormal|gamma|triangular|uniform|empirical, …}');
export type DistInput = z.input<typeof distSchema>;

/** A WGS-84 position's fields. */
export const lonLat = { lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) };
/** 24 values, one per local hour. */
export const hourly = z.array(z.number().nonnegative()).length(24).describe('24 values, one per hour of the day 00–23');
/** A value per grade (or level), each optional. */
export const gradeMap = <T extends z.ZodType>(v: T) => z.strictObject({ IV: v.optional(), III: v.optional(), II: v.optional(), I: v.optional() });
/** A grade (or level) as written: IV, III, II or I. */
export const grade = z.enum(GRADES);
