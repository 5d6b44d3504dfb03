/**
 * Geography first: every geographic input in WGS-84 and inline before the other steps look at it.
 * The scenario's `crs` (default WGS-84) is the system of the positions written in the scenario file
 * itself (zones, stations, hospitals, depots, scripted incidents). A file is in its own `crs`, else
 * the one its .prj (Shapefile) or old-style "crs" member (GeoJSON from QGIS) names, else WGS-84 as
 * GeoJSON should be; a CAD history's lon/lat in its `crs`, else WGS-84. Files — GeoJSON, Shapefiles, zipped Shapefiles — are read here,
 * their attributes mapped (`mapping: {id: CODE, name: MC}`), their positions converted; stations and
 * hospitals from files become inline lists, zones and roads FeatureCollections for their steps.
 */
import type { DistInput, GeoFileInput, ScenarioParsed } from '../schema.ts';
import type { MapLayer } from '../scenario.ts';
import { readSideBytes } from '../files.ts';
import { readJson } from './zones.ts';
import { geoJsonToWgs84, resolveCrs, toWgs84, type Crs } from '../../geo/import/crs.ts';
import { mapAttributes, readShapefile, shapefileFromZip, type ShapefileParts } from '../../geo/import/shapefile.ts';
import { centroid } from '../../geo/zones.ts';
import type { NormaliseContext } from './context.ts';
import { NOT_FEATURE_COLLECTION } from '../../geo/import/problem.ts';
import { inputKey } from '../build-cache.ts';

type Feature = { type: 'Feature'; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> | null };
/** A FeatureCollection in WGS-84, with where it came from (for error paths). */
export interface GeoFile {
  features: Feature[];
  where: string;
}
type Station = Extract<ScenarioParsed['stations'], unknown[]>[number];
type Hospital = Extract<ScenarioParsed['hospitals'], unknown[]>[number];

/** The scenario with stations and hospitals as inline lists and every inline position in WGS-84. */
export type PlacedScenario = Omit<ScenarioParsed, 'stations' | 'hospitals'> & { stations: Station[]; hospitals: Hospital[] };

export interface Geography {
  s: PlacedScenario;
  /** Zones read from a file, converted. */
  zonesFile?: GeoFile;
  /** The road network read from a file, converted, with `speed_kmh`, `oneway`, `access` mapped. */
  networkFile?: GeoFile;
  layers: MapLayer[];
  /** Coordinate system of the CAD history's lon/lat columns. */
  historyCrs: Crs;
}

const WGS84 = resolveCrs('WGS84') as Crs;

/** The EPSG code of an old-style GeoJSON "crs" member (as QGIS writes for data not in WGS-84), if any. */
function geoJsonCrsName(json: unknown): string | undefined {
  const name = (json as { crs?: { properties?: { name?: unknown } } })?.crs?.properties?.name;
  if (typeof name !== 'string') return undefined;
  const m = /EPSG:+(\d+)$/i.exec(name);
  if (m) return `EPSG:${m[1]}`;
  return /CRS84$/i.test(name) ? 'WGS84' : name;
}

/** Fields each kind of file can map from its own attribute names. */
const FIELDS = {
  zones: ['id', 'name', 'population', 'class'],
  stations: ['id', 'name', 'agency'],
  hospitals: ['id', 'name'],
  network: ['speed_kmh', 'oneway', 'access', 'name'],
  layers: ['name'],
} as const;

/** A coordinate system as written at `path`, or `fallback` (the problem recorded) when unknown. */
function crsAt(spec: string | undefined, path: string, fallback: Crs, ctx: NormaliseContext): Crs {
  if (spec === undefined) return fallback;
  const c = resolveCrs(spec);
  if (!('toWgs84' in c)) {
    ctx.err(path, c);
    return fallback;
  }
  return c;
}

/** An inline position converted from the scenario's crs (the input unchanged, and a problem recorded, when it cannot be). */
function place<T extends { lon?: number; lat?: number }>(o: T, path: string, ctx: NormaliseContext): T {
  if (o.lon === undefined || o.lat === undefined) return o;
  const r = toWgs84(ctx.crs, o.lon, o.lat);
  if (!Array.isArray(r)) {
    ctx.err(path, r);
    return o;
  }
  return { ...o, lon: r[0], lat: r[1] };
}

