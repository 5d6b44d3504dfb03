/**
 * Playing an exercise without a room, and playing it again from its log. Headless play takes every
 * decision's listed default; a replay carries out the log's people-made actions in order (clock moves,
 * decisions, live injects, overrides, notes and evaluations) and the session regenerates the rest, so
 * the same log gives the same run byte for byte. A branch replays the log with one decision changed:
 * identical up to that decision, its own run after it.
 */
import { jsonProblem, parseJson } from '../geo/import/json-text.ts';
import { z } from 'zod';
import type { InputError, Result, Words } from '../scenario/errors.ts';
import { zodErrors } from '../scenario/load.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ExercisePackage } from './package.ts';
import { ExerciseSession, type EngineLink } from './session.ts';
import { AUTO_RATIONALES, autoOfV1, branchRationale, defaultRationale } from './text.ts';
import { LOG_FORMAT, LOG_VERSION, RECORD_ONLY, SCRIPTED, type Action, type ExerciseLog } from './log.ts';
import { REFUSAL_FIELDS, refusalWords, type LoggedRefusal } from './refusal.ts';
import { NAMED, noOption, noSuch, thrownWords } from './problems.ts';

/** Plays the exercise to its end with no one in the room: every decision takes its listed default. */
export async function playHeadless(s: ExerciseSession): Promise<void> {
  while (!s.done) {
    if (s.pending) await s.decide(s.pending.id, s.pending.default, defaultRationale('headless'));
    else await s.moveTo(s.nextStop(), 'next-stop');
  }
}

const text = z.union([z.string(), z.strictObject({ zh: z.string(), en: z.string() })]);
const injection = z.looseObject({ kind: z.string().min(1) });
const delivery = z.union([z.strictObject({ injection }), z.strictObject({ message: text, from: z.string(), to: z.string() })]);
const base = { seq: z.number().int().positive(), t: z.number().finite() };
// The engine's refusal as data, or (a log written before refusals were data) its English words.
const refusalObjects = Object.entries(REFUSAL_FIELDS).map(([code, fields]) => z.strictObject({ code: z.literal(code), ...Object.fromEntries(fields.map((f) => [f, z.string()])) }));
const refusal = z.union([z.string(), z.discriminatedUnion('code', refusalObjects as [(typeof refusalObjects)[number], ...(typeof refusalObjects)[number][]])]);
// Each action's keys in the order the session writes them, so a log read and replayed is written out as it was.
const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('clock'), to: z.number().finite(), how: z.enum(['start', 'next-inject', 'next-decision', 'next-stop', 'by', 'play', 'to', 'end']) }),
  z.strictObject({ ...base, type: z.literal('inject'), inject: z.string(), delivery: delivery.nullable(), refused: refusal.optional() }),
  z.strictObject({ ...base, type: z.literal('contingency'), inject: z.string(), unless: z.string(), delivered: z.boolean() }),
  z.strictObject({ ...base, type: z.literal('prompt'), report: z.enum(['initial', 'update', 'final']), incident: z.string(), role: z.string() }),
  z.strictObject({ ...base, type: z.literal('decision-open'), decision: z.string() }),
  z.strictObject({ ...base, type: z.literal('decision'), decision: z.string(), role: z.string(), options: z.array(z.string()), choice: z.string(), rationale: z.string(), text: z.string().optional(), timedOut: z.boolean().optional(), refused: z.array(refusal).optional(), auto: z.enum(AUTO_RATIONALES).optional() }),
  z.strictObject({ ...base, type: z.literal('live-inject'), id: z.string().min(1), delivery, role: z.string().optional(), refused: refusal.optional() }),
  z.strictObject({ ...base, type: z.literal('override'), injection, reason: z.string(), refused: refusal.optional() }),
  z.strictObject({ ...base, type: z.literal('note'), text: z.string(), role: z.string().optional() }),
  z.strictObject({ ...base, type: z.literal('observe'), expected: z.string(), met: z.boolean(), note: z.string().optional(), evaluator: z.string().optional() }),
  z.strictObject({ ...base, type: z.literal('rate'), target: z.string(), rating: z.enum(['P', 'S', 'M', 'U']), observations: z.string(), evaluator: z.string().optional() }),
  z.strictObject({ ...base, type: z.literal('finding'), id: z.string().min(1), tag: z.enum(['deficiency', 'rectify', 'improve']), text: z.string(), refs: z.array(z.string()).optional() }),
  z.strictObject({ ...base, type: z.literal('improvement'), finding: z.string(), action: z.string(), owner: z.string(), due: z.string() }),
  z.strictObject({ ...base, type: z.literal('debrief'), text: z.string() }),
  z.strictObject({ ...base, type: z.literal('self-assessment'), role: z.string(), text: z.string(), rating: z.enum(['P', 'S', 'M', 'U']).optional() }),
]);
const logSchema = z.strictObject({
  format: z.literal(LOG_FORMAT),
  version: z.union([z.literal(1), z.literal(LOG_VERSION)]),
  exercise: z.strictObject({ name: z.string(), hash: z.string() }),
  scenario: z.strictObject({ name: z.string(), hash: z.string() }),
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  actions: z.array(actionSchema),
});

