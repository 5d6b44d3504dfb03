/**
 * The scenario format, as a zod schema. It checks shapes and ranges; cross-references (a unit's
 * station exists, a plan names a known agency) are checked in `load.ts`, which also normalises the
 * result into the plain {@link Scenario} the engine runs. `scenarioJsonSchema()` exports the input
 * form as JSON Schema so editors can autocomplete scenario files.
 */
import { z } from 'zod';
import { REPORTING_PROFILES, SCORE_GROUPS } from './scoring.ts';
import { crsSchema, distSchema, durationSchema, geoFileSchema, grade, gradeMap, hourly, id, lonLat, MAX_SIZE } from './schema-common.ts';
import { MAX_SPEED_KMH, MIN_SPEED_KMH } from '../geo/network.ts';
import { backgroundSchema, historySchema, nonEmergencySchema, scriptedSchema } from './schema-demand.ts';

// A scenario is checked once per process: interpreting the schema is quicker than compiling it to
// code first (zod's default), and needs no `new Function` (strict content-security policies).
z.config({ jitless: true });

export { crsSchema, distSchema, durationSchema, geoFileSchema, GRADES, MAX_SIZE, type DistInput, type GeoFileInput, type Grade } from './schema-common.ts';

/** Zone classes, for targets that differ between town and country (NFPA 1710 vs 1720, the 5-minute rule). */
export const ZONE_CLASSES = ['urban', 'suburban', 'rural'] as const;
export type ZoneClass = (typeof ZONE_CLASSES)[number];

const zoneSchema = z.strictObject({
  id,
  name: z.string().optional(),
  population: z.number().nonnegative().default(0),
  class: z.enum(ZONE_CLASSES).default('urban').describe('urban (城区), suburban (近郊、镇区、园区) or rural (农村): targets differ by class'),
  ...lonLat,
});

const travelSchema = z.strictObject({
  model: z.enum(['network', 'matrix', 'straight']).default('straight'),
  network: z.union([z.string(), geoFileSchema]).optional().describe('Roads (LineStrings with speed_kmh, oneway, access) as GeoJSON or a Shapefile (network model)'),
  matrix: z
    .union([z.string(), z.record(z.string(), z.record(z.string(), durationSchema))], { error: 'must be a CSV file name or a mapping zone → station → seconds' })
    .optional()
    .describe('zone × station travel seconds: a CSV file (first column zone, one column per station) or inline'),
  speedKmh: z.number().min(MIN_SPEED_KMH).max(MAX_SPEED_KMH).default(40).describe('Normal driving speed where a road gives none, and for straight'),
  detour: z.number().min(1).max(100).default(1.3).describe('Road distance ÷ straight distance (straight model)'),
  emergencyFactor: z.number().min(0.1).max(10).default(1.2).describe('Speed multiplier under lights and sirens'),
  congestion: z.array(z.number().positive().max(100)).length(24).optional().describe('Travel-time multiplier by hour of day (1 = free flow)'),
  noise: distSchema.optional().describe('Multiplicative noise on each trip (mean should be 1)'),
  snapM: z.number().positive().default(3000).describe('Farthest a place may be from the road network (m)'),
});

const channelKind = z.enum(['platform', 'phone', 'radio']);
const agencySchema = z.strictObject({
  id,
  name: z.string().optional(),
  kind: z.string().min(1).describe('fire, ems, police, traffic, hazmat, power, water, environment, redcross, volunteer…'),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }).default(1),
  jurisdiction: z.union([z.literal('all'), z.array(id).min(1)], { error: 'must be "all" or a list of zone ids' }).default('all'),
  channel: channelKind.default('platform').describe('How the center reaches this agency’s command'),
  channels: z
    .strictObject({ platform: distSchema.optional(), phone: distSchema.optional(), radio: distSchema.optional() })
    .optional()
    .describe('Delay of each channel from the center’s order to the agency command receiving it'),
  alertDelay: distSchema.optional().describe('Agency command → unit alert delay'),
  staging: distSchema.optional().describe('集结: from a unit’s alert to its team assembled, before turnout (tier-2/3 forces calling in their members)'),
  turnout: z
    .union([distSchema, z.strictObject({ day: distSchema, night: distSchema })], { error: 'must be a distribution or {day, night}' })
    .optional()
    .describe('Turnout of this agency’s units that give none of their own (default 60 s)'),
  mutualAid: z
    .strictObject({
      from: z.array(id).min(1).describe('Neighbouring agencies asked for help'),
      within: durationSchema.default(600).describe('Ask neighbours when no own unit can arrive within this'),
      requestDelay: distSchema.optional().describe('Time to request mutual aid from the neighbours'),
      approvalDelay: distSchema.optional().describe('Time for the neighbour to approve the request'),
      backfill: z.boolean().default(false).describe('When every own unit of a type is out, a neighbour’s free unit moves up to cover'),
    })
    .optional(),
});

