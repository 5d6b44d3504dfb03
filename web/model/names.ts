/** Names of a scenario's things by id, for text people read (ids only where a thing has no name). */
import type { Scenario } from '../../src/scenario/scenario.ts';
import type { Names } from './event-text.ts';

export function namesOf(s: Scenario, gradeNames: readonly string[]): Names {
  const places = new Map<string, string>();
  for (const z of s.zones) places.set(z.id, z.name);
  for (const st of s.stations) places.set(st.id, st.name);
  for (const h of s.hospitals) places.set(h.id, h.name);
  for (const d of s.depots) places.set(d.id, d.name);
  return {
    agencies: new Map(s.agencies.map((a) => [a.id, a.name])),
    incidentTypes: new Map(s.incidentTypes.map((t) => [t.id, t.name])),
    places,
    gradeNames,
  };
}
