import { describe, expect, it } from 'vitest';
import { createSimulation, simulate } from '../../src/engine/simulate.ts';
import { eventsCsv } from '../../src/report/csv.ts';
import { loadFile } from '../helpers.ts';
import { linkageBase } from './linkage-helpers.ts';
import { mustBuild } from '../validation/helpers.ts';

const ok = <T extends { ok: boolean }>(r: T) => {
  expect(r).toMatchObject({ ok: true });
  return r as Extract<T, { ok: true }>;
};

describe('injection at the current time', () => {
  const small = loadFile('test/fixtures/small.yaml');

  it('an injected incident happens at the current time and runs its chain; the log names the injection first', () => {
    const sim = createSimulation(small, 5);
    sim.advanceTo(3000);
    const id = ok(sim.inject({ kind: 'incident', type: 'fire', zone: 'Z1', grade: 'III' })).incident!;
    const { records, log } = sim.finish();
    const inc = records.incidents.find((i) => i.incidentId === id)!;
    expect(inc.tOccur).toBe(3000);
    expect(inc.gradeTrue).toBe('III');
    expect(inc.tFirstArrival).not.toBeNull();
    const k = log.findIndex((e) => e.kind === 'inject' && e.t === 3000);
    expect(log[k + 1]).toMatchObject({ kind: 'incident.occur', incident: id });
  });

  it('an open incident is found by its id, and only by that id exactly', () => {
    const sim = createSimulation(small, 5);
    sim.advanceTo(3000);
    const id = ok(sim.inject({ kind: 'incident', type: 'fire', zone: 'Z1', grade: 'III' })).incident!;
    expect(id).toMatch(/^inc-\d{6}$/);
    const n = Number(id.slice(4));
    for (const near of [`inc-${n}`, `inc-0${id.slice(4)}`, ` ${id}`, id.toUpperCase()]) {
      expect(sim.inject({ kind: 'regrade', incident: near, grade: 'I' })).toEqual({ ok: false, refused: { code: 'no-incident', incident: near } });
    }
    // Found, though not yet verified; once the center has graded it, regraded.
    expect(sim.inject({ kind: 'regrade', incident: id, grade: 'I' })).toEqual({ ok: false, refused: { code: 'not-graded', incident: id } });
    sim.advanceTo(3600);
    ok(sim.inject({ kind: 'regrade', incident: id, grade: 'I' }));
    expect(sim.finish().records.incidents.find((i) => i.incidentId === id)!.levelFinal).toBe('I');
  });

  it('a unit taken out of service is never dispatched until put back', () => {
    const sim = createSimulation(small, 5);
    ok(sim.inject({ kind: 'unit.out', unit: 'E-1' }));
    sim.advanceTo(3 * 3600);
    ok(sim.inject({ kind: 'unit.in', unit: 'E-1' }));
    const { records } = sim.finish();
    const e1 = records.dispatches.filter((d) => d.unitId === 'E-1');
    expect(e1.length).toBeGreaterThan(0);
    expect(e1.every((d) => d.tOrder >= 3 * 3600)).toBe(true);
    // …while E-2 worked all along.
    expect(records.dispatches.some((d) => d.unitId === 'E-2' && d.tOrder < 3 * 3600)).toBe(true);
  });

  it('a bad injection is refused with its reason and changes nothing (the log stays as without it)', () => {
    const plain = eventsCsv(1, simulate(small, 5).log);
    const sim = createSimulation(small, 5);
    sim.advanceTo(1000);
    // The reason is data (a code and the ids named), not words: the engine does not format.
    expect(sim.inject({ kind: 'incident', type: 'nope', zone: 'Z1' })).toEqual({ ok: false, refused: { code: 'unknown-incident-type', type: 'nope' } });
    expect(sim.inject({ kind: 'unit.out', unit: 'X9' })).toEqual({ ok: false, refused: { code: 'unknown-unit', unit: 'X9' } });
    expect(sim.inject({ kind: 'regrade', incident: 'nothing', grade: 'I' })).toEqual({ ok: false, refused: { code: 'no-incident', incident: 'nothing' } });
    expect(sim.inject({ kind: 'road.open', id: 'R1' })).toEqual({ ok: false, refused: { code: 'no-road-closure', road: 'R1' } });
    expect(sim.inject({ kind: 'channel.up', channel: 'phone' })).toEqual({ ok: false, refused: { code: 'channel-up-already', channel: 'phone' } });
    expect(eventsCsv(1, sim.finish().log)).toBe(plain);
  });
});

