import { describe, expect, it } from 'vitest';
import { chainAt } from '../../../web/model/chain.ts';
import { ganttColumns, runs, STATUS_CODES } from '../../../web/model/gantt.ts';
import { visibleRows } from '../../../web/model/virtual-list.ts';
import { layoutIncidents, layoutUnits, incidentRadius } from '../../../web/model/map-frame.ts';
import { buildTimeIndex, activeAt } from '../../../web/model/time-index.ts';
import { agencyColor, agencyPalette, stableHash } from '../../../web/model/palette.ts';
import type { TimelineModel } from '../../../src/report/aar.ts';
import type { IncidentState, UnitState, UnitTrack } from '../../../web/model/replay.ts';

describe('chain at time t', () => {
  const m: TimelineModel = {
    t0: 100,
    t1: 5000,
    lanes: [
      { label: 'center', marks: [{ t: 120, label: 'call' }, { t: 4000, label: 'closed' }], segments: [] },
      { label: 'EMS', marks: [{ t: 300, label: 'notified' }], segments: [] },
      { label: '  A1', marks: [], segments: [{ a: 400, b: 900, kind: 'travel' }, { a: 900, b: 4000, kind: 'scene' }] },
      { label: 'POWER', marks: [{ t: 2000, label: 'notified' }], segments: [] },
    ],
  };
  it('keeps only marks by t, cuts bars at t, and drops lanes not begun (the center lane always shows)', () => {
    const c = chainAt(m, 1000);
    expect(c.lanes.map((l) => l.label)).toEqual(['center', 'EMS', '  A1']);
    expect(c.lanes[0].marks.map((x) => x.t)).toEqual([120]);
    expect(c.lanes[2].segments).toEqual([{ a: 400, b: 900, kind: 'travel' }, { a: 900, b: 1000, kind: 'scene' }]);
    expect(c.t1).toBe(1000);
    expect(chainAt(m, 110).lanes.map((l) => l.label)).toEqual(['center']);
  });
  it('the axis never runs past t (the end would tell the future), nor shorter than ten minutes', () => {
    expect(chainAt(m, 200).t1).toBe(700);
    expect(chainAt(m, 99_999).t1).toBe(5000);
  });
});

describe('Gantt at pixel resolution', () => {
  const unit = (segs: [number, number, string][]): UnitTrack => ({ id: 'u', agency: 'a', type: 't', segments: segs.map(([t0, t1, status]) => ({ t0, t1, status: status as never, path: [[0, 0]], cum: [0] })) });
  it('each column holds the status at its middle time, and runs merge equal neighbours', () => {
    const g = ganttColumns([unit([[0, 50, 'available'], [50, 75, 'enroute'], [75, 100, 'onscene']])], 100, 4);
    expect([...g.rows[0]].map((c) => STATUS_CODES[c])).toEqual(['available', 'available', 'enroute', 'onscene']);
    expect(runs(g.rows[0], 4)).toEqual([[0, 2, 0], [2, 3, STATUS_CODES.indexOf('enroute')], [3, 4, STATUS_CODES.indexOf('onscene')]]);
    expect(runs(g.rows[0], 1)).toEqual([[0, 1, 0]]);
    expect(runs(g.rows[0], 0)).toEqual([]);
  });
  it('the cost does not depend on the number of trips: a thousand segments still give one column each', () => {
    const segs: [number, number, string][] = Array.from({ length: 1000 }, (_, i) => [i, i + 1, i % 2 ? 'enroute' : 'available']);
    expect(ganttColumns([unit(segs)], 1000, 10).rows[0].length).toBe(10);
  });
});

describe('virtual list', () => {
  it('renders the rows in view plus a margin, clamped to the list', () => {
    expect(visibleRows(1000, 200, 100, 20, 2)).toEqual([8, 17]);
    expect(visibleRows(1000, 0, 100, 20, 8)).toEqual([0, 13]);
    expect(visibleRows(10, 10_000, 100, 20, 2)).toEqual([10, 10]);
    expect(visibleRows(0, 0, 100, 20)).toEqual([0, 0]);
  });
});

describe('map frame', () => {
  const u = (id: string, lon: number): UnitState => ({ id, agency: 'a', type: 't', lon, lat: 0, status: 'available', since: 0 });
  it('units at one place share a ring of equal spacing around it; a lone unit stays put', () => {
    const marks = layoutUnits([u('a', 0), u('b', 0), u('c', 0), u('d', 5)], (lon, lat) => [lon * 10, lat], 4);
    const ring = marks.slice(0, 3).map((m) => Math.hypot(m.x, m.y));
    expect(ring[0]).toBeGreaterThan(4);
    for (const r of ring) expect(r).toBeCloseTo(ring[0], 9);
    expect(new Set(marks.slice(0, 3).map((m) => `${m.x.toFixed(3)},${m.y.toFixed(3)}`)).size).toBe(3);
    expect([marks[3].x, marks[3].y]).toEqual([50, 0]);
  });
  it('incidents grow with grade and size, and the gravest are drawn last (on top)', () => {
    expect(incidentRadius(3, null)).toBeGreaterThan(incidentRadius(0, null));
    expect(incidentRadius(0, 9)).toBeGreaterThan(incidentRadius(0, null));
    expect(incidentRadius(0, 1e6)).toBe(incidentRadius(0, 36));
    const i = (id: string, grade: number): IncidentState => ({ id, type: 'x', lon: 0, lat: 0, tOccur: 0, grade, attended: false, size: null });
    expect(layoutIncidents([i('a', 3), i('b', -1), i('c', 1)], () => [0, 0]).map((m) => m.incident.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('time index', () => {
  it('finds the live items at any t exactly as a scan would, open-ended ones included', () => {
    const starts = [0, 10, 10, 250, 299, 600, 900];
    const ends = [5, 400, Infinity, 260, 301, 600, 1000];
    const ix = buildTimeIndex(starts, ends, 1000, 100);
    for (let t = 0; t <= 1000; t += 7) {
      const scan = starts.map((s, k) => k).filter((k) => starts[k] <= t && t < ends[k]);
      expect(activeAt(ix, t)).toEqual(scan);
    }
  });
});

describe('agency palette', () => {
  it('the same agency gets the same colour in every scenario; kinds set the hue, ids the shade', () => {
    const a = agencyPalette([{ id: 'FIRE', kind: 'fire' }, { id: 'EMS', kind: 'ems' }]);
    const b = agencyPalette([{ id: 'EMS', kind: 'ems' }, { id: 'X', kind: 'police' }, { id: 'FIRE', kind: 'fire' }]);
    expect(a('FIRE')).toBe(b('FIRE'));
    expect(a('EMS')).toBe(b('EMS'));
    expect(agencyColor('fire', 'FIRE')).not.toBe(agencyColor('ems', 'FIRE'));
    expect(agencyColor('fire-neighbour', 'NB')).toMatch(/^#[0-9a-f]{6}$/);
    expect(a('unknown')).toBe('#888888');
  });
  it('supports more than ten agencies with distinct colours', () => {
    const kinds = ['fire', 'ems', 'police', 'traffic', 'hazmat', 'environment', 'power', 'water', 'comms', 'health', 'redcross', 'volunteer'];
    const colours = new Set(kinds.map((k) => agencyColor(k, k.toUpperCase())));
    expect(colours.size).toBe(12);
    expect(stableHash('abc')).toBe(stableHash('abc'));
  });
});
