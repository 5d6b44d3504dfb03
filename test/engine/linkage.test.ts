/**
 * Each linkage mechanism switched on and off on the same seed: the direction and size of its effect.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine/simulate.ts';
import { mustBuild } from '../validation/helpers.ts';
import { linkageBase, only, run } from './linkage-helpers.ts';


describe('information flow: platform vs phone', () => {
  it('phone relay instead of the platform raises notification latency by the configured difference', () => {
    const a = linkageBase();
    const b = linkageBase();
    b.agencies[0].channel = 'phone';
    const ra = only(run(a).records.agencies.filter((x) => x.agency === 'FIRE'));
    const rb = only(run(b).records.agencies.filter((x) => x.agency === 'FIRE'));
    expect(ra.channel).toBe('platform');
    expect(rb.channel).toBe('phone');
    expect(rb.tNotified! - ra.tNotified!).toBeCloseTo(120 - 10, 9);
    const inc = only(run(b).records.incidents);
    expect(rb.tNotified! - inc.tPlan!).toBeCloseTo(120, 9);
  });

  it('duplicate calls about one incident are recognised, merged and counted', () => {
    const s = linkageBase();
    s.incidentTypes[0].callers = { count: 4, delay: { dist: 'uniform', min: 0, max: 60 } };
    const { records } = run(s);
    const inc = only(records.incidents);
    expect(inc.callers).toBe(4);
    expect(inc.duplicateCalls).toBe(3);
    expect(records.calls.filter((c) => c.duplicate).length).toBe(3);
  });
});

describe('communication failures', () => {
  it('a failed platform shifts orders to the phone fallback for the window only', () => {
    const s = linkageBase();
    s.demand.scripted = [
      { at: '1h', type: 'fire', zone: 'A' },
      { at: '3h', type: 'fire', zone: 'A' },
      { at: '6h', type: 'fire', zone: 'A' },
    ];
    s.comms = { outages: [{ channel: 'platform', from: '2h30m', to: '4h' }] };
    const { records, log } = run(s);
    expect(records.agencies.map((a) => a.channel)).toEqual(['platform', 'phone', 'platform']);
    expect(records.dispatches.map((d) => d.channel)).toEqual(['platform', 'phone', 'platform']);
    expect(log.filter((e) => e.kind === 'comms.down' || e.kind === 'comms.up').map((e) => [e.kind, e.t])).toEqual([
      ['comms.down', 9000],
      ['comms.up', 14400],
    ]);
  });

  it('with every channel down an order waits for the first to come back', () => {
    const s = linkageBase();
    s.comms = { fallback: ['platform'], outages: [{ channel: 'platform', from: '50m', to: '2h' }] };
    const fire = only(run(s).records.agencies);
    expect(fire.tNotified).toBeCloseTo(7200 + 10, 9);
  });

  it('a call surge beyond the call-takers builds a queue and abandonments', () => {
    const calm = linkageBase();
    const surge = linkageBase();
    for (const s of [calm, surge]) s.center = { ...s.center, callTakers: 2, handlingTime: 120, patience: { dist: 'exponential', mean: 60 } };
    surge.incidentTypes[0].callers = { count: 30, delay: { dist: 'uniform', min: 0, max: 120 } };
    const a = run(calm).records.calls;
    const b = run(surge).records.calls;
    expect(a.filter((c) => c.abandoned).length).toBe(0);
    expect(b.filter((c) => c.abandoned).length).toBeGreaterThan(5);
    const maxWait = (cs: typeof b) => Math.max(...cs.filter((c) => c.tAnswer !== null).map((c) => c.tAnswer! - c.tArrive));
    expect(maxWait(b)).toBeGreaterThan(maxWait(a) + 60);
  });
});

describe('command and reporting', () => {
  it('grade II: reported to government, follow-up waits for approval, command post opens after set-up', () => {
    const s = linkageBase();
    s.demand.scripted = [{ at: '1h', type: 'fire', zone: 'A', grade: 'II' }];
    const { records } = run(s);
    const inc = only(records.incidents);
    expect(inc.tReported! - inc.tPlan!).toBeCloseTo(300, 9);
    expect(inc.tApproved! - inc.tReported!).toBeCloseTo(900, 9);
    expect(inc.tExperts).toBeNull();
    // First response (先期处置) goes at once; the Red Cross team only after approval.
    const rc = only(records.dispatches.filter((d) => d.agency === 'RC'));
    expect(rc.tOrder).toBeCloseTo(inc.tApproved!, 9);
    const fire = records.dispatches.filter((d) => d.agency === 'FIRE');
    expect(fire.length).toBeGreaterThan(0);
    expect(fire.every((d) => d.tOrder === inc.tPlan)).toBe(true);
    expect(inc.tCommandPost! - inc.tFirstArrival!).toBeCloseTo(600, 9);
    expect(inc.tiersInvolved).toBe('1,2,3');
  });

  it('grade I: experts convene, and their arrival grants follow-up at once if approval is slower', () => {
    const s = linkageBase();
    s.demand.scripted = [{ at: '1h', type: 'fire', zone: 'A', grade: 'I' }];
    s.command = { ...s.command, approvalDelay: 7200, expertsDelay: 1200 };
    const inc = only(run(s).records.incidents);
    expect(inc.tExperts! - inc.tPlan!).toBeCloseTo(1200, 9);
    expect(inc.tApproved).toBeCloseTo(inc.tExperts!, 9);
  });

  it('a routine call (its type grades no level) is never reported upward', () => {
    const s = linkageBase();
    s.incidentTypes[0].grading = 'none';
    const inc = only(run(s).records.incidents);
    expect(inc.gradeFinal).toBeNull();
    expect(inc.tReported).toBeNull();
    expect(inc.tCommandPost).toBeNull();
  });
});

describe('precedence between agencies', () => {
  const withPrecedence = (after: boolean) => {
    const s = linkageBase();
    // EMS sits next to the scene; police come from 0.1° away (~963 s).
    s.plans[0].response = [
      { agency: 'police', unitType: 'patrol' },
      { agency: 'ems', unitType: 'ambulance', ...(after ? { after: 'police', handoff: 120 } : {}) },
    ];
    s.stations[0].lon = 120.1;
    s.stations[1].lon = 120.0;
    return s;
  };

  it('EMS enters only after police secure the scene: the wait is police arrival + hand-off − EMS arrival', () => {
    const { records } = run(withPrecedence(true));
    const inc = only(records.incidents);
    const police = only(records.dispatches.filter((d) => d.agency === 'POLICE'));
    const ems = only(records.dispatches.filter((d) => d.agency === 'EMS'));
    expect(ems.tArrive!).toBeLessThan(police.tArrive!);
    expect(ems.tEnter! - ems.tArrive!).toBeCloseTo(police.tArrive! + 120 - ems.tArrive!, 6);
    expect(inc.coordinationWaitS).toBeCloseTo(ems.tEnter! - ems.tArrive!, 6);
    // Work (and control) starts only when someone may work: the police unit, on arrival.
    expect(inc.tControlled).toBeCloseTo(police.tArrive!, 6);
  });

  it('without the rule nobody waits', () => {
    const inc = only(run(withPrecedence(false)).records.incidents);
    expect(inc.coordinationWaitS).toBe(0);
  });

  it('a running command post halves the hand-off', () => {
    const s = withPrecedence(true);
    s.plans[0].commandPost = true;
    s.command.commandPostSetup = 0;
    const { records } = run(s);
    const police = only(records.dispatches.filter((d) => d.agency === 'POLICE'));
    const ems = only(records.dispatches.filter((d) => d.agency === 'EMS'));
    expect(ems.tEnter! - police.tArrive!).toBeCloseTo(60, 6);
  });
});

describe('incident dynamics and escalation', () => {
  const growing = (stationLon: number) => {
    const s = linkageBase();
    s.incidentTypes[0].dynamics = { initialSize: 1, growthPerHour: 1.5, sizePerUnit: 2, thresholds: { III: 2, II: 4, I: 8 }, workPerSize: 600, maxSize: 6 };
    s.stations[0].lon = stationLon;
    s.units[0].count = 10;
    return s;
  };

  it('a slow first response lets the incident grow past thresholds; the grade rises and the plan adds units', () => {
    const near = only(run(growing(120.0)).records.incidents);
    const far = only(run(growing(120.3)).records.incidents);
    expect(near.escalations).toBe(0);
    expect(near.gradeFinal).toBe('IV');
    expect(far.escalations).toBeGreaterThan(0);
    expect(['III', 'II', 'I']).toContain(far.gradeFinal);
    expect(far.unitsRequired).toBeGreaterThan(near.unitsRequired);
    expect(far.size!).toBeGreaterThan(near.size!);
    // Work grows with size: closed later after control.
    expect(far.tClosed! - far.tControlled!).toBeGreaterThan(near.tClosed! - near.tControlled!);
  });

  it('without growth the same incident never escalates', () => {
    const s = growing(120.3);
    s.incidentTypes[0].dynamics.growthPerHour = 0;
    const inc = only(run(s).records.incidents);
    expect(inc.escalations).toBe(0);
    expect(inc.size).toBe(1);
  });

  it('control comes when the units working on scene can hold the size', () => {
    const { records } = run(growing(120.3));
    const inc = only(records.incidents);
    const arrivals = records.dispatches.map((d) => d.tArrive).filter((t): t is number => t !== null).sort((a, b) => a - b);
    const need = Math.ceil(inc.size! / 2 - 1e-9);
    expect(arrivals.length).toBeGreaterThanOrEqual(need);
    expect(inc.tControlled).toBeCloseTo(arrivals[need - 1], 6);
  });
});

describe('tiers', () => {
  it('tier-2 and tier-3 agencies join from the grades their plan lines start at, each with a notification', () => {
    const s = linkageBase();
    s.demand.scripted = [
      { at: '1h', type: 'fire', zone: 'A', grade: 'IV' },
      { at: '2h', type: 'fire', zone: 'A', grade: 'III' },
      { at: '3h', type: 'fire', zone: 'A', grade: 'II' },
    ];
    const { records } = run(s);
    expect(records.incidents.map((i) => i.tiersInvolved)).toEqual(['1', '1,2', '1,2,3']);
    for (const a of records.agencies) expect(a.tNotified).not.toBeNull();
    // Slower mobilisation: phone relay of 300 s (tier 2) and 600 s (tier 3) against the platform's 10 s.
    const inc3 = records.incidents[2];
    const lat = (agency: string) => records.agencies.find((a) => a.incidentId === inc3.incidentId && a.agency === agency)!.tNotified! - inc3.tPlan!;
    expect(lat('FIRE')).toBeCloseTo(10, 9);
    expect(lat('ENV')).toBeCloseTo(300, 9);
  });
});

describe('mutual aid and backfill', () => {
  const far = () => {
    const s = linkageBase();
    s.agencies.push({ id: 'FIRE2', kind: 'fire2', channel: 'platform', alertDelay: 0 });
    s.stations.push({ id: 'SC', lon: 120.11, lat: 30 });
    s.units[0] = { id: 'E', agency: 'FIRE', type: 'engine', station: 'SA', count: 1, turnout: 0 };
    s.units.push({ id: 'N', agency: 'FIRE2', type: 'engine', station: 'SC', count: 2, turnout: 0 });
    s.demand.scripted = [{ at: '1h', type: 'fire', zone: 'B' }];
    return s;
  };

  it('no own unit within the rule’s time: a neighbour’s unit comes after request and approval', () => {
    const s = far();
    s.agencies[0].mutualAid = { from: ['FIRE2'], within: '5m', requestDelay: 120, approvalDelay: 60 };
    const { records } = run(s);
    const d = only(records.dispatches);
    expect(d.agency).toBe('FIRE2');
    expect(d.mutualAid).toBe(true);
    const fireRec = records.agencies.find((a) => a.agency === 'FIRE')!;
    expect(d.tAlert! - fireRec.tNotified!).toBeCloseTo(180, 9);
    expect(only(records.incidents).mutualAidUnits).toBe(1);
  });

  it('without the rule the own, distant unit goes', () => {
    const d = only(run(far()).records.dispatches);
    expect(d.agency).toBe('FIRE');
    expect(d.mutualAid).toBe(false);
  });

  it('backfill: with every own engine out, a neighbour engine moves up to cover, and goes home after', () => {
    const s = far();
    s.demand.scripted = [{ at: '1h', type: 'fire', zone: 'A' }];
    s.agencies[0].mutualAid = { from: ['FIRE2'], within: '1h', backfill: true };
    const { log } = run(s);
    const kinds = log.filter((e) => e.kind.startsWith('unit.moveup') || e.kind === 'unit.cover' || e.kind === 'unit.release').map((e) => [e.kind, e.unit]);
    expect(kinds).toEqual([
      ['unit.moveup', 'N-1'],
      ['unit.cover', 'N-1'],
      ['unit.release', 'N-1'],
    ]);
    s.agencies[0].mutualAid.backfill = false;
    expect(run(s).log.some((e) => e.kind === 'unit.moveup')).toBe(false);
  });
});

describe('status reports: the center dispatches from a picture that lags', () => {
  const scenario = (reports: boolean) => {
    const s = linkageBase();
    s.units[0].count = 2;
    s.demand.scripted = [];
    if (reports) s.center.statusReports = { delay: 600, lossProbability: 0, refusalDelay: 45 };
    return mustBuild(s);
  };
  const drive = (reports: boolean) => {
    const sim = createSimulation(scenario(reports), 1);
    sim.advanceTo(3000);
    // E-1 is taken out of service; its report takes ten minutes to reach the center.
    sim.inject({ kind: 'unit.out', unit: 'E-1' });
    sim.advanceTo(3300);
    sim.inject({ kind: 'incident', type: 'fire', zone: 'A' });
    return sim.finish();
  };

  it('a unit believed free but no longer free refuses, and the order goes to another', () => {
    const { records, log } = drive(true);
    const inc = only(records.incidents);
    expect(inc.ordersRefused).toBe(1);
    expect(only(records.dispatches).unitId).toBe('E-2');
    const refused = log.find((e) => e.kind === 'order.refused')!;
    expect(refused.unit).toBe('E-1');
    // The re-sent order goes out after the refusal delay.
    expect(only(records.dispatches).tAlert! - refused.t).toBeCloseTo(45, 9);
  });

  it('a center that sees every unit at once never sends an order to a busy unit', () => {
    const { records } = drive(false);
    expect(only(records.incidents).ordersRefused).toBe(0);
    expect(only(records.dispatches).unitId).toBe('E-2');
  });
});

describe('stockpiles', () => {
  const supplied = (stock: number) => {
    const s = linkageBase();
    s.incidentTypes[0].supplies = [{ item: 'foam', amount: 50 }];
    s.incidentTypes[0].shortageFactor = 3;
    s.depots = [{ id: 'D', lon: 120.1, lat: 30, stock: { foam: stock } }];
    return s;
  };

  it('supplies come from the depot by road; a depot without enough leaves the work slower', () => {
    const ok = run(supplied(100)).records;
    const short = run(supplied(10)).records;
    const a = only(ok.incidents);
    const b = only(short.incidents);
    expect(a.tSupplied! - a.tControlled!).toBeGreaterThan(900); // ~963 s from 0.1° away
    expect(b.tSupplied).toBeNull();
    // Work 1800 s: slowed ×3 until the foam came vs. for the whole of it.
    expect(b.tClosed! - b.tControlled!).toBeCloseTo(1800 * 3, 6);
    const slow = (a.tSupplied! - a.tControlled!) / 3;
    expect(a.tClosed! - a.tControlled!).toBeCloseTo(a.tSupplied! - a.tControlled! + (1800 - slow), 6);
    expect(ok.depots).toEqual([{ depot: 'D', item: 'foam', initial: 100, restocked: 0, drawn: 50, final: 50 }]);
  });

  it('a depot that restocks sends the supplies once restocked', () => {
    const s = supplied(10);
    s.depots[0].restock = { delay: 1800, amount: { foam: 200 } };
    const { records } = run(s);
    const inc = only(records.incidents);
    expect(inc.tSupplied! - inc.tControlled!).toBeGreaterThan(1800);
    const d = only(records.depots);
    expect(d.initial + d.restocked - d.drawn).toBeCloseTo(d.final, 9);
  });
});

describe('duty', () => {
  it('a unit in a maintenance window is not sent; the next one is', () => {
    const s = linkageBase();
    s.units[0] = { id: 'E', agency: 'FIRE', type: 'engine', station: 'SA', count: 2, turnout: 0, maintenance: [{ from: '30m', to: '2h' }] };
    s.units.splice(1, 0, { id: 'X', agency: 'FIRE', type: 'engine', station: 'SB', turnout: 0 });
    const { records, log } = run(s);
    expect(only(records.dispatches).unitId).toBe('X');
    expect(log.filter((e) => e.kind === 'unit.offduty' && e.data.reason === 'maintenance').length).toBe(2);
  });

  it('reduced night crews: a rostered unit is off at night and back in the morning', () => {
    const s = linkageBase();
    s.start = '2026-06-01T18:00:00+08:00';
    s.units[0] = { id: 'E', agency: 'FIRE', type: 'engine', station: 'SA', turnout: 0, roster: '08:00-20:00' };
    s.units.push({ id: 'Q', agency: 'FIRE', type: 'engine', station: 'SB', turnout: 0 });
    s.duration = '16h';
    s.demand.scripted = [{ at: '1h', type: 'fire', zone: 'A' }, { at: '3h', type: 'fire', zone: 'A' }, { at: '15h', type: 'fire', zone: 'A' }];
    const { records, log } = run(s);
    // 19:00 by the day crew, 21:00 by the other engine (E is off), 09:00 by the day crew again.
    expect(records.dispatches.map((d) => d.unitId)).toEqual(['E', 'Q', 'E']);
    const duty = log.filter((e) => e.unit === 'E' && (e.kind === 'unit.offduty' || e.kind === 'unit.onduty')).map((e) => [e.kind, e.t]);
    expect(duty).toEqual([['unit.offduty', expect.any(Number)], ['unit.onduty', 14 * 3600]]);
    expect(duty[0][1]).toBeGreaterThanOrEqual(2 * 3600); // off at 20:00, or once back from the 19:00 call
  });
});
