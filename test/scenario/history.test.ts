import { describe, expect, it } from 'vitest';
import { parseHistoryCsv } from '../../src/scenario/history.ts';
import { parseDateTime, parseDuration, secondsBetween } from '../../src/scenario/duration.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { loadFile } from '../helpers.ts';
import { englishLines } from '../bilingual.ts';

describe('durations and wall-clock times', () => {
  it('parses seconds and unit strings', () => {
    expect(parseDuration(90)).toBe(90);
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('2h')).toBe(7200);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('1d')).toBe(86400);
    expect(parseDuration('soon')).toBeNull();
  });

  it('reads date-times with offsets without the platform clock', () => {
    const a = parseDateTime('2026-06-01T08:00:00+08:00', true)!;
    const b = parseDateTime('2026-06-01T00:00:00Z', true)!;
    expect(secondsBetween(a, b)).toBe(0);
    expect(a.secondOfDay).toBe(8 * 3600);
    expect(parseDateTime('2026-06-01T08:00:00', true)).toBeNull();
    expect(parseDateTime('2026-13-01T08:00:00Z', true)).toBeNull();
    // Across a month and a leap day.
    const c = parseDateTime('2028-02-28T12:00:00+08:00', true)!;
    const d = parseDateTime('2028-03-01T12:00:00+08:00', true)!;
    expect(secondsBetween(c, d)).toBe(2 * 86400);
  });

  it('refuses a day the month does not have and an offset no place has, instead of rolling them over', () => {
    for (const bad of ['2026-02-29T00:00:00+08:00', '2026-02-30T00:00:00+08:00', '2026-06-31T00:00:00+08:00', '2100-02-29T00:00:00Z', '2026-06-01T00:00:00+25:00', '2026-06-01T00:00:00+08:75', '2026-06-01T00:00:00-13:00']) {
      expect([bad, parseDateTime(bad, true)]).toEqual([bad, null]);
    }
    for (const good of ['2028-02-29T00:00:00+08:00', '2000-02-29T00:00:00Z', '2026-12-31T23:59:59+14:00', '2026-01-31T00:00:00-12:00', '2026-06-30T00:00:00+05:45']) {
      expect([good, parseDateTime(good, true)]).not.toEqual([good, null]);
    }
  });
});

describe('historical incident list (CAD export)', () => {
  const start = parseDateTime('2026-06-01T00:00:00+08:00', true)!;

  it('takes local date-times or seconds, zones or coordinates', () => {
    const text = 'time,type,grade,zone,lon,lat\n2026-06-01 00:30:00,fire,III,Z1,,\n5400,medical,,,120.05,30.02\n';
    const { rows, errors } = parseHistoryCsv(text, start, 'h.csv');
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ t: 1800, type: 'fire', grade: 1, zone: 'Z1' });
    expect(rows[1]).toMatchObject({ t: 5400, type: 'medical', grade: null, lon: 120.05, lat: 30.02 });
  });

  it('names the row and column of each problem', () => {
    const text = 'time,type,grade,zone\nyesterday,fire,IV,Z1\n60,fire,V,Z1\n';
    const { errors } = parseHistoryCsv(text, start, 'h.csv');
    expect(englishLines(errors)).toEqual([
      'h.csv row 2.time: not a time: "yesterday"',
      'h.csv row 3.grade: grade must be one of IV, III, II, I, got "V"',
    ]);
    expect(parseHistoryCsv('when,what\n1,2\n', start, 'h.csv').errors[0]).toEqual({ path: 'h.csv', zh: '缺少列“time”', en: 'missing column "time"' });
    const short = parseHistoryCsv('time,type,zone\n1,fire\n', start, 'h.csv').errors;
    expect(englishLines(short)).toEqual(['h.csv row 2: does not have a cell for each of the 3 columns']);
    expect(englishLines(parseHistoryCsv('time,type\n1,fire\n', start, 'h.csv').errors)).toEqual(['h.csv: needs a "zone" column or "lon" and "lat" columns']);
  });

  it('replays the list in a scenario, skipping rows outside the run', () => {
    const s = loadFile('test/fixtures/history.yaml');
    expect(s.demand.fixed.map((f) => [f.t, f.type, f.zone, f.grade])).toEqual([
      [1800, 'fire', 'Z1', 1],
      [4530, 'medical', 'Z2', null],
      [5400, 'medical', 'Z2', 0],
    ]);
    const { records } = simulate(s, 1);
    expect(records.incidents.map((i) => [i.tOccur, i.type, i.gradeTrue])).toEqual([
      [1800, 'fire', 'III'],
      [4530, 'medical', 'IV'],
      [5400, 'medical', 'IV'],
    ]);
  });
});
