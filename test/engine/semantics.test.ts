/**
 * The model's semantics of grades, calls and command, each switched on and off on the same seed:
 * levels vs 突发事件 grades, calls that need no unit, dispatch during the call, reports in stages,
 * staging of tier-2/3 forces, the command post's decision meeting, zone classes.
 */
import { describe, expect, it } from 'vitest';
import { mustBuild } from '../validation/helpers.ts';
import { linkageBase, only, run } from './linkage-helpers.ts';


describe('levels and 突发事件 grades', () => {
  it('a grading map makes only the levels it names 突发事件, of the grade it names', () => {
    const s = linkageBase();
    s.incidentTypes[0].grading = { II: 'IV', I: 'III' };
    s.demand.scripted = [
      { at: '1h', type: 'fire', zone: 'A', grade: 'III' },
      { at: '2h', type: 'fire', zone: 'A', grade: 'II' },
    ];
    const [routine, graded] = run(s).records.incidents;
    expect([routine.levelFinal, routine.gradeFinal, routine.gradeTrue]).toEqual(['III', null, null]);
    expect(routine.tGraded).toBeNull();
    expect([graded.levelFinal, graded.gradeFinal, graded.gradeTrue]).toEqual(['II', 'IV', 'IV']);
    expect(graded.tGraded).toBe(graded.tVerified);
  });

  it('approval waits only from the approval grade up: a 一般 event’s follow-up goes at once, a 重大 one’s waits', () => {
    const s = linkageBase();
    s.incidentTypes[0].grading = { II: 'IV', I: 'II' };
    s.plans[2].grade = ['II', 'I'];
    s.demand.scripted = [
      { at: '1h', type: 'fire', zone: 'A', grade: 'II' },
      { at: '5h', type: 'fire', zone: 'A', grade: 'I' },
    ];
    const { records } = run(s);
    const [yiban, zhongda] = records.incidents;
    const rc = (i: typeof yiban) => only(records.dispatches.filter((d) => d.agency === 'RC' && d.incidentId === i.incidentId));
    expect(yiban.tReported).not.toBeNull();
    expect(yiban.tApproved).toBeNull();
    expect(rc(yiban).tOrder).toBe(yiban.tPlan);
    expect(rc(zhongda).tOrder).toBeCloseTo(zhongda.tApproved!, 9);
    expect(zhongda.tApproved! - zhongda.tReported!).toBeCloseTo(900, 9);
  });

  it('a routine call that grows to a graded level becomes a 突发事件 then, and is reported from then', () => {
    const s = linkageBase();
    s.incidentTypes[0].grading = { III: 'IV', II: 'III', I: 'II' };
    s.incidentTypes[0].dynamics = { initialSize: 1, growthPerHour: 1.5, sizePerUnit: 2, thresholds: { III: 2, II: 4, I: 8 }, workPerSize: 600, maxSize: 6 };
    s.stations[0].lon = 120.3;
    s.units[0].count = 10;
    const inc = only(run(s).records.incidents);
    expect(inc.levelInitial).toBe('IV');
    expect(inc.gradeInitial).toBeNull();
    expect(inc.gradeFinal).not.toBeNull();
    expect(inc.tGraded!).toBeGreaterThan(inc.tVerified!);
    expect(inc.tReported! - inc.tGraded!).toBeCloseTo(300, 9);
  });
});

describe('reports in stages', () => {
  it('初报 after the report delay, 续报 after the update delay, 终报 after the response ends', () => {
    const s = linkageBase();
    s.command = { ...s.command, updateDelay: 1200, finalDelay: 1800 };
    s.demand.scripted = [{ at: '1h', type: 'fire', zone: 'A', grade: 'II' }];
    const { records, log } = run(s);
    const inc = only(records.incidents);
    expect(inc.tReported! - inc.tPlan!).toBeCloseTo(300, 9);
    expect(inc.tReportUpdate! - inc.tReported!).toBeCloseTo(1200, 9);
    expect(inc.tReportFinal! - inc.tClosed!).toBeCloseTo(1800, 9);
    expect(log.filter((e) => e.kind === 'incident.report').map((e) => (e.kind === 'incident.report' ? e.data.stage : ''))).toEqual(['first', 'update', 'final']);
  });
});

