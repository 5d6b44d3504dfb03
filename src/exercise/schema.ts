/**
 * The exercise package format (`exercise.yaml`), as a zod schema: the 演练方案 of a tabletop
 * (桌面推演) or functional exercise. It names its scenario (a path, plus changes on paths as batch
 * variants do), the design layer (objectives → capabilities / critical tasks → evaluation items, as
 * GB/T 46792-2025 structures an evaluation), the phases with their situation, questions and expected
 * actions, the MSEL (演练脚本: injects inline or in a spreadsheet-made CSV), the decision points, and
 * the reporting prompts. `exerciseJsonSchema()` exports it for editors.
 */
import { z } from 'zod';
import { durationSchema, GRADES } from '../scenario/schema.ts';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, 'ids are letters, digits, and _ . : - (no spaces)');

/** Text a person reads: one string, or Chinese and English. */
export const textSchema = z.union([z.string().min(1), z.strictObject({ zh: z.string().min(1), en: z.string().min(1) })]).describe('Text, or {zh, en}');
export type TextInput = z.input<typeof textSchema>;

/** The exercise schema's own messages in both languages (the scenario's are in `SCHEMA_WORDS`). */
export const EXERCISE_WORDS = [{ zh: '时间写作距演练开始的“h:mm”，或“25m”这样的时长', en: 'a time is "h:mm" from the exercise start, or a duration like "25m"' }] as const;

/** A time relative to the exercise start: seconds, "90s", "25m", "1h30m", or a clock-like "01:25" (h:mm). */
export const relTimeSchema = z.union([durationSchema, z.string().regex(/^\d{1,2}:\d{2}(:\d{2})?$/, EXERCISE_WORDS[0].en)]);

const grade = z.enum(GRADES);
const channel = z.enum(['platform', 'phone', 'radio']);

/** How an expected action is recognised: an engine event, a decision's choice, or an evaluator's tick. */
const detectSchema = z.union([
  z.strictObject({
    event: z.string().min(1).describe('An event kind, e.g. incident.report, incident.commandpost, unit.arrive, order.send'),
    incident: z.string().optional().describe('The incident (by name) it concerns'),
    agency: z.string().optional(),
    stage: z.enum(['first', 'update', 'final']).optional().describe('With incident.report: only the 初报 (first), a 续报 (update) or the 终报 (final)'),
  }),
  z.strictObject({ decision: id, choice: id.optional() }),
  z.strictObject({ manual: z.literal(true) }),
]);

const expectedSchema = z.strictObject({
  id,
  role: z.string().min(1).describe('Who is expected to act (a role id)'),
  action: textSchema,
  from: relTimeSchema.optional().describe('Earliest time it counts (default: the exercise start)'),
  by: relTimeSchema.describe('Latest time it counts as done on time'),
  detect: detectSchema.default({ manual: true }),
});

