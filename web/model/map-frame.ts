/**
 * What the map draws at one moment, in screen pixels: units (spread on a ring where several stand at
 * one place) and incidents (radius by grade and size). Pure: the view only paints it and hit-tests
 * it; tested without a DOM.
 */
import type { IncidentState, UnitState } from './replay.ts';

export interface UnitMark {
  unit: UnitState;
  x: number;
  y: number;
}

export interface IncidentMark {
  incident: IncidentState;
  x: number;
  y: number;
  r: number;
}

/** Radius (px) of an incident: larger with grade, and with its size where the type grows. */
export function incidentRadius(grade: number, size: number | null): number {
  return 6 + 2.5 * Math.max(0, grade) + (size ? Math.min(6, Math.sqrt(size)) : 0);
}

/** Radius (px) of a unit at zoom factor k: grows slower than the map, so a zoomed view separates units. */
export function unitRadius(k: number): number {
  return 4 / Math.sqrt(k);
}

/** Radius (px) of the ring `n` units of radius `r` share at one place: each gets a little more than its width of the circumference. */
export function ringRadius(r: number, n: number): number {
  return (2.2 * r * n) / (2 * Math.PI) + r;
}

/**
 * Screen positions of units; those at one place (to 0.1 px) share a ring around it, in their order,
 * so each shows and none hides another.
 */
export function layoutUnits(units: readonly UnitState[], project: (lon: number, lat: number) => [number, number], r: number): UnitMark[] {
  const marks = units.map((u) => {
    const [x, y] = project(u.lon, u.lat);
    return { unit: u, x, y };
  });
  const groups = new Map<string, UnitMark[]>();
  for (const m of marks) {
    const key = `${m.x.toFixed(1)},${m.y.toFixed(1)}`;
    const g = groups.get(key);
    if (g) g.push(m);
    else groups.set(key, [m]);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const ring = ringRadius(r, g.length);
    g.forEach((m, i) => {
      const a = (2 * Math.PI * i) / g.length;
      m.x += ring * Math.cos(a);
      m.y += ring * Math.sin(a);
    });
  }
  return marks;
}

/** Incidents in drawing order: lower grades first, so the gravest are drawn on top. */
export function layoutIncidents(incidents: readonly IncidentState[], project: (lon: number, lat: number) => [number, number]): IncidentMark[] {
  return incidents
    .map((i) => {
      const [x, y] = project(i.lon, i.lat);
      return { incident: i, x, y, r: incidentRadius(i.grade, i.size) };
    })
    .sort((a, b) => a.incident.grade - b.incident.grade || a.incident.tOccur - b.incident.tOccur);
}
