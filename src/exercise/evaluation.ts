/**
 * The evaluation of an exercise (演练评估), from its session and log: the MSEL's status (planned and
 * delivered times, whether the expected actions followed), expected actions met or not with their
 * times, the decisions against what the plan expected, and the evaluation table — for every
 * objective, critical task and evaluation item, the simulation's evidence and a suggested rating
 * beside the rating the evaluator entered. The score suggests; people rate. Findings and the
 * improvement plan come from the evaluators' entries in the log. Pure.
 */
import { rating, type ScoreResult } from '../metrics/score.ts';
import { formatValue, tPlus } from '../report/format.ts';
import type { Action, FindingTag, Rating } from './log.ts';
import type { ExerciseSession } from './session.ts';
import type { AutoRationale, Text } from './text.ts';
import type { LoggedRefusal } from './refusal.ts';

export interface MselStatus {
  inject: string;
  phase: string;
  kind: string;
  from: string;
  to: string;
  synopsis: Text;
  /** Planned (for a contingency: its check time) and delivered times, s from the exercise start. */
  plannedT: number;
  deliveredT: number | null;
  contingency: boolean;
  expected: string[];
  /** Every expected action seen in its window (null when it lists none). */
  met: boolean | null;
  /** When the last of them was seen. */
  tMet: number | null;
  /** Why the engine did not carry out the inject's action (words by `refusalWords`), or null. */
  refused: LoggedRefusal | null;
}

export interface ExpectedStatus {
  id: string;
  phase: string;
  role: string;
  action: Text;
  fromT: number;
  byT: number;
  met: boolean;
  tMet: number | null;
  late: boolean;
  how: string | null;
}

export interface DecisionRow {
  decision: string;
  phase: string;
  role: string;
  t: number | null;
  choice: string | null;
  expected: string | null;
  /** The chosen and the expected option in words (what a reader sees; the ids are for the CSV). */
  choiceLabel: Text | null;
  expectedLabel: Text | null;
  asExpected: boolean | null;
  rationale: string;
  /** Which of linkdrill's own rationales `rationale` is; absent for a person's. */
  auto?: AutoRationale;
  timedOut: boolean;
  text: string;
}

export interface EvaluationRow {
  objective: string;
  capability: string;
  task: string;
  item: string;
  critical: boolean;
  text: Text;
  /** What the simulation shows, in words, and the rating it suggests. */
  evidence: Text;
  suggested: Rating | null;
  /** The evaluator's rating of the task (the latest one entered), and observations. */
  rating: Rating | null;
  observations: string;
}

export interface Improvement {
  finding: string;
  tag: FindingTag | null;
  text: string;
  action: string;
  owner: string;
  due: string;
}

export interface Evaluation {
  msel: MselStatus[];
  expected: ExpectedStatus[];
  decisions: DecisionRow[];
  rows: EvaluationRow[];
  findings: Extract<Action, { type: 'finding' }>[];
  improvements: Improvement[];
  notes: Extract<Action, { type: 'note' | 'debrief' | 'self-assessment' }>[];
  overrides: Extract<Action, { type: 'override' }>[];
}

const ORDER: Rating[] = ['P', 'S', 'M', 'U'];
const worst = (xs: (Rating | null)[]): Rating | null => xs.reduce<Rating | null>((w, x) => (x === null ? w : w === null || ORDER.indexOf(x) > ORDER.indexOf(w) ? x : w), null);


