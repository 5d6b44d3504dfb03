/**
 * The normalised scenario the engine runs: plain, structured-cloneable data with every default
 * filled, every duration in seconds, every distribution in {@link Dist} form and every reference
 * checked. Produced by `loadScenario`; never written by hand.
 */
import type { Dist } from '../random/distributions.ts';
import type { Grade, ZoneClass } from './schema.ts';
import type { ScoringOverrides } from './scoring.ts';
import type { Point } from '../geo/point.ts';
import type { Travel } from '../geo/travel.ts';

export type { Grade, ZoneClass };


export interface Zone extends Point {
  id: string;
  name: string;
  /** Residents; background demand is spread by it when a demand stream says `population`. */
  population: number;
  /** urban, suburban or rural: targets differ by class (NFPA 1710 vs 1720; the 5-minute siting rule). */
  class: ZoneClass;
  /** Outer ring [lon, lat][] where the zone is a polygon; background incidents fall inside it. */
  polygon?: [number, number][];
  /** Holes of the polygon (e.g. the town a rural zone surrounds); no incident falls in them. */
  holes?: [number, number][][];
}

/** How an order or report travels: the shared information platform, phone relay, or radio. */
export type Channel = 'platform' | 'phone' | 'radio';

export interface Agency {
  id: string;
  name: string;
  kind: string;
  tier: 1 | 2 | 3;
  /** Zone ids this agency covers; `null` for all zones. */
  jurisdiction: string[] | null;
  channel: Channel;
  /** Delay from the center's order to the agency command receiving it, per channel. */
  channelDelay: Record<Channel, Dist>;
  /** Agency command → unit alert delay. */
  alertDelay: Dist;
  /** 集结: from a unit's alert to its team assembled (before turnout); null: none. */
  staging: Dist | null;
  mutualAid?: { from: string[]; withinS: number; requestDelay: Dist; approvalDelay: Dist; backfill: boolean };
}

export interface Station extends Point {
  id: string;
  name: string;
  agency?: string;
}

export interface Hospital extends Point {
  id: string;
  name: string;
  handover: Dist;
}

export interface Unit {
  id: string;
  agency: string;
  type: string;
  station: string;
  capabilities: string[];
  turnoutDay: Dist;
  turnoutNight: Dist;
  /** On duty by local hour (length 24, 1 = on duty); `null` = always on duty. */
  roster: number[] | null;
  /** Out-of-service windows (s from start). */
  maintenance: { fromS: number; toS: number }[];
  /** Own duties that take the idle unit away (Poisson), or null. */
  tasks: { ratePerDay: number; duration: Dist } | null;
}

export interface Center {
  /** Call-taker positions staffed in each local hour (length 24). */
  callTakers: number[];
  answerTime: Dist;
  handlingTime: Dist;
  duplicateHandlingTime: Dist;
  verificationTime: Dist;
  planTime: Dist;
  /** Caller patience; `null` means callers never hang up. */
  patience: Dist | null;
  gradingErrorProbability: number;
  gradingMaxError: number;
  /** Status reports from units; `null` = the center sees every unit's true state at once. */
  statusReports: { delay: Dist; lossProbability: number; resendAfter: Dist; refusalDelay: Dist } | null;
  /** 边接边派: the order goes out this long after the answer while the call goes on; null: serial chain. */
  dispatchDuringCall: { after: Dist } | null;
  /** Positions of a separate non-emergency line by local hour (length 24), or null: none. */
  nonEmergencyTakers: number[] | null;
  /** Local hours [dayStart, nightStart) use day turnout times. */
  dayStartH: number;
  nightStartH: number;
}

export interface IncidentType {
  id: string;
  name: string;
  /** Callers per incident, by grade index (0 = IV … 3 = I). */
  callerCount: Dist[];
  callerDelay: Dist;
  /** Channel names and weights, e.g. 119: 0.8. */
  channels: { name: string; weight: number }[];
  /** The same weights as a plain array (for drawing). */
  channelWeights: number[];
  /** On-scene work time by grade index. */
  workTime: Dist[];
  transport?: { probability: number; unitType: string };
  /** True level weights by level index (0 = IV … 3 = I): the response level plans are keyed by. */
  gradeWeights: number[];
  /** The 突发事件 grade index of each level index, or null where that level is a routine call. */
  gradeOfLevel: (number | null)[];
  dynamics?: Dynamics;
  supplies: { item: string; amount: Dist; perSize: boolean }[];
  /** Work is this many times slower while supplies have not arrived. */
  shortageFactor: number;
}

/** How an incident grows while under-resourced, and what it takes to control. */
export interface Dynamics {
  /** Initial size by true grade index. */
  initialSize: Dist[];
  /** Exponential growth rate while under-resourced, per second. */
  growthPerS: number;
  /** Size one unit on scene can hold. */
  sizePerUnit: number;
  /** Unit types that count towards holding it; null = every unit. */
  holdBy: string[] | null;
  /** Size at which the incident reaches each grade index (null: no threshold). */
  thresholds: (number | null)[];
  /** Work added per unit of size once controlled (s). */
  workPerSizeS: number;
  maxSize: number;
}