const stationSchema = z.strictObject({ id, name: z.string().optional(), agency: id.optional(), ...lonLat });
const hospitalSchema = z.strictObject({
  id,
  name: z.string().optional(),
  ...lonLat,
  handover: distSchema.default(900).describe('Patient handover time at the hospital'),
});

const rosterSchema = z
  .union([
    z.string().regex(/^\d{1,2}(:\d{2})?-\d{1,2}(:\d{2})?$/, 'a roster is "HH:MM-HH:MM" (on duty; may wrap midnight)'),
    z.array(z.union([z.literal(0), z.literal(1)], { error: 'must be 0 or 1' })).length(24),
  ], { error: 'must be "HH:MM-HH:MM" or 24 values of 0/1' })
  .describe('On-duty hours: "08:00-20:00" or 24 values of 0/1');

const unitSchema = z.strictObject({
  id,
  agency: id,
  type: z.string().min(1),
  station: id,
  count: z.number().int().min(1).max(500).default(1).describe('Several identical units: ids become ID-1, ID-2, …'),
  capabilities: z.array(z.string()).default([]),
  turnout: z
    .union([distSchema, z.strictObject({ day: distSchema, night: distSchema })], { error: 'must be a distribution or {day, night}' })
    .optional()
    .describe('Time from alert to leaving the station, by day and night'),
  roster: rosterSchema.optional(),
  maintenance: z
    .array(z.strictObject({ from: durationSchema, to: durationSchema }))
    .default([])
    .describe('Windows (from scenario start) when the unit is out of service for maintenance'),
  tasks: z
    .strictObject({ ratePerDay: z.number().nonnegative(), duration: distSchema })
    .optional()
    .describe('Own duties (patrol stops, errands) that take an idle unit away; the center learns of them only by status report'),
});

const centerSchema = z.strictObject({
  callTakers: z.union([z.number().int().min(1), z.array(z.number().int().nonnegative()).length(24)], { error: 'must be a whole number ≥ 1 or 24 hourly whole numbers' }).default(4),
  answerTime: distSchema.default(0).describe('From a call-taker becoming free to the call being picked up'),
  handlingTime: distSchema.default(90).describe('Call-taker busy time per first call (M/M/c service time)'),
  duplicateHandlingTime: distSchema.optional().describe('Handling time of a repeat call about a known incident'),
  verificationTime: distSchema.default(30).describe('After the call: verification and grading (核实, 研判)'),
  planTime: distSchema.default(20).describe('From grading to plan activation and first orders'),
  patience: distSchema.optional().describe('How long a caller waits before hanging up; omit for no abandonment'),
  grading: z
    .strictObject({
      errorProbability: z.number().min(0).max(1).default(0),
      maxError: z.number().int().min(1).max(3).default(1),
    })
    .prefault({}),
  statusReports: z
    .strictObject({
      delay: distSchema.default(30).describe('From a unit’s status change to the center knowing it'),
      lossProbability: z.number().min(0).max(1).default(0).describe('Chance a report is lost'),
      resendAfter: distSchema.default(600).describe('A lost report gets through on the next status round, this much later'),
      refusalDelay: distSchema.default(45).describe('Time lost when an order reaches a unit that is no longer free'),
    })
    .optional()
    .describe('Units report status to the center over the radio; omit for a center that sees the truth'),
  dispatchDuringCall: z
    .strictObject({ after: distSchema.describe('From the answer to type and address known: the order goes out while the call goes on') })
    .optional()
    .describe('边接边派: dispatch during the call; omit for the serial chain (whole call → verification → plan → orders)'),
  nonEmergencyTakers: z
    .union([z.number().int().min(0), z.array(z.number().int().nonnegative()).length(24)])
    .optional()
    .describe('Positions of a separate non-emergency line (e.g. 12345 seats), by hour; calls on it do not wait behind emergencies'),
  dayStart: z.number().min(0).max(24).default(7).describe('Hour when day turnout times start'),
  nightStart: z.number().min(0).max(24).default(19).describe('Hour when night turnout times start'),
});

