/**
 * Scenario loading: text (YAML or JSON) → zod → cross-reference checks → normalised {@link Scenario}.
 * Pure: side files (GeoJSON, CSV) come through the `readFile` callback the host provides, so the same
 * loader runs in Node and in the browser. Every problem is returned as `{path, message}`.
 */
import { parse as parseYaml } from 'yaml';
import Papa from 'papaparse';
import type { z } from 'zod';
import { scenarioSchema, GRADES, type ScenarioParsed, type DistInput } from './schema.ts';
import { parseDuration, parseDateTime } from './duration.ts';
import { formatPath, type InputError, type Result } from './errors.ts';
import { parseHistoryCsv } from './history.ts';
import { resolveIncludes } from './include.ts';
import { INDICATOR_IDS, SCORE_GROUPS, type ScoringOverrides } from './scoring.ts';
import { distMean, type Dist } from '../random/distributions.ts';
import type { Agency, Background, Center, FixedIncident, IncidentType, Point, ResponseLine, Scenario, Travel, Unit, Zone } from './scenario.ts';
import { parseRoadGeoJson, RoadGraph } from '../geo/network.ts';
import { distanceM } from '../geo/distance.ts';

/** Reads a side file named relative to the scenario file; `null` when it does not exist. */
export type ReadFile = (relativePath: string) => string | null;

/** Parses YAML or JSON text into a plain value. */
export function parseScenarioText(text: string, fileName = 'scenario'): Result<unknown> {
  if (text.trim() === '') return { ok: false, errors: [{ path: fileName, message: 'the file is empty' }] };
  try {
    const value = /\.json$/i.test(fileName) ? JSON.parse(text) : parseYaml(text, { prettyErrors: true, uniqueKeys: true });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, errors: [{ path: fileName, message: 'a scenario must be a mapping of keys (name, start, agencies, …)' }] };
    }
    return { ok: true, value };
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    return { ok: false, errors: [{ path: fileName, message: `cannot parse: ${msg}` }] };
  }
}

/** zod issues as path-named errors. */
function zodErrors(issues: readonly z.core.$ZodIssue[], input: unknown): InputError[] {
  const out: InputError[] = [];
  for (const issue of issues) {
    // A union reports one issue per branch; show the branch that got furthest into the input.
    if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors) && issue.errors.length) {
      const branches = issue.errors as z.core.$ZodIssue[][];
      const deepest = [...branches].sort((a, b) => depth(b) - depth(a))[0];
      if (depth(deepest) > 0) {
        out.push(...zodErrors(deepest.map((i) => ({ ...i, path: [...issue.path, ...i.path] })), input));
        continue;
      }
    }
    let message = issue.message;
    if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) message = 'is required';
    if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    out.push({ path: formatPath(issue.path), message });
  }
  return out;
}
function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_type' ? 0 : 0.5)));
}
function valueAt(v: unknown, path: readonly PropertyKey[]): unknown {
  let cur = v as Record<PropertyKey, unknown> | undefined;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[p] as Record<PropertyKey, unknown> | undefined;
  }
  return cur;
}

const secs = (d: number | string): number => parseDuration(d) ?? NaN;

/** A written distribution in normalised form, or an error message. */
export function normaliseDist(d: DistInput): Dist | string {
  if (typeof d === 'number' || typeof d === 'string') return { dist: 'fixed', value: secs(d) };
  switch (d.dist) {
    case 'fixed':
      return { dist: 'fixed', value: secs(d.value) };
    case 'exponential': {
      const mean = secs(d.mean);
      return mean > 0 ? { dist: 'exponential', mean } : 'mean must be positive';
    }
    case 'lognormal': {
      const mean = secs(d.mean);
      return mean > 0 ? { dist: 'lognormal', mean, sd: secs(d.sd) } : 'mean must be positive';
    }
    case 'gamma': {
      if ((d.scale === undefined) === (d.mean === undefined)) return 'give a gamma either scale or mean (with shape)';
      const scale = d.scale !== undefined ? secs(d.scale) : secs(d.mean!) / d.shape;
      return scale > 0 ? { dist: 'gamma', shape: d.shape, scale } : 'scale must be positive';
    }
    case 'triangular': {
      const [min, mode, max] = [secs(d.min), secs(d.mode), secs(d.max)];
      return min <= mode && mode <= max ? { dist: 'triangular', min, mode, max } : 'needs min ≤ mode ≤ max';
    }
    case 'uniform': {
      const [min, max] = [secs(d.min), secs(d.max)];
      return min <= max ? { dist: 'uniform', min, max } : 'needs min ≤ max';
    }
    case 'empirical': {
      const values = d.values.map(secs);
      const weights = d.weights ?? values.map(() => 1);
      if (weights.length !== values.length) return `has ${values.length} values but ${weights.length} weights`;
      if (!(weights.reduce((a, b) => a + b, 0) > 0)) return 'weights must not all be zero';
      return { dist: 'empirical', values, weights };
    }
  }
}

