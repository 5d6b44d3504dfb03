/**
 * Calibration: a history (CAD rows, checked) → every fitted quantity with its intervals and goodness
 * of fit. Pure and deterministic: the bootstrap draws come from named streams of `seed`.
 */
import type { Scenario } from '../scenario/scenario.ts';
import type { InputError } from '../scenario/errors.ts';
import { buildHistory, dispatchDelays, handlingTimes, handoverTimes, onSceneTimes, transportCounts, turnouts, type History, type Samples } from './observations.ts';
import type { CadRow, RowProblem } from './cad/rows.ts';
import { fitDurationSteps, type DurationFit } from './fit/duration.ts';
import { finish, type Steps } from './steps.ts';
import { MINUTE_S, notEstimable } from './resolution.ts';
import type { TimeField } from './cad/columns.ts';
import { fitDemand, type DemandFit } from './fit/demand.ts';
import { fitTravel, type TravelFit } from './fit/travel.ts';
import { binomialInterval } from './fit/special.ts';

/** Where the history came from, and what was done with its rows. */
export interface CalibrationSource {
  /** File (or folder) name as given. */
  name: string;
  kind: 'cad' | 'run';
  rows: number;
  problems: RowProblem[];
  /** Rows left out because they had problems (--drop-bad-rows). */
  dropped: number;
  /** Incidents with every row dropped. */
  incidentsDropped: number;
  /** What the reader was warned of while the history was read (a repeated unused header, times to the minute only), in both languages. */
  warnings?: InputError[];
  /** Time fields written to the minute only (see resolution.ts). */
  minuteFields?: TimeField[];
}

export interface CalibrateOptions {
  /** Bootstrap resamples per fitted duration. */
  resamples: number;
  seed: number;
  /** Local hours when day turnout starts and night turnout starts (the scenario's, else 7 and 19). */
  dayStartH: number;
  nightStartH: number;
}

/** A fitted duration quantity with the scenario parameter it feeds. */
export interface Quantity {
  /** Stable key, e.g. "turnout/FIRE/night" (also the bootstrap stream's name). */
  key: string;
  kind: 'handling' | 'dispatch' | 'turnout' | 'onscene' | 'handover';
  /** The agency, "agency/day|night", incident type or hospital it belongs to. */
  group: string;
  fit: DurationFit;
}

export interface Calibration {
  source: CalibrationSource;
  /** Local days covered, inclusive, and the UTC offset of local time. */
  firstDay: number;
  lastDay: number;
  days: number;
  offsetS: number;
  incidents: number;
  dispatches: number;
  /** Which fields the export has (a fit needs its two times). */
  has: { answer: boolean; callEnd: boolean; alert: boolean; enroute: boolean; arrive: boolean; clear: boolean; hospital: boolean; available: boolean; zone: boolean };
  demand: DemandFit[];
  quantities: Quantity[];
  /** Units alerted before the call ended (边接边派), by agency: the model dispatches after the call. */
  alertedDuringCall: Record<string, number>;
  transport: { type: string; attended: number; transported: number; share: number; low: number; high: number }[];
  /** Stages whose stamps are to the minute and too short against it to fit (see resolution.ts): not in the fragment. */
  notEstimable: { kind: Quantity['kind']; group: string; n: number; why: 'sd' | 'zeros' }[];
  travel: TravelFit | null;
  dayStartH: number;
  nightStartH: number;
}

/** The stamps each fitted stage is a difference of (a stage of minute stamps is fitted with care: resolution.ts). */
const STAGE_FIELDS: Record<Quantity['kind'], readonly TimeField[]> = {
  handling: ['t_call', 't_answer', 't_call_end'],
  dispatch: ['t_call_end', 't_alert'],
  turnout: ['t_alert', 't_enroute'],
  onscene: ['t_arrive', 't_clear'],
  handover: ['t_hospital', 't_available'],
};

/** Fits everything the history supports; `scenario` (optional) gives zones and the travel model. */
export function calibrate(rows: readonly CadRow[], offsetS: number, source: CalibrationSource, scenario: Scenario | null, o: CalibrateOptions): Calibration {
  return finish(calibrateSteps(rows, offsetS, source, scenario, o));
}

/**
 * {@link calibrate} a fit at a time: it pauses after each fitted quantity and within its bootstraps (a
 * fraction of a second each), so a command can let a Ctrl-C in between; the result is the same however it is driven.
 */
export function* calibrateSteps(rows: readonly CadRow[], offsetS: number, source: CalibrationSource, scenario: Scenario | null, o: CalibrateOptions): Steps<Calibration> {
  const history = buildHistory(rows, offsetS);
  const has = {
    answer: rows.some((r) => r.t.t_answer !== undefined),
    callEnd: rows.some((r) => r.t.t_call_end !== undefined),
    alert: rows.some((r) => r.t.t_alert !== undefined),
    enroute: rows.some((r) => r.t.t_enroute !== undefined),
    arrive: rows.some((r) => r.t.t_arrive !== undefined),
    clear: rows.some((r) => r.t.t_clear !== undefined),
    hospital: rows.some((r) => r.t.t_hospital !== undefined),
    available: rows.some((r) => r.t.t_available !== undefined),
    zone: rows.some((r) => r.zone !== null),
  };
  const quantities: Quantity[] = [];
  const delays = dispatchDelays(history);
  const samples: [Quantity['kind'], Samples][] = [
    ['handling', new Map([['center', handlingTimes(history)]])],
    ['dispatch', delays.samples],
    ['turnout', turnouts(history, o.dayStartH, o.nightStartH)],
    ['onscene', onSceneTimes(history)],
    ['handover', handoverTimes(history)],
  ];
  const minute = new Set(source.minuteFields ?? []);
  const notEstimableStages: Calibration['notEstimable'] = [];
  for (const [kind, byGroup] of samples) {
    const coarse = STAGE_FIELDS[kind].some((f) => minute.has(f));
    for (const [group, xs] of [...byGroup.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const key = `${kind}/${group}`;
      const why = coarse ? notEstimable(xs) : null;
      if (why) {
        notEstimableStages.push({ kind, group, n: xs.length, why });
        continue;
      }
      const fit = yield* fitDurationSteps(key, xs, { ...o, dropZeros: kind === 'turnout', ...(coarse ? { resolutionS: MINUTE_S } : {}) });
      if (fit) quantities.push({ key, kind, group, fit });
      yield;
    }
  }
  const zones = scenario ? scenario.zones.map((z) => z.id) : [];
  const demand = fitDemand(history.incidents, history.firstDay, history.lastDay, zones);
  yield;
  return {
    source,
    firstDay: history.firstDay,
    lastDay: history.lastDay,
    days: history.days,
    offsetS,
    incidents: history.incidents.length,
    dispatches: history.incidents.reduce((a, i) => a + i.dispatches.length, 0),
    has,
    demand,
    quantities,
    alertedDuringCall: Object.fromEntries(delays.duringCall),
    transport: has.hospital ? transportShares(history) : [],
    notEstimable: notEstimableStages,
    travel: scenario && has.enroute && has.arrive ? fitTravel(history, scenario) : null,
    dayStartH: o.dayStartH,
    nightStartH: o.nightStartH,
  };
}

/** Share of attended incidents of each type that took a patient to hospital (Clopper–Pearson interval). */
function transportShares(h: History): Calibration['transport'] {
  return [...transportCounts(h).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, c]) => {
      const [low, high] = binomialInterval(c.transported, c.attended);
      return { type, ...c, share: c.transported / c.attended, low, high };
    });
}
