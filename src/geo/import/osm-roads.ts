/**
 * The road network of an OSM extract, as the GeoJSON the `network` travel model reads: ways a motor
 * vehicle may use (highway classes, or car ferries), with speeds by Chinese road class, one-way
 * direction (`oneway=-1` turned round, roundabouts and motorways one-way), no-access roads dropped
 * unless emergency vehicles may use them, kept where a segment has an end inside the area, and only
 * the largest strongly connected part (every place can reach every other and return). Ways join only
 * where they share an OSM node, so a bridge does not meet the road it crosses. Every dropped way or
 * segment is counted by its reason.
 */
import type { Problem as InputError, Words } from './problem.ts';
import { distanceM } from '../distance.ts';
import type { OsmData, OsmTags } from './osm-read.ts';
import { insideArea, OUTSIDE_AREA, type Area } from './area.ts';
import { stronglyConnected } from './components.ts';
import { CONTROLLED_ACCESS, NOT_FOR_VEHICLES, parseMaxspeed } from './road-classes.ts';

/** One line of the import report: what was dropped (or kept), how many ways/segments, how long. */
export interface ReportLine {
  /** Why, in both languages (`kept` for the kept line). */
  reason: Words;
  ways: number;
  segments: number;
  lengthKm: number;
}

export interface RoadImport {
  /** GeoJSON FeatureCollection of LineStrings (properties: osm_id, highway, name, speed_kmh, oneway, access, ferry, bridge, tunnel). */
  geojson: { type: 'FeatureCollection'; features: RoadFeature[] };
  kept: ReportLine;
  dropped: ReportLine[];
  /** Strongly connected parts of the clipped network, before all but the largest were dropped. */
  parts: number;
}

export interface RoadFeature {
  type: 'Feature';
  properties: { osm_id: string; highway: string; name?: string; speed_kmh: number; oneway?: true; access?: 'no'; ferry?: true; bridge?: true; tunnel?: true };
  geometry: { type: 'LineString'; coordinates: [number, number][] };
}

export interface RoadOptions {
  /** Keep segments with an end inside it; everything when absent. */
  area?: Area;
  /** Speed by class (km/h), see `speedTable`. */
  speeds: Record<string, number>;
  /** Refuse the network when the parts dropped for connectivity hold more than this share of its length. */
  maxDroppedShare: number;
  /** Names the area in errors (`--boundary county.geojson`). */
  areaWhere?: string;
}

const YES = new Set(['yes', 'designated', 'permissive', 'destination']);
const CLOSED = new Set(['no', 'private']);

/** Why a way carries no emergency vehicle, or null when it does; also its class. */
function classify(tags: OsmTags, speeds: Record<string, number>): { cls: string } | { reason: Words } | null {
  let cls: string;
  if (tags.route === 'ferry') {
    if (!YES.has(tags.motor_vehicle ?? '') && !YES.has(tags.motorcar ?? '')) return { reason: { zh: '不载车辆的渡轮（route=ferry，且没有 motor_vehicle=yes）', en: 'ferry without cars (route=ferry, no motor_vehicle=yes)' } };
    cls = 'ferry';
  } else if (tags.highway) {
    cls = tags.highway;
    if (NOT_FOR_VEHICLES.has(cls)) return { reason: { zh: `机动车不能通行（highway=${cls}）`, en: `not for motor vehicles (highway=${cls})` } };
    if (tags.area === 'yes') return { reason: { zh: '是一片区域，不是道路（area=yes）', en: 'an area, not a road (area=yes)' } };
    if (!(cls in speeds)) return { reason: { zh: `未知的道路等级（highway=${cls}）`, en: `unknown road class (highway=${cls})` } };
  } else return null;
  const emergency = YES.has(tags.emergency ?? '');
  const motorOk = YES.has(tags.motor_vehicle ?? '') || YES.has(tags.motorcar ?? '');
  const closed = [tags.access, tags.vehicle, tags.motor_vehicle, tags.motorcar].some((v) => CLOSED.has(v ?? ''));
  if (closed && !emergency && !(motorOk && !CLOSED.has(tags.motor_vehicle ?? '') && !CLOSED.has(tags.motorcar ?? ''))) return { reason: { zh: '禁止通行（access、vehicle 或 motor_vehicle = no/private，且没有 emergency=yes）', en: 'no access (access, vehicle or motor_vehicle = no/private, and no emergency=yes)' } };
  return { cls };
}