const incidentTypeSchema = z.strictObject({
  id,
  name: z.string().optional(),
  callers: z
    .strictObject({
      count: z.union([distSchema, gradeMap(distSchema)], { error: 'must be a distribution, or one per grade {IV, III, II, I}' }).default(1),
      delay: distSchema.default(60).describe('From occurrence to each caller reaching the center'),
      channels: z.record(z.string(), z.number().nonnegative()).default({ '110': 1 }),
    })
    .prefault({}),
  workTime: z.union([distSchema, gradeMap(distSchema)], { error: 'must be a distribution, or one per grade {IV, III, II, I}' }).default(1200).describe('On-scene work time'),
  transport: z
    .strictObject({
      probability: z.number().min(0).max(1),
      unitType: z.string().min(1).default('ambulance'),
    })
    .optional(),
  grades: gradeMap(z.number().nonnegative()).default({ IV: 1 }).describe('True level weights: the response level (出动等级/响应等级) plans, callers and work are keyed by'),
  grading: z
    .union([z.literal('level'), z.literal('none'), gradeMap(z.union([grade, z.literal('none')]))])
    .default('level')
    .describe('Which levels are 突发事件 and of which grade: level (each level is the grade of its name), none (routine calls: an alarm level, never a 突发事件), or a map such as {II: IV, I: III}; a level not in the map is routine'),
  dynamics: z
    .strictObject({
      initialSize: z.union([distSchema, gradeMap(distSchema)], { error: 'must be a distribution, or one per grade {IV, III, II, I}' }).describe('Size at occurrence (fire area, leak extent, casualties…), by true grade'),
      growthPerHour: z.number().nonnegative().describe('Exponential growth rate while under-resourced (per hour)'),
      sizePerUnit: z.number().positive().describe('Size one unit on scene can hold'),
      holdBy: z.array(z.string().min(1)).optional().describe('Unit types that count towards holding it (default: every unit on scene)'),
      thresholds: gradeMap(z.number().positive()).default({}).describe('Size at which the incident reaches each grade'),
      workPerSize: durationSchema.default(0).describe('Work added per unit of size once controlled'),
      maxSize: z.number().positive().max(MAX_SIZE).optional().describe(`Size at which growth stops on its own (at most and by default ${MAX_SIZE}); a size set from outside (scripted, or an exercise's size jump) may be larger, and stays`),
    })
    .optional()
    .describe('Incident dynamics: size grows while capability on scene is below need'),
  supplies: z
    .array(
      z.strictObject({
        item: z.string().min(1),
        amount: distSchema.describe('Amount drawn per incident (per unit of size with perSize)'),
        perSize: z.boolean().default(false),
      }),
    )
    .default([])
    .describe('Consumables the work draws from depots'),
  shortageFactor: z.number().min(1).max(1000).default(2).describe('Work is this many times slower until supplies arrive'),
});

