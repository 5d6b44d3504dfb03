/**
 * Words the normalising steps say in more than one place (an unknown id, a duplicate, a time range
 * the wrong way round), in Chinese and English. Ids are quoted “S9” in Chinese and "S9" in English.
 */
import type { Words } from '../errors.ts';

/** A grade as the source documents write it: 一般（IV） … 特别重大（I）. */
export const GRADE_ZH: Readonly<Record<string, string>> = { IV: '一般（IV）', III: '较大（III）', II: '重大（II）', I: '特别重大（I）' };

export const unknownZone = (id: string): Words => ({ zh: `未知的区域“${id}”`, en: `unknown zone "${id}"` });
/** Demand spread over zones whose weights are all zero. */
export const ZONE_WEIGHTS_ZERO: Words = { zh: '各区域权重之和为零（没有人口？）', en: 'zone weights sum to zero (no population?)' };

/**
 * Whether a problem comes only of the scenario's zones — a zone it names that is not among them,
 * weights over them that sum to zero: said where the zones are known, not where their file could
 * not be read (then every zone named would be unknown).
 */
export const isZoneProblem = (e: Words): boolean => e.en === ZONE_WEIGHTS_ZERO.en || (e.en.startsWith('unknown zone "') && e.zh.startsWith('未知的区域“'));
export const unknownAgency = (id: string): Words => ({ zh: `未知的联动单位“${id}”`, en: `unknown agency "${id}"` });
export const unknownStation = (id: string): Words => ({ zh: `未知的站点“${id}”`, en: `unknown station "${id}"` });
export const unknownIncidentType = (id: string): Words => ({ zh: `未知的事件类型“${id}”`, en: `unknown incident type "${id}"` });
export const unknownAgencyOrKind = (id: string): Words => ({ zh: `未知的联动单位或单位类别“${id}”`, en: `unknown agency or agency kind "${id}"` });
export const duplicateId = (id: string): Words => ({ zh: `编号“${id}”重复`, en: `duplicate id "${id}"` });
export const noUnitOfType = (type: string): Words => ({ zh: `没有类型为“${type}”的单位`, en: `no unit has type "${type}"` });

/** A time range whose end is not after its start (maintenance, comms outages). */
export const FROM_BEFORE_TO: Words = { zh: '需要 from < to（开始早于结束）', en: 'needs from < to' };