/** The engine-acting inject kinds and their parameters (as the engine's injections take them). */
export const engineParams = {
  incident: z.strictObject({
    type: z.string().min(1),
    zone: z.string().optional(),
    lon: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    grade: grade.optional(),
    size: z.number().positive().optional(),
    callers: z.number().int().min(1).max(10000).optional(),
    name: z.string().min(1).optional(),
    pin: z.boolean().optional(),
  }),
  'incident.change': z.strictObject({ incident: z.string().min(1), grade: grade.optional(), size: z.number().positive().optional(), sizeFactor: z.number().positive().optional(), transport: z.boolean().optional() }),
  'unit.out': z.strictObject({ unit: z.string().min(1) }),
  'unit.in': z.strictObject({ unit: z.string().min(1) }),
  'station.out': z.strictObject({ station: z.string().min(1) }),
  'station.in': z.strictObject({ station: z.string().min(1) }),
  'channel.down': z.strictObject({ channel, for: durationSchema.optional() }),
  'channel.up': z.strictObject({ channel }),
  'road.close': z.strictObject({ id: z.string().min(1), lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), radiusM: z.number().positive().max(50000), for: durationSchema.optional() }),
  'road.open': z.strictObject({ id: z.string().min(1) }),
  'call.surge': z.strictObject({ incident: z.string().min(1), callers: z.number().int().min(1).max(10000), over: durationSchema }),
  'demand.factor': z.strictObject({ factor: z.number().min(0).max(100), type: z.string().optional(), for: durationSchema.optional() }),
  regrade: z.strictObject({ incident: z.string().min(1), grade }),
  order: z.strictObject({ incident: z.string().min(1), agency: z.string().min(1), unitType: z.string().min(1), count: z.number().int().min(1).max(100).optional() }),
  send: z.strictObject({ incident: z.string().min(1), unit: z.string().min(1) }),
  commandpost: z.strictObject({ incident: z.string().min(1) }),
  approve: z.strictObject({ incident: z.string().min(1) }),
  arrive: z.strictObject({ unit: z.string().min(1) }),
  size: z.strictObject({ incident: z.string().min(1), size: z.number().positive() }),
} as const;
export type EngineInjectKind = keyof typeof engineParams;
export const ENGINE_INJECT_KINDS = Object.keys(engineParams) as EngineInjectKind[];
/** Kinds that only inform the room (领导批示, 舆情, families at the scene, a superior asking for a report). */
export const MESSAGE_KINDS = ['message', 'instruction', 'media', 'public', 'request'] as const;

/** An engine action written in a package: `{kind, …parameters}`. */
export const engineActionSchema = z.union(ENGINE_INJECT_KINDS.map((k) => (engineParams[k] as z.ZodObject).extend({ kind: z.literal(k) }).strict()) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]]);
export type EngineActionInput = { kind: EngineInjectKind } & Record<string, unknown>;

export const injectSchema = z.strictObject({
  id,
  t: relTimeSchema.describe('When it is delivered, from the exercise start'),
  phase: id.optional(),
  from: z.string().default('control').describe('Who sends it (a role id; control = the exercise control cell)'),
  to: z.string().default('center').describe('Who receives it (a role id)'),
  kind: z.enum([...ENGINE_INJECT_KINDS, ...MESSAGE_KINDS] as unknown as [string, ...string[]]),
  synopsis: textSchema,
  params: z.record(z.string(), z.unknown()).default({}).describe('The parameters of an engine-acting kind (see the engine injections)'),
  expected: z.array(id).default([]).describe('Expected actions (ids) this inject should prompt'),
  contingency: z
    .strictObject({ unless: id.describe('An expected action id'), by: relTimeSchema })
    .optional()
    .describe('A contingency inject: delivered at `by` only if the expected action `unless` has not happened by then (`t` is ignored)'),
});
export type InjectInput = z.input<typeof injectSchema>;

const optionSchema = z.strictObject({
  id,
  label: textSchema,
  actions: z.array(engineActionSchema).default([]).describe('What the engine does when this option is chosen (empty: recorded only)'),
});

export const decisionSchema = z.strictObject({
  id,
  t: relTimeSchema.describe('When the clock stops for it, from the exercise start'),
  phase: id.optional(),
  role: z.string().min(1),
  prompt: textSchema,
  options: z.array(optionSchema).min(1),
  default: id.describe('The option taken when nobody decides (headless play, or a timeout in continuous play)'),
  expected: id.optional().describe('The option the plan expects (for the evaluation)'),
  timeout: durationSchema.optional().describe('Continuous play only: the default is taken after this long'),
});

const phaseSchema = z.strictObject({
  id,
  title: textSchema,
  from: relTimeSchema.describe('When the phase begins, from the exercise start'),
  situation: textSchema.describe('情景描述'),
  questions: z.array(textSchema).default([]).describe('Discussion questions'),
  expected: z.array(expectedSchema).default([]).describe('Expected actions: role, action, time window'),
});

