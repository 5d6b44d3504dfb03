/**
 * Import of a historical incident list (a CAD export) as CSV: columns `time`, `type`, `grade`, and
 * either `zone` or `lon`+`lat`. `time` is seconds from scenario start or a local date-time
 * ("2025-07-01 14:23:05", in the scenario's UTC offset unless it carries its own).
 */
import Papa from 'papaparse';
import { GRADES } from './schema.ts';
import { parseDateTime, secondsBetween, type WallClock } from './duration.ts';
import type { InputError } from './errors.ts';

export interface HistoryRow {
  t: number;
  type: string;
  grade: number | null;
  zone?: string;
  lon?: number;
  lat?: number;
  name: string;
}

/** Parses the CSV text; `where` prefixes every error path (e.g. `demand.history.file (x.csv)`). */
export function parseHistoryCsv(text: string, start: WallClock, where: string): { rows: HistoryRow[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  for (const e of parsed.errors.slice(0, 5)) errors.push({ path: `${where} row ${(e.row ?? 0) + 2}`, message: e.message });
  const fields = parsed.meta.fields ?? [];
  for (const need of ['time', 'type']) {
    if (!fields.includes(need)) errors.push({ path: where, message: `missing column "${need}"` });
  }
  if (!fields.includes('zone') && !(fields.includes('lon') && fields.includes('lat'))) {
    errors.push({ path: where, message: 'needs a "zone" column or "lon" and "lat" columns' });
  }
  if (errors.length) return { rows: [], errors };
  const rows: HistoryRow[] = [];
  parsed.data.forEach((r, i) => {
    const at = `${where} row ${i + 2}`;
    const timeText = (r.time ?? '').trim();
    let t: number;
    if (/^-?\d+(\.\d+)?$/.test(timeText)) t = Number(timeText);
    else {
      const wc = parseDateTime(timeText, false);
      if (!wc) {
        errors.push({ path: `${at}.time`, message: `not a time: "${timeText}"` });
        return;
      }
      if (!/(Z|[+-]\d{2}:?\d{2})$/.test(timeText)) wc.offsetS = start.offsetS;
      t = secondsBetween(start, wc);
    }
    const gradeText = (r.grade ?? '').trim().toUpperCase();
    let grade: number | null = null;
    if (gradeText !== '') {
      grade = GRADES.indexOf(gradeText as never);
      if (grade < 0) {
        errors.push({ path: `${at}.grade`, message: `grade must be one of ${GRADES.join(', ')}, got "${r.grade}"` });
        return;
      }
    }
    const row: HistoryRow = { t, type: (r.type ?? '').trim(), grade, name: (r.name ?? r.id ?? '').trim() };
    if (r.zone && r.zone.trim()) row.zone = r.zone.trim();
    else {
      const lon = Number(r.lon);
      const lat = Number(r.lat);
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || r.lon === '' || r.lat === '') {
        errors.push({ path: at, message: 'needs a zone or a numeric lon and lat' });
        return;
      }
      row.lon = lon;
      row.lat = lat;
    }
    rows.push(row);
  });
  return { rows, errors };
}
