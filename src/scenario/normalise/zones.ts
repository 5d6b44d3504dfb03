/** Zones: written inline, or read from a GeoJSON file of Points or (Multi)Polygons. */
import type { InputError } from '../errors.ts';
import { ZONE_CLASSES, type ScenarioParsed, type ZoneClass } from '../schema.ts';
import type { Zone } from '../scenario.ts';
import { readSideFile, type ReadFile } from '../files.ts';
import { centroid, holes, outerRing } from '../../geo/zones.ts';
import { uniqueIds, type NormaliseContext } from './context.ts';
import type { GeoFile } from './geography.ts';

/** Reads a JSON side file; problems are recorded at `where`. */
export function readJson(readFile: ReadFile, rel: string, where: string, errors: InputError[]): unknown {
  const text = readSideFile(readFile, rel, where, errors);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    errors.push({ path: where, message: `"${rel}" is not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

/** Parses a zones GeoJSON FeatureCollection (Points or Polygons with `id`, `name`, `population`, `class`). */
export function zonesFromGeoJson(json: unknown, where: string): { zones: Zone[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const fc = json as { type?: string; features?: unknown[] };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return { zones: [], errors: [{ path: where, message: 'not a GeoJSON FeatureCollection' }] };
  const zones: Zone[] = [];
  fc.features.forEach((f, i) => {
    const feat = f as { geometry?: { type: string; coordinates: unknown }; properties?: Record<string, unknown> };
    const p = feat.properties ?? {};
    const id = p.id ?? (f as { id?: unknown }).id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      errors.push({ path: `${where} features[${i}].properties.id`, message: 'is required' });
      return;
    }
    const c = centroid(feat.geometry);
    if (!c) {
      errors.push({ path: `${where} features[${i}].geometry`, message: 'must be a Point, Polygon or MultiPolygon' });
      return;
    }
    const population = Number(p.population ?? 0);
    if (!(population >= 0)) errors.push({ path: `${where} features[${i}].properties.population`, message: 'must be a number ≥ 0' });
    const cls = p.class ?? 'urban';
    if (!(ZONE_CLASSES as readonly unknown[]).includes(cls)) errors.push({ path: `${where} features[${i}].properties.class`, message: `must be one of ${ZONE_CLASSES.join(', ')}; got ${JSON.stringify(cls)}` });
    const zone: Zone = { id: String(id), name: String(p.name ?? id), population, class: cls as ZoneClass, ...c };
    const ring = outerRing(feat.geometry);
    if (ring) zone.polygon = ring;
    const hs = holes(feat.geometry);
    if (hs.length) zone.holes = hs;
    zones.push(zone);
  });
  return { zones, errors };
}

/** The scenario's zones (inline, or as read and converted by the geography step) and their ids. */
export function normaliseZones(input: ScenarioParsed['zones'], ctx: NormaliseContext, file?: GeoFile): { zones: Zone[]; zoneIds: Set<string> } {
  let zones: Zone[] = [];
  if (Array.isArray(input)) zones = input.map((z) => ({ id: z.id, name: z.name ?? z.id, population: z.population, class: z.class, lon: z.lon, lat: z.lat }));
  else if (file) {
    const r = zonesFromGeoJson({ type: 'FeatureCollection', features: file.features }, file.where);
    zones = r.zones;
    ctx.errors.push(...r.errors);
  }
  return { zones, zoneIds: uniqueIds(zones, 'zones', ctx) };
}
