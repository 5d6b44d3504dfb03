import { describe, expect, it } from 'vitest';
import { geoJsonToWgs84, resolveCrs, toWgs84, type Crs } from '../../../src/geo/import/crs.ts';
import { distanceM } from '../../../src/geo/distance.ts';
import type { Words } from '../../../src/geo/import/problem.ts';
import { englishIn } from './english.ts';

const crs = (spec: string): Crs => {
  const c = resolveCrs(spec);
  if (!('toWgs84' in c)) throw new Error(c.en);
  return c;
};
const at = (c: Crs, x: number, y: number) => {
  const r = toWgs84(c, x, y);
  if (!Array.isArray(r)) throw new Error(r.en);
  return { lon: r[0], lat: r[1] };
};

describe('coordinate systems against published reference points', () => {
  // googollee/eviltransform, python/test.py: TESTS (wgsLat, wgsLng, gcjLat, gcjLng) for Shanghai,
  // Shenzhen and Beijing, as the GCJ-02 algorithm's published implementations compute them.
  const gcjPairs = [
    [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
    [22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
    [39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
  ];
  it('GCJ-02 (高德/腾讯) positions come back to their WGS-84 points within half a metre', () => {
    for (const [wLat, wLon, gLat, gLon] of gcjPairs) {
      const p = at(crs('GCJ-02'), gLon, gLat);
      expect(distanceM(p, { lon: wLon, lat: wLat })).toBeLessThan(0.5);
      // The offset itself is hundreds of metres: the conversion is not a no-op.
      expect(distanceM({ lon: gLon, lat: gLat }, { lon: wLon, lat: wLat })).toBeGreaterThan(200);
    }
  });

  // wandergis/coordtransform, test/app.js: bd09togcj02(116.404, 39.915) = [116.39762729119315,
  // 39.90865673957631] — the BD-09 step, closed-form; the GCJ-02 step is then the one tested above.
  it('BD-09 (百度) lands where its published GCJ-02 equivalent does, within half a metre', () => {
    const viaGcj = at(crs('GCJ02'), 116.39762729119315, 39.90865673957631);
    const fromBd = at(crs('bd09'), 116.404, 39.915);
    expect(distanceM(fromBd, viaGcj)).toBeLessThan(0.5);
    expect(distanceM(fromBd, { lon: 116.404, lat: 39.915 })).toBeGreaterThan(500);
  });

  // GeographicLib, GeoConvert manual, example: "33.3 44.4" → "38n 444140.54 3684706.36".
  it('UTM zone 38N (EPSG:32638) matches GeographicLib’s worked example to a centimetre', () => {
    const p = at(crs('EPSG:32638'), 444140.54, 3684706.36);
    expect(distanceM(p, { lon: 44.4, lat: 33.3 })).toBeLessThan(0.01);
  });

  // IOGP Guidance Note 7-2 (Coordinate Conversions and Transformations), Popular Visualisation
  // Pseudo-Mercator example: 24°22'54.433"N, 100°20'00"W ↔ E −11 169 055.58 m, N 2 800 000.00 m.
  it('Web Mercator (EPSG:3857) matches IOGP 7-2’s worked example', () => {
    const p = at(crs('EPSG:3857'), -11169055.58, 2800000.0);
    expect(distanceM(p, { lon: -(100 + 20 / 60), lat: 24 + 22 / 60 + 54.433 / 3600 })).toBeLessThan(0.01);
  });

  // IOGP Guidance Note 7-2, Transverse Mercator example (OSGB 1936 / British National Grid):
  // 50°30'N, 0°30'E ↔ E 577 274.99 m, N 69 740.50 m — the formula the Gauss–Krüger zones use.
  it('a transverse Mercator given as a proj4 string matches IOGP 7-2’s worked example', () => {
    const bng = crs('+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs');
    expect(distanceM(at(bng, 577274.99, 69740.5), { lon: 0.5, lat: 50.5 })).toBeLessThan(0.02);
  });

  // The EPSG dataset's CGCS2000 3-degree Gauss-Kruger zone 39 (EPSG:4527): central meridian 117°E,
  // false easting 39 500 000 m (zone number in front), scale 1; EPSG:4548 is the same zone without it.
  it('CGCS2000 Gauss–Krüger zone 39 (EPSG:4527) puts its central meridian at 117°E, 39 500 000 m', () => {
    const z39 = crs('EPSG:4527');
    const onMeridian = at(z39, 39_500_000, 3_320_000);
    expect(onMeridian.lon).toBeCloseTo(117, 9);
    // On the meridian with scale 1 the northing is the meridian arc: 3 320 km ≈ 30.0° N on GRS80.
    expect(onMeridian.lat).toBeGreaterThan(29.9);
    expect(onMeridian.lat).toBeLessThan(30.1);
    const east = at(z39, 39_520_000, 3_320_000);
    const west = at(z39, 39_480_000, 3_320_000);
    expect(east.lon - 117).toBeCloseTo(117 - west.lon, 9);
    const noPrefix = at(crs('EPSG:4548'), 520_000, 3_320_000);
    expect(distanceM(noPrefix, east)).toBeLessThan(1e-6);
    // 6° zone 20 (EPSG:4498): central meridian 117°E as well.
    expect(at(crs('EPSG:4498'), 20_500_000, 3_320_000).lon).toBeCloseTo(117, 9);
  });

  it('WGS-84 and CGCS2000 are taken as they are (they agree within centimetres)', () => {
    expect(at(crs('WGS84'), 120.1, 30.2)).toEqual({ lon: 120.1, lat: 30.2 });
    expect(at(crs('CGCS2000'), 120.1, 30.2)).toEqual({ lon: 120.1, lat: 30.2 });
  });
});

/** Words in both languages: the English as it was, and Chinese beside it. */
const bilingual = (w: unknown): Words => {
  expect(w).toMatchObject({ zh: expect.stringMatching(/\p{Script=Han}/u), en: expect.any(String) });
  return w as Words;
};

describe('coordinate systems: bad input is named', () => {
  it('a proj4 string or WKT proj4 cannot use is said in Chinese, with proj4’s own words (even when it throws a bare string) in English', () => {
    const cases: [string, RegExp][] = [
      ['+proj=foo', /^is not a proj4 definition proj4 understands: Could not get projection name from: \+proj=foo$/],
      ['PROJCS[', /^the coordinate system's WKT cannot be used: unable to parse string/],
      ['PROJCS["x",GEOGCS["y"]]', /^the coordinate system's WKT cannot be used: \S/],
    ];
    for (const [spec, re] of cases) {
      const r = resolveCrs(spec) as Words;
      expect(r.en).toMatch(re);
      expect(r.en).not.toMatch(/: undefined$/);
      expect(englishIn(`${spec}：${r.zh}`), r.zh).toEqual([]);
    }
  });

  it('an unknown EPSG code says which are known and how to give any other', () => {
    const r = resolveCrs('EPSG:9999');
    expect('toWgs84' in r).toBe(false);
    expect(bilingual(r).en).toMatch(/unknown EPSG code 9999.*proj4/);
    expect(bilingual(resolveCrs('mars')).en).toBe('unknown coordinate system "mars" (use WGS84, CGCS2000, GCJ02, BD09, EPSG:<code> or a proj4 string "+proj=…")');
    expect(bilingual(resolveCrs('+proj=nonsense')).en).toMatch(/^is not a proj4 definition proj4 understands: /);
    expect(bilingual(resolveCrs('PROJCS["x",GEOGCS[')).en).toMatch(/^the coordinate system's WKT cannot be used: /);
  });

  it('metres read as degrees, degrees read as metres and a wrong zone are refused, in Chinese and English', () => {
    expect(bilingual(toWgs84(crs('WGS84'), 39_500_000, 3_320_000)).en).toBe('[39500000, 3320000] is not in degrees: is the data projected (metres)? Then give its crs, e.g. EPSG:4527');
    expect(bilingual(toWgs84(crs('EPSG:4527'), 117.2, 30.1)).en).toBe('[117.2, 30.1] looks like degrees, but EPSG:4527 is projected (metres): is crs wrong?');
    // A zone-39 easting without its zone number, read as if it had one.
    expect(bilingual(toWgs84(crs('EPSG:4527'), 520_000, 3_320_000)).en).toMatch(/central meridian|outside the Earth/);
    expect(bilingual(toWgs84(crs('WGS84'), NaN, 1)).en).toBe('is not a pair of numbers');
  });

  it('a GeoJSON layer is converted position by position, and a bad position is named by its feature', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[39_500_000, 3_320_000], [39_501_000, 3_320_000]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [117, 30] } },
      ],
    };
    const r = geoJsonToWgs84(fc, crs('EPSG:4527'), 'layers[0]');
    expect(r.errors).toEqual([{ path: 'layers[0] features[1].geometry', zh: expect.stringMatching(/\p{Script=Han}/u), en: expect.stringMatching(/looks like degrees/) }]);
    const line = r.value.features[0].geometry.coordinates as unknown as number[][];
    expect(line[0][0]).toBeCloseTo(117, 9);
    expect((fc.features[0].geometry.coordinates as number[][])[0][0]).toBe(39_500_000);
  });
});
