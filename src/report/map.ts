/**
 * The after-action report's map: roads, map layers (rivers, land use, the chemical park, boundaries),
 * zones, stations and hospitals with their names, and the run's incidents by grade — inline SVG, drawn
 * with d3-geo's Mercator projection fitted to the area (no DOM, no tiles, no network). Paths are
 * drawn in the plane (even-odd fill), so a ring's winding order does not matter as it does to
 * d3's spherical geoPath. The geography
 * travels in run.json (`map`), so `linkdrill report DIR` draws the same map again.
 */
import { geoMercator } from 'd3';
import type { MapLayer, Scenario } from '../scenario/scenario.ts';
import type { IncidentRecord } from '../engine/records.ts';
import { esc } from './svg.ts';
import type { Lang } from './i18n.ts';
import { markerBox, placeLabels, type Box, type PlacedLabel } from './map-labels.ts';

/** What the map needs of a scenario, in WGS-84 degrees rounded to about a metre. */
export interface MapData {
  zones: { id: string; name: string; lon: number; lat: number; polygon?: [number, number][] }[];
  stations: { id: string; name: string; lon: number; lat: number }[];
  hospitals: { id: string; name: string; lon: number; lat: number }[];
  /** Road segments [lon1, lat1, lon2, lat2], each once. */
  roads: [number, number, number, number][];
  layers: MapLayer[];
}

