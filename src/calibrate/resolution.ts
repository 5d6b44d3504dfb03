/**
 * Times written to the minute only (as Excel re-saves them: "2025/3/3 0:36"). A column is taken to
 * carry no seconds when at least {@link MIN_STAMPS} of its times are all on a whole minute: were the
 * seconds real, each would be :00 with chance 1/60, and all of 10 with chance 60⁻¹⁰ ≈ 2·10⁻¹⁸.
 *
 * A duration between two such stamps is off from the true one by less than a minute either way, and
 * the error adds at most the variance of a difference of two uniform errors over a minute, 2·60²/12 =
 * 600 s² (sd ≈ 24.5 s). A stage is fitted only when that cannot matter much: its recorded sd at least
 * {@link MIN_SD_S} (five times the error's, so the error inflates the sd by 2% at most) and no more
 * than 1% of its durations recorded as 0 (a 0 says only "under a minute"). Other stages are reported
 * as not estimable at this resolution and left out of calibrated.yaml, so the scenario keeps its own.
 */
import type { Words } from '../scenario/errors.ts';
import { TIME_FIELDS, type TimeField } from './cad/columns.ts';
import type { CadRow } from './cad/rows.ts';

/** Fewest times of a column that decide it carries no seconds. */
export const MIN_STAMPS = 10;
/** The resolution of a time written to the minute (s). */
export const MINUTE_S = 60;
/** Smallest recorded sd (s) of a stage fitted from minute stamps: 5 × √(2·60²/12) ≈ 122 s. */
export const MIN_SD_S = 5 * Math.sqrt((2 * MINUTE_S * MINUTE_S) / 12);

/** The time fields whose stamps in `rows` are all on whole minutes (at least {@link MIN_STAMPS} of them). */
export function minuteOnlyFields(rows: readonly CadRow[]): TimeField[] {
  return TIME_FIELDS.filter((f) => {
    const ts = rows.map((r) => r.t[f]).filter((t): t is number => t !== undefined);
    return ts.length >= MIN_STAMPS && ts.every((t) => t % MINUTE_S === 0);
  });
}

/** Why a stage of minute stamps is not fitted, or null when it can be: its recorded sd too small, or too many zeros. */
export function notEstimable(values: readonly number[]): 'sd' | 'zeros' | null {
  const n = values.length;
  if (n < 2) return null;
  const mean = values.reduce((a, v) => a + v, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  if (values.filter((v) => v === 0).length > 0.01 * n) return 'zeros';
  return sd < MIN_SD_S ? 'sd' : null;
}

/** What a history is read for: fitting a scenario to it (calibrate), or comparing a scenario with it (validate-history). */
export type HistoryUse = 'fit' | 'compare';

/** The warning of `name`'s columns written to the minute (`columns` as the export's header names them), with what it means for `use`. */
export function minuteWarning(name: string, columns: readonly string[], use: HistoryUse = 'fit'): Words {
  const zh = columns.map((c) => `“${c}”`).join('');
  const en = columns.map((c) => `"${c}"`).join(', ');
  const [zhThen, enThen] =
    use === 'fit'
      ? [`标准差不足 ${Math.round(MIN_SD_S)} 秒或记为 0 的超过 1% 的环节不予拟合（场景保留原值），见校准报告`, `a stage with a recorded sd under ${Math.round(MIN_SD_S)} s or over 1% of zeros is not fitted (the scenario keeps its own), see the report`]
      : ['与仿真相比时，时长在一分钟以内的差异不能说明问题', 'a difference from the simulation within a minute says nothing'];
  return {
    zh: `${name}：${zh} 列的时间只记到分钟（秒数全为 0）：各时长的误差可达 ±1 分钟；${zhThen}`,
    en: `${name}: the times of ${en} are to the minute only (every second is 0): durations are off by up to ±1 minute; ${enThen}`,
  };
}
