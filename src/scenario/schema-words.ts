/**
 * The scenario schema's own messages in both languages. zod hands back only the English it was
 * given, so the Chinese is found here by that English (test/scenario/schema-words.test.ts holds every
 * custom message of the schema to this table).
 */
import type { Words } from './errors.ts';
import { MAX_SECONDS } from './duration.ts';
import { reservedWords } from './reserved.ts';

/** A duration past the longest the format accepts (the schema's `max` message). */
export const TOO_LONG: Words = { zh: `不得大于 ${MAX_SECONDS}（100 年的秒数）`, en: `must be at most ${MAX_SECONDS} (100 years in seconds)` };

/** Every custom message of the scenario schema (and the schemas that reuse its parts). */
export const SCHEMA_WORDS: readonly Words[] = [
  { zh: 'id 只能由字母、数字和 _ . : - 组成（不能有空格）', en: 'ids are letters, digits, and _ . : - (no spaces)' },
  reservedWords('id'),
  TOO_LONG,
  { zh: '时长应为秒数，或“90s”、“5m”、“2h”这样的文本', en: 'a duration is seconds or a string like "90s", "5m", "2h"' },
  { zh: '必须是秒数（≥ 0 的数），或“90s”、“5m”、“2h”这样的文本', en: 'must be seconds (a number ≥ 0) or a string like "90s", "5m", "2h"' },
  { zh: '必须是固定值或 {dist: exponential|lognormal|gamma|triangular|uniform|empirical, …}', en: 'must be a fixed value or {dist: exponential|lognormal|gamma|triangular|uniform|empirical, …}' },
  { zh: '必须是 population、uniform，或按区域 id 给出的权重', en: 'must be population, uniform, or a weight per zone id' },
  { zh: '必须是 CSV 文件名，或“区域 → 站点 → 秒数”的映射', en: 'must be a CSV file name or a mapping zone → station → seconds' },
  { zh: '必须是 1、2 或 3', en: 'must be 1, 2 or 3' },
  { zh: '必须是“all”或区域 id 的列表', en: 'must be "all" or a list of zone ids' },
  { zh: '必须是一个分布，或 {day, night}', en: 'must be a distribution or {day, night}' },
  { zh: '值班时段写作“HH:MM-HH:MM”（在岗时间，可跨午夜）', en: 'a roster is "HH:MM-HH:MM" (on duty; may wrap midnight)' },
  { zh: '必须是 0 或 1', en: 'must be 0 or 1' },
  { zh: '必须是“HH:MM-HH:MM”，或 24 个 0/1 值', en: 'must be "HH:MM-HH:MM" or 24 values of 0/1' },
  { zh: '必须是 ≥ 1 的整数，或 24 个逐小时的整数', en: 'must be a whole number ≥ 1 or 24 hourly whole numbers' },
  { zh: '必须是一个分布，或按等级分别给出 {IV, III, II, I}', en: 'must be a distribution, or one per grade {IV, III, II, I}' },
  { zh: '必须是一个等级（IV、III、II、I）或等级列表', en: 'must be a grade (IV, III, II, I) or a list of grades' },
  { zh: '必须是区域列表（{id, lon, lat, population}）或 {file: zones.geojson}', en: 'must be a list of zones ({id, lon, lat, population}) or {file: zones.geojson}' },
  { zh: '必须是 {file: variant.yaml} 或 {name, changes}', en: 'must be {file: variant.yaml} or {name, changes}' },
];
