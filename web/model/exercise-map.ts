/**
 * An exercise view as the map draws it: the facilitator's units where they are, doing what they do;
 * the players' units where the center believes them, free or busy as their reports say. Pure.
 */
import type { ExerciseView } from '../../src/exercise/views.ts';
import type { IncidentState, UnitState, UnitStatus } from './replay.ts';

/** The players' belief as a status the map knows how to draw. */
const BELIEF: Record<string, UnitStatus> = { free: 'available', busy: 'onscene', off: 'off' };

export function exerciseMap(v: ExerciseView): { units: UnitState[]; incidents: IncidentState[] } {
  const units = v.units.map((u) => ({
    id: u.id,
    agency: u.agency,
    type: u.type,
    lon: u.lon,
    lat: u.lat,
    status: (v.role === 'player' ? BELIEF[u.status] : u.status) as UnitStatus,
    since: v.scenarioT,
    incident: u.incident ?? undefined,
  }));
  const incidents = v.incidents.map((i) => ({
    id: i.id,
    type: i.type,
    lon: i.lon,
    lat: i.lat,
    tOccur: v.scenarioT,
    grade: i.grade,
    attended: i.unitsArrived > 0,
    size: v.role === 'facilitator' ? (i.size ?? null) : null,
  }));
  return { units, incidents };
}