/** +1 one way along the way, −1 against it, 0 both ways; emergency vehicles may have their own rule. */
function direction(tags: OsmTags, cls: string): 1 | -1 | 0 {
  const o = tags['oneway:emergency'] ?? tags.oneway;
  if (o === 'no' || o === 'false' || o === '0') return 0;
  if (o === '-1' || o === 'reverse') return -1;
  if (o === 'yes' || o === 'true' || o === '1') return 1;
  if (tags.junction === 'roundabout' || tags.junction === 'circular' || cls === 'motorway' || cls === 'motorway_link') return 1;
  return 0;
}

/** Builds the road network of an extract; errors when nothing usable is left or it falls apart. */
export function importRoads(data: OsmData, options: RoadOptions, where: string): { roads: RoadImport } | { errors: InputError[] } {
  const dropped = new Map<string, ReportLine>();
  const drop = (reason: Words, ways: number, segments: number, lengthM: number) => {
    const d = dropped.get(reason.en) ?? { reason, ways: 0, segments: 0, lengthKm: 0 };
    d.ways += ways;
    d.segments += segments;
    d.lengthKm += lengthM / 1000;
    dropped.set(reason.en, d);
  };
  const wayLengthM = (ids: number[]) => {
    let m = 0;
    for (let k = 1; k < ids.length; k++) {
      const a = data.nodes.get(ids[k - 1]);
      const b = data.nodes.get(ids[k]);
      if (a && b) m += distanceM(a, b);
    }
    return m;
  };
  // Kept segments, in way order (so runs of one way can be joined again), directed when one-way.
  const segs: { way: number; a: number; b: number; oneway: boolean; lengthM: number }[] = [];
  const wayInfo: { id: number; cls: string; tags: OsmTags; speed: number }[] = [];
  for (const w of data.ways) {
    const c = classify(w.tags, options.speeds);
    if (c === null) continue;
    if ('reason' in c) {
      drop(c.reason, 1, Math.max(0, w.nodes.length - 1), wayLengthM(w.nodes));
      continue;
    }
    const dir = direction(w.tags, c.cls);
    const ids = dir === -1 ? [...w.nodes].reverse() : w.nodes;
    const base = options.speeds[c.cls];
    const posted = c.cls === 'ferry' ? null : parseMaxspeed(w.tags.maxspeed);
    const wi = wayInfo.push({ id: w.id, cls: c.cls, tags: w.tags, speed: posted === null ? base : Math.min(base, posted) }) - 1;
    let kept = 0;
    for (let k = 1; k < ids.length; k++) {
      const a = data.nodes.get(ids[k - 1]);
      const b = data.nodes.get(ids[k]);
      if (!a || !b) {
        drop({ zh: '数据中缺少节点（路径在数据边缘被截断）', en: 'nodes missing from the extract (a way cut at its edge)' }, 0, 1, a && b ? distanceM(a, b) : 0);
        continue;
      }
      if (ids[k - 1] === ids[k]) continue;
      const lengthM = distanceM(a, b);
      if (options.area && !insideArea(options.area, a.lon, a.lat) && !insideArea(options.area, b.lon, b.lat)) {
        drop(OUTSIDE_AREA, 0, 1, lengthM);
        continue;
      }
      segs.push({ way: wi, a: ids[k - 1], b: ids[k], oneway: dir !== 0, lengthM });
      kept++;
    }
    if (kept === 0) wayInfo.pop();
  }
  if (segs.length === 0) {
    if (!options.area) return { errors: [{ path: where, zh: '不含机动车可通行的道路', en: 'holds no road a motor vehicle may use' }] };
    const extent = extentText(data);
    return { errors: [{ path: options.areaWhere ?? where, zh: `${where} 中没有位于该范围内的道路${extent.zh}`, en: `no road of ${where} lies inside the area${extent.en}` }] };
  }

  // Largest strongly connected part, by length.
  const index = new Map<number, number>();
  const idx = (id: number) => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = index.size));
    return i;
  };
  const from: number[] = [];
  const to: number[] = [];
  for (const s of segs) {
    const [u, v] = [idx(s.a), idx(s.b)];
    from.push(u);
    to.push(v);
    if (!s.oneway) {
      from.push(v);
      to.push(u);
    }
  }
  const comp = stronglyConnected(index.size, from, to);
  const lengthByComp = new Map<number, number>();
  for (const s of segs) {
    const c = comp[index.get(s.a)!];
    if (c === comp[index.get(s.b)!]) lengthByComp.set(c, (lengthByComp.get(c) ?? 0) + s.lengthM);
  }
  const ranked = [...lengthByComp.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const best = ranked.length ? ranked[0][0] : -1;
  const totalM = segs.reduce((a, s) => a + s.lengthM, 0);
  const keptSegs = segs.filter((s) => comp[index.get(s.a)!] === best && comp[index.get(s.b)!] === best);
  const keptM = keptSegs.reduce((a, s) => a + s.lengthM, 0);
  const cutM = totalM - keptM;
  if (keptSegs.length < segs.length) drop({ zh: '未与路网的最大部分双向连通', en: 'not connected both ways to the largest part of the network' }, 0, segs.length - keptSegs.length, cutM);
  if (keptSegs.length === 0 || cutM > options.maxDroppedShare * totalM) {
    const share = totalM > 0 ? (100 * keptM) / totalM : 0;
    return {
      errors: [{
        path: where,
        zh: `路网不连通：其中最大的双向互通部分（每处都能往返到达其他各处）只占全部 ${(totalM / 1000).toFixed(1)} 千米道路的 ${share.toFixed(0)}%（共 ${ranked.length} 部分），将舍弃超过 ${(100 * options.maxDroppedShare).toFixed(0)}% 的道路——请检查范围和单行道，或用 --max-dropped 放宽限制`,
        en: `the road network is disconnected: its largest part, where every place reaches every other both ways, holds ${share.toFixed(0)}% of the ${(totalM / 1000).toFixed(1)} km of road (${ranked.length} parts); more than ${(100 * options.maxDroppedShare).toFixed(0)}% would be dropped — check the area and one-way roads, or allow it with --max-dropped`,
      }],
    };
  }

  // Join consecutive kept segments of one way into a line.
  const features: RoadFeature[] = [];
  const pos = (id: number): [number, number] => {
    const n = data.nodes.get(id)!;
    return [Math.round(n.lon * 1e7) / 1e7, Math.round(n.lat * 1e7) / 1e7];
  };
  let last: { way: number; b: number } | null = null;
  for (const s of keptSegs) {
    if (last && last.way === s.way && last.b === s.a) features[features.length - 1].geometry.coordinates.push(pos(s.b));
    else features.push(feature(wayInfo[s.way], [pos(s.a), pos(s.b)], s.oneway));
    last = s;
  }
  const keptWays = new Set(keptSegs.map((s) => s.way)).size;
  return {
    roads: {
      geojson: { type: 'FeatureCollection', features },
      kept: { reason: { zh: '保留', en: 'kept' }, ways: keptWays, segments: keptSegs.length, lengthKm: keptM / 1000 },
      dropped: [...dropped.values()].sort((a, b) => b.lengthKm - a.lengthKm || (a.reason.en < b.reason.en ? -1 : a.reason.en > b.reason.en ? 1 : 0)),
      parts: ranked.length,
    },
  };
}

