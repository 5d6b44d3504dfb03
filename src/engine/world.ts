/** Mutable state of one run, shared by the engine's processes. Nothing here leaves the engine. */
import type { Agency, Background, Channel, IncidentType, NonEmergencyStream, ResponseLine, Scenario, Unit, ZoneClass } from '../scenario/scenario.ts';
import type { Kernel, Timer } from './kernel.ts';
import type { CallTakers } from './resources/call-takers.ts';
import type { RequestQueue } from './resources/request-queue.ts';
import type { TurnoverMap, TurnoverSet } from './turnover.ts';
import type { EventData, EventIds, EventKind } from './log.ts';
import type { Place, TravelModel, TripRoute } from '../geo/travel.ts';
import type { Rng, Streams } from '../random/streams.ts';
import type { Dist } from '../random/distributions.ts';
import type { AgencyRecord, CallRecord, DispatchRecord, IncidentRecord } from './records.ts';

export type UnitStatus = 'available' | 'alerted' | 'enroute' | 'onscene' | 'transporting' | 'hospital' | 'returning' | 'moving' | 'tasked' | 'off';

export interface Trip {
  from: Place;
  to: Place;
  t0: number;
  t1: number;
  /** Road route, worked out the first time the unit's position along it is needed. */
  route?: TripRoute;
}

export interface UnitState {
  def: Unit;
  index: number;
  agency: Agency;
  home: Place;
  /** Station it stands at or returns to now: home, or the station it covers (move-up). */
  base: Place;
  /** The agency whose area it covers after a move-up, or null. */
  covering: Agency | null;
  status: UnitStatus;
  /** Roster says on duty now. */
  onDuty: boolean;
  /** Taken out of service (injected). */
  outOfService: boolean;
  /** In a maintenance window. */
  inMaintenance: boolean;
  /** Current trip, while moving. */
  trip: Trip | null;
  /** Where the unit stands when not moving. */
  at: Place;
  dispatch: DispatchState | null;
  /** The unit's own random streams: alert/turnout/handover draws, and travel noise. */
  rng: Rng;
  travelRng: Rng;
  /** Stream of the unit's status reports (delays, losses). */
  reportRng: Rng;
  /** Pending timer of the current step (cancelled on recall). */
  timer: Timer | null;
  dispatches: number;
  /** Seconds committed to incidents (alert → free for a new dispatch). */
  busyS: number;
  busySince: number;
  /** The center's picture of the unit (status reports lag the truth). */
  believedFree: boolean;
  believedAt: Place;
  /** Sequence of the last status report sent and of the last one the center applied. */
  reportSent: number;
  reportSeen: number;
  /** Reports applied, lost-and-resent, and the sum and largest of their latencies (s). */
  reportStats: { applied: number; lost: number; latencySumS: number; latencyMaxS: number };
}

export interface DispatchState {
  rec: DispatchRecord;
  /** Its number, from 1 (the one in its id). */
  n: number;
  incident: IncidentState;
  unit: UnitState;
  line: ResponseLine;
}

/** A plan line's unit still to be found: waits in its agency's queue when nothing is free. */
export interface UnitRequest {
  seq: number;
  incident: IncidentState;
  agency: Agency;
  line: ResponseLine;
  channel: string;
  tOrder: number;
  tQueued: number;
}

export interface IncidentState {
  rec: IncidentRecord;
  /** Its number, from 1 (the one in its id). */
  n: number;
  type: IncidentType;
  /** The name a script or an exercise gives it (null for background and history incidents). */
  name: string | null;
  /** Its own random streams' key when its draws are pinned (an exercise's focus), else null. */
  pin: string | null;
  /** The scene, snapped to the roads on first use (see `scenePlace`). */
  place: Place | null;
  gradeTrue: number;
  /** Grade the center currently works to (index 0 = IV … 3 = I). */
  grade: number;
  known: boolean;
  workS: number;
  needsTransport: boolean;
  open: boolean;
  dispatches: DispatchState[];
  /** Each agency's part, by agency id, in the order first ordered or alerted; null until then (most calls settle by phone). */
  agencies: Map<string, AgencyRecord> | null;
  /** Callers of this incident not yet done (not arrived, waiting or talking). */
  pendingCalls: number;
  /** The record has been handed to the sink. */
  recorded: boolean;
  closeTimer: Timer | null;
  /** Per-incident draws, taken at occurrence so dispatch changes do not shift them. */
  draw: { verifyS: number; planS: number; gradeInitial: number; size0: number };
  /** Units that may work (arrived and past any precedence wait). */
  entered: number;
  /** First arrival time by agency id and by kind, for precedence; null until the first arrival. */
  arrivedBy: Map<string, number> | null;
  /** Its requests waiting in agency queues (re-keyed when it is re-graded). */
  queued: UnitRequest[];
  /** Units on scene waiting for another agency. */
  waitingUnits: DispatchState[];
  /** Work began at (null: not yet). */
  tWorkStart: number | null;
  /** Dynamics: highest grade index whose size threshold has been reached. */
  sizeGrade: number;
  /** Dynamics: the size stopped growing at this value (null while growing). */
  sizeFinal: number | null;
  /** Dynamics: the size grows from `sizeFrom.size` at `sizeFrom.t` (occurrence, or the last jump). */
  sizeFrom: { size: number; t: number };
  /** Timer of the next escalation threshold crossing. */
  escalationTimer: Timer | null;
  /** Plan lines waiting for government approval. */
  awaitingApproval: ResponseLine[];
  /** Plan lines waiting for the command post's decision meeting. */
  awaitingDecision: ResponseLine[];
  approved: boolean;
  approvalStarted: boolean;
  /** The command post's decision meeting has decided. */
  decided: boolean;
  reportStarted: boolean;
  expertsStarted: boolean;
  expertsConvened: boolean;
  commandPostOrdered: boolean;
  /** A decision ordered a command post whatever the plan says. */
  commandPostForced: boolean;
  /** The center has worked to a grade below the truth since this time (null: it is not). */
  underGradedSince: number | null;
  /** Supplies: time the last delivery arrives (Infinity: short for good); null: none needed. */
  suppliesAt: number | null;
}

