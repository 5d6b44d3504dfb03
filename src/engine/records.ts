/**
 * Per-run records: one row per incident, call, dispatch and unit. Plain objects whose fields map
 * one-to-one onto the CSV columns (snake_case there, camelCase here). Times are seconds from the
 * scenario start; `null` where a step never happened.
 */

/** Where an incident came from: background demand, the scenario's script, a CAD history, or an injection. */
export type IncidentSource = 'background' | 'scripted' | 'history' | 'injected';

/** urban, suburban or rural (the zone's class). */
export type ZoneClassName = 'urban' | 'suburban' | 'rural';

export interface IncidentRecord {
  incidentId: string;
  type: string;
  zone: string;
  lon: number;
  lat: number;
  source: IncidentSource;
  /** 突发事件 grade (IV…I) of the true level; null: a routine call, not a 突发事件. */
  gradeTrue: string | null;
  /** Grade of the level the center first gave; null: routine, or never graded. */
  gradeInitial: string | null;
  /** Grade of the level the center worked to last; null: routine, or never graded. */
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
  /** 初报: first report to government (a 突发事件 of the command's report grade or above). */
  tReported: number | null;
  /** Government approved follow-up resources. */
  tApproved: number | null;
  /** Experts and agency commanders convened at the center. */
  tExperts: number | null;
  /** On-site command post running. */
  tCommandPost: number | null;
  /** Enough capability on scene: growth stopped and the work began. */
  tControlled: number | null;
  /** Times the grade rose because the incident grew. */
  escalations: number;
  /** Seconds units stood on scene waiting for another agency (precedence), summed. */
  coordinationWaitS: number;
  /** Tiers of the agencies notified, e.g. "1,2". */
  tiersInvolved: string;
  /** Size at control (or at the end) where the type has dynamics. */
  size: number | null;
  /** Orders that reached a unit no longer free (the center's picture lagged). */
  ordersRefused: number;
  /** Repeat calls about the incident, recognised and merged. */
  duplicateCalls: number;
  /** Supplies arrived on scene (null: none needed, or still short at the end). */
  tSupplied: number | null;
  /** Seconds the center worked to a level below the incident's true one (misjudged at first). */
  underGradedS: number;
  /** The class of the incident's zone. */
  zoneClass: ZoneClassName;
  /** Response level (出动等级/响应等级, IV…I) drawn at occurrence; plans are keyed by it. */
  levelTrue: string;
  /** Level the center first gave (null: never verified). */
  levelInitial: string | null;
  /** Level the center worked to last. */
  levelFinal: string | null;
  /** 续报: the written follow-up report. */
  tReportUpdate: number | null;
  /** 终报: the final report after the response ended. */
  tReportFinal: number | null;
  /** The command post was ordered: its set-up clock starts (the first arrival, or the plan ordering it later). */
  tCommandPostOrdered: number | null;
  /** The command post's decision meeting (会商决策) decided. */
  tDecision: number | null;
  /** The center first judged the incident a 突发事件 (at verification, or when its level rose to a graded one). */
  tGraded: number | null;
}

/** What a call was: the first about an incident, a repeat about a known one, or one that needs no unit. */
export type CallKind = 'emergency' | 'repeat' | 'consult' | 'transfer';

/** The line a call waits on: the emergency line, or a separate non-emergency one (e.g. 12345 seats). */
export type CallLine = 'emergency' | 'nonEmergency';

export interface CallRecord {
  callId: string;
  /** The incident the call is about; '' for a call that needs no unit. */
  incidentId: string;
  channel: string;
  tArrive: number;
  tAnswer: number | null;
  tEnd: number | null;
  abandoned: boolean;
  /** A repeat call about an incident the center already knew. */
  duplicate: boolean;
  kind: CallKind;
  line: CallLine;
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
  /** Tier of the unit's agency (1 linkage agencies, 2 departments, 3 social forces). */
  tier: number;
  /** Channel the order reached the agency command by. */
  channel: string;
  /** The unit could start work (after any precedence wait). */
  tEnter: number | null;
  /** 集结: the unit's team was assembled (its alert time where the agency needs no staging). */
  tStaged: number | null;
}

/** One agency's part in one incident: the per-agency linkage chain. */
export interface AgencyRecord {
  incidentId: string;
  agency: string;
  tier: number;
  /** The center's first order to the agency (for a neighbour sending mutual aid: when it was asked). */
  tOrdered: number | null;
  /** First order (or mutual-aid request) received by the agency command. */
  tNotified: number | null;
  channel: string;
  tFirstArrival: number | null;
  units: number;
  /** The agency or kind the plan has this agency's first line wait for on scene ('' for none). */
  waitsFor: string;
}

/** A depot's account of one item over the run: initial + restocked − drawn = final. */
export interface DepotRecord {
  depot: string;
  item: string;
  initial: number;
  restocked: number;
  drawn: number;
  final: number;
}

export interface UnitRecord {
  unitId: string;
  agency: string;
  station: string;
  type: string;
  dispatches: number;
  busyS: number;
  utilization: number;
  /** Status reports the center applied (0 where reports are instant). */
  reports: number;
  /** Reports lost on the way and got through only on the next round. */
  reportsLost: number;
  /** Mean and largest time from a status change to the center knowing it (s). */
  reportLatencyMeanS: number | null;
  reportLatencyMaxS: number | null;
}

/** Everything one run produced. */
export interface RunRecords {
  incidents: IncidentRecord[];
  calls: CallRecord[];
  dispatches: DispatchRecord[];
  units: UnitRecord[];
  agencies: AgencyRecord[];
  depots: DepotRecord[];
}