const itemSchema = z.strictObject({
  id,
  text: textSchema.describe('评估内容: what the evaluator looks at'),
  evidence: z
    .union([
      z.strictObject({ indicator: z.string().min(1).describe('A linkage-score indicator id (A1…F3)') }),
      z.strictObject({ expected: z.array(id).min(1).describe('Expected actions whose times are the evidence') }),
      z.strictObject({ decision: id }),
    ])
    .optional()
    .describe('What the simulation shows beside the evaluator’s rating'),
});
const taskSchema = z.strictObject({ id, title: textSchema, critical: z.boolean().default(true), items: z.array(itemSchema).min(1) });
const capabilitySchema = z.strictObject({ id, title: textSchema, tasks: z.array(taskSchema).min(1) });
const objectiveSchema = z.strictObject({ id, title: textSchema, capabilities: z.array(capabilitySchema).min(1) });

export const exerciseSchema = z.strictObject({
  $schema: z.string().optional(),
  name: id,
  title: textSchema,
  description: textSchema.optional(),
  kind: z.enum(['tabletop', 'functional']).default('tabletop').describe('tabletop: the clock stands still until the facilitator moves it; functional: continuous play'),
  guide: z.enum(['GB/T 46792-2025', 'AQ/T 9009-2015']).default('GB/T 46792-2025').describe('The evaluation guide the report follows'),
  trains: textSchema.describe('What the exercise trains (one or two sentences)'),
  scenario: z.strictObject({
    file: z.string().min(1).describe('Path of the scenario, relative to this file'),
    changes: z
      .array(
        z.strictObject({
          op: z.enum(['set', 'add', 'remove', 'scale']),
          path: z.string().min(1),
          value: z.unknown().optional(),
          by: z.number().nonnegative().optional(),
        }),
      )
      .default([])
      .describe('Changes to the scenario for this exercise, written as batch variants are'),
  }),
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  start: relTimeSchema.default(0).describe('Scenario time at which the exercise begins (T+0); the run before it is a warm-up'),
  duration: durationSchema.describe('How long the exercise runs from its start'),
  focus: z.array(z.string().min(1)).default([]).describe('Names of the focus incidents (scripted or injected): their random draws are pinned'),
  background: z.strictObject({ factor: z.number().min(0).max(10) }).optional().describe('Thin (or thicken) the background demand for the exercise'),
  play: z.strictObject({ speed: z.number().positive().max(3600).default(60) }).prefault({}).describe('Continuous play: simulated seconds per real second'),
  roles: z.array(z.strictObject({ id, name: textSchema })).min(1),
  objectives: z.array(objectiveSchema).min(1),
  phases: z.array(phaseSchema).min(1),
  msel: z.union([z.array(injectSchema), z.strictObject({ file: z.string().min(1).describe('A CSV file (UTF-8 or GB18030) with columns id, time, phase, from, to, kind, synopsis, params, expected, contingency_unless, contingency_by') })]),
  decisions: z.array(decisionSchema).default([]),
  reports: z
    .strictObject({
      incident: z.string().min(1).describe('The incident (by name) whose reports are prompted'),
      initial: durationSchema.describe('初报 due this long after the first answered call (接报)'),
      updates: durationSchema.optional().describe('续报 every this long after the first report'),
      final: z.boolean().default(true).describe('终报 prompted at the end of the exercise'),
      role: z.string().default('center'),
    })
    .optional()
    .describe('Prompts to the room when 初报/续报/终报 are due'),
});

export type ExerciseInput = z.input<typeof exerciseSchema>;
export type ExerciseParsed = z.output<typeof exerciseSchema>;

/** JSON Schema of the exercise package format (input form), for editors. */
export function exerciseJsonSchema(): object {
  const schema = z.toJSONSchema(exerciseSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'linkdrill exercise package' };
}
