/**
 * The area an import keeps: a bounding box (`--bbox W,S,E,N`, degrees) or the polygons of a
 * boundary GeoJSON (Polygon / MultiPolygon geometries, Features or a FeatureCollection of them;
 * holes respected).
 */
import type { Problem as InputError, Words } from './problem.ts';
import { insideArea as insideRingAndHoles } from '../zones.ts';

type Ring = [number, number][];

/** A bounding box or polygons (each an outer ring and its holes), in WGS-84 degrees. */
export type Area = { kind: 'bbox'; west: number; south: number; east: number; north: number } | { kind: 'polygons'; polygons: Ring[][] };

/** Why a road or place was left out of an import: it lies outside the area. */
export const OUTSIDE_AREA: Words = { zh: '在范围之外', en: 'outside the area' };

/** Parses `W,S,E,N` in degrees, or says what is wrong (in both languages; `'kind' in r` tells them apart). */
export function parseBbox(text: string): Area | Words {
  const v = text.split(',').map((s) => Number(s.trim()));
  if (v.length !== 4 || v.some((x) => !Number.isFinite(x))) return { zh: `--bbox 必须是以度为单位的四个数 W,S,E,N（西,南,东,北）；实际为“${text}”`, en: `--bbox must be four numbers W,S,E,N in degrees, got "${text}"` };
  const [west, south, east, north] = v;
  if (Math.abs(west) > 180 || Math.abs(east) > 180 || Math.abs(south) > 90 || Math.abs(north) > 90) return { zh: `--bbox“${text}”不是以度为单位的经纬度`, en: `--bbox "${text}" is not in degrees` };
  if (!(west < east && south < north)) return { zh: `--bbox“${text}”：需要西 < 东、南 < 北`, en: `--bbox "${text}": needs west < east and south < north` };
  return { kind: 'bbox', west, south, east, north };
}

/** The polygons of a boundary GeoJSON, or a path-named error. */
export function areaFromGeoJson(json: unknown, where: string): Area | InputError {
  const polygons: Ring[][] = [];
  const add = (g: { type?: string; coordinates?: unknown } | null | undefined) => {
    if (g?.type === 'Polygon') polygons.push(g.coordinates as Ring[]);
    else if (g?.type === 'MultiPolygon') polygons.push(...(g.coordinates as Ring[][]));
  };
  const o = json as { type?: string; features?: { geometry?: { type?: string; coordinates?: unknown } }[]; geometry?: { type?: string; coordinates?: unknown } };
  if (o?.type === 'FeatureCollection' && Array.isArray(o.features)) o.features.forEach((f) => add(f?.geometry));
  else if (o?.type === 'Feature') add(o.geometry);
  else add(o as { type?: string; coordinates?: unknown });
  const ok = polygons.length > 0 && polygons.every((p) => Array.isArray(p) && p.length > 0 && p.every((r) => Array.isArray(r) && r.length >= 4 && r.every((q) => Array.isArray(q) && Number.isFinite(q[0]) && Number.isFinite(q[1]))));
  if (!ok) return { path: where, zh: '边界必须是 Polygon 或 MultiPolygon 几何的 GeoJSON（每个环至少四个 [lon, lat] 位置）', en: 'a boundary must be GeoJSON with Polygon or MultiPolygon geometry (rings of at least four [lon, lat] positions)' };
  return { kind: 'polygons', polygons };
}

/** Is the position inside the area (inside an outer ring and none of its holes)? */
export function insideArea(area: Area, lon: number, lat: number): boolean {
  if (area.kind === 'bbox') return lon >= area.west && lon <= area.east && lat >= area.south && lat <= area.north;
  return area.polygons.some(([outer, ...holes]) => insideRingAndHoles(outer, holes, lon, lat));
}