const r5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** The map's data from a scenario. */
export function mapData(s: Pick<Scenario, 'zones' | 'stations' | 'hospitals' | 'travel' | 'layers'>): MapData {
  const net = s.travel.network;
  const seen = new Set<string>();
  const roads: MapData['roads'] = [];
  for (const e of net?.edges ?? []) {
    const key = e.from < e.to ? `${e.from}-${e.to}` : `${e.to}-${e.from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [a, b] = [net!.nodes[e.from], net!.nodes[e.to]];
    roads.push([r5(a.lon), r5(a.lat), r5(b.lon), r5(b.lat)]);
  }
  const place = (p: { id: string; name: string; lon: number; lat: number }) => ({ id: p.id, name: p.name, lon: r5(p.lon), lat: r5(p.lat) });
  return {
    zones: s.zones.map((z) => ({ ...place(z), ...(z.polygon ? { polygon: z.polygon.map(([x, y]) => [r5(x), r5(y)] as [number, number]) } : {}) })),
    stations: s.stations.map(place),
    hospitals: s.hospitals.map(place),
    roads,
    layers: s.layers,
  };
}

const LEVEL_COLOR: Record<string, string> = { IV: '#4e79a7', III: '#f28e2b', II: '#e15759', I: '#7b1e1e' };
const LEGEND = {
  zh: { station: '驻地', hospital: '医院', incident: '事件（颜色为最终出动等级）', road: '道路' },
  en: { station: 'station', hospital: 'hospital', incident: 'incident (colour: final response level)', road: 'road' },
};

/**
 * Planar SVG path of a GeoJSON geometry through `project`, and a point to label it at (the middle of
 * its first line, or the top of its first ring's box). Rings are closed; fill them even-odd.
 */
export function planarPath(g: { type: string; coordinates: unknown }, project: (lon: number, lat: number) => [number, number]): { d: string; at: [number, number] } {
  const f1 = (v: number) => v.toFixed(1);
  const lines: number[][][] = [];
  const walk = (c: unknown, depth: number) => {
    if (!Array.isArray(c)) return;
    if (depth === 1) lines.push(c as number[][]);
    else c.forEach((x) => walk(x, depth - 1));
  };
  const depth = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 }[g.type] ?? -1;
  if (depth > 0) walk(g.coordinates, depth);
  const closed = /Polygon/.test(g.type);
  const d = lines.map((l) => l.map(([x, y], i) => { const [px, py] = project(x, y); return `${i ? 'L' : 'M'}${f1(px)},${f1(py)}`; }).join('') + (closed ? 'Z' : '')).join('');
  const first = (lines[0] ?? []).map(([x, y]) => project(x, y));
  const at: [number, number] = first.length
    ? closed
      ? [(Math.min(...first.map((p) => p[0])) + Math.max(...first.map((p) => p[0]))) / 2, Math.min(...first.map((p) => p[1])) + 14]
      : first[Math.floor(first.length / 2)]
    : [NaN, NaN];
  return { d, at };
}

/** How each kind of layer is drawn (SVG attributes), in the report and in the app. */
export const LAYER_STYLE_ATTRS: Record<MapLayer['kind'], Record<string, string>> = {
  water: { fill: '#cfe3f5', stroke: '#5b9bd5', 'stroke-width': '2' },
  landuse: { fill: '#e3efd9', stroke: '#9bbb7d', 'stroke-width': '1' },
  hazard: { fill: '#f6cfc9', stroke: '#c0392b', 'stroke-width': '1.5' },
  boundary: { fill: 'none', stroke: '#555', 'stroke-width': '1.5', 'stroke-dasharray': '6 4' },
  other: { fill: '#eee', stroke: '#999', 'stroke-width': '1' },
};

/** The same as attribute text for the report, the hazard hatched (the report's SVG defines #hatch). */
const LAYER_STYLE = Object.fromEntries(
  Object.entries(LAYER_STYLE_ATTRS).map(([kind, attrs]) => [kind, Object.entries({ ...attrs, ...(kind === 'hazard' ? { fill: 'url(#hatch)' } : {}) }).map(([k, v]) => `${k}="${v}"`).join(' ')]),
) as Record<MapLayer['kind'], string>;

type Named = { name: string; at: [number, number] };

/**
 * Where each name goes, without overlaps: the layers' labels first (few, and fixed on their
 * feature), then hospitals (over other markers if need be: where the ambulances go), then stations in
 * the scenario's order (beside their markers), then the zones' names (fixed at the zone's point: an
 * area stays recognisable by its outline). Above the legend's strip.
 */
function mapLabels(layers: { label: string; at: [number, number] }[], hospitals: Named[], stations: Named[], zones: Named[], w: number, h: number) {
  const bounds = { x0: 0, y0: 0, x1: w, y1: h - 30 };
  const markers: Box[] = [...hospitals.map((p) => markerBox(p.at[0], p.at[1], 6)), ...stations.map((p) => markerBox(p.at[0], p.at[1], 5))];
  const texts: Box[] = [];
  const step = (items: { text: string; at: [number, number] }[], fontPx: number, o: { r: number; fixed?: boolean; insist?: boolean }) => {
    const reqs = items.map((x) => ({ x: x.at[0], y: x.at[1], text: x.text, ...o }));
    // A layer feature without a label (or a point off the map) asks for no place.
    const asks = (q: (typeof reqs)[number]) => q.text !== '' && Number.isFinite(q.x) && Number.isFinite(q.y);
    const { placed, boxes } = placeLabels(reqs.filter(asks), fontPx, markers, texts, bounds);
    texts.push(...boxes);
    let k = 0;
    return reqs.map((q) => (asks(q) ? placed[k++] : null));
  };
  const layerLabels = step(layers.map((l) => ({ text: l.label, at: l.at })), 11, { r: 0, fixed: true });
  const hospitalLabels = step(hospitals.map((p) => ({ text: p.name, at: p.at })), 11, { r: 6, insist: true });
  const stationLabels = step(stations.map((p) => ({ text: p.name, at: p.at })), 11, { r: 5 });
  const zoneLabels = step(zones.map((p) => ({ text: p.name, at: p.at })), 12, { r: 0, fixed: true });
  return { layers: layerLabels, hospitals: hospitalLabels, stations: stationLabels, zones: zoneLabels };
}

/** What the report's map needs of an incident: where, which, and its response level. */
export type MapIncident = Pick<IncidentRecord, 'incidentId' | 'type' | 'lon' | 'lat' | 'levelTrue' | 'levelFinal'>;

/** Incidents at one place with one level, for the map: the first of them (a copy of what the map needs) and how many. */
export interface MapSpot {
  first: MapIncident;
  n: number;
}

/**
 * The incidents as spots: one per place (longitude and latitude as they are) and level — the final
 * one, else the true one —, in the order first seen. A run's incidents mostly happen at a few places
 * (a zone's centre, a road's points), so a replication's hundred thousand incidents are kept for the
 * map as a few spots, not an object each.
 */
export function mapSpots(incidents: readonly MapIncident[]): MapSpot[] {
  const byLon = new Map<number, Map<number, Map<string, MapSpot>>>();
  const out: MapSpot[] = [];
  for (const i of incidents) {
    const level = i.levelFinal ?? i.levelTrue;
    let byLat = byLon.get(i.lon);
    if (!byLat) byLon.set(i.lon, (byLat = new Map()));
    let byLevel = byLat.get(i.lat);
    if (!byLevel) byLat.set(i.lat, (byLevel = new Map()));
    const spot = byLevel.get(level);
    if (spot) spot.n++;
    else {
      const s = { first: { incidentId: i.incidentId, type: i.type, lon: i.lon, lat: i.lat, levelTrue: i.levelTrue, levelFinal: i.levelFinal }, n: 1 };
      byLevel.set(level, s);
      out.push(s);
    }
  }
  return out;
}

/**
 * One dot per spot (to the tenth of a pixel, as drawn) and level, in the order first seen: dots that
 * would be drawn on top of each other in the same colour are one, titled with the first incident and
 * how many more (a long run's thousands of incidents at a zone's centre stay one dot, not megabytes).
 * Spots at one place (a Map's key: -0 is 0) land on one pixel, so merging them first changes no dot.
 */
export function incidentDots(spots: readonly MapSpot[], xy: (lon: number, lat: number) => [number, number]): { x: string; y: string; first: MapIncident; n: number; level: string }[] {
  const f1 = (v: number) => v.toFixed(1);
  const dots = new Map<string, { x: string; y: string; first: MapIncident; n: number; level: string }>();
  for (const { first: i, n } of spots) {
    const [px, py] = xy(i.lon, i.lat);
    const x = f1(px);
    const y = f1(py);
    const level = i.levelFinal ?? i.levelTrue;
    const key = `${x},${y},${level}`;
    const d = dots.get(key);
    if (d) d.n += n;
    else dots.set(key, { x, y, first: i, n, level });
  }
  return [...dots.values()];
}

/** The map as an SVG figure; the incidents of `spots` are drawn as dots coloured by their final response level. */
export function mapSvg(map: MapData, spots: readonly MapSpot[], lang: Lang, caption: string): string {
  const W = 900;
  const H = 560;
  const points: [number, number][] = [
    ...map.roads.flatMap(([a, b, c, d]): [number, number][] => [[a, b], [c, d]]),
    ...map.zones.flatMap((z): [number, number][] => z.polygon ?? [[z.lon, z.lat]]),
    ...map.stations.map((p) => [p.lon, p.lat] as [number, number]),
    ...map.hospitals.map((p) => [p.lon, p.lat] as [number, number]),
  ];
  // Nothing to draw, or everything at one place (no extent to fit: it would all land in a corner).
  if (points.every(([lon, lat]) => lon === points[0]?.[0] && lat === points[0]?.[1])) return '';
  const projection = geoMercator().fitExtent([[20, 20], [W - 20, H - 40]], { type: 'MultiPoint', coordinates: points });
  const xy = (lon: number, lat: number): [number, number] => projection([lon, lat]) ?? [0, 0];
  const f1 = (v: number) => v.toFixed(1);
  const draw = (g: { type: string; coordinates: unknown }) => planarPath(g, xy);
  const layerShapes = map.layers.flatMap((l) =>
    l.features.flatMap((f) => {
      if (!f.geometry) return [];
      const { d, at } = draw(f.geometry);
      if (!d) return [];
      const line = /LineString/.test(f.geometry.type);
      const style = line ? LAYER_STYLE[l.kind].replace(/fill="[^"]*"/, 'fill="none"') : LAYER_STYLE[l.kind];
      const label = l.label && f.properties?.[l.label] !== undefined ? String(f.properties[l.label]) : '';
      return [{ path: `<path d="${d}" fill-rule="evenodd" ${style}><title>${esc(l.name)}${label ? ` · ${esc(label)}` : ''}</title></path>`, label, at }];
    }),
  );
  const stationsXy = map.stations.map((p) => ({ name: p.name, at: xy(p.lon, p.lat) }));
  const hospitalsXy = map.hospitals.map((p) => ({ name: p.name, at: xy(p.lon, p.lat) }));
  const labels = mapLabels(layerShapes, hospitalsXy, stationsXy, map.zones.map((z) => ({ name: z.name, at: xy(z.lon, z.lat) })), W, H);
  const text = (p: PlacedLabel | null, cls: string, name: string) => (p ? `<text x="${f1(p.x)}" y="${f1(p.y)}" class="${cls}"${p.anchor === 'start' ? '' : ` text-anchor="${p.anchor}"`}>${esc(name)}</text>` : '');
  const layers = layerShapes.map((l, i) => l.path + text(labels.layers[i], 'll', l.label)).join('');
  const zones = map.zones
    .map((z, i) => {
      const outline = z.polygon ? `<path d="${draw({ type: 'Polygon', coordinates: [z.polygon] }).d}" fill="none" stroke="#bbb" stroke-width="1"/>` : '';
      return outline + text(labels.zones[i], 'zl', z.name);
    })
    .join('');
  const roads = map.roads.length ? `<path d="${map.roads.map(([a, b, c, d]) => { const [x1, y1] = xy(a, b); const [x2, y2] = xy(c, d); return `M${f1(x1)},${f1(y1)}L${f1(x2)},${f1(y2)}`; }).join('')}" stroke="#a9a9a9" stroke-width="1.2" fill="none"/>` : '';
  const dots = incidentDots(spots, xy)
    .map(({ x, y, first, n, level }) => `<circle cx="${x}" cy="${y}" r="3.5" fill="${LEVEL_COLOR[level] ?? '#777'}" fill-opacity="0.75"><title>${esc(first.incidentId)} ${esc(first.type)} ${esc(level)}${n > 1 ? ` +${n - 1}` : ''}</title></circle>`)
    .join('');
  // A name without room beside its marker stays in the marker's tooltip.
  const stations = stationsXy
    .map(({ name, at: [x, y] }, i) => `<rect x="${f1(x - 5)}" y="${f1(y - 5)}" width="10" height="10" fill="#2f4b7c"><title>${esc(name)}</title></rect>${text(labels.stations[i], 'pl', name)}`)
    .join('');
  const hospitals = hospitalsXy
    .map(({ name, at: [x, y] }, i) => `<path d="M${f1(x - 2)},${f1(y - 6)}h4v4h4v4h-4v4h-4v-4h-4v-4h4z" fill="#c0392b"><title>${esc(name)}</title></path>${text(labels.hospitals[i], 'pl', name)}`)
    .join('');
  const L = LEGEND[lang];
  const legend = `<g transform="translate(20,${H - 18})" font-size="11"><rect width="10" height="10" y="-9" fill="#2f4b7c"/><text x="14">${L.station}</text><path transform="translate(80,-4)" d="M-2,-6h4v4h4v4h-4v4h-4v-4h-4v-4h4z" fill="#c0392b"/><text x="92">${L.hospital}</text><circle cx="160" cy="-4" r="4" fill="#e15759"/><text x="168">${L.incident}</text><line x1="${lang === 'zh' ? 330 : 360}" x2="${lang === 'zh' ? 350 : 380}" y1="-4" y2="-4" stroke="#a9a9a9" stroke-width="2"/><text x="${lang === 'zh' ? 354 : 384}">${L.road}</text></g>`;
  const defs = '<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fbe3e0"/><line y2="8" stroke="#e8a59c" stroke-width="3"/></pattern></defs>';
  const style = '<style>.zl{font-size:12px;fill:#666;text-anchor:middle}.pl{font-size:11px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px}.ll{font-size:11px;fill:#1f5f99;font-style:italic;text-anchor:middle}</style>';
  return `<figure class="chart map"><svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(caption)}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">${defs}${style}<rect width="${W}" height="${H}" fill="#fbfbf8"/>${layers}${zones}${roads}${dots}${stations}${hospitals}${legend}</svg><figcaption>${esc(caption)}</figcaption></figure>`;
}