/** Builds the evaluation; `score` (the run's linkage score) gives the indicators' evidence. */
export function evaluate(s: ExerciseSession, score: ScoreResult | null): Evaluation {
  const actions = s.log.actions;
  const expected: ExpectedStatus[] = s.pkg.expected.map((x) => {
    const m = s.met.get(x.id);
    return { id: x.id, phase: x.phase, role: x.role, action: x.action, fromT: x.fromS, byT: x.byS, met: m !== undefined && m.t <= x.byS, tMet: m ? m.t : null, late: m !== undefined && m.t > x.byS, how: m ? m.how : null };
  });
  const byId = new Map(expected.map((e) => [e.id, e]));
  const msel: MselStatus[] = s.pkg.injects.map((inj) => {
    const delivered = actions.find((a): a is Extract<Action, { type: 'inject' }> => a.type === 'inject' && a.inject === inj.id);
    const ex = inj.expected.map((id) => byId.get(id)!);
    return {
      inject: inj.id,
      phase: inj.phase,
      kind: inj.kind,
      from: inj.from,
      to: inj.to,
      synopsis: inj.synopsis,
      plannedT: inj.tS,
      deliveredT: delivered ? delivered.t : null,
      contingency: inj.contingency !== null,
      expected: inj.expected,
      met: ex.length ? ex.every((e) => e.met) : null,
      tMet: ex.length && ex.every((e) => e.tMet !== null) ? Math.max(...ex.map((e) => e.tMet!)) : null,
      refused: delivered?.refused ?? null,
    };
  });
  const decisions: DecisionRow[] = s.pkg.decisions.map((d) => {
    const a = s.decided.get(d.id);
    const labelOf = (id: string): Text => d.options.find((o) => o.id === id)?.label ?? { zh: id, en: id };
    return {
      decision: d.id,
      phase: d.phase,
      role: a?.role ?? d.role,
      t: a ? a.t : null,
      choice: a ? a.choice : null,
      expected: d.expected,
      choiceLabel: a ? labelOf(a.choice) : null,
      expectedLabel: d.expected === null ? null : labelOf(d.expected),
      asExpected: a && d.expected !== null ? a.choice === d.expected : null,
      rationale: a?.rationale ?? '',
      ...(a?.auto ? { auto: a.auto } : {}),
      timedOut: a?.timedOut ?? false,
      text: a?.text ?? '',
    };
  });
  const ratings = new Map<string, Extract<Action, { type: 'rate' }>>();
  for (const a of actions) if (a.type === 'rate') ratings.set(a.target, a);

  // Halfway through, what is still ahead (a deadline, a decision) is not yet missed.
  const now = s.done ? Infinity : s.t;
  const rows: EvaluationRow[] = [];
  for (const o of s.pkg.objectives) {
    for (const c of o.capabilities) {
      for (const t of c.tasks) {
        const rated = ratings.get(t.id) ?? ratings.get(c.id) ?? ratings.get(o.id);
        for (const it of t.items) {
          const { evidence, suggested } = evidenceOf(it.evidence, expected, decisions, score, now, s.pending?.id ?? null);
          rows.push({ objective: o.id, capability: c.id, task: t.id, item: it.id, critical: t.critical, text: it.text, evidence, suggested, rating: rated?.rating ?? null, observations: rated?.observations ?? '' });
        }
      }
    }
  }
  const findings = actions.filter((a): a is Extract<Action, { type: 'finding' }> => a.type === 'finding');
  const improvements = actions
    .filter((a): a is Extract<Action, { type: 'improvement' }> => a.type === 'improvement')
    .map((a) => {
      const f = findings.find((x) => x.id === a.finding);
      return { finding: a.finding, tag: f?.tag ?? null, text: f?.text ?? '', action: a.action, owner: a.owner, due: a.due };
    });
  return {
    msel,
    expected,
    decisions,
    rows,
    findings,
    improvements,
    notes: actions.filter((a): a is Extract<Action, { type: 'note' | 'debrief' | 'self-assessment' }> => a.type === 'note' || a.type === 'debrief' || a.type === 'self-assessment'),
    overrides: actions.filter((a): a is Extract<Action, { type: 'override' }> => a.type === 'override'),
  };
}

