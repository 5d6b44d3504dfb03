/**
 * Drafts of stations and hospitals from an OSM extract's places: fire stations
 * (`amenity=fire_station`), police stations (`amenity=police`), ambulance stations
 * (`emergency=ambulance_station`) and hospitals (`amenity=hospital` or `healthcare=hospital`; those
 * tagged `emergency=no` have no emergency department and are left out). Places mapped as buildings
 * (ways, multipolygon relations) stand at the mean of their nodes. The drafts are GeoJSON Points
 * with `id`, `name` and `kind`, for a planner to check, name the agency of, and load.
 */
import type { OsmData, OsmTags } from './osm-read.ts';
import { insideArea, OUTSIDE_AREA, type Area } from './area.ts';
import type { Words } from './problem.ts';

export type PoiKind = 'fire' | 'police' | 'ems' | 'hospital';

export interface PoiFeature {
  type: 'Feature';
  properties: { id: string; name: string; kind: PoiKind; osm_id: string };
  geometry: { type: 'Point'; coordinates: [number, number] };
}

export interface PoiImport {
  stations: { type: 'FeatureCollection'; features: PoiFeature[] };
  hospitals: { type: 'FeatureCollection'; features: PoiFeature[] };
  /** Places left out, by reason. */
  dropped: { reason: Words; count: number }[];
}

const PREFIX: Record<PoiKind, string> = { fire: 'F', police: 'P', ems: 'A', hospital: 'H' };

function kindOf(tags: OsmTags): PoiKind | null {
  if (tags.amenity === 'fire_station') return 'fire';
  if (tags.amenity === 'police') return 'police';
  if (tags.emergency === 'ambulance_station') return 'ems';
  if (tags.amenity === 'hospital' || tags.healthcare === 'hospital') return 'hospital';
  return null;
}

/** The station and hospital drafts of an extract, within the area when given. */
export function importPois(data: OsmData, area?: Area): PoiImport {
  const mean = (ids: number[]): [number, number] | null => {
    let [x, y, n] = [0, 0, 0];
    for (const id of new Set(ids)) {
      const p = data.nodes.get(id);
      if (p) [x, y, n] = [x + p.lon, y + p.lat, n + 1];
    }
    return n ? [x / n, y / n] : null;
  };
  const ways = new Map(data.ways.map((w) => [w.id, w]));
  const found: { kind: PoiKind; tags: OsmTags; at: [number, number] | null; osmId: string }[] = [];
  for (const [id, n] of data.nodes) {
    const kind = n.tags ? kindOf(n.tags) : null;
    if (kind) found.push({ kind, tags: n.tags!, at: [n.lon, n.lat], osmId: `node/${id}` });
  }
  for (const w of data.ways) {
    const kind = kindOf(w.tags);
    if (kind) found.push({ kind, tags: w.tags, at: mean(w.nodes), osmId: `way/${w.id}` });
  }
  for (const r of data.relations) {
    const kind = kindOf(r.tags);
    if (kind) found.push({ kind, tags: r.tags, at: mean(r.members.filter((m) => m.type === 'way' && m.role !== 'inner').flatMap((m) => ways.get(m.ref)?.nodes ?? [])), osmId: `relation/${r.id}` });
  }
  const dropped = new Map<string, { reason: Words; count: number }>();
  const counters: Record<PoiKind, number> = { fire: 0, police: 0, ems: 0, hospital: 0 };
  const stations: PoiFeature[] = [];
  const hospitals: PoiFeature[] = [];
  for (const f of found) {
    const reason: Words | null = !f.at
      ? { zh: '没有位置（其节点不在数据中）', en: 'no position (its nodes are missing from the extract)' }
      : area && !insideArea(area, f.at[0], f.at[1])
        ? OUTSIDE_AREA
        : f.kind === 'hospital' && f.tags.emergency === 'no'
          ? { zh: '没有急诊的医院（emergency=no）', en: 'hospital without an emergency department (emergency=no)' }
          : null;
    if (reason) {
      const d = dropped.get(reason.en) ?? { reason, count: 0 };
      d.count++;
      dropped.set(reason.en, d);
      continue;
    }
    const id = `${PREFIX[f.kind]}${String(++counters[f.kind]).padStart(2, '0')}`;
    const name = f.tags['name:zh'] ?? f.tags.name ?? id;
    const at: [number, number] = [Math.round(f.at![0] * 1e7) / 1e7, Math.round(f.at![1] * 1e7) / 1e7];
    const feat: PoiFeature = { type: 'Feature', properties: { id, name, kind: f.kind, osm_id: f.osmId }, geometry: { type: 'Point', coordinates: at } };
    (f.kind === 'hospital' ? hospitals : stations).push(feat);
  }
  return {
    stations: { type: 'FeatureCollection', features: stations },
    hospitals: { type: 'FeatureCollection', features: hospitals },
    dropped: [...dropped.values()],
  };
}
