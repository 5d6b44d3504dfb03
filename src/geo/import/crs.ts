/**
 * Coordinate reference systems of the geographic inputs, each converted to WGS-84 (lon, lat in
 * degrees) on load. Named systems: WGS-84, CGCS2000 (China's geodetic system; within centimetres of
 * WGS-84, so taken as equal), GCJ-02 (the offset system of 高德/腾讯 maps) and BD-09 (百度), the
 * last two through gcoord; projected systems by EPSG code (CGCS2000 Gauss–Krüger 3° and 6° zones,
 * UTM on WGS-84, Web Mercator), by proj4 string or by the WKT of a Shapefile's .prj, through proj4.
 * Pure: no I/O; the same code runs in Node and in the browser.
 */
import proj4 from 'proj4';
import gcoord from 'gcoord';
import { thrownMessage, type Problem, type Words } from './problem.ts';

/** A coordinate system that can take a position to WGS-84. */
export interface Crs {
  /** How the input named it, normalised (`EPSG:4527`, `GCJ-02`, `proj4`, `prj`). */
  id: string;
  /** Degrees (lon, lat) rather than metres (x = easting, y = northing). */
  geographic: boolean;
  /** Central meridian of a transverse Mercator zone (degrees), for the "wrong zone" check. */
  lon0?: number;
  /** Converts one position to WGS-84 [lon, lat]; NaN where it cannot. */
  toWgs84(x: number, y: number): [number, number];
}

const identity: Crs['toWgs84'] = (x, y) => [x, y];

const WGS84: Crs = { id: 'WGS-84', geographic: true, toWgs84: identity };