function parseRoster(r: string | number[] | undefined): number[] | null {
  if (r === undefined) return null;
  if (Array.isArray(r)) return r.slice();
  const [a, b] = r.split('-').map((s) => {
    const [h, m] = s.split(':').map(Number);
    return h + (m || 0) / 60;
  });
  // Hour h is on duty when its start lies in [a, b) (wrapping past midnight when b ≤ a).
  return Array.from({ length: 24 }, (_, h) => (b > a ? (h >= a && h < b ? 1 : 0) : h >= a || h < b ? 1 : 0));
}

/** Parses a zones GeoJSON FeatureCollection (Points or Polygons with `id`, `name`, `population`). */
function zonesFromGeoJson(json: unknown, where: string): { zones: Zone[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const fc = json as { type?: string; features?: unknown[] };
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return { zones: [], errors: [{ path: where, message: 'not a GeoJSON FeatureCollection' }] };
  const zones: Zone[] = [];
  fc.features.forEach((f, i) => {
    const feat = f as { geometry?: { type: string; coordinates: unknown }; properties?: Record<string, unknown> };
    const p = feat.properties ?? {};
    const id = p.id ?? (f as { id?: unknown }).id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      errors.push({ path: `${where} features[${i}].properties.id`, message: 'is required' });
      return;
    }
    const c = centroid(feat.geometry);
    if (!c) {
      errors.push({ path: `${where} features[${i}].geometry`, message: 'must be a Point, Polygon or MultiPolygon' });
      return;
    }
    const population = Number(p.population ?? 0);
    if (!(population >= 0)) errors.push({ path: `${where} features[${i}].properties.population`, message: 'must be a number ≥ 0' });
    const zone: Zone = { id: String(id), name: String(p.name ?? id), population, ...c };
    const ring = outerRing(feat.geometry);
    if (ring) zone.polygon = ring;
    zones.push(zone);
  });
  return { zones, errors };
}

/** The outer ring of a Polygon (the largest polygon's, for a MultiPolygon). */
function outerRing(g: { type: string; coordinates: unknown } | undefined): [number, number][] | null {
  if (!g) return null;
  if (g.type === 'Polygon') return (g.coordinates as [number, number][][])[0].map(([x, y]) => [x, y]);
  if (g.type === 'MultiPolygon') {
    const polys = g.coordinates as [number, number][][][];
    const sorted = [...polys].sort((a, b) => b[0].length - a[0].length);
    return sorted[0][0].map(([x, y]) => [x, y]);
  }
  return null;
}

/** Centroid of a Point or the area-weighted centroid of a (Multi)Polygon's outer rings, in degrees. */
function centroid(g: { type: string; coordinates: unknown } | undefined): Point | null {
  if (!g) return null;
  if (g.type === 'Point') {
    const [lon, lat] = g.coordinates as number[];
    return Number.isFinite(lon) && Number.isFinite(lat) ? { lon, lat } : null;
  }
  const polys = g.type === 'Polygon' ? [g.coordinates as number[][][]] : g.type === 'MultiPolygon' ? (g.coordinates as number[][][][]) : null;
  if (!polys) return null;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const poly of polys) {
    const ring = poly[0];
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  if (a === 0) {
    const ring = polys[0][0];
    return { lon: ring[0][0], lat: ring[0][1] };
  }
  return { lon: cx / (3 * a), lat: cy / (3 * a) };
}

