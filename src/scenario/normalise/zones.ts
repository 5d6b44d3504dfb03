/** Zones: written inline, or read from a GeoJSON file of Points or (Multi)Polygons. */
import type { InputError } from '../errors.ts';
import { ZONE_CLASSES, type ScenarioParsed, type ZoneClass } from '../schema.ts';
import type { Zone } from '../scenario.ts';
import { readSideFile, type ReadFile } from '../files.ts';
import { centroid, holes, outerRing, zoneGeometryProblem } from '../../geo/zones.ts';
import { RESERVED_KEY, reservedWords } from '../reserved.ts';
import { gotWords } from '../zod-messages.ts';
import { uniqueIds, type NormaliseContext } from './context.ts';
import { jsonProblem, parseJson } from '../../geo/import/json-text.ts';
import { NOT_FEATURE_COLLECTION } from '../../geo/import/problem.ts';
import type { GeoFile } from './geography.ts';

/** Reads a JSON side file; problems are recorded at `where`. */
export function readJson(readFile: ReadFile, rel: string, where: string, errors: InputError[]): unknown {
  const text = readSideFile(readFile, rel, where, errors);
  if (text === undefined) return undefined;
  const json = parseJson(text);
  if (json.ok) return json.value;
  errors.push(jsonProblem(where, json.why, { before: { zh: `“${rel}”`, en: `"${rel}" ` }, is: true }));
  return undefined;
}

/** A number written as a number or as plain decimal text ("1200"), or `null`. */
const numberOf = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v) ? Number(v) : null;

/**
 * Parses a zones GeoJSON FeatureCollection (Points or Polygons with `id`, `name`, `population`,
 * `class`).
 * Every feature is checked before use: a null feature, coordinates that are empty, text or outside
 * WGS-84 degrees, a population that is not a finite number and an unknown class are named by their
 * place in the file.
 */
export function zonesFromGeoJson(json: unknown, where: string): { zones: Zone[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const fc = json as { type?: string; features?: unknown[] };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return { zones: [], errors: [{ path: where, ...NOT_FEATURE_COLLECTION }] };
  if (fc.features.length === 0) return { zones: [], errors: [{ path: where, zh: '没有要素：至少要给出一个区域', en: 'has no features: give at least one zone' }] };
  const zones: Zone[] = [];
  fc.features.forEach((f, i) => {
    const at = `${where} features[${i}]`;
    if (f === null || typeof f !== 'object' || Array.isArray(f)) {
      errors.push({ path: at, zh: '必须是 GeoJSON Feature（要素）', en: 'must be a GeoJSON Feature' });
      return;
    }
    const feat = f as { id?: unknown; geometry?: unknown; properties?: unknown };
    const p = (feat.properties !== null && typeof feat.properties === 'object' ? feat.properties : {}) as Record<string, unknown>;
    const own = (k: string) => (Object.hasOwn(p, k) ? p[k] : undefined);
    const id = own('id') ?? feat.id;
    if ((typeof id !== 'string' || id.trim() === '') && !(typeof id === 'number' && Number.isFinite(id))) {
      errors.push({ path: `${at}.properties.id`, zh: '必须给出（文字或数字）', en: 'is required (text or a number)' });
      return;
    }
    if (id === RESERVED_KEY) {
      errors.push({ path: `${at}.properties.id`, ...reservedWords('id') });
      return;
    }
    const bad = zoneGeometryProblem(feat.geometry);
    if (bad) {
      errors.push({ path: `${at}.geometry${bad.path ? `.${bad.path}` : ''}`, zh: bad.zh, en: bad.en });
      return;
    }
    const geometry = feat.geometry as { type: string; coordinates: unknown };
    const population = own('population') === undefined || own('population') === null ? 0 : numberOf(own('population'));
    if (population === null || !Number.isFinite(population) || population < 0) {
      const got = gotWords(own('population'));
      errors.push({ path: `${at}.properties.population`, zh: `必须是 ≥ 0 的有限数${got.zh}`, en: `must be a finite number ≥ 0${got.en}` });
      return;
    }
    const cls = own('class') ?? 'urban';
    if (!(ZONE_CLASSES as readonly unknown[]).includes(cls)) {
      const got = gotWords(cls);
      errors.push({ path: `${at}.properties.class`, zh: `必须是 ${ZONE_CLASSES.join('、')} 之一${got.zh}`, en: `must be one of ${ZONE_CLASSES.join(', ')}${got.en}` });
      return;
    }
    const name = own('name');
    const zone: Zone = { id: String(id), name: typeof name === 'string' || typeof name === 'number' ? String(name) : String(id), population, class: cls as ZoneClass, ...centroid(geometry)! };
    const ring = outerRing(geometry);
    if (ring) zone.polygon = ring;
    const hs = holes(geometry);
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