/** The proj4 definition of a CGCS2000 Gauss–Krüger zone (GRS80 ellipsoid, scale 1 on the meridian). */
const gaussKruger = (lon0: number, x0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;

/**
 * The proj4 definition of a supported EPSG code and its central meridian, or null. The CGCS2000
 * zone codes follow the EPSG dataset: 4491–4501 6° zones 13–23 with the zone number before the
 * easting, 4502–4512 the same without it, 4513–4533 3° zones 25–45 with it, 4534–4554 without.
 */
export function epsgDefinition(code: number): { def: string; lon0?: number } | null {
  if (code >= 4491 && code <= 4501) {
    const zone = code - 4478;
    return { def: gaussKruger(zone * 6 - 3, zone * 1e6 + 500000), lon0: zone * 6 - 3 };
  }
  if (code >= 4502 && code <= 4512) return { def: gaussKruger(75 + (code - 4502) * 6, 500000), lon0: 75 + (code - 4502) * 6 };
  if (code >= 4513 && code <= 4533) {
    const zone = code - 4488;
    return { def: gaussKruger(zone * 3, zone * 1e6 + 500000), lon0: zone * 3 };
  }
  if (code >= 4534 && code <= 4554) return { def: gaussKruger(75 + (code - 4534) * 3, 500000), lon0: 75 + (code - 4534) * 3 };
  if ((code >= 32601 && code <= 32660) || (code >= 32701 && code <= 32760)) {
    const zone = code % 100;
    return { def: `+proj=utm +zone=${zone}${code > 32700 ? ' +south' : ''} +datum=WGS84 +units=m +no_defs`, lon0: zone * 6 - 183 };
  }
  if (code === 3857 || code === 900913) return { def: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs' };
  return null;
}

const KNOWN_CODES: Words = {
  zh: 'EPSG:4326（WGS-84）、4490（CGCS2000）、4491–4554（CGCS2000 高斯–克吕格投影带）、32601–32660 和 32701–32760（UTM）、3857（Web 墨卡托）',
  en: 'EPSG:4326 (WGS-84), 4490 (CGCS2000), 4491–4554 (CGCS2000 Gauss–Krüger zones), 32601–32660 and 32701–32760 (UTM), 3857 (Web Mercator)',
};

const fromProj4 = (id: string, def: string, lon0?: number): Crs => {
  const p = proj4(def, 'EPSG:4326');
  // proj4 reads the units from the definition; a geographic one takes and gives degrees.
  const geographic = /\+proj=(longlat|latlong|lonlat)\b/.test(def) || /^\s*GEOG(CS|CRS)\[/i.test(def);
  return { id, geographic, lon0, toWgs84: (x, y) => p.forward([x, y]) as [number, number] };
};

/** A named GCJ-02 / BD-09 system through gcoord (which leaves points outside China unchanged). */
const offsetSystem = (id: string, from: Parameters<typeof gcoord.transform>[1]): Crs => ({
  id,
  geographic: true,
  toWgs84: (x, y) => gcoord.transform([x, y], from, gcoord.WGS84) as [number, number],
});

/** What proj4 threw (an Error, or a bare string), in Chinese: its words are English and quote the whole definition. */
function proj4WhyZh(e: unknown): string {
  const m = thrownMessage(e);
  if (/could not get projection name/i.test(m)) return '其中的投影（+proj= 或 PROJECTION[…]）无法识别';
  if (/unable to parse string/i.test(m)) return '文本无法解析（不完整？）';
  return '其中缺少或写错了必需的参数';
}

/**
 * Resolves how an input names its coordinate system: `WGS84`, `CGCS2000`, `GCJ02`, `BD09` (case,
 * hyphens and spaces ignored), `EPSG:<code>`, a proj4 string (`+proj=…`) or WKT (a .prj file).
 * Returns the system, or what is wrong and what is known in both languages (`'toWgs84' in r` tells them apart).
 */
export function resolveCrs(spec: string): Crs | Words {
  const s = spec.trim();
  if (s.startsWith('+proj=') || s.startsWith('+init=')) {
    try {
      return fromProj4('proj4', s);
    } catch (e) {
      return { zh: `不是 proj4 能识别的 proj4 定义：${proj4WhyZh(e)}`, en: `is not a proj4 definition proj4 understands: ${thrownMessage(e)}` };
    }
  }
  if (/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS)\[/i.test(s)) {
    try {
      return fromProj4('prj', s);
    } catch (e) {
      return { zh: `该坐标系的 WKT 无法使用：${proj4WhyZh(e)}`, en: `the coordinate system's WKT cannot be used: ${thrownMessage(e)}` };
    }
  }
  const key = s.toLowerCase().replace(/[\s_-]/g, '');
  if (key === 'wgs84' || key === 'epsg:4326' || key === 'cgcs2000' || key === 'epsg:4490') return { ...WGS84, id: key.startsWith('cgcs') || key.endsWith('4490') ? 'CGCS2000' : 'WGS-84' };
  if (key === 'gcj02') return offsetSystem('GCJ-02', gcoord.GCJ02);
  if (key === 'bd09') return offsetSystem('BD-09', gcoord.BD09);
  const m = /^epsg:(\d{4,6})$/.exec(key);
  if (m) {
    const d = epsgDefinition(Number(m[1]));
    if (!d) return { zh: `未知的 EPSG 代码 ${m[1]}（已知：${KNOWN_CODES.zh}；其他坐标系请给出其 proj4 字符串“+proj=…”）`, en: `unknown EPSG code ${m[1]} (known: ${KNOWN_CODES.en}; for any other system give its proj4 string, "+proj=…")` };
    return fromProj4(`EPSG:${m[1]}`, d.def, d.lon0);
  }
  return { zh: `未知的坐标系“${spec}”（可用 WGS84、CGCS2000、GCJ02、BD09、EPSG:<代码> 或 proj4 字符串“+proj=…”）`, en: `unknown coordinate system "${spec}" (use WGS84, CGCS2000, GCJ02, BD09, EPSG:<code> or a proj4 string "+proj=…")` };
}

/**
 * Converts one position, checking that it is plausible for its system: degrees for a geographic
 * system, metres for a projected one, inside its zone. Returns [lon, lat], or what is wrong in both
 * languages (`Array.isArray(r)` tells them apart).
 */
export function toWgs84(crs: Crs, x: number, y: number): [number, number] | Words {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return { zh: '不是一对数', en: 'is not a pair of numbers' };
  const xy = `[${x}, ${y}]`;
  const inDegrees = Math.abs(x) <= 180 && Math.abs(y) <= 90;
  if (crs.geographic && !inDegrees) return { zh: `${xy} 不是以度为单位的经纬度：数据是投影坐标（米）吗？若是，请给出其坐标系，例如 EPSG:4527`, en: `${xy} is not in degrees: is the data projected (metres)? Then give its crs, e.g. EPSG:4527` };
  if (!crs.geographic && inDegrees) return { zh: `${xy} 看起来是经纬度（度），而 ${crs.id} 是投影坐标系（米）：crs 写错了吗？`, en: `${xy} looks like degrees, but ${crs.id} is projected (metres): is crs wrong?` };
  let out: [number, number];
  try {
    out = crs.toWgs84(x, y);
  } catch {
    return { zh: `${xy} 无法从 ${crs.id} 转换`, en: `${xy} cannot be converted from ${crs.id}` };
  }
  const [lon, lat] = out;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return { zh: `${xy} 在 ${crs.id} 中落在地球之外`, en: `${xy} falls outside the Earth in ${crs.id}` };
  // A zone-numbered easting read in a zone without the number (or the wrong zone) lands far away.
  if (crs.lon0 !== undefined && Math.abs(lon - crs.lon0) > 9) {
    const deg = Math.round(Math.abs(lon - crs.lon0));
    return { zh: `${xy} 距 ${crs.id} 的中央子午线（东经 ${crs.lon0}°）${deg}°：投影带不对，还是东坐标多带或少带了带号？`, en: `${xy} lies ${deg}° from the central meridian of ${crs.id} (${crs.lon0}°E): wrong zone, or an easting with(out) the zone number?` };
  }
  return [lon, lat];
}

/** A WGS-84 position as GCJ-02 or BD-09 would show it (for telling which system data was in). */
export function wgs84To(system: 'GCJ-02' | 'BD-09', lon: number, lat: number): [number, number] {
  return gcoord.transform([lon, lat], gcoord.WGS84, system === 'GCJ-02' ? gcoord.GCJ02 : gcoord.BD09) as [number, number];
}

type Coords = number | Coords[];

/**
 * A copy of a GeoJSON object with every position converted to WGS-84 (and checked, even when it is
 * WGS-84 already: metres there are a mistake); problems name the feature (`features[3].geometry`)
 * after `where`. Positions keep any third value (height) as it is.
 */
export function geoJsonToWgs84<T>(json: T, crs: Crs, where: string): { value: T; errors: Problem[] } {
  const errors: Problem[] = [];
  const convert = (c: Coords, path: string): Coords => {
    if (!Array.isArray(c)) return c;
    if (typeof c[0] === 'number') {
      const r = toWgs84(crs, c[0], c[1] as number);
      if (!Array.isArray(r)) {
        if (errors.length < 20) errors.push({ path, ...r });
        return c;
      }
      return [r[0], r[1], ...(c.slice(2) as number[])];
    }
    return c.map((x) => convert(x, path));
  };
  const walk = (g: unknown, path: string): unknown => {
    if (!g || typeof g !== 'object') return g;
    const o = g as Record<string, unknown>;
    if (o.type === 'FeatureCollection' && Array.isArray(o.features)) return { ...o, features: o.features.map((f, i) => walk(f, `${path} features[${i}]`)) };
    if (o.type === 'Feature') return { ...o, geometry: walk(o.geometry, `${path}.geometry`) };
    if (o.type === 'GeometryCollection' && Array.isArray(o.geometries)) return { ...o, geometries: o.geometries.map((x, i) => walk(x, `${path}.geometries[${i}]`)) };
    if ('coordinates' in o) return { ...o, coordinates: convert(o.coordinates as Coords, path) };
    return o;
  };
  const value = walk(json, where) as T;
  return { value, errors };
}
