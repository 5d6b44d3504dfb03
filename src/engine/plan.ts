/** Pure decisions of the center: levels and grades, and plan lookup. */
import type { Agency, IncidentType, ResponseLine, Scenario } from '../scenario/scenario.ts';
import { GRADES, type Grade } from '../scenario/schema.ts';
import type { Rng } from '../random/streams.ts';

/**
 * The grade the center gives at verification: the true grade, or with probability `errorProbability`
 * off by 1..`maxError` levels up or down (kept within IV..I). Grade indices: 0 = IV … 3 = I.
 */
export function initialGrade(trueGrade: number, errorProbability: number, maxError: number, rng: Rng): number {
  const u = rng();
  const v = rng();
  const w = rng();
  if (u >= errorProbability) return trueGrade;
  const size = 1 + Math.floor(v * maxError);
  const up = w < 0.5;
  const g = up ? trueGrade + size : trueGrade - size;
  // An error that would leave the scale goes the other way (it is still an error).
  if (g > 3) return Math.max(0, trueGrade - size);
  if (g < 0) return Math.min(3, trueGrade + size);
  return g;
}

/** The 突发事件 grade index of a type's level index (null: a routine call at that level, or no level yet). */
export const eventGrade = (type: Pick<IncidentType, 'gradeOfLevel'>, level: number): number | null => (level < 0 ? null : type.gradeOfLevel[level]);

/** A grade index as written (null stays null: not a 突发事件). */
export const gradeName = (g: number | null): Grade | null => (g === null ? null : GRADES[g]);

/** The plan's response for an incident type at a grade index. */
export function planFor(scenario: Scenario, type: string, grade: number): ResponseLine[] {
  return scenario.plans[type][grade];
}

/**
 * The agency a plan line names for a place: the agency with that id, or of that kind whose
 * jurisdiction holds the zone (the first such in the scenario; else the first of the kind).
 */
export function resolveAgency(agencies: readonly Agency[], nameOrKind: string, zone: string): Agency {
  const byId = agencies.find((a) => a.id === nameOrKind);
  if (byId) return byId;
  const ofKind = agencies.filter((a) => a.kind === nameOrKind);
  return ofKind.find((a) => a.jurisdiction === null || a.jurisdiction.includes(zone)) ?? ofKind[0];
}

/**
 * Extra units to order when the grade rises from `fromGrade` to `toGrade`: for each agency/unit type,
 * what the new grade's plan asks beyond what the old one did.
 */
export function planIncrement(scenario: Scenario, type: string, fromGrade: number, toGrade: number): ResponseLine[] {
  const key = (r: ResponseLine) => `${r.agency}\u0000${r.unitType}`;
  const had = new Map<string, number>();
  for (const r of planFor(scenario, type, fromGrade)) had.set(key(r), (had.get(key(r)) ?? 0) + r.count);
  const out: ResponseLine[] = [];
  for (const r of planFor(scenario, type, toGrade)) {
    const before = had.get(key(r)) ?? 0;
    const extra = r.count - before;
    had.set(key(r), Math.max(0, before - r.count));
    if (extra > 0) out.push({ ...r, count: extra });
  }
  return out;
}
