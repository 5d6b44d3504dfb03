/** Incident types (callers, work, grades, dynamics, supplies) and the plans (预案) for each grade. */
import { GRADES, MAX_SIZE, type ScenarioParsed } from '../schema.ts';
import type { PlacedScenario } from './geography.ts';
import type { IncidentType, ResponseLine } from '../scenario.ts';
import { uniqueIds, type NormaliseContext } from './context.ts';
import { secs, weightsProblem } from './dist.ts';
import { GRADE_ZH, noUnitOfType, unknownAgencyOrKind, unknownIncidentType } from './words.ts';
import type { Fleet } from './fleet.ts';

/** A record keyed by ids written by users: no prototype, so an id such as `__proto__` is plain data. */
export const idRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/**
 * The 突发事件 grade index of each level index (null: a routine call at that level). `level`: each
 * level is the grade of its name; `none`: never graded; a map: the levels it names. Pure.
 */
export function gradeOfLevel(grading: ScenarioParsed['incidentTypes'][number]['grading']): (number | null)[] {
  if (grading === 'level') return GRADES.map((_, i) => i);
  if (grading === 'none') return GRADES.map(() => null);
  return GRADES.map((g) => {
    const to = grading[g];
    return to === undefined || to === 'none' ? null : GRADES.indexOf(to);
  });
}

function normaliseTypes(s: PlacedScenario, fleet: Fleet, ctx: NormaliseContext): IncidentType[] {
  const { err, dist, byGrade } = ctx;
  const types = s.incidentTypes.map((t, i): IncidentType => {
    const p = `incidentTypes[${i}]`;
    const channels = Object.entries(t.callers.channels).map(([name, weight]) => ({ name, weight }));
    const channelProblem = weightsProblem(channels.map((ch) => ch.weight));
    if (channelProblem) err(`${p}.callers.channels`, channelProblem);
    const gradeWeights = GRADES.map((g) => t.grades[g] ?? 0);
    const gradeProblem = weightsProblem(gradeWeights);
    if (gradeProblem) err(`${p}.grades`, gradeProblem);
    if (t.transport && !fleet.units.some((u) => u.type === t.transport!.unitType)) err(`${p}.transport.unitType`, noUnitOfType(t.transport.unitType));
    if (t.transport && t.transport.probability > 0 && s.hospitals.length === 0) err(`${p}.transport`, { zh: '伤员要送往医院，但场景中没有医院', en: 'patients are taken to hospital, but the scenario has no hospitals' });
    return {
      id: t.id,
      name: t.name ?? t.id,
      callerCount: byGrade(t.callers.count as never, `${p}.callers.count`),
      callerDelay: dist(t.callers.delay, `${p}.callers.delay`),
      channels,
      channelWeights: channels.map((ch) => ch.weight),
      workTime: byGrade(t.workTime as never, `${p}.workTime`),
      transport: t.transport ? { ...t.transport } : undefined,
      gradeWeights,
      gradeOfLevel: gradeOfLevel(t.grading),
      dynamics: t.dynamics
        ? {
            initialSize: byGrade(t.dynamics.initialSize as never, `${p}.dynamics.initialSize`),
            growthPerS: t.dynamics.growthPerHour / 3600,
            sizePerUnit: t.dynamics.sizePerUnit,
            holdBy: t.dynamics.holdBy ? t.dynamics.holdBy.slice() : null,
            thresholds: GRADES.map((g) => t.dynamics!.thresholds[g] ?? null),
            workPerSizeS: secs(t.dynamics.workPerSize),
            maxSize: t.dynamics.maxSize ?? MAX_SIZE,
          }
        : undefined,
      supplies: t.supplies.map((x, k) => ({ item: x.item, amount: dist(x.amount, `${p}.supplies[${k}].amount`), perSize: x.perSize })),
      shortageFactor: t.shortageFactor,
    };
  });
  s.incidentTypes.forEach((t, i) => {
    const th = t.dynamics?.thresholds;
    if (th) {
      let last = 0;
      GRADES.forEach((g) => {
        const v = th[g];
        if (v === undefined) return;
        if (v <= last) err(`incidentTypes[${i}].dynamics.thresholds.${g}`, { zh: '阈值必须随等级升高而增大', en: 'thresholds must rise with the grade' });
        last = v;
      });
    }
    if (t.supplies.some((x) => x.perSize) && !t.dynamics) err(`incidentTypes[${i}].supplies`, { zh: 'perSize 需要 dynamics（事件规模）', en: 'perSize needs dynamics (a size)' });
    t.dynamics?.holdBy?.forEach((ty, k) => {
      if (!fleet.units.some((u) => u.type === ty)) err(`incidentTypes[${i}].dynamics.holdBy[${k}]`, noUnitOfType(ty));
    });
  });
  return types;
}