export interface Depot extends Point {
  id: string;
  name: string;
  stock: Record<string, number>;
  restock?: { delay: Dist; amount: Record<string, number> };
}

/** Command and reporting rules (分级响应, 上报). Grade indices 0 = IV … 3 = I (突发事件 grades, not levels). */
export interface Command {
  /** From this grade up a 突发事件 is reported (初报, 续报, 终报). */
  reportGrade: number;
  /** 初报: from plan activation (or the level rising to a graded one) to the first report. */
  reportDelay: Dist;
  /** 续报: from the first report to the written follow-up. */
  updateDelay: Dist;
  /** 终报: from the end of the response to the final report. */
  finalDelay: Dist;
  /** From this grade up afterApproval lines wait for government approval. */
  approvalGrade: number;
  approvalDelay: Dist;
  expertsGrade: number;
  expertsDelay: Dist;
  commandPostSetup: Dist;
  /** 会商决策: from the command post running to its decision. */
  decisionMeeting: Dist;
  handoffFactor: number;
}

export interface Comms {
  fallback: Channel[];
  outages: { channel: Channel; fromS: number; toS: number }[];
  random: { channel: Channel; ratePerDay: number; duration: Dist }[];
}

/** One line of a plan: how many units of a type from which agency (id or kind). */
export interface ResponseLine {
  agency: string;
  unitType: string;
  count: number;
  /** For grades that need approval: ordered only once the government approves. */
  afterApproval: boolean;
  /** Ordered only once the command post's decision meeting has decided. */
  afterDecision: boolean;
  /** Agency id or kind whose first unit must be on scene before these units start. */
  after?: string;
  /** With `after`: time from that arrival until these units may start. */
  handoff: Dist;
}

export interface Background {
  type: string;
  ratePerDay: number;
  /** Weight of each zone, aligned with `Scenario.zones`. */
  zoneWeights: number[];
  /** Relative rate by local hour, mean 1 (length 24). */
  profile: number[];
  /** Relative rate by local day of week, Monday first, mean 1 (length 7); `null` = flat. */
  weekly: number[] | null;
  /** Relative rate by local month, January first, mean 1 (length 12); `null` = flat. */
  monthly: number[] | null;
  /** Random factor (mean 1) drawn once per local day (a Cox process: gamma ⇒ negative-binomial daily counts); `null` = none. */
  dayFactor: Dist | null;
}

/** A stream of calls that need no unit: they load the call-takers only. */
export interface NonEmergencyStream {
  id: string;
  name: string;
  ratePerDay: number;
  /** Relative rate by local hour, mean 1 (length 24). */
  profile: number[];
  channels: { name: string; weight: number }[];
  channelWeights: number[];
  handlingTime: Dist;
  /** A share transferred (to the non-emergency line if there is one, else away). */
  transfer: { probability: number; time: Dist } | null;
  /** The line the calls arrive on. */
  line: 'emergency' | 'nonEmergency';
}

export interface FixedIncident extends Point {
  /** Seconds from scenario start. */
  t: number;
  type: string;
  zone: string;
  /** Grade index 0..3, or `null` to draw it from the type. */
  grade: number | null;
  name: string;
  source: 'scripted' | 'history';
  /** Draw from the incident's own random streams (so nothing else shifts them). */
  pin: boolean;
  /** Pinned initial size and number of callers, where the script gives them. */
  size?: number;
  callers?: number;
}

/** A map layer (rivers, land use, the chemical park, jurisdictions): GeoJSON features in WGS-84, drawn under the map. */
export interface MapLayer {
  name: string;
  kind: 'water' | 'landuse' | 'hazard' | 'boundary' | 'other';
  /** Property whose value labels each feature. */
  label?: string;
  features: { type: 'Feature'; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> | null }[];
}

export interface Scenario {
  name: string;
  title: string;
  description: string;
  /** Wall-clock start as written (with offset). */
  start: string;
  /** Seconds since local midnight at t = 0. */
  startSecondOfDay: number;
  /** Local calendar day of t = 0, as days since 1970-01-01 (for day of week and month). */
  startDayNumber: number;
  durationS: number;
  seed: number;
  zones: Zone[];
  travel: Travel;
  agencies: Agency[];
  stations: Station[];
  hospitals: Hospital[];
  units: Unit[];
  center: Center;
  incidentTypes: IncidentType[];
  /** type id → grade index → response (lower grades' plans carry up where a grade has none). */
  plans: Record<string, ResponseLine[][]>;
  /** type id → grade index → the plan opens a command post. */
  commandPost: Record<string, boolean[]>;
  command: Command;
  comms: Comms;
  depots: Depot[];
  dispatch: { whenNoneFree: 'queue' | 'lose'; redispatchReturning: boolean };
  /** Changes to the default scoring rubric. */
  scoring: ScoringOverrides;
  demand: { background: Background[]; fixed: FixedIncident[]; nonEmergency: NonEmergencyStream[] };
  /** Map layers, drawn under the replay and in the report's map. */
  layers: MapLayer[];
}