/** The evidence of one evaluation item in words, and the rating it suggests. */
function evidenceOf(ev: { indicator: string } | { expected: string[] } | { decision: string } | null, expected: ExpectedStatus[], decisions: DecisionRow[], score: ScoreResult | null, nowT: number, pending: string | null): { evidence: Text; suggested: Rating | null } {
  if (ev === null) return { evidence: { zh: '由评估人员观察', en: 'observed by the evaluators' }, suggested: null };
  if ('expected' in ev) {
    const xs = ev.expected.map((id) => expected.find((e) => e.id === id)!);
    const onTime = xs.filter((x) => x.met).length;
    const late = xs.filter((x) => x.late).length;
    const ahead = (x: ExpectedStatus) => !x.met && !x.late && x.byT > nowT;
    const parts = xs.map((x) => (x.met ? `${x.id} ${tPlus(x.tMet!)} ✓` : x.late ? `${x.id} ${tPlus(x.tMet!)} (late, by ${tPlus(x.byT)})` : ahead(x) ? `${x.id} not yet due (by ${tPlus(x.byT)})` : `${x.id} ✗ (by ${tPlus(x.byT)})`));
    const partsZh = xs.map((x) => (x.met ? `${x.id} ${tPlus(x.tMet!)} ✓` : x.late ? `${x.id} ${tPlus(x.tMet!)}（超时，时限 ${tPlus(x.byT)}）` : ahead(x) ? `${x.id} 未到时限（时限 ${tPlus(x.byT)}）` : `${x.id} ✗（时限 ${tPlus(x.byT)}）`));
    // No suggestion while any of them can still be met.
    const suggested: Rating | null = xs.some(ahead) ? null : onTime === xs.length ? 'P' : onTime + late === xs.length ? 'S' : onTime + late > 0 ? 'M' : 'U';
    return { evidence: { zh: `预期行动按时完成 ${onTime}/${xs.length}：${partsZh.join('；')}`, en: `expected actions on time ${onTime}/${xs.length}: ${parts.join('; ')}` }, suggested };
  }
  if ('decision' in ev) {
    const d = decisions.find((x) => x.decision === ev.decision)!;
    if (d.choice === null && pending === d.decision) return { evidence: { zh: `决策 ${d.decision} 等待作出`, en: `decision ${d.decision} is waiting` }, suggested: null };
    if (d.choice === null && nowT !== Infinity) return { evidence: { zh: `决策 ${d.decision} 尚未到达`, en: `decision ${d.decision} not reached yet` }, suggested: null };
    if (d.choice === null) return { evidence: { zh: `决策 ${d.decision} 未作出`, en: `decision ${d.decision} was not taken` }, suggested: 'U' };
    const as = d.asExpected;
    return {
      evidence: { zh: `决策 ${d.decision}：选择“${d.choiceLabel!.zh}”${d.expectedLabel ? `（预案预期“${d.expectedLabel.zh}”）` : ''}${d.timedOut ? '，超时取默认' : ''}`, en: `decision ${d.decision}: chose "${d.choiceLabel!.en}"${d.expectedLabel ? ` (the plan expects "${d.expectedLabel.en}")` : ''}${d.timedOut ? ', timed out to the default' : ''}` },
      suggested: as === null ? null : as && !d.timedOut ? 'P' : as ? 'S' : 'M',
    };
  }
  const ind = score?.indicators.find((i) => i.spec.id === ev.indicator);
  // An indicator is worked out over the whole run: before the end it has no figure yet.
  if (score === null) return { evidence: { zh: `指标 ${ev.indicator}：演练结束后按全程计算`, en: `indicator ${ev.indicator}: worked out over the whole run when the exercise ends` }, suggested: null };
  if (!ind || ind.value === null || ind.score === null) return { evidence: { zh: `指标 ${ev.indicator}：本次演练无数据`, en: `indicator ${ev.indicator}: no data in this exercise` }, suggested: null };
  // In the indicator's own unit: seconds, a share, or a multiple of a time limit (E1).
  const [v, tg] = [ind.value, ind.spec.target];
  const f = (x: number, lang: 'zh' | 'en') => formatValue(x, ind.spec.unit, lang);
  return {
    evidence: { zh: `指标 ${ind.spec.id} ${ind.spec.name.zh}：${f(v, 'zh')}（目标 ${f(tg, 'zh')}，得分 ${ind.score.toFixed(0)}）`, en: `indicator ${ind.spec.id} ${ind.spec.name.en}: ${f(v, 'en')} (target ${f(tg, 'en')}, score ${ind.score.toFixed(0)})` },
    // The project's convention for a score's suggested rating (exercise guides leave ratings to evaluators).
    suggested: rating(ind.score, false),
  };
}

/** A task's (or an objective's) suggested rating: the worst of its items'. */
export const suggestedFor = (rows: EvaluationRow[], key: 'task' | 'objective', id: string): Rating | null => worst(rows.filter((r) => r[key] === id).map((r) => r.suggested));