/** Reads an exercise log (JSON text); problems are named by their place in it (`LOG actions[3].type`). */
export function readExerciseLog(textIn: string, where: string): Result<ExerciseLog> {
  const parsed = parseJson(textIn);
  if (!parsed.ok) return { ok: false, errors: [jsonProblem(where, parsed.why, { is: true })] };
  const raw = parsed.value;
  const r = logSchema.safeParse(raw);
  if (!r.success) return { ok: false, errors: zodErrors(r.error.issues, raw).map((e) => ({ ...e, path: e.path ? `${where} ${e.path}` : where })) };
  const log = r.data as ExerciseLog;
  if (log.version === 1) {
    // Version 1 said that linkdrill wrote a rationale only by its English words.
    for (const a of log.actions) if (a.type === 'decision' && a.auto === undefined) {
      const auto = autoOfV1(a.rationale);
      if (auto) a.auto = auto;
    }
    log.version = LOG_VERSION;
  }
  const bad = log.actions.findIndex((a, i) => a.seq !== i + 1);
  const seq = bad >= 0 ? log.actions[bad].seq : 0;
  if (bad >= 0) return { ok: false, errors: [{ path: `${where} actions[${bad}].seq`, zh: `为 ${seq}，应为 ${bad + 1}（操作按顺序编号）`, en: `is ${seq}, expected ${bad + 1} (actions are numbered in order)` }] };
  return { ok: true, value: log };
}

/** A changed decision for a branch: decision `decision` takes `choice` instead. */
export interface Branch {
  decision: string;
  choice: string;
}

/** What a replay gives: the session at the end (run not yet finished), and where a branch departs. */
export interface Replayed {
  session: ExerciseSession;
  /** Exercise time of the branch decision (null without a branch). */
  branchT: number | null;
}

// A refusal compares by its English words: a log kept before refusals were data still replays.
const refusalEn = (r: LoggedRefusal) => refusalWords(r).en;
/** An action's fields as comparable text, whatever their order. */
const fieldsOf = (a: Action): Map<string, string> =>
  new Map(Object.entries(a).map(([k, v]) => [k, JSON.stringify(k === 'refused' && v !== undefined ? (Array.isArray(v) ? v.map(refusalEn) : refusalEn(v as LoggedRefusal)) : v)]));

/** The first field in which a replayed action differs from the recorded one, with both values, or null when they agree. */
function difference(want: Action, got: Action): { field: string; want: string; got: string } | null {
  const [w, g] = [fieldsOf(want), fieldsOf(got)];
  for (const field of new Set([...w.keys(), ...g.keys()])) {
    if (w.get(field) !== g.get(field)) return { field, want: clip(w.get(field) ?? '–'), got: clip(g.get(field) ?? '–') };
  }
  return null;
}
const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

/**
 * Replays `log` on the package and scenario it was recorded with (checked by content hash). Without a
 * branch the regenerated log must equal the given one, action for action; with one, up to the branch.
 */
