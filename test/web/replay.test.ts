import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.ts';
import { buildReplay, countsAt, lastAtOrBefore, positionOn, stateAt, type Segment } from '../../web/model/replay.ts';
import { MESSAGES } from '../../web/i18n/index.ts';
import { defaultLang } from '../../web/i18n/index.ts';
import { loadFile } from '../helpers.ts';

describe('replay model (state at time t from the log)', () => {
  const s = loadFile('scenarios/default.yaml');
  const run = simulate(s, s.seed);
  const replay = buildReplay(s, run.log, run.records);

  it('a unit is at the scene, on scene, between its arrival and its clearing', () => {
    const d = run.records.dispatches.find((x) => x.tArrive !== null && x.tClear !== null && x.tClear - x.tArrive > 120)!;
    const inc = run.records.incidents.find((i) => i.incidentId === d.incidentId)!;
    const mid = (d.tArrive! + d.tClear!) / 2;
    const u = stateAt(replay, mid).units.find((x) => x.id === d.unitId)!;
    expect(u.status).toBe('onscene');
    expect(u.lon).toBeCloseTo(inc.lon, 9);
    expect(u.lat).toBeCloseTo(inc.lat, 9);
    expect(u.incident).toBe(d.incidentId);
  });

  it('a unit on its way is between its start and the scene, and moves on', () => {
    const d = run.records.dispatches.find((x) => x.tEnroute !== null && x.tArrive !== null && x.tArrive - x.tEnroute > 300)!;
    const a = stateAt(replay, d.tEnroute! + 60).units.find((x) => x.id === d.unitId)!;
    const b = stateAt(replay, d.tArrive! - 60).units.find((x) => x.id === d.unitId)!;
    expect(a.status).toBe('enroute');
    expect(b.status).toBe('enroute');
    expect([a.lon, a.lat]).not.toEqual([b.lon, b.lat]);
  });

  it('each unit’s segments cover the run without gaps or overlaps', () => {
    for (const u of replay.units) {
      expect(u.segments[0].t0).toBe(0);
      for (let k = 1; k < u.segments.length; k++) expect(u.segments[k].t0).toBeCloseTo(u.segments[k - 1].t1, 6);
      expect(u.segments.at(-1)!.t1).toBe(s.durationS);
    }
  });

  it('incidents show from occurrence to close, with the grade the center worked to', () => {
    const i = run.records.incidents.find((x) => x.tClosed !== null && x.tVerified !== null)!;
    expect(stateAt(replay, i.tOccur - 1).incidents.some((x) => x.id === i.incidentId)).toBe(false);
    const before = stateAt(replay, i.tOccur + 1).incidents.find((x) => x.id === i.incidentId)!;
    expect(before.grade).toBe(-1);
    expect(before.attended).toBe(false);
    expect(stateAt(replay, i.tVerified! + 1).incidents.find((x) => x.id === i.incidentId)!.grade).toBeGreaterThanOrEqual(0);
    expect(stateAt(replay, i.tClosed! + 1).incidents.some((x) => x.id === i.incidentId)).toBe(false);
  });

  it('a unit waiting for its next alert does not name that incident (no future in the picture)', () => {
    const d = run.records.dispatches.find((x) => x.tAlert !== null && x.tAlert > 3600)!;
    const before = stateAt(replay, d.tAlert! - 0.5).units.find((x) => x.id === d.unitId)!;
    expect(before.incident).not.toBe(d.incidentId);
    expect(stateAt(replay, d.tAlert! + 0.001).units.find((x) => x.id === d.unitId)!.incident).toBe(d.incidentId);
  });

  it('an incident whose every caller hung up before an answer leaves the map when the last one hangs up', () => {
    const busy = simulate({ ...s, center: { ...s.center, callTakers: s.center.callTakers.map(() => 1) } }, s.seed);
    const rp = buildReplay(s, busy.log, busy.records);
    const lost = rp.incidents.find((i) => i.lost)!;
    expect(lost).toBeDefined();
    expect(Number.isFinite(lost.tEnd)).toBe(true);
    expect(stateAt(rp, lost.tEnd - 0.001).incidents.some((x) => x.id === lost.id)).toBe(true);
    expect(stateAt(rp, lost.tEnd).incidents.some((x) => x.id === lost.id)).toBe(false);
  });

  it('an incident is drawn at the size reported by time t, not at its final size', () => {
    const grown = replay.incidents.find((i) => i.sizes.length > 0 && i.sizes[0].t > i.tOccur + 1 && i.sizes[0].t < i.tEnd)!;
    expect(grown).toBeDefined();
    const at = (t: number) => stateAt(replay, t).incidents.find((x) => x.id === grown.id)!.size;
    expect(at(grown.tOccur + 0.5)).toBeNull();
    expect(at(grown.sizes[0].t)).toBe(grown.sizes[0].size);
  });

  it('the time index finds exactly the incidents live at t (as a scan of all would)', () => {
    for (const t of [0, 1234.5, 3600, 14.5 * 3600, 86399]) {
      const scan = replay.incidents.filter((i) => i.tOccur <= t && t < i.tEnd).map((i) => i.id).sort();
      expect(stateAt(replay, t).incidents.map((i) => i.id).sort()).toEqual(scan);
    }
  });

  it('counts of free and busy units add up to the fleet', () => {
    const c = countsAt(replay, 14.5 * 3600);
    let n = 0;
    for (const v of c.values()) n += v.free + v.busy + v.off;
    expect(n).toBe(s.units.length);
  });

  it('route interpolation follows the path by length', () => {
    const seg: Segment = { t0: 0, t1: 10, status: 'enroute', path: [[0, 0], [1, 0], [1, 1]], cum: [0, 1, 2] };
    expect(positionOn(seg, 0)).toEqual([0, 0]);
    expect(positionOn(seg, 5)).toEqual([1, 0]);
    expect(positionOn(seg, 7.5)).toEqual([1, 0.5]);
    expect(positionOn(seg, 99)).toEqual([1, 1]);
    expect(lastAtOrBefore([1, 3, 5], 4, (x) => x)).toBe(1);
    expect(lastAtOrBefore([1, 3, 5], 0, (x) => x)).toBe(-1);
  });
});

describe('i18n', () => {
  const keys = (o: object, prefix = ''): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
  it('every key exists in both languages, and none is empty', () => {
    expect(keys(MESSAGES.zh).sort()).toEqual(keys(MESSAGES.en).sort());
    for (const lang of ['zh', 'en'] as const) {
      for (const k of keys(MESSAGES[lang])) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], MESSAGES[lang]);
        expect(Array.isArray(v) ? (v as string[]).every(Boolean) : Boolean(v)).toBe(true);
      }
    }
    // The map, the list and the chain show the response level the center works to (a 突发事件 grade is something else).
    expect(MESSAGES.zh.gradeNames).toEqual(['IV 级', 'III 级', 'II 级', 'I 级']);
  });
  it('zh-CN is the default where the browser says so', () => {
    expect(defaultLang(['zh-CN', 'en'])).toBe('zh');
    expect(defaultLang(['en-GB', 'zh-TW'])).toBe('zh');
    expect(defaultLang(['en-US'])).toBe('en');
  });
});