/** The parts of a Shapefile named by its .shp or .zip; problems recorded at `where`. */
function shapefileParts(rel: string, where: string, at: string, ctx: NormaliseContext): ShapefileParts | undefined {
  const bytes = readSideBytes(ctx.readBytes, rel, where, ctx.errors);
  if (bytes === undefined) return undefined;
  if (/\.zip$/i.test(rel)) {
    const z = shapefileFromZip(bytes, at);
    if ('path' in z) {
      ctx.errors.push(z);
      return undefined;
    }
    return z;
  }
  const base = rel.slice(0, -4);
  const sibling = (ext: string) => {
    const b = ctx.readBytes(`${base}.${ext}`) ?? ctx.readBytes(`${base}.${ext.toUpperCase()}`);
    return b instanceof Uint8Array ? b : undefined;
  };
  const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b).trim() : undefined);
  const dbf = sibling('dbf');
  if (!dbf) ctx.err(where, { zh: `“${rel}”旁缺少“${base}.dbf”：Shapefile 的属性（id、name 等）在其中`, en: `"${base}.dbf" is missing beside "${rel}": a Shapefile's attributes (id, name, …) are in it` });
  return { shp: bytes, dbf, prj: text(sibling('prj')), cpg: text(sibling('cpg')) };
}

/**
 * Reads a geographic side file (GeoJSON or Shapefile), maps its attributes and converts it to WGS-84.
 * `fields` are those `mapping` may name; problems are recorded at `where` and `undefined` returned.
 */
export function readGeoFile(ref: GeoFileInput, where: string, fields: readonly string[], ctx: NormaliseContext, filePath = `${where}.file`): GeoFile | undefined {
  const cache = ctx.cache;
  if (!cache || /\.(shp|zip)$/i.test(ref.file)) return readGeoFileOnce(ref, where, fields, ctx, filePath);
  // A GeoJSON file's result depends on its text and on how it is referred to, nothing else.
  const text = ctx.readFile(ref.file);
  const refKey = inputKey([ref, where, fields, filePath]);
  if (typeof text !== 'string' || refKey === undefined) return readGeoFileOnce(ref, where, fields, ctx, filePath);
  const before = ctx.errors.length;
  let hit = true;
  const r = cache.memo(`geo ${refKey}\0${text}`, () => {
    hit = false;
    const file = readGeoFileOnce(ref, where, fields, ctx, filePath);
    return { file, errors: ctx.errors.slice(before) };
  });
  if (hit) ctx.errors.push(...r.errors);
  return r.file;
}

/** {@link readGeoFile} without the cache. */
function readGeoFileOnce(ref: GeoFileInput, where: string, fields: readonly string[], ctx: NormaliseContext, filePath: string): GeoFile | undefined {
  const at = `${where} (${ref.file})`;
  let json: unknown;
  let prj: string | undefined;
  if (/\.(shp|zip)$/i.test(ref.file)) {
    const parts = shapefileParts(ref.file, filePath, at, ctx);
    if (!parts) return undefined;
    const r = readShapefile(parts, at, ref.encoding);
    if ('path' in r) {
      ctx.errors.push(r);
      return undefined;
    }
    json = r.geojson;
    prj = r.prj;
  } else {
    json = readJson(ctx.readFile, ref.file, filePath, ctx.errors);
    if (json === undefined) return undefined;
  }
  const fc = json as { type?: string; features?: Feature[] };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    ctx.err(at, NOT_FEATURE_COLLECTION);
    return undefined;
  }
  let crs = WGS84;
  const named = prj ?? geoJsonCrsName(json);
  if (ref.crs !== undefined) crs = crsAt(ref.crs, `${where}.crs`, WGS84, ctx);
  else if (named) {
    const c = resolveCrs(named);
    if (!('toWgs84' in c)) {
      const own = prj ? { zh: ' .prj 文件', en: '.prj' } : { zh: '“crs”成员', en: '"crs" member' };
      ctx.err(at, { zh: `其${own.zh}：${c.zh}；请改为给出该文件的 crs（例如 crs: EPSG:4527）`, en: `its ${own.en}: ${c.en}; give the file's crs instead (e.g. crs: EPSG:4527)` });
      return undefined;
    }
    crs = c;
  }
  let features = fc.features;
  if (ref.mapping) {
    const known = Object.entries(ref.mapping).filter(([field]) => {
      if (!fields.includes(field)) ctx.err(`${where}.mapping.${field}`, { zh: `不是 linkdrill 在此读取的字段（它读取 ${fields.join(', ')}）`, en: `is not a field linkdrill reads here (it reads ${fields.join(', ')})` });
      return fields.includes(field);
    });
    const m = mapAttributes(features, Object.fromEntries(known), `${where}.mapping`, ref.file);
    ctx.errors.push(...m.errors);
    features = m.features;
  }
  const converted = geoJsonToWgs84({ type: 'FeatureCollection', features }, crs, at);
  ctx.errors.push(...converted.errors);
  return converted.errors.length ? undefined : { features: converted.value.features, where: at };
}

