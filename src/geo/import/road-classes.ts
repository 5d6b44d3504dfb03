/**
 * OSM highway classes as Chinese road classes, and their default speeds for ordinary driving (km/h;
 * the scenario's emergencyFactor adds lights and sirens). OSM in China tags 高速公路 motorway,
 * 国道 / 城市快速路 trunk, 省道 / 主干路 primary, 县道 / 次干路 secondary, 乡道 / 支路 tertiary. The
 * speeds sit inside the design-speed ranges of JTG B01-2014 (公路工程技术标准: 高速 80–120, 一级
 * 60–100, 二级 60–80, 三级 30–40, 四级 20–30) and CJJ 37-2012 (城市道路工程设计规范: 快速路 60–100,
 * 主干路 40–60, 次干路 30–50, 支路 20–40), at the lower end where a class is mostly urban.
 */
import type { Problem } from './problem.ts';

/** Default speed of each class a motor vehicle may use (km/h). */
export const DEFAULT_SPEEDS_KMH: Readonly<Record<string, number>> = {
  motorway: 100,
  motorway_link: 50,
  trunk: 70,
  trunk_link: 40,
  primary: 50,
  primary_link: 35,
  secondary: 40,
  secondary_link: 30,
  tertiary: 35,
  tertiary_link: 25,
  unclassified: 30,
  residential: 20,
  living_street: 10,
  service: 15,
  road: 25,
  track: 15,
  ferry: 12,
};

/** Classes that carry no motor traffic: dropped without a word about speed. */
export const NOT_FOR_VEHICLES = new Set([
  'footway', 'path', 'cycleway', 'steps', 'pedestrian', 'bridleway', 'corridor', 'platform', 'elevator',
  'proposed', 'construction', 'abandoned', 'disused', 'razed', 'raceway', 'bus_stop', 'via_ferrata', 'rest_area', 'services',
]);

/** Controlled-access classes: traffic runs on them, but no place joins them between interchanges. */
export const CONTROLLED_ACCESS = new Set(['motorway']);

/**
 * The speed table with a user's changes applied (class → km/h); unknown classes and non-positive
 * speeds are refused so that a typo does not go unnoticed.
 */
export function speedTable(changes: unknown, where: string): Record<string, number> | Problem {
  const table: Record<string, number> = { ...DEFAULT_SPEEDS_KMH };
  if (changes === undefined || changes === null) return table;
  if (typeof changes !== 'object' || Array.isArray(changes)) return { path: where, zh: '必须把道路等级对应到车速（km/h），例如 {primary: 60}', en: 'must map road classes to speeds in km/h, e.g. {primary: 60}' };
  for (const [k, v] of Object.entries(changes)) {
    const known = Object.keys(DEFAULT_SPEEDS_KMH).join(', ');
    if (!(k in DEFAULT_SPEEDS_KMH)) return { path: `${where}.${k}`, zh: `未知的道路等级（已知：${known}）`, en: `unknown road class (known: ${known})` };
    if (typeof v !== 'number' || !(v > 0) || v > 200) return { path: `${where}.${k}`, zh: `必须是 0 到 200 之间的车速（km/h）；实际为 ${JSON.stringify(v)}`, en: `must be a speed in km/h between 0 and 200, got ${JSON.stringify(v)}` };
    table[k] = v;
  }
  return table;
}

/** A `maxspeed` tag in km/h ("60", "60 mph"), or null for none, zone codes and "none". */
export function parseMaxspeed(tag: string | undefined): number | null {
  if (!tag) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh)?\s*$/i.exec(tag);
  if (!m) return null;
  const v = Number(m[1]) * (m[2]?.toLowerCase() === 'mph' ? 1.609344 : 1);
  return v > 0 ? v : null;
}
