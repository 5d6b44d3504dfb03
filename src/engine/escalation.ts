/**
 * Incident dynamics and escalation (分级响应, 升级). An incident with dynamics has a size that grows
 * exponentially while the units able to work on scene cannot hold it (need = ⌈size ÷ sizePerUnit⌉),
 * and stops growing — is controlled — once enough are there; the work then takes its base time plus
 * a part per unit of size. Crossing the type's size thresholds raises the true grade; the center
 * learns of it from units on scene and re-grades, ordering what the new grade's plan adds.
 */
import type { Dynamics } from '../scenario/scenario.ts';
import type { IncidentState, World } from './world.ts';
import * as dmath from '../random/math.ts';

/**
 * Size at `tS` of an incident that started at `t0` with size `s0` and is still growing (pure). Growth
 * stops on its own at `maxSize`; a size set beyond it (a secondary explosion) stays as it is.
 */
export function sizeAt(d: Dynamics, s0: number, t0: number, tS: number): number {
  if (s0 >= d.maxSize) return s0;
  return Math.min(d.maxSize, s0 * dmath.exp(d.growthPerS * Math.max(0, tS - t0)));
}

/** Units needed to hold a size (pure). */
export function unitsNeeded(d: Dynamics, size: number): number {
  return Math.max(1, Math.ceil(size / d.sizePerUnit - 1e-9));
}

/** The grade index a size corresponds to (highest threshold reached; 0 = IV). Pure. */
export function gradeForSize(d: Dynamics, size: number): number {
  let g = 0;
  d.thresholds.forEach((th, i) => {
    if (th !== null && size >= th) g = i;
  });
  return g;
}

/** When a growing incident reaches `size` (Infinity if never). Pure. */
export function timeToSize(d: Dynamics, s0: number, t0: number, size: number): number {
  if (size <= s0) return t0;
  if (!(d.growthPerS > 0) || size > d.maxSize) return Infinity;
  return t0 + dmath.log(size / s0) / d.growthPerS;
}

/** The incident's size now (final once controlled). */
export function currentSize(w: World, inc: IncidentState): number | null {
  const d = inc.type.dynamics;
  if (!d) return null;
  return inc.sizeFinal ?? sizeAt(d, inc.sizeFrom.size, inc.sizeFrom.t, w.kernel.now());
}

/** The true grade now: the drawn grade, or higher where the size has grown past a threshold. */
export function trueGradeNow(_w: World, inc: IncidentState): number {
  return Math.max(inc.gradeTrue, inc.sizeGrade);
}

/**
 * Watches for the next threshold crossing while the incident grows; `onCross` runs at it (the
 * caller decides whether anyone on scene sees it).
 */
export function watchThresholds(w: World, inc: IncidentState, onCross: () => void): void {
  const d = inc.type.dynamics;
  inc.escalationTimer?.cancel();
  inc.escalationTimer = null;
  if (!d || inc.sizeFinal !== null) return;
  // Thresholds are counted, not re-derived from a computed size, so rounding cannot stall a crossing.
  const next = d.thresholds.findIndex((th, i) => i > inc.sizeGrade && th !== null);
  if (next < 0) return;
  const t = timeToSize(d, inc.sizeFrom.size, inc.sizeFrom.t, d.thresholds[next]!);
  if (!Number.isFinite(t)) return;
  inc.escalationTimer = w.kernel.after(Math.max(0, t - w.kernel.now()), () => {
    inc.escalationTimer = null;
    inc.sizeGrade = next;
    if (next > inc.gradeTrue) onCross();
    watchThresholds(w, inc, onCross);
  });
}

/** Is there enough on scene to hold the incident now? (Always, for types without dynamics.) */
export function isHeld(w: World, inc: IncidentState): boolean {
  const d = inc.type.dynamics;
  if (!d) return inc.entered > 0;
  return inc.entered >= unitsNeeded(d, currentSize(w, inc)!);
}
