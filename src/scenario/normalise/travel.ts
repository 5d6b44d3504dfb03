/** The travel model: straight lines, a road network from GeoJSON, or a zone × station matrix. */
import Papa from 'papaparse';
import type { InputError } from '../errors.ts';
import type { ScenarioParsed } from '../schema.ts';
import type { Hospital, Station, Zone } from '../scenario.ts';
import { readSideFile } from '../files.ts';
import type { Point } from '../../geo/point.ts';
import { roadGraphOf, type Travel } from '../../geo/travel.ts';
import { parseRoadGeoJson, type RoadGraph, type RoadNetwork } from '../../geo/network.ts';
import type { NormaliseContext } from './context.ts';
import { secs } from './dist.ts';
import { decimal } from '../table.ts';
import { MAX_SECONDS } from '../duration.ts';
import type { GeoFile } from './geography.ts';
import { unknownZone } from './words.ts';

/** Reads a zone × station matrix CSV: first column zone id, then one column per station. */
export function matrixFromCsv(text: string, where: string, errors: InputError[]): Record<string, Record<string, number>> {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  const out: Record<string, Record<string, number>> = Object.create(null);
  const header = rows[0] ?? [];
  rows.slice(1).forEach((r, i) => {
    const zone = (r[0] ?? '').trim();
    out[zone] = Object.create(null);
    for (let c = 1; c < header.length; c++) {
      const cellText = (r[c] ?? '').trim();
      const v = decimal(cellText) ?? NaN;
      if (!(v >= 0 && v <= MAX_SECONDS)) {
        const cell = cellText.slice(0, 40);
        const why =
          cellText === ''
            ? { zh: '为空：请给出以秒为单位的行驶时间', en: 'is empty: give a travel time in seconds' }
            : v > MAX_SECONDS
              ? { zh: `超过 100 年（${MAX_SECONDS} 秒）：“${cell}”`, en: `is more than 100 years (${MAX_SECONDS} s): "${cell}"` }
              : { zh: `不是以秒为单位的行驶时间：“${cell}”`, en: `not a travel time in seconds: "${cell}"` };
        errors.push({ path: `${where} row ${i + 2} column "${header[c]}"`, ...why });
      }
      out[zone][header[c].trim()] = v;
    }
  });
  return out;
}

/** Every place must lie near the road network and reach the others both ways. */
function checkNetworkReach(g: RoadGraph, snapM: number, places: { p: Point; path: string }[], errors: InputError[]) {
  const snapped = places.map((x) => ({ ...x, ...g.nearest(x.p) }));
  for (const x of snapped) {
    if (x.distanceM > snapM) errors.push({ path: x.path, zh: `距最近的道路 ${Math.round(x.distanceM)} 米（上限 travel.snapM = ${snapM} 米）`, en: `is ${Math.round(x.distanceM)} m from the nearest road (limit travel.snapM = ${snapM} m)` });
  }
  if (snapped.length === 0) return;
  const hub = snapped[0].node;
  const to = g.towards(hub).timeS;
  const from = g.reachableFrom(hub);
  for (const x of snapped) {
    if (!Number.isFinite(to[x.node]) || !from[x.node]) {
      errors.push({ path: x.path, zh: '在路网上与其他地点不能互相到达（道路不连通？）', en: 'cannot be reached on the road network from the rest (disconnected roads?)' });
    }
  }
}

/** {@link checkNetworkReach}'s problems, once per network and set of places in a load. */
function reachErrors(net: RoadNetwork, snapM: number, places: { p: Point; path: string }[], ctx: NormaliseContext): InputError[] {
  const check = (g: RoadGraph) => {
    const errors: InputError[] = [];
    checkNetworkReach(g, snapM, places, errors);
    return errors;
  };
  const cache = ctx.cache;
  if (!cache) return check(roadGraphOf(net));
  const key = `reach ${snapM} ${JSON.stringify(places.map((x) => [x.path, String(x.p.lon), String(x.p.lat)]))}`;
  return cache.memoOn(net, key, () => check(roadGraphOf(net)));
}

function matrixOf(tr: ScenarioParsed['travel'], zones: Zone[], zoneIds: Set<string>, stations: Station[], ctx: NormaliseContext): Record<string, Record<string, number>> {
  let m: Record<string, Record<string, number>> = Object.create(null);
  if (typeof tr.matrix === 'string') {
    const text = readSideFile(ctx.readFile, tr.matrix, 'travel.matrix', ctx.errors);
    if (text === undefined) return m; // the file's problem is named; its coverage cannot be
    m = matrixFromCsv(text, `travel.matrix (${tr.matrix})`, ctx.errors);
  } else {
    for (const [z, row] of Object.entries(tr.matrix!)) m[z] = Object.assign(Object.create(null), Object.fromEntries(Object.entries(row).map(([k, v]) => [k, secs(v)])));
  }
  for (const z of Object.keys(m)) if (!zoneIds.has(z)) ctx.err(`travel.matrix.${z}`, unknownZone(z));
  for (const z of zones) {
    for (const st of stations) {
      if (m[z.id]?.[st.id] === undefined) {
        ctx.err('travel.matrix', { zh: `没有从站点“${st.id}”到区域“${z.id}”的行驶时间`, en: `no travel time from station "${st.id}" to zone "${z.id}"` });
        break;
      }
    }
  }
  return m;
}

export function normaliseTravel(tr: ScenarioParsed['travel'], places: { zones: Zone[]; zoneIds: Set<string>; stations: Station[]; hospitals: Hospital[] }, ctx: NormaliseContext, networkFile?: GeoFile): Travel {
  const travel: Travel = {
    model: tr.model,
    speedKmh: tr.speedKmh,
    detour: tr.detour,
    emergencyFactor: tr.emergencyFactor,
    congestion: tr.congestion ? tr.congestion.slice() : Array(24).fill(1),
    noise: tr.noise === undefined ? undefined : ctx.dist(tr.noise, 'travel.noise'),
    snapM: tr.snapM,
  };
  if (travel.congestion.some((m) => m <= 0)) ctx.err('travel.congestion', { zh: '倍数必须大于 0', en: 'multipliers must be positive' });
  if (tr.model === 'network') {
    if (!tr.network) ctx.err('travel.network', { zh: 'travel.model 为 network 时必须给出', en: 'is required when travel.model is network' });
    else {
      if (networkFile) {
        const parse = () => parseRoadGeoJson({ type: 'FeatureCollection', features: networkFile.features }, networkFile.where, tr.speedKmh);
        // The file's features are the cache's own (one object per file text), so the roads are parsed once per load.
        const r = ctx.cache ? ctx.cache.memoOn(networkFile.features, `roads ${networkFile.where}\0${tr.speedKmh}`, parse) : parse();
        ctx.errors.push(...r.errors);
        if (r.network) {
          travel.network = r.network;
          ctx.errors.push(...reachErrors(r.network, tr.snapM, [
            ...places.zones.map((z, i) => ({ p: z as Point, path: `zones[${i}] (${z.id})` })),
            ...places.stations.map((st, i) => ({ p: st as Point, path: `stations[${i}] (${st.id})` })),
            ...places.hospitals.map((h, i) => ({ p: h as Point, path: `hospitals[${i}] (${h.id})` })),
          ], ctx));
        }
      }
    }
  } else if (tr.model === 'matrix') {
    if (!tr.matrix) ctx.err('travel.matrix', { zh: 'travel.model 为 matrix 时必须给出', en: 'is required when travel.model is matrix' });
    else travel.matrix = matrixOf(tr, places.zones, places.zoneIds, places.stations, ctx);
  }
  return travel;
}
