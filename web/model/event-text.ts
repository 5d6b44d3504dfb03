/**
 * An event of the log as a person reads it, in Chinese or English: time of day, what happened,
 * to what, and its details with names instead of ids, grades as 一般/较大/重大/特别重大, durations
 * as m:ss (never `eta=53376.807`). Pure. (Reads the log's `key=value` details until the log carries
 * typed payloads.)
 */
import type { LogEvent } from '../../src/engine/log.ts';
import { clock } from '../../src/metrics/findings.ts';
import { DETAIL_KEY_TEXT, DETAIL_VALUE_TEXT, EVENT_KIND_TEXT, UNIT_TYPE_TEXT, term } from '../i18n/terms.ts';
import type { Lang } from '../i18n/index.ts';

/** Names of the scenario's things by id (agencies, incident types, zones, stations, hospitals, depots). */
export interface Names {
  agencies: Map<string, string>;
  incidentTypes: Map<string, string>;
  places: Map<string, string>;
  gradeNames: readonly string[];
}

export interface EventText {
  time: string;
  kind: string;
  subject: string;
  detail: string;
}

const GRADES = ['IV', 'III', 'II', 'I'];
/** Detail keys holding a duration (s), and those holding a time (s from the start) shown as time to go. */
const DURATION_KEYS = new Set(['delay', 'waited']);
const TIME_KEYS = new Set(['eta']);

/** Seconds as m:ss (h:mm:ss from an hour on); negative as −m:ss. */
export function minSec(s: number): string {
  const sign = s < 0 ? '−' : '';
  const a = Math.round(Math.abs(s));
  const h = Math.floor(a / 3600);
  const m = Math.floor((a % 3600) / 60);
  const ss = String(a % 60).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}

function value(key: string, v: string, e: LogEvent, names: Names, lang: Lang): string {
  if (DURATION_KEYS.has(key) && Number.isFinite(Number(v))) return minSec(Number(v));
  if (TIME_KEYS.has(key) && Number.isFinite(Number(v))) return `+${minSec(Number(v) - e.t)}`;
  if (key === 'grade' || ((key === 'from' || key === 'to') && GRADES.includes(v))) return names.gradeNames[GRADES.indexOf(v)] ?? v;
  if (key === 'type') return names.incidentTypes.get(v) ?? term(UNIT_TYPE_TEXT, v, lang);
  if (key === 'size' || key === 'amount') return Number.isFinite(Number(v)) ? String(Math.round(Number(v) * 10) / 10) : v;
  if (key === 'duplicate' || key === 'mutual_aid' || key === 'resent') return lang === 'zh' ? '是' : 'yes';
  return names.agencies.get(v) ?? names.places.get(v) ?? term(DETAIL_VALUE_TEXT, v, lang);
}

/** The details of an event, translated (`channel=phone delay=93.2` → `渠道 电话转接 · 时延 1:33`). */
export function detailText(e: LogEvent, names: Names, lang: Lang): string {
  if (!e.detail) return '';
  const parts: string[] = [];
  for (const tok of e.detail.split(' ')) {
    if (!tok) continue;
    const eq = tok.indexOf('=');
    if (eq < 0) {
      parts.push(term(DETAIL_VALUE_TEXT, tok, lang));
      continue;
    }
    const key = tok.slice(0, eq);
    // Call and dispatch numbers are bookkeeping, not something a reader follows.
    if (key === 'call' || key === 'dispatch') continue;
    parts.push(`${term(DETAIL_KEY_TEXT, key, lang)} ${value(key, tok.slice(eq + 1), e, names, lang)}`);
  }
  return parts.join(' · ');
}

/** One event as text, in the reader's language. */
export function eventText(e: LogEvent, startSecondOfDay: number, names: Names, lang: Lang): EventText {
  const subject = [e.incident, e.unit, e.agency ? (names.agencies.get(e.agency) ?? e.agency) : undefined].filter(Boolean).join(' · ');
  return { time: clock(startSecondOfDay, e.t), kind: EVENT_KIND_TEXT[e.kind]?.[lang] ?? e.kind, subject, detail: detailText(e, names, lang) };
}
