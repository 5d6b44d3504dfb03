/** Made-up records for the rubric's hand-computed tests: every field defaulted, the test sets what it measures. */
import type { AgencyRecord, CallRecord, DispatchRecord, IncidentRecord, RunRecords, UnitRecord } from '../../src/engine/records.ts';
import type { ScoreContext } from '../../src/metrics/score.ts';

export const ctx: ScoreContext = {
  durationS: 86400,
  agencies: {
    FIRE: { kind: 'fire', tier: 1 },
    EMS: { kind: 'ems', tier: 1 },
    POLICE: { kind: 'police', tier: 1 },
    TRAFFIC: { kind: 'traffic', tier: 1 },
    ENV: { kind: 'environment', tier: 2 },
    RC: { kind: 'redcross', tier: 3 },
  },
};

export const empty = (): RunRecords => ({ incidents: [], calls: [], dispatches: [], units: [], agencies: [], depots: [] });

export function incident(id: string, o: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    incidentId: id, type: 'fire', zone: 'Z', lon: 0, lat: 0, source: 'scripted', gradeTrue: null, gradeInitial: null, gradeFinal: null,
    tOccur: 0, tFirstCall: 10, tAnswered: 12, tVerified: 40, tPlan: 60, tFirstOrder: 60, tFirstDispatch: 70, tFirstArrival: 300, tFullResponse: 300,
    tClosed: 2000, callers: 1, unitsRequired: 1, unitsArrived: 1, agenciesRequired: 1, agenciesArrived: 1, mutualAidUnits: 0, queuedRequests: 0,
    lostRequests: 0, tReported: null, tApproved: null, tExperts: null, tCommandPost: null, tControlled: 300, escalations: 0, coordinationWaitS: 0,
    tiersInvolved: '1', size: null, ordersRefused: 0, duplicateCalls: 0, tSupplied: null, underGradedS: 0, zoneClass: 'urban',
    levelTrue: 'IV', levelInitial: 'IV', levelFinal: 'IV', tReportUpdate: null, tReportFinal: null, tCommandPostOrdered: null, tDecision: null, tGraded: null,
    ...o,
  };
}

/** A call answered `wait` seconds after it arrived at 100 s. */
export const call = (id: string, wait: number, o: Partial<CallRecord> = {}): CallRecord => ({
  callId: id, incidentId: 'i1', channel: '119', tArrive: 100, tAnswer: 100 + wait, tEnd: 200 + wait, abandoned: false, duplicate: false, kind: 'emergency', line: 'emergency', ...o,
});

/** A dispatch of `unit` to `incident`: order at 60, alert at `alert`, and the rest from turnout and travel. */
export function dispatch(id: string, incidentId: string, o: Partial<DispatchRecord> & { turnout?: number; travel?: number; alert?: number } = {}): DispatchRecord {
  const { turnout = 60, travel = 240, alert = 70, ...rest } = o;
  return {
    dispatchId: id, incidentId, unitId: `U-${id}`, agency: 'FIRE', unitType: 'engine', mutualAid: false, tOrder: 60, tAlert: alert, tEnroute: alert + turnout,
    tArrive: alert + turnout + travel, tClear: 5000, tAvailable: 5100, travelS: travel, tier: 1, channel: 'platform', tEnter: alert + turnout + travel, tStaged: alert,
    ...rest,
  };
}

export const agency = (incidentId: string, name: string, o: Partial<AgencyRecord> = {}): AgencyRecord => ({
  incidentId, agency: name, tier: ctx.agencies[name]?.tier ?? 1, tOrdered: 60, tNotified: 70, channel: 'platform', tFirstArrival: 300, units: 1, waitsFor: '', ...o,
});

export const unit = (id: string, o: Partial<UnitRecord> = {}): UnitRecord => ({
  unitId: id, agency: 'FIRE', station: 'S', type: 'engine', dispatches: 1, busyS: 100, utilization: 0.01, reports: 1, reportsLost: 0, reportLatencyMeanS: null, reportLatencyMaxS: null, ...o,
});

/** Records with only the given lists filled. */
export const records = (o: Partial<RunRecords>): RunRecords => ({ ...empty(), ...o });
