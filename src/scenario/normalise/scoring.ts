/** A scenario's changes to the scoring rubric: known indicators, weights that leave something to score. */
import type { ScenarioParsed } from '../schema.ts';
import { INDICATOR_IDS, SCORE_GROUPS, type ReportLimits, type ScoringOverrides } from '../scoring.ts';
import { GRADES } from '../schema.ts';
import type { NormaliseContext } from './context.ts';
import { secs } from './dist.ts';

/** A scenario's changes to the rubric, checked: known indicators and types, weights that leave something to score, limits above 0. */
export function normaliseScoring(sc: ScenarioParsed['scoring'], kinds: Set<string>, typeIds: Set<string>, ctx: NormaliseContext): ScoringOverrides {
  const { err } = ctx;
  const scoring: ScoringOverrides = {};
  if (!sc) return scoring;
  if (sc.groups) {
    scoring.groups = { ...sc.groups };
    const merged = SCORE_GROUPS.map((g) => sc.groups![g] ?? 1);
    if (merged.every((x) => x === 0)) err('scoring.groups', 'every sub-score weight is zero: nothing would be scored');
  }
  if (sc.indicators) {
    scoring.indicators = {};
    for (const [id, o] of Object.entries(sc.indicators)) {
      const p = `scoring.indicators.${id}`;
      if (!(INDICATOR_IDS as readonly string[]).includes(id)) {
        err(p, `unknown indicator "${id}" (known: ${INDICATOR_IDS.join(', ')})`);
        continue;
      }
      const target = o.target === undefined ? undefined : secs(o.target);
      const zeroAt = o.zeroAt === undefined ? undefined : secs(o.zeroAt);
      if (target !== undefined && zeroAt !== undefined && !(zeroAt > target)) err(`${p}.zeroAt`, `must be above the target (${target})`);
      if (target === 0 && zeroAt === undefined) err(`${p}.zeroAt`, 'is required when the target is 0 (twice 0 is still 0)');
      scoring.indicators[id] = { target, zeroAt, weight: o.weight, percentile: o.percentile, critical: o.critical };
    }
  }
  if (sc.zeroAtMultiple !== undefined) scoring.zeroAtMultiple = sc.zeroAtMultiple;
  if (sc.kinds) {
    scoring.kinds = { ...sc.kinds };
    for (const which of ['fire', 'ems'] as const) {
      sc.kinds[which]?.forEach((k, i) => kinds.has(k) || err(`scoring.kinds.${which}[${i}]`, `no agency has kind "${k}"`));
    }
  }
  if (sc.fireIncidents) {
    scoring.fireIncidents = sc.fireIncidents.slice();
    sc.fireIncidents.forEach((t, i) => typeIds.has(t) || err(`scoring.fireIncidents[${i}]`, `unknown incident type "${t}"`));
  }
  if (sc.emsChannels) scoring.emsChannels = sc.emsChannels.slice();
  if (typeof sc.reporting === 'string') scoring.reporting = sc.reporting;
  else if (sc.reporting) {
    const limits: ReportLimits = {};
    for (const g of GRADES) {
      const l = sc.reporting[g];
      if (!l) continue;
      const first = l.first === undefined ? undefined : secs(l.first);
      const update = l.update === undefined ? undefined : secs(l.update);
      if (first === 0 || update === 0) err(`scoring.reporting.${g}`, 'a time limit of 0 cannot be met; give a positive duration');
      limits[g] = { first, update };
    }
    scoring.reporting = limits;
  }
  return scoring;
}