/** Does a plan line that names `after` have someone to wait for in the same plan? */
function precedenceMet(s: PlacedScenario, lines: ScenarioParsed['plans'][number]['response'], line: (typeof lines)[number]): boolean {
  const after = line.after!;
  return lines.some(
    (o) => o !== line && (o.agency === after || s.agencies.some((a) => a.id === o.agency && a.kind === after) || s.agencies.some((a) => a.kind === o.agency && a.id === after)),
  );
}

/** The plans by type and grade index (lower grades' plans carry up), and where they open a command post. */
function normalisePlans(s: PlacedScenario, types: IncidentType[], typeIds: Set<string>, fleet: Fleet, ctx: NormaliseContext) {
  const { err, distOr } = ctx;
  const plansRaw = idRecord<(ResponseLine[] | null)[]>();
  const postRaw = idRecord<(boolean | null)[]>();
  s.plans.forEach((pl, i) => {
    const p = `plans[${i}]`;
    if (!typeIds.has(pl.type)) err(`${p}.type`, unknownIncidentType(pl.type));
    const grades = Array.isArray(pl.grade) ? pl.grade : [pl.grade];
    pl.response.forEach((r, k) => {
      const rp = `${p}.response[${k}]`;
      const matching = fleet.agencyIds.has(r.agency) ? [r.agency] : s.agencies.filter((a) => a.kind === r.agency).map((a) => a.id);
      if (matching.length === 0) err(`${rp}.agency`, unknownAgencyOrKind(r.agency));
      else if (!matching.some((a) => fleet.unitTypesByAgency.get(a)?.has(r.unitType))) err(`${rp}.unitType`, { zh: `联动单位“${r.agency}”没有类型为“${r.unitType}”的单位`, en: `agency "${r.agency}" has no unit of type "${r.unitType}"` });
      if (r.after !== undefined && !fleet.agencyIds.has(r.after) && !fleet.kinds.has(r.after)) err(`${rp}.after`, unknownAgencyOrKind(r.after));
      if (r.after !== undefined && !precedenceMet(s, pl.response, r)) err(`${rp}.after`, { zh: `本预案没有一行派出“${r.after}”，这些单位将永远等待`, en: `no line of this plan sends "${r.after}", so these units would wait for ever` });
      if (r.afterDecision && !pl.commandPost) err(`${rp}.afterDecision`, { zh: '要等待现场指挥部的决策，但本预案不开设现场指挥部（commandPost: true）', en: 'waits for the command post’s decision, but this plan opens no command post (commandPost: true)' });
    });
    plansRaw[pl.type] ??= [null, null, null, null];
    postRaw[pl.type] ??= [null, null, null, null];
    for (const g of grades) {
      const gi = GRADES.indexOf(g);
      if (plansRaw[pl.type][gi]) err(`${p}.grade`, { zh: `事件类型“${pl.type}”${GRADE_ZH[g]}级的预案已经给出`, en: `a plan for ${pl.type} grade ${g} is already given` });
      plansRaw[pl.type][gi] = pl.response.map((r, k) => ({
        agency: r.agency,
        unitType: r.unitType,
        count: r.count,
        afterApproval: r.afterApproval,
        afterDecision: r.afterDecision,
        after: r.after,
        handoff: distOr(r.handoff, 300, `${p}.response[${k}].handoff`),
      }));
      postRaw[pl.type][gi] = pl.commandPost;
    }
  });
  const plans = idRecord<ResponseLine[][]>();
  const commandPost = idRecord<boolean[]>();
  for (const t of types) {
    const raw = plansRaw[t.id];
    if (!raw || !raw[0]) {
      err('plans', { zh: `事件类型“${t.id}”没有${GRADE_ZH.IV}级的预案（较高等级沿用较低等级的预案）`, en: `incident type "${t.id}" has no plan for grade IV (higher grades fall back to lower ones)` });
      continue;
    }
    let last = raw[0];
    plans[t.id] = raw.map((r) => (last = r ?? last));
    let lastPost = false;
    commandPost[t.id] = postRaw[t.id].map((v) => (lastPost = v ?? lastPost));
  }
  return { plans, commandPost };
}

/** The scenario's incident types, their ids, and the plans. */
export function normaliseIncidents(s: PlacedScenario, fleet: Fleet, ctx: NormaliseContext) {
  const typeIds = uniqueIds(s.incidentTypes, 'incidentTypes', ctx);
  const incidentTypes = normaliseTypes(s, fleet, ctx);
  return { incidentTypes, typeIds, ...normalisePlans(s, incidentTypes, typeIds, fleet, ctx) };
}