describe('calls that need no unit', () => {
  const withCalls = (line: 'emergency' | 'nonEmergency', takers?: number) => {
    const s = linkageBase();
    s.center = { ...s.center, callTakers: 1, ...(takers !== undefined ? { nonEmergencyTakers: takers } : {}) };
    s.demand.nonEmergency = [{ id: 'consult', ratePerDay: 480, handlingTime: 30, channels: { '12345': 1 }, line }];
    return s;
  };

  it('load the call-takers, make no incident, and are never verified, graded or dispatched', () => {
    const { records, log } = run(withCalls('emergency'));
    const consults = records.calls.filter((c) => c.kind === 'consult');
    expect(consults.length).toBeGreaterThan(100);
    expect(consults.every((c) => c.incidentId === '' && c.line === 'emergency')).toBe(true);
    for (const c of consults.filter((x) => x.tAnswer !== null)) expect(c.tEnd! - c.tAnswer!).toBeCloseTo(30, 9);
    expect(only(records.incidents).callers).toBe(1);
    expect(log.filter((e) => e.kind === 'incident.verify').length).toBe(1);
  });

  it('on the emergency line they make the fire’s caller wait; on a line of their own they do not', () => {
    const shared = run(withCalls('emergency'));
    const own = run(withCalls('nonEmergency', 1));
    const fireCall = (r: typeof shared) => only(r.records.calls.filter((c) => c.kind === 'emergency'));
    const ownCall = fireCall(own);
    expect(ownCall.tAnswer! - ownCall.tArrive).toBe(0);
    expect(own.records.calls.filter((c) => c.kind === 'consult').every((c) => c.line === 'nonEmergency')).toBe(true);
    // Over the day some consultations find the one shared position busy; none can on a line of their own.
    const waits = (r: typeof shared) => r.records.calls.filter((c) => c.kind === 'consult' && c.line === 'emergency' && c.tAnswer !== null && c.tAnswer > c.tArrive).length;
    expect(waits(shared)).toBeGreaterThan(0);
    expect(waits(own)).toBe(0);
  });

  it('a transferred call takes the transfer time, then continues on the non-emergency line', () => {
    const s = withCalls('emergency', 1);
    s.demand.nonEmergency[0].transfer = { probability: 1, time: 15 };
    const { records, log } = run(s);
    const transfers = records.calls.filter((c) => c.kind === 'transfer' && c.tAnswer !== null);
    expect(transfers.length).toBeGreaterThan(50);
    for (const c of transfers) expect(c.tEnd! - c.tAnswer!).toBeCloseTo(15, 9);
    expect(log.filter((e) => e.kind === 'call.transfer').length).toBe(transfers.length);
    expect(records.calls.filter((c) => c.kind === 'consult' && c.line === 'nonEmergency').length).toBe(transfers.length);
  });
});

describe('dispatch during the call (边接边派)', () => {
  it('the order goes `after` seconds into the call; the serial chain waits for the call, verification and plan', () => {
    const serial = run(linkageBase());
    const s = linkageBase();
    s.center = { ...s.center, dispatchDuringCall: { after: 20 } };
    const during = run(s);
    const a = only(serial.records.incidents);
    const b = only(during.records.incidents);
    expect(a.tFirstOrder! - a.tAnswered!).toBeCloseTo(60 + 30 + 10, 9);
    expect(b.tFirstOrder! - b.tAnswered!).toBeCloseTo(20, 9);
    // The call-taker still spends the whole handling time on the line.
    const call = only(during.records.calls);
    expect(call.tEnd! - call.tAnswer!).toBeCloseTo(60, 9);
  });

  it('a call shorter than `after` dispatches when it ends', () => {
    const s = linkageBase();
    s.center = { ...s.center, handlingTime: 15, dispatchDuringCall: { after: 40 } };
    const inc = only(run(s).records.incidents);
    expect(inc.tFirstOrder! - inc.tAnswered!).toBeCloseTo(15, 9);
  });
});

describe('staging and the decision meeting', () => {
  it('a tier-3 team assembles (集结) before it turns out; the staging shows in t_staged', () => {
    const s = linkageBase();
    s.agencies[4].staging = 1500;
    s.incidentTypes[0].workTime = '4h';
    s.demand.scripted = [{ at: '1h', type: 'fire', zone: 'A', grade: 'II' }];
    s.command.approvalDelay = 0;
    const { records } = run(s);
    const rc = only(records.dispatches.filter((d) => d.agency === 'RC'));
    expect(rc.tStaged! - rc.tAlert!).toBeCloseTo(1500, 9);
    expect(rc.tEnroute).toBeCloseTo(rc.tStaged!, 9);
    for (const d of records.dispatches.filter((x) => x.agency === 'FIRE')) expect(d.tStaged).toBe(d.tAlert);
  });

  it('lines marked afterDecision go only when the command post’s meeting has decided', () => {
    const s = linkageBase();
    s.plans[2].response[1].afterDecision = true;
    s.incidentTypes[0].workTime = '4h';
    s.command = { ...s.command, commandPostSetup: 600, decisionMeeting: 900 };
    s.demand.scripted = [{ at: '1h', type: 'fire', zone: 'A', grade: 'II' }];
    const { records } = run(s);
    const inc = only(records.incidents);
    expect(inc.tCommandPost! - inc.tCommandPostOrdered!).toBeCloseTo(600, 9);
    expect(inc.tDecision! - inc.tCommandPost!).toBeCloseTo(900, 9);
    expect(only(records.dispatches.filter((d) => d.agency === 'ENV')).tOrder).toBeCloseTo(inc.tDecision!, 9);
  });

  it('a plan line that waits for a decision without a command post in its plan is refused by path', () => {
    const s = linkageBase();
    s.plans[0].response[0].afterDecision = true;
    expect(() => mustBuild(s)).toThrow(/plans\[0\]\.response\[0\]\.afterDecision: waits for the command post’s decision/);
  });
});

describe('zone classes', () => {
  it('each incident carries its zone’s class (urban when the zone says nothing)', () => {
    const s = linkageBase();
    s.zones[1].class = 'rural';
    s.demand.scripted = [
      { at: '1h', type: 'fire', zone: 'A' },
      { at: '2h', type: 'fire', zone: 'B' },
    ];
    expect(run(s).records.incidents.map((i) => i.zoneClass)).toEqual(['urban', 'rural']);
  });
});