function readJson(readFile: ReadFile, rel: string, where: string, errors: InputError[]): unknown {
  const text = readFile(rel);
  if (text === null) {
    errors.push({ path: where, message: `file not found: "${rel}"` });
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    errors.push({ path: where, message: `"${rel}" is not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

/** Reads a zone × station matrix CSV: first column zone id, then one column per station. */
function matrixFromCsv(text: string, where: string, errors: InputError[]): Record<string, Record<string, number>> {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  const out: Record<string, Record<string, number>> = {};
  const header = rows[0] ?? [];
  rows.slice(1).forEach((r, i) => {
    const zone = (r[0] ?? '').trim();
    out[zone] = {};
    for (let c = 1; c < header.length; c++) {
      const v = Number(r[c]);
      if (!(v >= 0)) errors.push({ path: `${where} row ${i + 2} column "${header[c]}"`, message: `not a travel time: "${r[c]}"` });
      out[zone][header[c].trim()] = v;
    }
  });
  return out;
}

/**
 * Loads a scenario from its text. `fileName` picks YAML or JSON and names whole-file problems;
 * `readFile` supplies side files (omit it when the scenario names none).
 */
export function loadScenario(text: string, fileName = 'scenario.yaml', readFile: ReadFile = () => null): Result<Scenario> {
  const parsed = parseScenarioText(text, fileName);
  if (!parsed.ok) return parsed;
  return buildScenario(parsed.value, fileName, readFile);
}

/** Validates and normalises an already-parsed scenario object (its `include:` files laid over it first). */
export function buildScenario(input: unknown, fileName = 'scenario', readFile: ReadFile = () => null): Result<Scenario> {
  const inc = resolveIncludes(input, readFile, parseScenarioText);
  if (!inc.ok) return inc;
  const merged = inc.value.value;
  const z = scenarioSchema.safeParse(merged);
  if (!z.success) return { ok: false, errors: inc.value.relocate(zodErrors(z.error.issues, merged)) };
  const r = normalise(z.data, fileName, readFile);
  return r.ok ? r : { ok: false, errors: inc.value.relocate(r.errors) };
}

function normalise(s: ScenarioParsed, fileName: string, readFile: ReadFile): Result<Scenario> {
  const errors: InputError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const dist = (d: DistInput, path: string): Dist => {
    const r = normaliseDist(d);
    if (typeof r === 'string') {
      err(path, r);
      return { dist: 'fixed', value: 0 };
    }
    return r;
  };
  const distOrDefault = (d: DistInput | undefined, fallback: DistInput, path: string) => dist(d ?? fallback, path);
  const byGrade = (v: DistInput | Partial<Record<string, DistInput>>, path: string): Dist[] => {
    if (typeof v === 'object' && v !== null && !('dist' in v)) {
      const m = v as Partial<Record<string, DistInput>>;
      const out: Dist[] = [];
      let last: Dist | null = null;
      GRADES.forEach((g, i) => {
        if (m[g] !== undefined) last = dist(m[g]!, `${path}.${g}`);
        out[i] = last ?? { dist: 'fixed', value: NaN };
      });
      if (m.IV === undefined) err(`${path}.IV`, 'is required (higher grades fall back to lower ones, IV to nothing)');
      return out;
    }
    const one = dist(v as DistInput, path);
    return GRADES.map(() => one);
  };

  const start = parseDateTime(s.start, true);
  if (!start) err('start', `must be a date-time with its UTC offset, like "2026-06-01T00:00:00+08:00"; got "${s.start}"`);
  const durationS = secs(s.duration);
  if (!(durationS > 0)) err('duration', 'must be longer than zero');

  // Zones.
  let zones: Zone[] = [];
  if (Array.isArray(s.zones)) zones = s.zones.map((z) => ({ id: z.id, name: z.name ?? z.id, population: z.population, lon: z.lon, lat: z.lat }));
  else {
    const json = readJson(readFile, s.zones.file, 'zones.file', errors);
    if (json !== undefined) {
      const r = zonesFromGeoJson(json, `zones.file (${s.zones.file})`);
      zones = r.zones;
      errors.push(...r.errors);
    }
  }
  const zoneIds = uniqueIds(zones, 'zones', errors);

  // Agencies, stations, hospitals, units.
  const agencyIds = uniqueIds(s.agencies, 'agencies', errors);
  const kinds = new Set(s.agencies.map((a) => a.kind));
  const agencies: Agency[] = s.agencies.map((a, i) => {
    const p = `agencies[${i}]`;
    if (a.jurisdiction !== 'all') a.jurisdiction.forEach((z, k) => zoneIds.has(z) || err(`${p}.jurisdiction[${k}]`, `unknown zone "${z}"`));
    a.mutualAid?.from.forEach((f, k) => {
      if (!agencyIds.has(f)) err(`${p}.mutualAid.from[${k}]`, `unknown agency "${f}"`);
      else if (f === a.id) err(`${p}.mutualAid.from[${k}]`, 'an agency cannot be its own neighbour');
    });
    return {
      id: a.id,
      name: a.name ?? a.id,
      kind: a.kind,
      tier: a.tier,
      jurisdiction: a.jurisdiction === 'all' ? null : a.jurisdiction.slice(),
      channel: a.channel,
      channelDelay: {
        platform: distOrDefault(a.channels?.platform, 10, `${p}.channels.platform`),
        phone: distOrDefault(a.channels?.phone, { dist: 'lognormal', mean: 120, sd: 60 }, `${p}.channels.phone`),
        radio: distOrDefault(a.channels?.radio, { dist: 'lognormal', mean: 60, sd: 30 }, `${p}.channels.radio`),
      },
      alertDelay: distOrDefault(a.alertDelay, 30, `${p}.alertDelay`),
      mutualAid: a.mutualAid
        ? {
            from: a.mutualAid.from.slice(),
            withinS: secs(a.mutualAid.within),
            requestDelay: distOrDefault(a.mutualAid.requestDelay, 180, `${p}.mutualAid.requestDelay`),
            approvalDelay: distOrDefault(a.mutualAid.approvalDelay, 0, `${p}.mutualAid.approvalDelay`),
            backfill: a.mutualAid.backfill,
          }
        : undefined,
    };
  });
  const stationIds = uniqueIds(s.stations, 'stations', errors);
  s.stations.forEach((st, i) => st.agency && !agencyIds.has(st.agency) && err(`stations[${i}].agency`, `unknown agency "${st.agency}"`));
  const stations = s.stations.map((st) => ({ id: st.id, name: st.name ?? st.id, agency: st.agency, lon: st.lon, lat: st.lat }));
  uniqueIds(s.hospitals, 'hospitals', errors);
  const hospitals = s.hospitals.map((h, i) => ({ id: h.id, name: h.name ?? h.id, lon: h.lon, lat: h.lat, handover: dist(h.handover, `hospitals[${i}].handover`) }));

  const units: Unit[] = [];
  const unitIdSeen = new Map<string, string>();
  const unitTypesByAgency = new Map<string, Set<string>>();
  s.units.forEach((u, i) => {
    const p = `units[${i}]`;
    if (!agencyIds.has(u.agency)) err(`${p}.agency`, `unknown agency "${u.agency}"`);
    if (!stationIds.has(u.station)) err(`${p}.station`, `unknown station "${u.station}"`);
    // A unit's own turnout, else its agency's, else 60 s; errors name where the value was written.
    const ai = s.agencies.findIndex((a) => a.id === u.agency);
    const fromAgency = u.turnout === undefined && ai >= 0 && s.agencies[ai].turnout !== undefined;
    const turnout = u.turnout ?? (fromAgency ? s.agencies[ai].turnout! : 60);
    const tp = fromAgency ? `agencies[${ai}].turnout` : `${p}.turnout`;
    const isDayNight = typeof turnout === 'object' && 'day' in turnout;
    const day = dist(isDayNight ? turnout.day : (turnout as DistInput), `${tp}${isDayNight ? '.day' : ''}`);
    const night = isDayNight ? dist(turnout.night, `${tp}.night`) : day;
    const roster = parseRoster(u.roster);
    for (let k = 1; k <= u.count; k++) {
      const uid = u.count === 1 ? u.id : `${u.id}-${k}`;
      if (unitIdSeen.has(uid)) err(`${p}.id`, `duplicate unit id "${uid}" (also ${unitIdSeen.get(uid)})`);
      unitIdSeen.set(uid, p);
      const maintenance = u.maintenance.map((m, k) => {
        const fromS = secs(m.from);
        const toS = secs(m.to);
        if (!(toS > fromS)) err(`${p}.maintenance[${k}]`, 'needs from < to');
        return { fromS, toS };
      });
      const tasks = u.tasks ? { ratePerDay: u.tasks.ratePerDay, duration: dist(u.tasks.duration, `${p}.tasks.duration`) } : null;
      units.push({ id: uid, agency: u.agency, type: u.type, station: u.station, capabilities: u.capabilities.slice(), turnoutDay: day, turnoutNight: night, roster, maintenance, tasks });
    }
    if (!unitTypesByAgency.has(u.agency)) unitTypesByAgency.set(u.agency, new Set());
    unitTypesByAgency.get(u.agency)!.add(u.type);
  });

  // Center.
  const c = s.center;
  const center: Center = {
    callTakers: typeof c.callTakers === 'number' ? Array(24).fill(c.callTakers) : c.callTakers.slice(),
    answerTime: dist(c.answerTime, 'center.answerTime'),
    handlingTime: dist(c.handlingTime, 'center.handlingTime'),
    duplicateHandlingTime: dist(c.duplicateHandlingTime ?? c.handlingTime, 'center.duplicateHandlingTime'),
    verificationTime: dist(c.verificationTime, 'center.verificationTime'),
    planTime: dist(c.planTime, 'center.planTime'),
    patience: c.patience === undefined ? null : dist(c.patience, 'center.patience'),
    statusReports: c.statusReports
      ? {
          delay: dist(c.statusReports.delay, 'center.statusReports.delay'),
          lossProbability: c.statusReports.lossProbability,
          resendAfter: dist(c.statusReports.resendAfter, 'center.statusReports.resendAfter'),
          refusalDelay: dist(c.statusReports.refusalDelay, 'center.statusReports.refusalDelay'),
        }
      : null,
    gradingErrorProbability: c.grading.errorProbability,
    gradingMaxError: c.grading.maxError,
    dayStartH: c.dayStart,
    nightStartH: c.nightStart,
  };
  if (center.callTakers.every((n) => n === 0)) err('center.callTakers', 'at least one hour needs a call-taker');

  // Incident types and plans.
  const typeIds = uniqueIds(s.incidentTypes, 'incidentTypes', errors);
  const incidentTypes: IncidentType[] = s.incidentTypes.map((t, i) => {
    const p = `incidentTypes[${i}]`;
    const channels = Object.entries(t.callers.channels).map(([name, weight]) => ({ name, weight }));
    if (!(channels.reduce((a, ch) => a + ch.weight, 0) > 0)) err(`${p}.callers.channels`, 'weights must not all be zero');
    const gradeWeights = GRADES.map((g) => t.grades[g] ?? 0);
    if (!(gradeWeights.reduce((a, b) => a + b, 0) > 0)) err(`${p}.grades`, 'weights must not all be zero');
    if (t.transport && !units.some((u) => u.type === t.transport!.unitType)) err(`${p}.transport.unitType`, `no unit has type "${t.transport.unitType}"`);
    return {
      id: t.id,
      name: t.name ?? t.id,
      callerCount: byGrade(t.callers.count as never, `${p}.callers.count`),
      callerDelay: dist(t.callers.delay, `${p}.callers.delay`),
      channels,
      channelWeights: channels.map((ch) => ch.weight),
      workTime: byGrade(t.workTime as never, `${p}.workTime`),
      transport: t.transport ? { ...t.transport } : undefined,
      gradeWeights,
      dynamics: t.dynamics
        ? {
            initialSize: byGrade(t.dynamics.initialSize as never, `${p}.dynamics.initialSize`),
            growthPerS: t.dynamics.growthPerHour / 3600,
            sizePerUnit: t.dynamics.sizePerUnit,
            holdBy: t.dynamics.holdBy ? t.dynamics.holdBy.slice() : null,
            thresholds: GRADES.map((g) => t.dynamics!.thresholds[g] ?? null),
            workPerSizeS: secs(t.dynamics.workPerSize),
            maxSize: t.dynamics.maxSize ?? Infinity,
          }
        : undefined,
      supplies: t.supplies.map((x, k) => ({ item: x.item, amount: dist(x.amount, `${p}.supplies[${k}].amount`), perSize: x.perSize })),
      shortageFactor: t.shortageFactor,
    };
  });
  s.incidentTypes.forEach((t, i) => {
    const th = t.dynamics?.thresholds;
    if (th) {
      let last = 0;
      GRADES.forEach((g) => {
        const v = th[g];
        if (v === undefined) return;
        if (v <= last) err(`incidentTypes[${i}].dynamics.thresholds.${g}`, 'thresholds must rise with the grade');
        last = v;
      });
    }
    if (t.supplies.some((x) => x.perSize) && !t.dynamics) err(`incidentTypes[${i}].supplies`, 'perSize needs dynamics (a size)');
    t.dynamics?.holdBy?.forEach((ty, k) => {
      if (!units.some((u) => u.type === ty)) err(`incidentTypes[${i}].dynamics.holdBy[${k}]`, `no unit has type "${ty}"`);
    });
  });
  const plansRaw: Record<string, (ResponseLine[] | null)[]> = {};
  const postRaw: Record<string, (boolean | null)[]> = {};
  s.plans.forEach((pl, i) => {
    const p = `plans[${i}]`;
    if (!typeIds.has(pl.type)) err(`${p}.type`, `unknown incident type "${pl.type}"`);
    const grades = Array.isArray(pl.grade) ? pl.grade : [pl.grade];
    pl.response.forEach((r, k) => {
      const rp = `${p}.response[${k}]`;
      const matching = agencyIds.has(r.agency) ? [r.agency] : s.agencies.filter((a) => a.kind === r.agency).map((a) => a.id);
      if (matching.length === 0) err(`${rp}.agency`, `unknown agency or agency kind "${r.agency}"`);
      else if (!matching.some((a) => unitTypesByAgency.get(a)?.has(r.unitType))) err(`${rp}.unitType`, `agency "${r.agency}" has no unit of type "${r.unitType}"`);
      if (r.after !== undefined && !agencyIds.has(r.after) && !kinds.has(r.after)) err(`${rp}.after`, `unknown agency or agency kind "${r.after}"`);
      if (r.after !== undefined && !pl.response.some((o) => o !== r && (o.agency === r.after || s.agencies.some((a) => a.id === o.agency && a.kind === r.after) || s.agencies.some((a) => a.kind === o.agency && a.id === r.after)))) {
        err(`${rp}.after`, `no line of this plan sends "${r.after}", so these units would wait for ever`);
      }
    });
    plansRaw[pl.type] ??= [null, null, null, null];
    postRaw[pl.type] ??= [null, null, null, null];
    for (const g of grades) {
      const gi = GRADES.indexOf(g);
      if (plansRaw[pl.type][gi]) err(`${p}.grade`, `a plan for ${pl.type} grade ${g} is already given`);
      plansRaw[pl.type][gi] = pl.response.map((r, k) => ({
        agency: r.agency,
        unitType: r.unitType,
        count: r.count,
        afterApproval: r.afterApproval,
        after: r.after,
        handoff: distOrDefault(r.handoff, 300, `${p}.response[${k}].handoff`),
      }));
      postRaw[pl.type][gi] = pl.commandPost;
    }
  });
  const plans: Record<string, ResponseLine[][]> = {};
  const commandPost: Record<string, boolean[]> = {};
  for (const t of incidentTypes) {
    const raw = plansRaw[t.id];
    if (!raw || !raw[0]) {
      err('plans', `incident type "${t.id}" has no plan for grade IV (higher grades fall back to lower ones)`);
      continue;
    }
    let last = raw[0];
    plans[t.id] = raw.map((r) => (last = r ?? last));
    let lastPost = false;
    commandPost[t.id] = postRaw[t.id].map((v) => (lastPost = v ?? lastPost));
  }

  // Command, communications, depots.
  const cmd = s.command;
  const command = {
    reportGrade: GRADES.indexOf(cmd.reportGrade),
    reportDelay: dist(cmd.reportDelay, 'command.reportDelay'),
    approvalDelay: dist(cmd.approvalDelay, 'command.approvalDelay'),
    expertsGrade: GRADES.indexOf(cmd.expertsGrade),
    expertsDelay: dist(cmd.expertsDelay, 'command.expertsDelay'),
    commandPostSetup: dist(cmd.commandPostSetup, 'command.commandPostSetup'),
    handoffFactor: cmd.handoffFactor,
  };
  const comms = {
    fallback: [...new Set(s.comms.fallback)],
    outages: s.comms.outages.map((o, k) => {
      const fromS = secs(o.from);
      const toS = secs(o.to);
      if (!(toS > fromS)) err(`comms.outages[${k}]`, 'needs from < to');
      return { channel: o.channel, fromS, toS };
    }),
    random: Object.entries(s.comms.random).map(([channel, r]) => ({ channel: channel as 'platform', ratePerDay: r!.ratePerDay, duration: dist(r!.duration, `comms.random.${channel}.duration`) })),
  };
  uniqueIds(s.depots, 'depots', errors);
  const depots = s.depots.map((d, i) => ({
    id: d.id,
    name: d.name ?? d.id,
    lon: d.lon,
    lat: d.lat,
    stock: { ...d.stock },
    restock: d.restock ? { delay: dist(d.restock.delay, `depots[${i}].restock.delay`), amount: { ...d.restock.amount } } : undefined,
  }));
  s.incidentTypes.forEach((t, i) =>
    t.supplies.forEach((x, k) => {
      if (!depots.some((d) => d.stock[x.item] !== undefined)) err(`incidentTypes[${i}].supplies[${k}].item`, `no depot stocks "${x.item}"`);
    }),
  );

  // Travel.
  const tr = s.travel;
  const travel: Travel = {
    model: tr.model,
    speedKmh: tr.speedKmh,
    detour: tr.detour,
    emergencyFactor: tr.emergencyFactor,
    congestion: tr.congestion ? tr.congestion.slice() : Array(24).fill(1),
    noise: tr.noise === undefined ? undefined : dist(tr.noise, 'travel.noise'),
    snapM: tr.snapM,
  };
  if (travel.congestion.some((m) => m <= 0)) err('travel.congestion', 'multipliers must be positive');
  if (tr.model === 'network') {
    if (!tr.network) err('travel.network', 'is required when travel.model is network');
    else {
      const json = readJson(readFile, tr.network, 'travel.network', errors);
      if (json !== undefined) {
        const r = parseRoadGeoJson(json, `travel.network (${tr.network})`, tr.speedKmh);
        errors.push(...r.errors);
        if (r.network) {
          travel.network = r.network;
          checkNetworkReach(r.network, tr.snapM, [
            ...zones.map((z, i) => ({ p: z as Point, path: `zones[${i}] (${z.id})` })),
            ...stations.map((st, i) => ({ p: st as Point, path: `stations[${i}] (${st.id})` })),
            ...hospitals.map((h, i) => ({ p: h as Point, path: `hospitals[${i}] (${h.id})` })),
          ], errors);
        }
      }
    }
  } else if (tr.model === 'matrix') {
    if (!tr.matrix) err('travel.matrix', 'is required when travel.model is matrix');
    else {
      let m: Record<string, Record<string, number>> = {};
      if (typeof tr.matrix === 'string') {
        const text = readFile(tr.matrix);
        if (text === null) err('travel.matrix', `file not found: "${tr.matrix}"`);
        else m = matrixFromCsv(text, `travel.matrix (${tr.matrix})`, errors);
      } else {
        for (const [z, row] of Object.entries(tr.matrix)) m[z] = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, secs(v)]));
      }
      for (const z of Object.keys(m)) if (!zoneIds.has(z)) err(`travel.matrix.${z}`, `unknown zone "${z}"`);
      for (const z of zones) {
        for (const st of stations) {
          if (m[z.id]?.[st.id] === undefined) {
            err(`travel.matrix`, `no travel time from station "${st.id}" to zone "${z.id}"`);
            break;
          }
        }
      }
      travel.matrix = m;
    }
  }

  // Demand.
  const background: Background[] = s.demand.background.map((b, i) => {
    const p = `demand.background[${i}]`;
    if (!typeIds.has(b.type)) err(`${p}.type`, `unknown incident type "${b.type}"`);
    let zoneWeights: number[];
    if (b.zones === 'population') zoneWeights = zones.map((z) => z.population);
    else if (b.zones === 'uniform') zoneWeights = zones.map(() => 1);
    else {
      const m = b.zones;
      for (const k of Object.keys(m)) if (!zoneIds.has(k)) err(`${p}.zones.${k}`, `unknown zone "${k}"`);
      zoneWeights = zones.map((z) => m[z.id] ?? 0);
    }
    if (b.ratePerDay > 0 && !(zoneWeights.reduce((a, w) => a + w, 0) > 0)) err(`${p}.zones`, 'zone weights sum to zero (no population?)');
    const relative = (xs: number[] | undefined, key: string): number[] | null => {
      if (!xs) return null;
      const m = xs.reduce((a, x) => a + x, 0) / xs.length;
      if (!(m > 0)) err(`${p}.${key}`, 'must not be all zero');
      return xs.map((x) => x / (m || 1));
    };
    const profile = relative(b.profile, 'profile') ?? Array(24).fill(1);
    const dayFactor = b.dayFactor === undefined ? null : dist(b.dayFactor, `${p}.dayFactor`);
    // The day factor spreads days around the rate; a mean other than 1 would silently change the rate.
    if (dayFactor && Math.abs(distMean(dayFactor) - 1) > 1e-6) err(`${p}.dayFactor`, `must have mean 1 (it has ${distMean(dayFactor)})`);
    return { type: b.type, ratePerDay: b.ratePerDay, zoneWeights, profile, weekly: relative(b.weekly, 'weekly'), monthly: relative(b.monthly, 'monthly'), dayFactor };
  });
  const fixed: FixedIncident[] = [];
  const placeOf = (o: { zone?: string; lon?: number; lat?: number }, p: string): { zone: string; lon: number; lat: number } | null => {
    if (o.zone !== undefined) {
      const z = zones.find((zz) => zz.id === o.zone);
      if (!z) {
        err(`${p}.zone`, `unknown zone "${o.zone}"`);
        return null;
      }
      return { zone: z.id, lon: o.lon ?? z.lon, lat: o.lat ?? z.lat };
    }
    if (o.lon === undefined || o.lat === undefined) {
      err(p, 'needs a zone or lon and lat');
      return null;
    }
    const pt = { lon: o.lon, lat: o.lat };
    const z = nearestZone(zones, pt);
    return z ? { zone: z.id, ...pt } : null;
  };
  s.demand.scripted.forEach((x, i) => {
    const p = `demand.scripted[${i}]`;
    if (!typeIds.has(x.type)) err(`${p}.type`, `unknown incident type "${x.type}"`);
    const at = placeOf(x, p);
    const t = secs(x.at);
    if (durationS > 0 && t >= durationS) err(`${p}.at`, `is past the end of the run (${durationS} s)`);
    if (at) fixed.push({ t, type: x.type, ...at, grade: x.grade ? GRADES.indexOf(x.grade) : null, name: x.name ?? '', source: 'scripted' });
  });
  if (s.demand.history && start) {
    const where = `demand.history.file (${s.demand.history.file})`;
    const text = readFile(s.demand.history.file);
    if (text === null) err('demand.history.file', `file not found: "${s.demand.history.file}"`);
    else {
      const r = parseHistoryCsv(text, start, where);
      errors.push(...r.errors);
      r.rows.forEach((row, i) => {
        const p = `${where} row ${i + 2}`;
        if (!typeIds.has(row.type)) {
          err(`${p}.type`, `unknown incident type "${row.type}"`);
          return;
        }
        if (row.t < 0 || row.t >= durationS) return; // outside the simulated window: skipped, as CAD exports span more
        const at = placeOf(row, p);
        if (at) fixed.push({ t: row.t, type: row.type, ...at, grade: row.grade, name: row.name, source: 'history' });
      });
    }
  }
  // Stable order: by time, scripted before history at equal times, then as written.
  fixed.sort((a, b) => a.t - b.t || (a.source === b.source ? 0 : a.source === 'scripted' ? -1 : 1));

  // Scoring rubric changes: known indicators, weights that leave something to score.
  const scoring: ScoringOverrides = {};
  if (s.scoring) {
    const sc = s.scoring;
    if (sc.groups) {
      scoring.groups = { ...sc.groups };
      const merged = SCORE_GROUPS.map((g) => sc.groups![g] ?? 1);
      if (merged.every((x) => x === 0)) err('scoring.groups', 'every sub-score weight is zero: nothing would be scored');
    }
    if (sc.indicators) {
      scoring.indicators = {};
      for (const [id, o] of Object.entries(sc.indicators)) {
        const p = `scoring.indicators.${id}`;
        if (!(INDICATOR_IDS as readonly string[]).includes(id)) {
          err(p, `unknown indicator "${id}" (known: ${INDICATOR_IDS.join(', ')})`);
          continue;
        }
        const target = o.target === undefined ? undefined : secs(o.target);
        const zeroAt = o.zeroAt === undefined ? undefined : secs(o.zeroAt);
        if (target !== undefined && zeroAt !== undefined && !(zeroAt > target)) err(`${p}.zeroAt`, `must be above the target (${target})`);
        if (target === 0 && zeroAt === undefined) err(`${p}.zeroAt`, 'is required when the target is 0 (twice 0 is still 0)');
        scoring.indicators[id] = { target, zeroAt, weight: o.weight, percentile: o.percentile, critical: o.critical };
      }
    }
    if (sc.zeroAtMultiple !== undefined) scoring.zeroAtMultiple = sc.zeroAtMultiple;
    if (sc.kinds) {
      scoring.kinds = { ...sc.kinds };
      for (const which of ['fire', 'ems'] as const) {
        sc.kinds[which]?.forEach((k, i) => kinds.has(k) || err(`scoring.kinds.${which}[${i}]`, `no agency has kind "${k}"`));
      }
    }
  }

  if (errors.length) return { ok: false, errors };
  const name = s.name ?? fileName.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '');
  return {
    ok: true,
    value: {
      name,
      title: s.title ?? name,
      description: s.description ?? '',
      start: s.start,
      startSecondOfDay: start!.secondOfDay,
      startDayNumber: start!.dayNumber + Math.floor(start!.secondOfDay / 86400),
      durationS,
      seed: s.seed,
      zones,
      travel,
      agencies,
      stations,
      hospitals,
      units,
      center,
      incidentTypes,
      plans,
      commandPost,
      command,
      comms,
      depots,
      dispatch: { ...s.dispatch },
      scoring,
      demand: { background, fixed },
    },
  };
}

function uniqueIds(items: readonly { id: string }[], path: string, errors: InputError[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (seen.has(it.id)) errors.push({ path: `${path}[${i}].id`, message: `duplicate id "${it.id}"` });
    seen.add(it.id);
  });
  return seen;
}

/** The zone whose centroid is nearest to `p`. */
export function nearestZone(zones: readonly Zone[], p: Point): Zone | undefined {
  let best: Zone | undefined;
  let bestD = Infinity;
  for (const z of zones) {
    const d = distanceM(z, p);
    if (d < bestD) {
      bestD = d;
      best = z;
    }
  }
  return best;
}

/** Every place must lie near the road network and reach the others both ways. */
function checkNetworkReach(net: NonNullable<Travel['network']>, snapM: number, places: { p: Point; path: string }[], errors: InputError[]) {
  const g = new RoadGraph(net);
  const snapped = places.map((x) => ({ ...x, ...g.nearest(x.p) }));
  for (const x of snapped) {
    if (x.distanceM > snapM) errors.push({ path: x.path, message: `is ${Math.round(x.distanceM)} m from the nearest road (limit travel.snapM = ${snapM} m)` });
  }
  if (snapped.length === 0) return;
  const hub = snapped[0].node;
  const to = g.towards(hub).timeS;
  for (const x of snapped) {
    if (!Number.isFinite(to[x.node]) || !Number.isFinite(g.time(hub, x.node))) {
      errors.push({ path: x.path, message: 'cannot be reached on the road network from the rest (disconnected roads?)' });
    }
  }
}
