/**
 * Import of a historical incident list (a CAD export) as CSV or an Excel worksheet: columns `time`, `type`, `grade`, and
 * either `zone` or `lon`+`lat`. `time` is seconds from scenario start or a local date-time
 * ("2025-07-01 14:23:05", in the scenario's UTC offset unless it carries its own).
 */
import { GRADES } from './schema.ts';
import { parseDateTime, secondsBetween, type WallClock } from './duration.ts';
import type { InputError } from './errors.ts';
import { decimal, readCsvTable, type CsvTable } from './table.ts';
import { positionProblem } from '../geo/zones.ts';

export interface HistoryRow {
  t: number;
  type: string;
  grade: number | null;
  zone?: string;
  lon?: number;
  lat?: number;
  name: string;
  /** Row number in the file or sheet (the header is row 1). */
  line: number;
}

/** Parses the CSV text; `where` prefixes every error path (e.g. `demand.history.file (x.csv)`). */
export function parseHistoryCsv(text: string, start: WallClock, where: string): { rows: HistoryRow[]; errors: InputError[] } {
  return parseHistoryTable(readCsvTable(text, where, (h) => h.trim().toLowerCase()), start, where);
}

/** Reads a history table (from a CSV file or a worksheet; column names lower-cased); `where` as for {@link parseHistoryCsv}. */
export function parseHistoryTable(table: CsvTable, start: WallClock, where: string): { rows: HistoryRow[]; errors: InputError[] } {
  const { fields } = table;
  const errors = [...table.errors];
  for (const r of table.rows.filter((x) => !x.complete).slice(0, 5)) errors.push({ path: `${where} row ${r.row}`, zh: `单元格个数与表头的 ${fields.length} 列不一致`, en: `does not have a cell for each of the ${fields.length} columns` });
  for (const need of ['time', 'type']) {
    if (!fields.includes(need)) errors.push({ path: where, zh: `缺少列“${need}”`, en: `missing column "${need}"` });
  }
  if (!fields.includes('zone') && !(fields.includes('lon') && fields.includes('lat'))) {
    errors.push({ path: where, zh: '需要“zone”列，或“lon”和“lat”两列', en: 'needs a "zone" column or "lon" and "lat" columns' });
  }
  if (errors.length) return { rows: [], errors };
  const rows: HistoryRow[] = [];
  table.rows.forEach(({ cells: r, row: line }) => {
    const at = `${where} row ${line}`;
    const timeText = (r.time ?? '').trim();
    let t: number;
    if (/^-?\d+(\.\d+)?$/.test(timeText)) {
      t = Number(timeText);
      if (!Number.isFinite(t)) {
        errors.push({ path: `${at}.time`, zh: `不是有效的时间：“${timeText.slice(0, 40)}”过大`, en: `not a time: "${timeText.slice(0, 40)}" is too large` });
        return;
      }
    } else {
      const wc = parseDateTime(timeText, false);
      if (!wc) {
        errors.push({ path: `${at}.time`, zh: `不是有效的时间：“${timeText}”`, en: `not a time: "${timeText}"` });
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
        errors.push({ path: `${at}.grade`, zh: `等级必须是 ${GRADES.join('、')} 之一；实际为“${r.grade}”`, en: `grade must be one of ${GRADES.join(', ')}, got "${r.grade}"` });
        return;
      }
    }
    const row: HistoryRow = { t, type: (r.type ?? '').trim(), grade, name: (r.name ?? r.id ?? '').trim(), line };
    if (r.zone && r.zone.trim()) row.zone = r.zone.trim();
    else {
      const lon = decimal(r.lon);
      const lat = decimal(r.lat);
      if (lon === null || lat === null) {
        errors.push({
          path: at,
          zh: `需要区域（zone），或数值形式的经度、纬度（lon、lat）；实际为 lon“${r.lon ?? ''}”、lat“${r.lat ?? ''}”`,
          en: `needs a zone or a numeric lon and lat; got lon "${r.lon ?? ''}", lat "${r.lat ?? ''}"`,
        });
        return;
      }
      const where = positionProblem([lon, lat]);
      if (where) {
        errors.push({ path: `${at}.${lon < -180 || lon > 180 ? 'lon' : 'lat'}`, ...where });
        return;
      }
      row.lon = lon;
      row.lat = lat;
    }
    rows.push(row);
  });
  return { rows, errors };
}