const responseSchema = z.strictObject({
  agency: z.string().min(1).describe('An agency id, or a kind (the agency of that kind whose jurisdiction holds the place)'),
  unitType: z.string().min(1),
  count: z.number().int().min(1).max(10000).default(1),
  afterApproval: z.boolean().default(false).describe('For grades that need approval: order only once the government approves'),
  afterDecision: z.boolean().default(false).describe('Order only once the command post’s decision meeting has decided (needs a command post in the plan)'),
  after: z.string().min(1).optional().describe('Agency id or kind whose first unit must be on scene before these units start (precedence)'),
  handoff: distSchema.optional().describe('With after: time from that unit’s arrival until these may start'),
});
const planSchema = z.strictObject({
  type: id,
  grade: z.union([grade, z.array(grade).min(1)], { error: 'must be a grade (IV, III, II, I) or a list of grades' }).default('IV').describe('Grade(s) this response applies to'),
  commandPost: z.boolean().default(false).describe('Open an on-site command post (现场指挥部)'),
  response: z.array(responseSchema).describe('Units to send; empty for calls the center settles by phone'),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  include: z
    .union([z.string().min(1), z.array(z.string().min(1))])
    .optional()
    .describe('Fragments (YAML or JSON, relative to this file) laid over this scenario before validation, e.g. calibrated.yaml'),
  name: id.optional().describe('Short name, used for the output folder'),
  title: z.string().optional(),
  description: z.string().optional(),
  start: z.string().min(1).describe('Wall-clock start with its UTC offset, e.g. 2026-06-01T00:00:00+08:00'),
  duration: durationSchema.default(86400),
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).default(1),
  crs: crsSchema.optional(),
  zones: z.union([z.array(zoneSchema).min(1), geoFileSchema], { error: 'must be a list of zones ({id, lon, lat, population}) or {file: zones.geojson}' }),
  travel: travelSchema.prefault({}),
  agencies: z.array(agencySchema).min(1),
  stations: z.union([z.array(stationSchema).min(1), geoFileSchema]).describe('Inline, or a file of points with id, name, agency'),
  hospitals: z
    .union([z.array(hospitalSchema), geoFileSchema.extend({ handover: distSchema.default(900).describe('Patient handover time at each hospital of the file') })])
    .default([])
    .describe('Inline, or a file of points with id, name'),
  layers: z
    .array(
      geoFileSchema.extend({
        name: z.string().optional().describe('Shown in the map’s legend (default: the file name)'),
        kind: z.enum(['water', 'landuse', 'hazard', 'boundary', 'other']).default('other').describe('How it is drawn: water (blue), landuse (green), hazard (red hatched), boundary (dashed), other (grey)'),
        label: z.string().optional().describe('Property whose value labels each feature'),
      }),
    )
    .default([])
    .describe('GeoJSON or Shapefile layers drawn under the map (rivers, land use, the chemical park, jurisdictions)'),
  units: z.array(unitSchema).min(1),
  center: centerSchema.prefault({}),
  incidentTypes: z.array(incidentTypeSchema).min(1),
  plans: z.array(planSchema).min(1),
  command: z
    .strictObject({
      reportGrade: grade.default('IV').describe('From this 突发事件 grade up the event is reported to government (上报); routine calls never are'),
      reportDelay: distSchema.default(600).describe('初报: from plan activation for a 突发事件 (or the level rising to a graded one) to its first report reaching government'),
      updateDelay: distSchema.default(1800).describe('续报: from the first report to the written follow-up report'),
      finalDelay: distSchema.default(3600).describe('终报: from the end of the response to the final report'),
      approvalGrade: grade.default('II').describe('From this 突发事件 grade up follow-up resources (afterApproval lines) wait for government approval'),
      approvalDelay: distSchema.default(1200).describe('From the first report to government approving follow-up resources'),
      expertsGrade: grade.default('I').describe('From this grade up experts and agency commanders convene at the center'),
      expertsDelay: distSchema.default(3600).describe('From plan activation to experts convened'),
      commandPostSetup: distSchema.default(900).describe('From the first arrival (or the plan ordering it, if later) to the command post running'),
      decisionMeeting: distSchema.default(0).describe('会商决策: from the command post running to its decision; afterDecision lines wait for it'),
      handoffFactor: z.number().positive().max(1).default(0.5).describe('Hand-offs between agencies on scene take this share while a command post runs'),
    })
    .prefault({}),
  comms: z
    .strictObject({
      fallback: z.array(channelKind).min(1).default(['platform', 'phone', 'radio']).describe('Order of channels to fall back on'),
      outages: z.array(z.strictObject({ channel: channelKind, from: durationSchema, to: durationSchema })).default([]),
      random: z
        .partialRecord(channelKind, z.strictObject({ ratePerDay: z.number().nonnegative(), duration: distSchema }))
        .default({})
        .describe('Random outages per channel'),
    })
    .prefault({}),
  depots: z
    .array(
      z.strictObject({
        id,
        name: z.string().optional(),
        ...lonLat,
        stock: z.record(z.string(), z.number().nonnegative()),
        restock: z.strictObject({ delay: distSchema, amount: z.record(z.string(), z.number().positive()) }).optional(),
      }),
    )
    .default([])
    .describe('Stockpiles of consumables (物资储备)'),
  variants: z
    .array(
      z.union([
        z.strictObject({ file: z.string().min(1).describe('A YAML file with one variant (name, title, changes)') }),
        z.strictObject({
          name: id,
          title: z.string().optional(),
          description: z.string().optional(),
          changes: z
            .array(
              z.strictObject({
                op: z.enum(['set', 'add', 'remove', 'scale']),
                path: z.string().min(1).describe('e.g. units[F4-E].station, demand.background[type=security].ratePerDay'),
                value: z.unknown().optional(),
                by: z.number().nonnegative().optional(),
              }),
            )
            .min(1),
        }),
      ], { error: 'must be {file: variant.yaml} or {name, changes}' }),
    )
    .optional()
    .describe('Named changes to this scenario for batch comparison (linkdrill batch)'),
  scoring: z
    .strictObject({
      groups: z.partialRecord(z.enum(SCORE_GROUPS), z.number().nonnegative().max(1e6)).optional().describe('Sub-score weights'),
      indicators: z
        .record(
          z.string(),
          z.strictObject({
            target: durationSchema.optional().describe('Seconds, or a share (0–1) for share indicators'),
            zeroAt: durationSchema.optional().describe('Value at which the indicator scores 0'),
            weight: z.number().nonnegative().max(1e6).optional(),
            percentile: z.number().gt(0).lt(100).optional().describe('Take the indicator at this percentile (e.g. 90)'),
            critical: z.boolean().optional().describe('Missing it forces the rating to U'),
          }),
        )
        .optional(),
      zeroAtMultiple: z.number().gt(1).max(1000).optional().describe('Indicators score 0 at this multiple of their target unless they say otherwise'),
      kinds: z.strictObject({ fire: z.array(z.string()).optional(), ems: z.array(z.string()).optional() }).optional(),
      fireIncidents: z.array(z.string()).optional().describe('Incident types that are fire suppression incidents (NFPA 1710/1720 indicators); default [fire]'),
      emsChannels: z.array(z.string()).optional().describe('Call channels of the 120 line (indicator A2); default ["120"]'),
      reporting: z
        .union([
          z.enum(REPORTING_PROFILES),
          z.partialRecord(grade, z.strictObject({ first: durationSchema.optional(), update: durationSchema.optional() })),
        ])
        .optional()
        .describe('Report time limits (E1): a profile (national, henan) or limits per grade for 初报 (first) and 续报 (update), clocked from the first answered call'),
    })
    .optional()
    .describe('Changes to the default linkage-score rubric'),
  dispatch: z
    .strictObject({
      whenNoneFree: z.enum(['queue', 'lose']).default('queue').describe('queue: wait for the next freed unit; lose: hand to outside backup'),
      redispatchReturning: z.boolean().default(true).describe('A unit returning to its station can be sent again'),
    })
    .prefault({}),
  demand: z
    .strictObject({
      background: z.array(backgroundSchema).default([]),
      scripted: z.array(scriptedSchema).default([]),
      history: historySchema.optional(),
      nonEmergency: z.array(nonEmergencySchema).default([]).describe('Calls that need no unit (咨询, transfers to 12345): they load the call-takers and are never verified, graded or dispatched'),
    })
    .prefault({}),
});

/** The scenario as written (before defaults and normalisation). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** The scenario after zod (defaults filled, still with durations and distributions as written). */
export type ScenarioParsed = z.output<typeof scenarioSchema>;

/** JSON Schema of the scenario format (input form), for editors. */
export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'linkdrill scenario' };
}
