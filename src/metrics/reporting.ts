/**
 * Report time limits (信息报告时限) for indicator E1, as profiles: the limit of each stage — 初报
 * (`first`) and 续报 (`update`, the written follow-up) — by 突发事件 grade, with the document that sets
 * them. A stage without a limit is not scored. Clocks start at the first answered call (接报), or
 * when the center first judged a routine call to be a 突发事件.
 */
import type { ReportLimits, ReportingProfile, ScoringOverrides } from '../scenario/scoring.ts';
import type { Source } from './sources.ts';

const H = 3600;
const M = 60;

/** The named profiles: the national rule and a provincial example. */
export const REPORT_PROFILES: Record<ReportingProfile, { limits: ReportLimits; source: Source }> = {
  // 《国家突发事件总体应急预案》(2025) asks for immediate reports and sets no minutes; the national
  // figure that has one is the production-safety rule's hour to the county (国务院令第493号 第九条).
  national: {
    limits: { IV: { first: 1 * H }, III: { first: 1 * H }, II: { first: 1 * H }, I: { first: 1 * H } },
    source: {
      kind: 'regulation',
      document: {
        zh: '《国家突发事件总体应急预案》（2025，要求立即报告，未定分钟数）；《生产安全事故报告和调查处理条例》（国务院令第493号）',
        en: 'National master plan for emergencies (2025: report at once, no figure); Regulation on reporting production-safety accidents (State Council Order 493)',
      },
      edition: '2025 / 2007',
      clause: '493号 第九条',
      says: { zh: '事故单位负责人接到报告后 1 小时内向县级以上人民政府有关部门报告（逐级上报每级不超过 2 小时，第十一条）', en: 'the unit reports to the county within 1 hour (each further level within 2 hours, Art. 11)' },
      ref: '国务院令第493号 第九条（1 小时）',
    },
  },
  // An example of a provincial rule, stricter by grade (河南省应急管理厅关于突发事件信息报告的通知).
  henan: {
    limits: { I: { first: 15 * M, update: 35 * M }, II: { first: 15 * M, update: 35 * M }, III: { first: 1 * H }, IV: { first: 6 * H } },
    source: {
      kind: 'local',
      document: { zh: '河南省应急管理厅关于事故灾难类、自然灾害类突发事件信息报告的通知', en: 'Henan Emergency Management Department notice on reporting accidents and natural disasters' },
      edition: '',
      clause: '',
      says: { zh: '重大、特别重大 15 分钟内电话报告、35 分钟内书面报告；较大 1 小时内书面报告；一般 6 小时内', en: '重大/特别重大: by phone within 15 min, in writing within 35 min; 较大 within 1 h in writing; 一般 within 6 h' },
      ref: '河南省应急管理厅：15/35 分钟（重大+）、1 小时（较大）、6 小时（一般）',
    },
  },
};

/** The report limits a scenario's rubric uses, and their source (a custom table is the plan's own). */
export function reportLimits(o: ScoringOverrides['reporting'], plan: Source): { name: string; limits: ReportLimits; source: Source } {
  if (o === undefined) return { name: 'national', ...REPORT_PROFILES.national };
  if (typeof o === 'string') return { name: o, ...REPORT_PROFILES[o] };
  return { name: 'custom', limits: o, source: plan };
}