/** Points of a file as inline places (`id`, `name` and the rest of `keys` from the properties). */
function placesOf<K extends string>(file: GeoFile, keys: readonly K[], ctx: NormaliseContext): ({ id: string; name?: string; lon: number; lat: number } & Partial<Record<K, string>>)[] {
  const out: ({ id: string; name?: string; lon: number; lat: number } & Partial<Record<K, string>>)[] = [];
  file.features.forEach((f, i) => {
    const p = f.properties ?? {};
    const c = centroid(f.geometry ?? undefined);
    if (typeof p.id !== 'string' && typeof p.id !== 'number') ctx.err(`${file.where} features[${i}].properties.id`, { zh: '必须给出（或映射：mapping: {id: <属性名>}）', en: 'is required (or map it: mapping: {id: <attribute>})' });
    else if (!c) ctx.err(`${file.where} features[${i}].geometry`, { zh: '必须是 Point 或 Polygon', en: 'must be a Point or Polygon' });
    else {
      const extra = Object.fromEntries(keys.filter((k) => p[k] !== undefined && p[k] !== null && p[k] !== '').map((k) => [k, String(p[k])]));
      out.push({ ...extra, id: String(p.id), ...(p.name ? { name: String(p.name) } : {}), lon: c.lon, lat: c.lat } as never);
    }
  });
  return out;
}

/** Places every geographic input in WGS-84; see the file's header. */
export function normaliseGeography(s: ScenarioParsed, ctx: NormaliseContext): Geography {
  ctx.crs = crsAt(s.crs, 'crs', ctx.crs, ctx);
  let zonesFile: GeoFile | undefined;
  let zones = s.zones;
  if (Array.isArray(s.zones)) zones = s.zones.map((z, i) => place(z, `zones[${i}]`, ctx));
  else zonesFile = readGeoFile(s.zones, 'zones', FIELDS.zones, ctx);

  let stations: Station[] = [];
  if (Array.isArray(s.stations)) stations = s.stations.map((st, i) => place(st, `stations[${i}]`, ctx));
  else {
    const f = readGeoFile(s.stations, 'stations', FIELDS.stations, ctx);
    if (f) stations = placesOf(f, ['agency'], ctx);
  }
  let hospitals: Hospital[] = [];
  if (Array.isArray(s.hospitals)) hospitals = s.hospitals.map((h, i) => place(h, `hospitals[${i}]`, ctx));
  else {
    const ref = s.hospitals;
    const f = readGeoFile(ref, 'hospitals', FIELDS.hospitals, ctx);
    if (f) hospitals = placesOf(f, [], ctx).map((h) => ({ ...h, handover: ref.handover as DistInput }));
  }
  const depots = s.depots.map((d, i) => place(d, `depots[${i}]`, ctx));
  const scripted = s.demand.scripted.map((x, i) => place(x, `demand.scripted[${i}]`, ctx));

  let networkFile: GeoFile | undefined;
  const net = s.travel.network;
  if (s.travel.model === 'network' && net !== undefined) networkFile = readGeoFile(typeof net === 'string' ? { file: net } : net, 'travel.network', FIELDS.network, ctx, typeof net === 'string' ? 'travel.network' : 'travel.network.file');

  const layers: MapLayer[] = [];
  s.layers.forEach((l, i) => {
    const f = readGeoFile(l, `layers[${i}]`, FIELDS.layers, ctx);
    if (f) layers.push({ name: l.name ?? l.file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''), kind: l.kind, ...(l.label ? { label: l.label } : {}), features: f.features });
  });
  const historyCrs = s.demand.history ? crsAt(s.demand.history.crs, 'demand.history.crs', WGS84, ctx) : WGS84;
  return {
    s: { ...s, zones, stations, hospitals, depots, demand: { ...s.demand, scripted } },
    zonesFile,
    networkFile,
    layers,
    historyCrs,
  };
}
