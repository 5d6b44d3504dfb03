/**
 * An event of the log as a person reads it, in Chinese or English: time of day, what happened,
 * to what, and its details with names instead of ids, levels as IV…I and 突发事件 grades as
 * 一般/较大/重大/特别重大 (a routine call has none), durations
 * as m:ss (never `eta=53376.807`), read from each event's typed payload. Pure.
 */
import type { LogEvent } from '../../src/engine/log.ts';
import { clock } from '../../src/report/format.ts';
import { DETAIL_KEY_TEXT, DETAIL_VALUE_TEXT, EVENT_GRADE_TEXT, EVENT_KIND_TEXT, INJECTION_KIND_TEXT, UNIT_TYPE_TEXT, term } from '../i18n/terms.ts';
import type { Lang } from '../i18n/index.ts';

/** Names of the scenario's things by id (agencies, incident types, zones, stations, hospitals, depots). */
export interface Names {
  agencies: Map<string, string>;
  incidentTypes: Map<string, string>;
  places: Map<string, string>;
  /** Names of the response levels IV…I (the map's and the chain's). */
  gradeNames: readonly string[];
}

export interface EventText {
  time: string;
  kind: string;
  subject: string;
  detail: string;
}

const GRADES = ['IV', 'III', 'II', 'I'];
/** Payload fields that hold a duration (s), and those holding a time (s from the start), shown as time to go. */
const DURATION_FIELDS = new Set(['delayS', 'waitedS', 'ownEtaS', 'forS', 'overS']);
const COORD_FIELDS = new Set(['lon', 'lat']);
const TIME_FIELDS = new Set(['etaT']);
/** Payload fields that hold a response level; `grade` holds a 突发事件 grade (null: a routine call). */
const LEVEL_FIELDS = new Set(['level', 'from', 'to']);
/** Bookkeeping numbers a reader does not follow. */
const SKIPPED_FIELDS = new Set(['call', 'dispatch']);

/** Seconds as m:ss (h:mm:ss from an hour on); negative as −m:ss. */
export function minSec(s: number): string {
  const sign = s < 0 ? '−' : '';
  const a = Math.round(Math.abs(s));
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  const ss = String(a % 60).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}

function value(key: string, v: unknown, e: LogEvent, names: Names, lang: Lang): string {
  if (typeof v === 'boolean') return term(DETAIL_VALUE_TEXT, key === 'free' ? (v ? 'free' : 'busy') : v ? 'yes' : 'no', lang);
  if (typeof v === 'number') {
    if (DURATION_FIELDS.has(key)) return minSec(v);
    if (TIME_FIELDS.has(key)) return `+${minSec(v - e.t)}`;
    if (COORD_FIELDS.has(key)) return String(Math.round(v * 1e4) / 1e4);
    return String(Math.round(v * 10) / 10);
  }
  if (Array.isArray(v)) return v.map((x) => value(key, x, e, names, lang)).join('、');
  if (key === 'grade') return term(EVENT_GRADE_TEXT, v === null || v === undefined ? 'none' : String(v), lang);
  if (v === null || v === undefined) return '–';
  const text = String(v);
  // In English the field's name already says "level": "level IV", not "level level IV".
  if (LEVEL_FIELDS.has(key) && GRADES.includes(text)) return key === 'level' && lang === 'en' ? text : (names.gradeNames[GRADES.indexOf(text)] ?? text);
  if (key === 'action') return term(INJECTION_KIND_TEXT, text, lang);
  if (key === 'type' || key === 'unitType') return names.incidentTypes.get(text) ?? term(UNIT_TYPE_TEXT, text, lang);
  return names.agencies.get(text) ?? names.places.get(text) ?? term(DETAIL_VALUE_TEXT, text, lang);
}

/** The payload of an event, translated (`{channel: 'phone', delayS: 93.2}` → `渠道 电话转接 · 时延 1:33`). */
export function detailText(e: LogEvent, names: Names, lang: Lang): string {
  const data = e.data as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, v] of Object.entries(data)) {
    if (SKIPPED_FIELDS.has(key) || (v === false && key !== 'free') || v === undefined) continue;
    if (key === 'params' && v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) parts.push(`${term(DETAIL_KEY_TEXT, k, lang)} ${value(k, x, e, names, lang)}`);
      continue;
    }
    // A flag that is set reads as its name alone ("repeat call", "mutual aid").
    if (v === true && key !== 'free') parts.push(term(DETAIL_KEY_TEXT, key, lang));
    else parts.push(`${term(DETAIL_KEY_TEXT, key, lang)} ${value(key, v, e, names, lang)}`);
  }
  return parts.join(' · ');
}

/** One event as text, in the reader's language. */
export function eventText(e: LogEvent, startSecondOfDay: number, names: Names, lang: Lang): EventText {
  const subject = [e.incident, e.unit, e.agency ? (names.agencies.get(e.agency) ?? e.agency) : undefined].filter(Boolean).join(' · ');
  return { time: clock(startSecondOfDay, e.t), kind: EVENT_KIND_TEXT[e.kind]?.[lang] ?? e.kind, subject, detail: detailText(e, names, lang) };
}