export async function replayLog(pkg: ExercisePackage, scenario: Scenario, engine: EngineLink, log: ExerciseLog, where: string, branch?: Branch): Promise<Result<Replayed>> {
  const fail = (path: string, words: Words): Result<Replayed> => ({ ok: false, errors: [{ path, ...words }] });
  if (log.exercise.name !== pkg.name) return fail(`${where} exercise.name`, { zh: `该日志记录的是演练“${log.exercise.name}”，不是“${pkg.name}”（请打开那个演练来回放）`, en: `the log was recorded on the exercise "${log.exercise.name}", not on "${pkg.name}" (open that exercise to replay it)` });
  if (log.exercise.hash !== pkg.hash.package) return fail(`${where} exercise.hash`, { zh: `该日志记录于演练包“${log.exercise.name}”的另一个版本（其文件此后已改动）`, en: `the log was recorded on another version of the package "${log.exercise.name}" (its files changed since)` });
  if (log.scenario.hash !== pkg.hash.scenario) return fail(`${where} scenario.hash`, { zh: `该日志记录于场景“${log.scenario.name}”的另一个版本（场景或其附属文件此后已改动）`, en: `the log was recorded on another version of the scenario "${log.scenario.name}" (it or its side files changed since)` });
  if (log.seed !== pkg.seed) return fail(`${where} seed`, { zh: `该日志的随机种子为 ${log.seed}，演练包使用种子 ${pkg.seed}`, en: `the log was recorded with seed ${log.seed}, the package plays seed ${pkg.seed}` });
  if (branch) {
    const d = pkg.decisions.find((x) => x.id === branch.decision);
    if (!d) return fail('--branch', noSuch(NAMED.decision, branch.decision, pkg.decisions.map((x) => x.id)));
    if (!d.options.some((o) => o.id === branch.choice)) return fail('--branch', noOption(d.id, branch.choice, d.options.map((o) => o.id)));
    if (!log.actions.some((a) => a.type === 'decision' && a.decision === branch.decision)) return fail('--branch', { zh: `该日志从未到达决策点 ${branch.decision}`, en: `the log never reached decision ${branch.decision}` });
  }
  const session = await ExerciseSession.open({ ...pkg, seed: log.seed }, scenario, engine);
  let branchT: number | null = null;
  let branchSeq: number | null = null;
  const errors: InputError[] = [];
  for (const [i, a] of log.actions.entries()) {
    const at = `${where} actions[${i}]`;
    if (SCRIPTED.has(a.type) || (a.type === 'clock' && a.how === 'start')) continue;
    try {
      switch (a.type) {
        case 'clock':
          if (session.pending) {
            if (branchT === null) return fail(at, { zh: `在决策点 ${session.pending.id} 等待决策时推进了时钟：日志与演练包不符`, en: `moves the clock while decision ${session.pending.id} is waiting: the log does not match the package` });
            // After a branch the script may stop for a decision the recorded run decided later or never: take its default.
            await session.decide(session.pending.id, session.pending.default, defaultRationale('branchDefault'));
          }
          await session.moveTo(a.to, a.how);
          break;
        case 'decision': {
          const isBranch = branch !== undefined && a.decision === branch.decision && branchT === null;
          if (isBranch) {
            branchT = session.t;
            branchSeq = session.log.actions.length + 1;
          }
          if (session.pending?.id !== a.decision) {
            if (branchT === null) {
              const zhWaiting = session.pending ? `等待中的是 ${session.pending.id}` : '没有等待中的决策点';
              return fail(at, { zh: `对 ${a.decision} 作出决策，但${zhWaiting}：日志与演练包不符`, en: `decides ${a.decision}, but ${session.pending ? `${session.pending.id} is waiting` : 'no decision is waiting'}: the log does not match the package` });
            }
            continue; // after the branch the script went elsewhere
          }
          await session.decide(a.decision, isBranch ? branch!.choice : a.choice, { role: a.role, ...(isBranch ? { rationale: branchRationale(a.choice).en, auto: 'branch' } : { rationale: a.rationale, auto: a.auto }), text: a.text, timedOut: a.timedOut });
          break;
        }
        case 'live-inject':
          await session.liveInject(a.id, a.delivery, a.role);
          break;
        case 'override':
          await session.override(a.injection, a.reason);
          break;
        default:
          if (RECORD_ONLY.has(a.type)) {
            const { seq: _seq, t: _t, ...rest } = a;
            session.annotate(rest as Parameters<ExerciseSession['annotate']>[0]);
          }
      }
    } catch (e) {
      return fail(at, thrownWords(e));
    }
  }
  // The regenerated log must be the recorded one (up to the branch).
  const upTo = branchSeq === null ? Math.max(log.actions.length, session.log.actions.length) : branchSeq - 1;
  for (let k = 0; k < upTo; k++) {
    const want = log.actions[k];
    const got = session.log.actions[k];
    const diff = want && got ? difference(want, got) : null;
    if (!want || !got || diff) {
      const said = (x: Action | undefined, lang: keyof Words) => (x ? (lang === 'zh' ? `${x.t} s 时的 ${x.type}` : `${x.type} at ${x.t} s`) : lang === 'zh' ? '无' : 'nothing');
      const [inZh, inEn] = diff ? [`，${diff.field} 记录为 ${diff.want}，回放为 ${diff.got}`, `; ${diff.field} recorded ${diff.want}, replayed ${diff.got}`] : ['', ''];
      errors.push({
        path: `${where} actions[${k}]`,
        zh: `回放在此处不同（记录为${said(want, 'zh')}，回放为${said(got, 'zh')}${inZh}）：演练包、场景或引擎与日志不符`,
        en: `the replay differs here (recorded ${said(want, 'en')}, replayed ${said(got, 'en')}${inEn}): the package, scenario or engine does not match the log`,
      });
      break;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: { session, branchT } };
}