function feature(w: { id: number; cls: string; tags: OsmTags; speed: number }, coordinates: [number, number][], oneway: boolean): RoadFeature {
  const name = w.tags['name:zh'] ?? w.tags.name;
  const p: RoadFeature['properties'] = { osm_id: `way/${w.id}`, highway: w.cls, speed_kmh: w.speed };
  if (name) p.name = name;
  if (oneway) p.oneway = true;
  if (CONTROLLED_ACCESS.has(w.cls) || (w.cls === 'trunk' && w.tags.motorroad === 'yes')) p.access = 'no';
  if (w.cls === 'ferry') p.ferry = true;
  if (w.tags.bridge && w.tags.bridge !== 'no') p.bridge = true;
  if (w.tags.tunnel && w.tags.tunnel !== 'no') p.tunnel = true;
  return { type: 'Feature', properties: p, geometry: { type: 'LineString', coordinates } };
}

/** " (the extract spans lon a…b, lat c…d)" in both languages (empty without nodes), to show how far off an area is. */
export function extentText(data: OsmData): Words {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of data.nodes.values()) {
    w = Math.min(w, p.lon);
    e = Math.max(e, p.lon);
    s = Math.min(s, p.lat);
    n = Math.max(n, p.lat);
  }
  if (!Number.isFinite(w)) return { zh: '', en: '' };
  const lon = `${w.toFixed(4)}…${e.toFixed(4)}`;
  const lat = `${s.toFixed(4)}…${n.toFixed(4)}`;
  return { zh: `（数据范围：经度 ${lon}，纬度 ${lat}）`, en: ` (the extract spans lon ${lon}, lat ${lat})` };
}