export interface CallState {
  rec: CallRecord;
  /** Its number, from 1 (the one in its id). */
  n: number;
  /** The incident the call is about; null for a call that needs no unit. */
  incident: IncidentState | null;
  /** The stream of a call that needs no unit (its handling and transfer); null for an incident's call. */
  stream: NonEmergencyStream | null;
  /** Position in the waiting line has been given up (abandoned). */
  gone: boolean;
  patienceTimer: Timer | null;
}

export interface DepotState {
  id: string;
  place: Place;
  stock: Map<string, number>;
  initial: Map<string, number>;
  restocked: Map<string, number>;
  drawn: Map<string, number>;
  restock?: { delay: Dist; amount: Record<string, number> };
  /** Deliveries waiting for the restock under way (null: none ordered). */
  restockWaiting: (() => void)[] | null;
  /** When the restock under way lands. */
  restockDueAt: number;
}

/** One background demand stream: its next arrival, and the factor on its rate now. */
export interface BackgroundState {
  def: Background;
  /** The sum of its zones' weights. */
  totalWeight: number;
  rng: Rng;
  placeRng: Rng;
  factor: number;
  timer: Timer | null;
  /** The multiplier of each local day (weekday, month, random day factor); undefined = none. */
  perDay?: (dayIndex: number) => number;
}

/** Where finished records go; `n` is the record's number, from 1 (the one in its id). */
export interface Sinks {
  incident?: (r: IncidentRecord, n: number) => void;
  call?: (r: CallRecord, n: number) => void;
  dispatch?: (r: DispatchRecord, n: number) => void;
  agency?: (r: AgencyRecord) => void;
}

export interface World {
  scenario: Scenario;
  kernel: Kernel;
  streams: Streams;
  travel: TravelModel;
  units: UnitState[];
  unitsById: Map<string, UnitState>;
  /** Units by agency id then unit type (move-up units join the pool of the area they cover). */
  pools: Map<string, Map<string, UnitState[]>>;
  agenciesById: Map<string, Agency>;
  /** Each agency's stream for order delays. */
  agencyRng: Map<Agency, Rng>;
  incidentTypesById: Map<string, IncidentType>;
  /** Each incident type's stream for its incidents' own draws. */
  typeRng: Map<IncidentType, Rng>;
  /** The center's streams: call-takers' times, and callers' patience. */
  takerRng: Rng;
  patienceRng: Rng;
  /** The center's streams for calls that need no unit, and for the moment of dispatch during a call. */
  nonEmergencyRng: Rng;
  duringCallRng: Rng;
  /** Each zone's class, by zone id. */
  zoneClass: Map<string, ZoneClass>;
  hospitals: (Place & { id: string; handover: Dist })[];
  depots: DepotState[];
  /** Unit requests waiting for a freed unit, by `agency|type` (most severe first, then oldest). */
  waiting: Map<string, RequestQueue<UnitRequest>>;
  /** Call-taker positions and the line of callers waiting for one. */
  takers: CallTakers<CallState>;
  /** The separate non-emergency line's positions and callers (null: the center has none). */
  nonEmergencyTakers: CallTakers<CallState> | null;
  /** Calls not yet finished (waiting or in service). */
  liveCalls: TurnoverSet<CallState>;
  /** Outages in force per channel (a channel is up at 0). */
  channelDown: Record<Channel, number>;
  /** Channels an injection has taken down. */
  injectedDown: Set<Channel>;
  /** Messages waiting for any channel to come back. */
  heldMessages: (() => void)[];
  counters: { incident: number; call: number; dispatch: number; request: number; inject: number };
  /** Incidents whose record has not been handed on yet (open, or a caller still on the line), by number. */
  open: TurnoverMap<number, IncidentState>;
  /** Incidents by the name a script or an exercise gave them. */
  named: Map<string, IncidentState>;
  /** The background demand streams, which injections can speed up or thin. */
  background: BackgroundState[];
  sinks: Sinks;
  /** Someone listens to events: callers guard `emit` with it so no payload is built in vain. */
  logging: boolean;
  /** Logs an event of `kind` about `ids`, with its payload. */
  emit<K extends EventKind>(kind: K, ids: EventIds, data: EventData[K]): void;
}
