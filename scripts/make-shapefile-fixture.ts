/**
 * Writes the Shapefiles the loader is tested on, as a county GIS department hands them over: 清溪镇's
 * zones (polygons) and stations (points) in CGCS2000 / 3-degree Gauss–Krüger zone 40 (EPSG:4528,
 * easting with the zone number), a .prj in ESRI's WKT, and .dbf text in GBK with pinyin field names
 * (MC 名称, RK 人口) and no .cpg — the header's code page says GBK. The stations also go into a zip.
 * Synthetic, like the OSM extract they match (see test/fixtures/osm/README.md).
 *
 *   npx tsx scripts/make-shapefile-fixture.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import proj4 from 'proj4';

const DIR = 'test/fixtures/shp';
const GK40 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const PRJ = 'PROJCS["CGCS2000_3_Degree_GK_Zone_40",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const toGk = (lon: number, lat: number) => proj4('EPSG:4326', GK40, [lon, lat]).map((v) => Math.round(v * 1000) / 1000) as [number, number];

/** GBK bytes of a string, from the inverse of the platform's GBK decoder. */
const gbkTable = (() => {
  const dec = new TextDecoder('gbk');
  const m = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) m.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  return m;
})();
const gbk = (s: string) => [...s].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : gbkTable.get(c)!));

type Field = { name: string; type: 'C' | 'N'; len: number };
function dbf(fields: Field[], rows: (string | number)[][]): Uint8Array {
  const recLen = 1 + fields.reduce((a, f) => a + f.len, 0);
  const headLen = 32 + 32 * fields.length + 1;
  const out = new Uint8Array(headLen + recLen * rows.length + 1);
  const v = new DataView(out.buffer);
  out[0] = 0x03;
  [126, 1, 1].forEach((x, i) => (out[1 + i] = x));
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headLen, true);
  v.setUint16(10, recLen, true);
  out[29] = 0x4d; // language driver: code page 936 (GBK), as ArcGIS writes for Chinese
  fields.forEach((f, i) => {
    const o = 32 + 32 * i;
    [...f.name].forEach((c, k) => (out[o + k] = c.charCodeAt(0)));
    out[o + 11] = f.type.charCodeAt(0);
    out[o + 16] = f.len;
  });
  out[headLen - 1] = 0x0d;
  rows.forEach((r, i) => {
    let o = headLen + recLen * i;
    out[o++] = 0x20;
    fields.forEach((f, k) => {
      const bytes = f.type === 'N' ? [...String(r[k]).padStart(f.len)].map((c) => c.charCodeAt(0)) : gbk(String(r[k]));
      const cell = f.type === 'N' ? bytes : [...bytes, ...Array(f.len).fill(0x20)].slice(0, f.len);
      out.set(cell, o);
      o += f.len;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

/** A .shp of points (type 1) or polygons (type 5, one ring each). */
function shp(type: 1 | 5, shapes: [number, number][][]): Uint8Array {
  const contentLen = (s: [number, number][]) => (type === 1 ? 20 : 44 + 4 + 16 * s.length);
  const total = 100 + shapes.reduce((a, s) => a + 8 + contentLen(s), 0);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, total / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, type, true);
  const all = shapes.flat();
  const box = [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))];
  box.forEach((x, i) => v.setFloat64(36 + 8 * i, x, true));
  let o = 100;
  shapes.forEach((s, i) => {
    v.setInt32(o, i + 1, false);
    v.setInt32(o + 4, contentLen(s) / 2, false);
    o += 8;
    v.setInt32(o, type, true);
    if (type === 1) {
      v.setFloat64(o + 4, s[0][0], true);
      v.setFloat64(o + 12, s[0][1], true);
    } else {
      const b = [Math.min(...s.map((p) => p[0])), Math.min(...s.map((p) => p[1])), Math.max(...s.map((p) => p[0])), Math.max(...s.map((p) => p[1]))];
      b.forEach((x, k) => v.setFloat64(o + 4 + 8 * k, x, true));
      v.setInt32(o + 36, 1, true);
      v.setInt32(o + 40, s.length, true);
      v.setInt32(o + 44, 0, true);
      s.forEach((p, k) => {
        v.setFloat64(o + 48 + 16 * k, p[0], true);
        v.setFloat64(o + 56 + 16 * k, p[1], true);
      });
    }
    o += contentLen(s);
  });
  return out;
}

// Zones from the bundled scenario's GeoJSON (rings clockwise, as shapefiles keep outer rings).
const zones = JSON.parse(readFileSync('scenarios/geo/qingxi-zones.geojson', 'utf8')).features as { properties: { id: string; name: string; population: number }; geometry: { coordinates: [number, number][][] } }[];
const rings = zones.map((z) => z.geometry.coordinates[0].map(([lon, lat]) => toGk(lon, lat)).reverse());
writeFileSync(`${DIR}/qingxi-zones.shp`, shp(5, rings));
writeFileSync(`${DIR}/qingxi-zones.dbf`, dbf([{ name: 'CODE', type: 'C', len: 10 }, { name: 'MC', type: 'C', len: 20 }, { name: 'RK', type: 'N', len: 8 }], zones.map((z) => [z.properties.id, z.properties.name, z.properties.population])));
writeFileSync(`${DIR}/qingxi-zones.prj`, PRJ);

// Stations: the OSM import's drafts, with their agencies.
const stations = JSON.parse(readFileSync('scenarios/geo/qingxi-stations.geojson', 'utf8')).features as { properties: { id: string; name: string; kind: string }; geometry: { coordinates: [number, number] } }[];
const agency = { fire: 'FIRE', police: 'POLICE', ems: 'EMS' } as Record<string, string>;
const stShp = shp(1, stations.map((s) => [toGk(...s.geometry.coordinates)]));
const stDbf = dbf([{ name: 'CODE', type: 'C', len: 10 }, { name: 'MC', type: 'C', len: 30 }, { name: 'DW', type: 'C', len: 10 }], stations.map((s) => [s.properties.id, s.properties.name, agency[s.properties.kind]]));
writeFileSync(`${DIR}/qingxi-stations.zip`, zipSync({ 'qingxi-stations/qingxi-stations.shp': stShp, 'qingxi-stations/qingxi-stations.dbf': stDbf, 'qingxi-stations/qingxi-stations.prj': new TextEncoder().encode(PRJ) }));
console.log(`${zones.length} zones, ${stations.length} stations`);
