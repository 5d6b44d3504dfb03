/**
 * Per-run records: one row per incident, call, dispatch and unit. Plain objects whose fields map
 * one-to-one onto the CSV columns (snake_case there, camelCase here). Times are seconds from the
 * scenario start; `null` where a step never happened.
 */

export interface IncidentRecord {
  incidentId: string;
  type: string;
  zone: string;
  lon: number;
  lat: number;
  source: 'background' | 'scripted' | 'history' | 'injected';
  gradeTrue: string;
  gradeInitial: string | null;
  gradeFinal: string | null;
  tOccur: number;
  tFirstCall: number | null;
  tAnswered: number | null;
  tVerified: number | null;
  tPlan: number | null;
  tFirstOrder: number | null;
  tFirstDispatch: number | null;
  tFirstArrival: number | null;
  tFullResponse: number | null;
  tClosed: number | null;
  callers: number;
  unitsRequired: number;
  unitsArrived: number;
  agenciesRequired: number;
  agenciesArrived: number;
  mutualAidUnits: number;
  /** Unit requests that found no unit and waited in a queue. */
  queuedRequests: number;
  /** Unit requests handed to outside backup (loss mode). */
  lostRequests: number;
}

export interface CallRecord {
  callId: string;
  incidentId: string;
  channel: string;
  tArrive: number;
  tAnswer: number | null;
  tEnd: number | null;
  abandoned: boolean;
  /** A repeat call about an incident the center already knew. */
  duplicate: boolean;
}

export interface DispatchRecord {
  dispatchId: string;
  incidentId: string;
  unitId: string;
  agency: string;
  unitType: string;
  mutualAid: boolean;
  tOrder: number;
  tAlert: number | null;
  tEnroute: number | null;
  tArrive: number | null;
  tClear: number | null;
  /** When the unit became free for a new dispatch (after clearing, or after hospital handover). */
  tAvailable: number | null;
  travelS: number | null;
}

export interface UnitRecord {
  unitId: string;
  agency: string;
  station: string;
  type: string;
  dispatches: number;
  busyS: number;
  utilization: number;
}

/** Everything one run produced. */
export interface RunRecords {
  incidents: IncidentRecord[];
  calls: CallRecord[];
  dispatches: DispatchRecord[];
  units: UnitRecord[];
}
