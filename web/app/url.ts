/**
 * The shared link: what the URL keeps so that a link shares a moment — scenario (bundled, or opened
 * from a file, which the link cannot carry), seed, replications, time, language, open tab and
 * selected incident. Pure: parsed from and written to a query string.
 */
import type { Lang } from '../i18n/index.ts';

export interface LinkState {
  /** Bundled scenario name, or the name of a scenario opened from a file (then `fromFile`). */
  scenario: string | null;
  /** The scenario came from a file the link cannot carry. */
  fromFile: boolean;
  seed: number | null;
  reps: number | null;
  /** Time shown (s from the scenario start). */
  t: number;
  lang: Lang | null;
  tab: string | null;
  incident: string | null;
}

const wholeNumber = (s: string | null, max: number): number | null => (s !== null && /^\d{1,15}$/.test(s) && Number(s) <= max ? Number(s) : null);
/** Ids and names in a link: printable, short; anything else is dropped, not shown. */
const safeText = (s: string | null): string | null => (s !== null && /^[\p{L}\p{N}._-]{1,80}$/u.test(s) ? s : null);

/** Reads a query string (`?scenario=default&seed=7&t=3600…`); anything malformed is left out. */
export function parseLink(search: string): LinkState {
  const p = new URLSearchParams(search);
  const lang = p.get('lang');
  return {
    scenario: safeText(p.get('scenario') ?? p.get('file')),
    fromFile: p.has('file') && !p.has('scenario'),
    seed: wholeNumber(p.get('seed'), Number.MAX_SAFE_INTEGER),
    reps: wholeNumber(p.get('reps'), 100),
    t: wholeNumber(p.get('t'), 10 * 366 * 86400) ?? 0,
    lang: lang === 'zh' || lang === 'en' ? lang : null,
    tab: safeText(p.get('tab')),
    incident: safeText(p.get('incident')),
  };
}

/** Writes the query string for a state (keys in a fixed order, time to the second). */
export function formatLink(s: LinkState): string {
  const p = new URLSearchParams();
  if (s.scenario) p.set(s.fromFile ? 'file' : 'scenario', s.scenario);
  if (s.seed !== null) p.set('seed', String(s.seed));
  if (s.reps !== null && s.reps !== 1) p.set('reps', String(s.reps));
  p.set('t', String(Math.round(s.t)));
  if (s.lang) p.set('lang', s.lang);
  if (s.tab) p.set('tab', s.tab);
  if (s.incident) p.set('incident', s.incident);
  return `?${p.toString()}`;
}