describe('injections that change the situation', () => {
  const world = (o: (s: Record<string, any>) => void = () => {}) => {
    const s = linkageBase();
    s.demand.scripted = [];
    o(s);
    return mustBuild(s);
  };

  it('a station out of service: none of its units is sent until it is back', () => {
    const sim = createSimulation(world(), 1);
    ok(sim.inject({ kind: 'station.out', station: 'SA' }));
    sim.advanceTo(600);
    ok(sim.inject({ kind: 'incident', type: 'fire', zone: 'A', name: 'F' }));
    sim.advanceTo(4000);
    const snap = sim.snapshot();
    expect(snap.units.filter((u) => u.station === 'SA').every((u) => !u.inService && u.status === 'off')).toBe(true);
    expect(snap.incidents.find((i) => i.name === 'F')!.queued).toBe(1);
    ok(sim.inject({ kind: 'station.in', station: 'SA' }));
    const { records } = sim.finish();
    expect(records.dispatches[0].tOrder).toBeLessThan(4000);
    expect(records.dispatches[0].unitId.startsWith('E')).toBe(true);
    expect(records.incidents[0].queuedRequests).toBe(1);
  });

  it('a channel taken down sends orders by the fallback until it is put back, then by the platform again', () => {
    const sim = createSimulation(world((s) => (s.demand.scripted = [{ at: '1h', type: 'fire', zone: 'A' }, { at: '3h', type: 'fire', zone: 'A' }])), 1);
    ok(sim.inject({ kind: 'channel.down', channel: 'platform', forS: 2 * 3600 }));
    const { records, log } = sim.finish();
    expect(records.agencies.map((a) => a.channel)).toEqual(['phone', 'platform']);
    expect(log.filter((e) => e.kind === 'comms.down' || e.kind === 'comms.up').map((e) => [e.kind, e.t])).toEqual([['comms.down', 0], ['comms.up', 7200]]);
  });

  it('a road closure lengthens trips that start or end inside it, and only while it is in force', () => {
    const trips = (close: boolean) => {
      const sim = createSimulation(world((s) => (s.demand.scripted = [{ at: '1h', type: 'fire', zone: 'B' }, { at: '5h', type: 'fire', zone: 'B' }])), 1);
      if (close) ok(sim.inject({ kind: 'road.close', id: 'bridge', lon: 120.1, lat: 30, radiusM: 500, forS: 3 * 3600 }));
      return sim.finish().records.dispatches.map((d) => d.travelS!);
    };
    const open = trips(false);
    const closed = trips(true);
    expect(closed[0]).toBeCloseTo(2 * open[0], 6);
    expect(closed[1]).toBeCloseTo(open[1], 6);
  });

  it('a call surge loads the call-takers with repeat calls about the incident', () => {
    const sim = createSimulation(world(), 1);
    ok(sim.inject({ kind: 'incident', type: 'fire', zone: 'A', name: 'F' }));
    sim.advanceTo(100);
    ok(sim.inject({ kind: 'call.surge', incident: 'F', callers: 30, overS: 600 }));
    const { records } = sim.finish();
    expect(records.calls.length).toBe(31);
    expect(records.incidents[0].duplicateCalls).toBe(30);
    expect(records.calls.filter((c) => c.tArrive >= 100 && c.tArrive <= 700).length).toBe(30);
  });

  it('a demand factor scales background arrivals from then on', () => {
    const count = (factor: number) => {
      const sim = createSimulation(world((s) => (s.demand.background = [{ type: 'fire', ratePerDay: 200, zones: 'uniform' }])), 3);
      sim.advanceTo(6 * 3600);
      ok(sim.inject({ kind: 'demand.factor', factor }));
      return sim.finish().records.incidents.filter((i) => i.tOccur > 6 * 3600).length;
    };
    const [none, normal, triple] = [count(0), count(1), count(3)];
    expect(none).toBe(0);
    // 6 h at 200 a day is 50 expected; three times that is 150 (Poisson counts: a wide margin).
    expect(normal).toBeGreaterThan(25);
    expect(triple).toBeGreaterThan(2 * normal);
  });

  it('a size jump beyond what the units hold takes control back, and the incident escalates', () => {
    const s = world((x) => {
      x.incidentTypes[0].dynamics = { initialSize: 1, growthPerHour: 0.5, sizePerUnit: 2, thresholds: { III: 5, II: 20 } };
    });
    const sim = createSimulation(s, 1);
    ok(sim.inject({ kind: 'incident', type: 'fire', zone: 'A', name: 'F' }));
    sim.advanceTo(1200);
    expect(sim.snapshot().incidents[0].controlled).toBe(true);
    ok(sim.inject({ kind: 'incident.change', incident: 'F', size: 10 }));
    const mid = sim.snapshot().incidents[0];
    expect(mid.controlled).toBe(false);
    expect(mid.gradeTrue).toBe(1);
    const { records } = sim.finish();
    expect(records.incidents[0].escalations).toBeGreaterThan(0);
    expect(records.incidents[0].gradeFinal).not.toBe('IV');
    expect(records.dispatches.length).toBeGreaterThan(1);
  });
  it('a size jump past the type’s maxSize is kept (not cut back to it): the units that held the largest size lose control, the size stays, and control comes back once enough units work', () => {
    const s = world((x) => {
      x.incidentTypes[0].dynamics = { initialSize: 1, growthPerHour: 0.5, sizePerUnit: 2, maxSize: 2, thresholds: { III: 5, II: 20 } };
    });
    const sim = createSimulation(s, 1);
    ok(sim.inject({ kind: 'incident', type: 'fire', zone: 'A', name: 'F' }));
    sim.advanceTo(1200);
    expect(sim.snapshot().incidents[0].controlled).toBe(true);
    // One engine holds 2, the most the fire grows to by itself; 3 needs a second.
    ok(sim.inject({ kind: 'incident.change', incident: 'F', size: 3 }));
    expect(sim.snapshot().incidents[0]).toMatchObject({ controlled: false, size: 3 });
    sim.advanceTo(3000);
    expect(sim.snapshot().incidents[0]).toMatchObject({ controlled: false, size: 3 });
    ok(sim.inject({ kind: 'order', incident: 'F', agency: 'FIRE', unitType: 'engine' }));
    const { log, records } = sim.finish();
    const controlled = log.filter((e) => e.kind === 'incident.controlled');
    expect(controlled.map((e) => e.kind === 'incident.controlled' && e.data.size)).toEqual([expect.any(Number), 3]);
    expect(controlled[1].t).toBeGreaterThan(3000);
    expect(records.incidents[0].size).toBe(3);
  });
  it('a size change on an incident its units still hold lengthens (or shortens) its work by the change’s share, without losing control', () => {
    const s = world((x) => {
      x.incidentTypes[0].dynamics = { initialSize: 1, growthPerHour: 0.5, sizePerUnit: 100, workPerSize: '10m', thresholds: { III: 500, II: 2000 } };
    });
    const closed = (size: number | null) => {
      const sim = createSimulation(s, 1);
      ok(sim.inject({ kind: 'incident', type: 'fire', zone: 'A', name: 'F' }));
      sim.advanceTo(1200);
      expect(sim.snapshot().incidents[0].controlled).toBe(true);
      if (size !== null) ok(sim.inject({ kind: 'incident.change', incident: 'F', size }));
      expect(sim.snapshot().incidents[0].controlled).toBe(true);
      const inc = sim.finish().records.incidents[0];
      return { tClosed: inc.tClosed!, size: inc.size! };
    };
    const workPerSizeS = s.incidentTypes[0].dynamics!.workPerSizeS;
    expect(workPerSizeS).toBe(600);
    const base = closed(null);
    const bigger = closed(base.size + 3);
    expect(bigger.size).toBeCloseTo(base.size + 3, 9);
    expect(bigger.tClosed - base.tClosed).toBeCloseTo(3 * workPerSizeS, 6);
    const smaller = closed(base.size / 2);
    expect(smaller.tClosed).toBeLessThan(base.tClosed);
  });
});

