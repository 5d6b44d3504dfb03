/**
 * What the after-action report shows besides the score, gathered replication by replication so a
 * run need not keep every replication's records: totals, units' utilisation by agency, and from the
 * first replication the timelines of its largest incidents, its callers' waits and where its
 * incidents happened.
 */
import type { AgencyRecord, CallRecord, DispatchRecord, IncidentRecord, RunRecords } from '../engine/records.ts';
import { mapSpots, type MapSpot } from './map.ts';
import { largestIncidents } from './aar/timeline.ts';

/** One incident's linkage chain: the incident and its dispatches and agencies, as recorded. */
export interface IncidentChain {
  incident: IncidentRecord;
  dispatches: DispatchRecord[];
  agencies: AgencyRecord[];
}

export interface ReportDigest {
  reps: number;
  /** Over every replication; `graded`: incidents that became a 突发事件 of some grade; `nonEmergencyCalls`: consultations and transfers. */
  totals: { incidents: number; calls: number; dispatches: number; graded: number; nonEmergencyCalls: number };
  /** Per agency id: the sum of its units' utilisation over every replication, and how many units. */
  utilisation: Map<string, { sum: number; n: number }>;
  /** The first replication's largest incidents (see {@link largestIncidents}) with their chains. */
  chains: IncidentChain[];
  /** The first replication's callers on the emergency line: when each arrived, and when it was answered (or hung up, or the run ended), in seconds. */
  waits: { arrive: Float64Array; leave: Float64Array };
  /** The first replication's incidents as spots, for the map. */
  places: MapSpot[];
}

/** Gathers a {@link ReportDigest}; add replications in rep order. */
export class DigestBuilder {
  private readonly d: ReportDigest = { reps: 0, totals: { incidents: 0, calls: 0, dispatches: 0, graded: 0, nonEmergencyCalls: 0 }, utilisation: new Map(), chains: [], waits: { arrive: new Float64Array(0), leave: new Float64Array(0) }, places: [] };

  constructor(private readonly durationS: number) {}

  add(records: RunRecords): void {
    const d = this.d;
    if (d.reps++ === 0) {
      d.chains = largestIncidents(records).map((incident) => ({
        incident,
        dispatches: records.dispatches.filter((x) => x.incidentId === incident.incidentId),
        agencies: records.agencies.filter((x) => x.incidentId === incident.incidentId),
      }));
      d.waits = emergencyWaits(records.calls, this.durationS);
      // Copies of the few fields the map draws, so the replication's records can go.
      d.places = mapSpots(records.incidents);
    }
    d.totals.incidents += records.incidents.length;
    d.totals.calls += records.calls.length;
    d.totals.dispatches += records.dispatches.length;
    for (const i of records.incidents) if (i.gradeFinal !== null) d.totals.graded++;
    for (const c of records.calls) if (c.kind === 'consult' || c.kind === 'transfer') d.totals.nonEmergencyCalls++;
    for (const u of records.units) {
      const a = d.utilisation.get(u.agency) ?? { sum: 0, n: 0 };
      a.sum += u.utilization;
      a.n++;
      d.utilisation.set(u.agency, a);
    }
  }

  result(): ReportDigest {
    return this.d;
  }
}

/**
 * The waits of the callers on the emergency line among `calls` — the queue that the report's chart
 * and the app's System state view both draw as callers waiting: when each arrived, and when it was
 * answered (or hung up, or `endS` came first), in seconds.
 */
export function emergencyWaits(calls: readonly CallRecord[], endS: number): ReportDigest['waits'] {
  const arrive = new Float64Array(calls.length);
  const leave = new Float64Array(calls.length);
  let n = 0;
  for (const c of calls) {
    if (c.line !== 'emergency') continue;
    arrive[n] = c.tArrive;
    leave[n++] = c.tAnswer ?? c.tEnd ?? endS;
  }
  // Arrays of their own length: the digest travels to the app, and a view would take all of its buffer along.
  return { arrive: arrive.slice(0, n), leave: leave.slice(0, n) };
}
