/**
 * What the after-action report shows besides the score, gathered replication by replication so a
 * run need not keep every replication's records: totals, units' utilisation by agency, and from the
 * first replication the timelines of its largest incidents, its callers' waits and where its
 * incidents happened.
 */
import type { AgencyRecord, DispatchRecord, IncidentRecord, RunRecords } from '../engine/records.ts';
import type { MapIncident } from './map.ts';

/** One incident's linkage chain: the incident and its dispatches and agencies, as recorded. */
export interface IncidentChain {
  incident: IncidentRecord;
  dispatches: DispatchRecord[];
  agencies: AgencyRecord[];
}

export interface ReportDigest {
  reps: number;
  totals: { incidents: number; calls: number; dispatches: number };
  /** Per agency id: the sum of its units' utilisation over every replication, and how many units. */
  utilisation: Map<string, { sum: number; n: number }>;
  /** The first replication's largest incidents (see {@link largestIncidents}) with their chains. */
  chains: IncidentChain[];
  /** The first replication's callers: [arrival, answer (or end, or the run's end)] in seconds. */
  waits: [number, number][];
  /** The first replication's incidents, for the map. */
  places: MapIncident[];
}

/** The incidents that drew the most units and agencies (for the timelines). */
export function largestIncidents(r: RunRecords, k = 3): IncidentRecord[] {
  return [...r.incidents]
    .filter((i) => i.unitsRequired > 0)
    .sort((a, b) => b.unitsRequired - a.unitsRequired || b.agenciesRequired - a.agenciesRequired || a.tOccur - b.tOccur)
    .slice(0, k);
}

/** Gathers a {@link ReportDigest}; add replications in rep order. */
export class DigestBuilder {
  private readonly d: ReportDigest = { reps: 0, totals: { incidents: 0, calls: 0, dispatches: 0 }, utilisation: new Map(), chains: [], waits: [], places: [] };

  constructor(private readonly durationS: number) {}

  add(records: RunRecords): void {
    const d = this.d;
    if (d.reps++ === 0) {
      d.chains = largestIncidents(records).map((incident) => ({
        incident,
        dispatches: records.dispatches.filter((x) => x.incidentId === incident.incidentId),
        agencies: records.agencies.filter((x) => x.incidentId === incident.incidentId),
      }));
      d.waits = records.calls.map((c) => [c.tArrive, c.tAnswer ?? c.tEnd ?? this.durationS]);
      // Copies of the few fields the map draws, so the replication's records can go.
      d.places = records.incidents.map(({ incidentId, type, lon, lat, gradeTrue, gradeFinal }) => ({ incidentId, type, lon, lat, gradeTrue, gradeFinal }));
    }
    d.totals.incidents += records.incidents.length;
    d.totals.calls += records.calls.length;
    d.totals.dispatches += records.dispatches.length;
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