describe('decisions and overrides', () => {
  const world = () => {
    const s = linkageBase();
    s.demand.scripted = [{ at: '10m', type: 'fire', zone: 'B', name: 'F' }];
    return mustBuild(s);
  };

  it('raising the response level orders what the higher plan adds; ordering and sending units does what it says', () => {
    const sim = createSimulation(world(), 1);
    sim.advanceTo(900);
    ok(sim.inject({ kind: 'regrade', incident: 'F', grade: 'III' }));
    ok(sim.inject({ kind: 'order', incident: 'F', agency: 'POLICE', unitType: 'patrol', count: 2 }));
    ok(sim.inject({ kind: 'send', incident: 'F', unit: 'R' }));
    const { records } = sim.finish();
    const sent = records.dispatches.map((d) => d.unitId);
    expect(sent.filter((u) => u.startsWith('E')).length).toBe(2);
    expect(sent).toContain('V');
    expect(sent.filter((u) => u.startsWith('P')).length).toBe(2);
    expect(sent).toContain('R');
  });

  it('a decision opens a command post the plan does not call for; an override brings a unit on the road there now', () => {
    const sim = createSimulation(world(), 1);
    sim.advanceTo(660);
    ok(sim.inject({ kind: 'commandpost', incident: 'F' }));
    let snap = sim.snapshot();
    sim.advanceTo(720);
    snap = sim.snapshot();
    const unit = snap.units.find((u) => u.status === 'enroute')!;
    expect(unit).toBeDefined();
    ok(sim.inject({ kind: 'arrive', unit: unit.id }));
    expect(sim.snapshot().units.find((u) => u.id === unit.id)!.status).toBe('onscene');
    const { records } = sim.finish();
    expect(records.incidents[0].tFirstArrival).toBe(720);
    expect(records.incidents[0].tCommandPost).toBe(720 + 600);
  });

  it('the snapshot gives the center’s belief beside the truth', () => {
    const s = linkageBase();
    s.center.statusReports = { delay: 600 };
    s.demand.scripted = [];
    const sim = createSimulation(mustBuild(s), 1);
    ok(sim.inject({ kind: 'unit.out', unit: 'E-1' }));
    const u = sim.snapshot().units.find((x) => x.id === 'E-1')!;
    expect(u.status).toBe('off');
    expect(u.believedFree).toBe(true);
    sim.advanceTo(601);
    expect(sim.snapshot().units.find((x) => x.id === 'E-1')!.believedFree).toBe(false);
  });
});
