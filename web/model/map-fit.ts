/**
 * The room the map leaves round its outermost places when it fits a scenario: the fit places
 * points, but what is drawn at a point — an incident's ring, a station's units on their ring, a
 * zone's circle and centred name — reaches past it, and flush against the edge it was cut in half.
 * Pure, in screen pixels; tested without a DOM.
 */
import { textWidthPx } from '../../src/report/map-labels.ts';
import { incidentRadius, ringRadius, unitRadius } from './map-frame.ts';

/** Padding (px) to keep between the outermost fitted point and the map's edge, per axis. */
export interface FitPadding {
  x: number;
  y: number;
}

/** Radius (px) of the circle drawn for a zone without an outline. */
export const ZONE_R = 14;

/** Largest incident mark: grade I at its largest size, with the rings drawn round it (unattended, selected). */
const INCIDENT_REACH_PX = incidentRadius(3, Infinity) + 8;

/**
 * Padding for a map `widthPx` × `heightPx` whose zones are named `zoneNames` (drawn centred on their
 * point at `namePx`) and whose busiest station holds `unitsAtOnePlace` units (drawn on a ring round
 * it). At most a quarter of each side, so a narrow screen keeps most of its width for the map.
 */
export function fitPadding(zoneNames: readonly string[], unitsAtOnePlace: number, namePx: number, widthPx: number, heightPx: number): FitPadding {
  const r = unitRadius(1);
  const ring = unitsAtOnePlace > 1 ? ringRadius(r, unitsAtOnePlace) + r + 2 : r + 2;
  // A name's box keeps a quarter of its size clear round it (map-names.ts), and a pixel for the halo.
  const clear = namePx / 4 + 1;
  const name = Math.max(0, ...zoneNames.map((n) => textWidthPx(n, namePx) / 2)) + clear;
  const marks = Math.max(INCIDENT_REACH_PX, ZONE_R + 2, ring);
  return {
    x: Math.min(widthPx / 4, Math.ceil(Math.max(marks, name))),
    y: Math.min(heightPx / 4, Math.ceil(Math.max(marks, 0.8 * namePx + clear))),
  };
}
