/** A scenario's changes to the scoring rubric: known indicators, weights that leave something to score. */
import type { ScenarioParsed } from '../schema.ts';
import { INDICATOR_IDS, SCORE_GROUPS, type ReportLimits, type ScoringOverrides } from '../scoring.ts';
import { GRADES } from '../schema.ts';
import type { NormaliseContext } from './context.ts';
import { secs } from './dist.ts';
import { unknownIncidentType } from './words.ts';

/** A scenario's changes to the rubric, checked: known indicators and types, weights that leave something to score, limits above 0. */
export function normaliseScoring(sc: ScenarioParsed['scoring'], kinds: Set<string>, typeIds: Set<string>, ctx: NormaliseContext): ScoringOverrides {
  const { err } = ctx;
  const scoring: ScoringOverrides = {};
  if (!sc) return scoring;
  if (sc.groups) {
    scoring.groups = { ...sc.groups };
    const merged = SCORE_GROUPS.map((g) => sc.groups![g] ?? 1);
    if (merged.every((x) => x === 0)) err('scoring.groups', { zh: '所有分项得分的权重都为零：没有可评分的内容', en: 'every sub-score weight is zero: nothing would be scored' });
  }
  if (sc.indicators) {
    scoring.indicators = {};
    for (const [id, o] of Object.entries(sc.indicators)) {
      const p = `scoring.indicators.${id}`;
      if (!(INDICATOR_IDS as readonly string[]).includes(id)) {
        err(p, { zh: `未知的指标“${id}”（已知：${INDICATOR_IDS.join(', ')}）`, en: `unknown indicator "${id}" (known: ${INDICATOR_IDS.join(', ')})` });
        continue;
      }
      const target = o.target === undefined ? undefined : secs(o.target);
      const zeroAt = o.zeroAt === undefined ? undefined : secs(o.zeroAt);
      if (target !== undefined && zeroAt !== undefined && !(zeroAt > target)) err(`${p}.zeroAt`, { zh: `必须大于目标值（${target}）`, en: `must be above the target (${target})` });
      if (target === 0 && zeroAt === undefined) err(`${p}.zeroAt`, { zh: '目标值为 0 时必须给出（0 的两倍仍是 0）', en: 'is required when the target is 0 (twice 0 is still 0)' });
      scoring.indicators[id] = { target, zeroAt, weight: o.weight, percentile: o.percentile, critical: o.critical };
    }
  }
  if (sc.zeroAtMultiple !== undefined) scoring.zeroAtMultiple = sc.zeroAtMultiple;
  if (sc.kinds) {
    scoring.kinds = { ...sc.kinds };
    for (const which of ['fire', 'ems'] as const) {
      sc.kinds[which]?.forEach((k, i) => kinds.has(k) || err(`scoring.kinds.${which}[${i}]`, { zh: `没有类别为“${k}”的联动单位`, en: `no agency has kind "${k}"` }));
    }
  }
  if (sc.fireIncidents) {
    scoring.fireIncidents = sc.fireIncidents.slice();
    sc.fireIncidents.forEach((t, i) => typeIds.has(t) || err(`scoring.fireIncidents[${i}]`, unknownIncidentType(t)));
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
      if (first === 0 || update === 0) err(`scoring.reporting.${g}`, { zh: '时限为 0 无法达到；请给出大于 0 的时长', en: 'a time limit of 0 cannot be met; give a positive duration' });
      limits[g] = { first, update };
    }
    scoring.reporting = limits;
  }
  return scoring;
}
