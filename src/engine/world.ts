/** Mutable state of one run, shared by the engine's processes. Nothing here leaves the engine. */
import type { Agency, IncidentType, Scenario, Unit } from '../scenario/scenario.ts';
import type { Kernel } from './kernel.ts';
import type { LogEvent, EventKind } from './log.ts';
import type { Place, TravelModel } from '../geo/travel.ts';
import type { Streams } from '../random/streams.ts';
import type { CallRecord, DispatchRecord, IncidentRecord } from '../metrics/records.ts';

export type UnitStatus = 'available' | 'alerted' | 'enroute' | 'onscene' | 'transporting' | 'hospital' | 'returning' | 'off';

export interface Trip {
  from: Place;
  to: Place;
  t0: number;
  t1: number;
  /** Road route, worked out the first time the unit's position along it is needed. */
  route?: import('../geo/travel.ts').TripRoute;
}

export interface UnitState {
  def: Unit;
  index: number;
  agency: Agency;
  home: Place;
  status: UnitStatus;
  /** Roster says on duty now. */
  onDuty: boolean;
  /** Manually taken out of service (injected). */
  outOfService: boolean;
  /** Current trip, while moving. */
  trip: Trip | null;
  /** Where the unit stands when not moving. */
  at: Place;
  dispatch: DispatchState | null;
  /** The unit's own random streams: alert/turnout/handover draws, and travel noise. */
  rng: import('../random/streams.ts').Rng;
  travelRng: import('../random/streams.ts').Rng;
  /** Pending timer of the current step (cancelled on recall). */
  timer: { cancel(): void } | null;
  dispatches: number;
  /** Seconds committed to incidents (alert → free for a new dispatch). */
  busyS: number;
  busySince: number;
}

export interface DispatchState {
  rec: DispatchRecord;
  incident: IncidentState;
  unit: UnitState;
}

/** A plan line's unit still to be found: waits in its agency's queue when nothing is free. */
export interface UnitRequest {
  seq: number;
  incident: IncidentState;
  agency: Agency;
  unitType: string;
  tOrder: number;
  tQueued: number;
}

export interface IncidentState {
  rec: IncidentRecord;
  type: IncidentType;
  place: Place;
  gradeTrue: number;
  /** Grade the center currently works to (index 0 = IV … 3 = I). */
  grade: number;
  known: boolean;
  workS: number;
  needsTransport: boolean;
  open: boolean;
  dispatches: DispatchState[];
  requiredAgencies: Set<string>;
  arrivedAgencies: Set<string>;
  /** Callers of this incident not yet done (not arrived, waiting or talking). */
  pendingCalls: number;
  /** The record has been handed to the sink. */
  recorded: boolean;
  closeTimer: { cancel(): void } | null;
  /** Per-incident draws, taken at occurrence so dispatch changes do not shift them. */
  draw: { verifyS: number; planS: number; gradeInitial: number };
}

export interface CallState {
  rec: CallRecord;
  incident: IncidentState;
  /** Position in the waiting line has been given up (abandoned). */
  gone: boolean;
  patienceTimer: { cancel(): void } | null;
}

export interface Sinks {
  event?: (e: LogEvent) => void;
  incident?: (r: IncidentRecord) => void;
  call?: (r: CallRecord) => void;
  dispatch?: (r: DispatchRecord) => void;
}

export interface World {
  scenario: Scenario;
  kernel: Kernel;
  streams: Streams;
  travel: TravelModel;
  units: UnitState[];
  unitsById: Map<string, UnitState>;
  /** Units by agency id then unit type. */
  pools: Map<string, Map<string, UnitState[]>>;
  agenciesById: Map<string, Agency>;
  /** Each agency's stream for order delays. */
  agencyRng: Map<Agency, import('../random/streams.ts').Rng>;
  incidentTypesById: Map<string, IncidentType>;
  hospitals: (Place & { id: string; handover: import('../random/distributions.ts').Dist })[];
  /** Waiting unit requests by `agency|type`, kept ordered by grade (desc), then time, then seq. */
  waiting: Map<string, UnitRequest[]>;
  /** Call-taker positions: staffed now, and busy now. */
  takers: { staffed: number; busy: number };
  callQueue: CallState[];
  /** Calls not yet finished (waiting or in service). */
  liveCalls: Set<CallState>;
  callQueueHead: number;
  counters: { incident: number; call: number; dispatch: number; request: number; seq: number };
  /** Incidents whose record has not been handed on yet (open, or a caller still on the line). */
  open: Map<string, IncidentState>;
  sinks: Sinks;
  /** Someone listens to events: callers guard `emit` with it so no detail text is built in vain. */
  logging: boolean;
  /** Log an event. */
  emit(kind: EventKind, fields?: { incident?: string; unit?: string; agency?: string; detail?: string }): void;
  /** Counters for the summary that need no history. */
  stats: { requestsLost: number; requestsQueued: number; redispatchedReturning: number };
}
