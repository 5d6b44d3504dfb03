/** The scenario format's demand: background streams, scripted incidents, a CAD history, and calls that need no unit. */
import { z } from 'zod';
import { crsSchema, distSchema, durationSchema, grade, hourly, id, lonLat, MAX_SIZE } from './schema-common.ts';

export const backgroundSchema = z.strictObject({
  type: id,
  ratePerDay: z.number().nonnegative(),
  zones: z.union([z.literal('population'), z.literal('uniform'), z.record(z.string(), z.number().nonnegative())], { error: 'must be population, uniform, or a weight per zone id' }).default('population'),
  profile: hourly.optional().describe('Relative rate by hour of day (normalised to mean 1)'),
  weekly: z.array(z.number().nonnegative()).length(7).optional().describe('Relative rate by day of week, Monday first (normalised to mean 1)'),
  monthly: z.array(z.number().nonnegative()).length(12).optional().describe('Relative rate by month, January first (seasonal factors; normalised to mean 1)'),
  dayFactor: distSchema
    .optional()
    .describe('A random factor (mean 1) drawn for each local day and multiplying its rate; {dist: gamma, shape: k, mean: 1} makes daily counts negative binomial'),
});
const placeFields = { zone: id.optional(), lon: lonLat.lon.optional(), lat: lonLat.lat.optional() };
export const scriptedSchema = z.strictObject({
  at: durationSchema.describe('Time from scenario start'),
  type: id,
  grade: grade.optional(),
  name: z.string().optional(),
  pin: z.boolean().default(false).describe('Draw this incident from its own random streams (needs a name): other demand and decisions never shift its callers, delays or size'),
  size: z.number().positive().max(MAX_SIZE).optional().describe('Initial size (for types with dynamics) instead of drawing it'),
  callers: z.number().int().min(1).max(10000).optional().describe('Number of callers instead of drawing it'),
  ...placeFields,
});
export const nonEmergencySchema = z.strictObject({
  id,
  name: z.string().optional(),
  ratePerDay: z.number().nonnegative(),
  profile: hourly.optional().describe('Relative rate by hour of day (normalised to mean 1)'),
  channels: z.record(z.string(), z.number().nonnegative()).default({ '110': 1 }),
  handlingTime: distSchema.default({ dist: 'uniform', min: 20, max: 40 }).describe('Call-taker time for a consultation, a wrong number, a repeat caller'),
  transfer: z
    .strictObject({ probability: z.number().min(0).max(1), time: distSchema.default({ dist: 'uniform', min: 10, max: 20 }) })
    .optional()
    .describe('A share is transferred (e.g. to 12345): the call-taker spends `time`, then the call goes to the non-emergency line if the center has one, else leaves'),
  line: z.enum(['emergency', 'nonEmergency']).default('emergency').describe('The line the calls arrive on (nonEmergency needs center.nonEmergencyTakers)'),
});
export const historySchema = z.strictObject({
  file: z.string().min(1).describe('CSV with columns time, type, grade and zone or lon/lat'),
  crs: crsSchema.optional().describe('Coordinate system of its lon/lat columns (default WGS-84)'),
});
