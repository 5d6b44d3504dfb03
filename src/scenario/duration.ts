/** The longest duration the scenario format accepts anywhere: 100 years, in seconds. */
export const MAX_SECONDS = 100 * 365.25 * 86400;

/** Seconds in each duration unit the scenario format accepts. */
const UNIT_S: Record<string, number> = { ms: 0.001, s: 1, m: 60, min: 60, h: 3600, d: 86400 };

/** Pattern of a duration string: one or more number+unit parts, e.g. "90s", "5m", "1h30m", "2.5h". */
export const DURATION_PATTERN = /^\s*(?:\d+(?:\.\d+)?\s*(?:ms|s|min|m|h|d)\s*)+$/;

/**
 * Seconds in a duration given as a number of seconds or a string like "90s", "5m", "2h", "1h30m".
 * Returns `null` for anything else (the schema turns that into a path-named error).
 */
export function parseDuration(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (!DURATION_PATTERN.test(value)) return null;
  let total = 0;
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|min|m|h|d)/g)) total += Number(m[1]) * UNIT_S[m[2]];
  return Number.isFinite(total) ? total : null;
}

/** Parsed wall-clock start: seconds since local midnight, and the UTC offset (s) it was given in. */
export interface WallClock {
  /** Local date as days since 1970-01-01 (proleptic Gregorian). */
  dayNumber: number;
  /** Seconds since local midnight. */
  secondOfDay: number;
  /** UTC offset of the local time, in seconds (+08:00 → 28800). */
  offsetS: number;
}

/** Days from 1970-01-01 to a civil date (Howard Hinnant's `days_from_civil`). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Days in month `m` (1–12) of year `y`, leap years by the Gregorian rule. */
function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The civil date of a day number (days since 1970-01-01; Howard Hinnant's `civil_from_days`). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day of week of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses "2026-06-01T08:00:00+08:00" (offset optional where `requireOffset` is false) without the
 * platform's Date or locale, so it reads the same in every host. `null` when malformed.
 */
export function parseDateTime(text: string, requireOffset: boolean): WallClock | null {
  const m = DATETIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = m[6] ? Number(m[6]) : 0;
  // A day the month lacks (02-30, 06-31) is refused, not rolled over into the next month.
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const tz = m[7];
  if (!tz && requireOffset) return null;
  let offsetS = 0;
  if (tz && tz !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
    // Offsets in use run from −12:00 to +14:00.
    if (om > 59 || (sign < 0 ? oh * 60 + om > 12 * 60 : oh * 60 + om > 14 * 60)) return null;
    offsetS = sign * (oh * 3600 + om * 60);
  }
  return { dayNumber: daysFromCivil(y, mo, d), secondOfDay: h * 3600 + mi * 60 + s, offsetS };
}

/** Seconds from `from` to `to`, both wall clocks (offsets respected). */
export function secondsBetween(from: WallClock, to: WallClock): number {
  const a = from.dayNumber * 86400 + from.secondOfDay - from.offsetS;
  const b = to.dayNumber * 86400 + to.secondOfDay - to.offsetS;
  return b - a;
}
