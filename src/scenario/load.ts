/**
 * Scenario loading: text (YAML or JSON) → zod schema → normalise (cross-references checked, every
 * default filled, durations in seconds) → the plain {@link Scenario} the engine runs. Each part of the
 * scenario is normalised by its own step in `normalise/`. Pure: side files (GeoJSON, CSV) come through
 * the `readFile` callback the host provides, so the same loader runs in Node and in the browser.
 * Every problem is returned as `{path, zh, en}`.
 */
import { jsonProblem, parseJson } from '../geo/import/json-text.ts';
import type { ScenarioParsed } from './schema.ts';
import { parseScenarioSchema } from './schema-parse.ts';
import type { BuildCache } from './build-cache.ts';
import { parseYamlText, YamlTextError } from './yaml.ts';
import { parseDateTime } from './duration.ts';
import type { InputError, Result } from './errors.ts';
import { zodErrors } from './zod-messages.ts';
import type { Scenario } from './scenario.ts';
import type { ReadBytes, ReadFile } from './files.ts';
import { reservedKeyErrors } from './reserved.ts';
import { createContext } from './normalise/context.ts';
import { secs } from './normalise/dist.ts';
import { normaliseGeography } from './normalise/geography.ts';
import { normaliseZones } from './normalise/zones.ts';
import { checkOffsets } from './normalise/offset.ts';
import { normaliseFleet } from './normalise/fleet.ts';
import { normaliseCenter } from './normalise/center.ts';
import { normaliseIncidents } from './normalise/incidents.ts';
import { normaliseCommand, normaliseComms, normaliseDepots } from './normalise/operations.ts';
import { normaliseTravel } from './normalise/travel.ts';
import { normaliseDemand } from './normalise/demand.ts';
import { normaliseScoring } from './normalise/scoring.ts';
import { isZoneProblem } from './normalise/words.ts';
import { resolveIncludes } from './include.ts';
import { readWorkbooks, workbookNames, type Workbooks } from './workbooks.ts';

export type { ReadBytes, ReadFile };

/**
 * Parses YAML (or JSON, by a `.json` name) text into a plain value, as every YAML or JSON file
 * linkdrill reads is parsed: a problem is named by `fileName`, with the parser's place in both
 * languages and its excerpt of the text as `detail`.
 */
export function parseDataText(text: string, fileName: string): Result<unknown> {
  if (text.trim() === '') return { ok: false, errors: [{ path: fileName, zh: '文件是空的', en: 'the file is empty' }] };
  if (/\.json$/i.test(fileName)) {
    const json = parseJson(text);
    return json.ok ? json : { ok: false, errors: [jsonProblem(fileName, json.why)] };
  }
  try {
    return { ok: true, value: parseYamlText(text) };
  } catch (e) {
    // The CLI prints the first line; the app also shows the parser's excerpt of the text.
    const [first, ...rest] = (e as Error).message.split('\n');
    const msg = first.replace(/:$/, ''); // its colon introduced the excerpt, which is the detail
    const detail = rest.join('\n').replace(/\s+$/, '');
    const zh = e instanceof YamlTextError ? e.zh : msg;
    return { ok: false, errors: [{ path: fileName, zh: `无法解析：${zh}`, en: `cannot parse: ${msg}`, ...(detail ? { detail } : {}) }] };
  }
}

/** Parses YAML or JSON text into a plain value, which must be a mapping (a scenario's keys). */
export function parseScenarioText(text: string, fileName = 'scenario'): Result<unknown> {
  const r = parseDataText(text, fileName);
  if (r.ok && (r.value === null || typeof r.value !== 'object' || Array.isArray(r.value))) {
    return { ok: false, errors: [{ path: fileName, zh: '场景必须是键值映射（name、start、agencies 等）', en: 'a scenario must be a mapping of keys (name, start, agencies, …)' }] };
  }
  return r;
}

/** zod issues as path-named errors (in `zod-messages.ts`; here too, where the exercise loader finds it). */
export { zodErrors };

/**
 * Loads a scenario from its text. `fileName` picks YAML or JSON and names whole-file problems;
 * `readFile` supplies side files as text, `readBytes` binary ones (Shapefiles); omit them when the
 * scenario names none. Warnings (probable mistakes that do not stop a run) come with the scenario.
 */
export function loadScenario(text: string, fileName = 'scenario.yaml', readFile: ReadFile = () => null, readBytes: ReadBytes = () => null, workbooks: Workbooks = new Map()): Result<Scenario> {
  const parsed = parseScenarioText(text, fileName);
  if (!parsed.ok) return parsed;
  return buildScenario(parsed.value, fileName, readFile, readBytes, workbooks);
}

/** {@link loadScenario} for hosts that read Excel workbooks: the workbooks the scenario names are read first. */
export async function loadScenarioWithWorkbooks(text: string, fileName: string, readFile: ReadFile, readBytes: ReadBytes): Promise<Result<Scenario>> {
  const parsed = parseScenarioText(text, fileName);
  if (!parsed.ok) return parsed;
  return buildScenario(parsed.value, fileName, readFile, readBytes, await readWorkbooksOf(parsed.value, readFile, readBytes));
}

/** The workbooks a parsed scenario document (with its included fragments, and any more documents: variants) names. */
export async function readWorkbooksOf(doc: unknown, readFile: ReadFile, readBytes: ReadBytes, ...more: unknown[]): Promise<Workbooks> {
  const inc = resolveIncludes(doc, readFile, parseScenarioText);
  return readWorkbooks(workbookNames(doc, inc.ok ? inc.value.value : null, ...more), readBytes);
}

/**
 * Validates and normalises an already-parsed scenario object (its `include:` files laid over it
 * first). `cache` shares unchanged work between builds of one load (a scenario and its variants).
 */
export function buildScenario(input: unknown, fileName = 'scenario', readFile: ReadFile = () => null, readBytes: ReadBytes = () => null, workbooks: Workbooks = new Map(), cache?: BuildCache): Result<Scenario> {
  // zod drops a `__proto__` key without a word: name it first, before its absence misleads.
  const reserved = reservedKeyErrors(input);
  if (reserved.length) return { ok: false, errors: reserved };
  const inc = resolveIncludes(input, readFile, parseScenarioText);
  if (!inc.ok) return inc;
  const merged = inc.value.value;
  const variant = variantFileProblem(merged, fileName);
  if (variant) return { ok: false, errors: [variant] };
  const z = parseScenarioSchema(merged, cache);
  // A problem with the whole document (an unknown top-level key) is named by the file.
  if (!z.success) return { ok: false, errors: inc.value.relocate(zodErrors(z.error.issues, merged)).map((e) => (e.path ? e : { ...e, path: fileName })) };
  let r: Result<Scenario>;
  try {
    r = normalise(z.data, fileName, readFile, readBytes, workbooks, cache);
  } catch (e) {
    // A side file of lists inside lists thousands deep (GeoJSON coordinates) outruns the stack.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return { ok: false, errors: [{ path: fileName, zh: '它读取的某个文件嵌套过深，无法读取（列表套列表达数千层）', en: 'a file it reads is nested too deeply to read (lists inside lists thousands deep)' }] };
    }
    throw e;
  }
  return r.ok ? r : { ok: false, errors: inc.value.relocate(r.errors) };
}

/** A variant file (`name`, `changes`, no `start`) read as a scenario: one line saying what it is, not a list of missing keys. */
function variantFileProblem(doc: unknown, fileName: string): InputError | null {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return null;
  const d = doc as Record<string, unknown>;
  if (!Array.isArray(d.changes) || 'start' in d) return null;
  const name = typeof d.name === 'string' ? d.name : 'NAME';
  return {
    path: fileName,
    zh: `是一个比选方案（name、changes），不是场景：请在场景的 variants: 下以 {file: …} 列出它，再用 linkdrill batch SCENARIO --variants ${name} 比较`,
    en: `is a variant (name, changes), not a scenario: list it under a scenario's variants: as {file: …} and compare it with linkdrill batch SCENARIO --variants ${name}`,
  };
}

/** The schema's output as the engine's {@link Scenario}, part by part, with every problem named. */
function normalise(parsed: ScenarioParsed, fileName: string, readFile: ReadFile, readBytes: ReadBytes, workbooks: Workbooks, cache?: BuildCache): Result<Scenario> {
  const ctx = createContext(readFile, readBytes, workbooks, cache);
  const geo = normaliseGeography(parsed, ctx);
  const s = geo.s;
  const start = parseDateTime(s.start, true);
  if (!start) ctx.err('start', { zh: `必须是带 UTC 偏移的日期时间，如“2026-06-01T00:00:00+08:00”；实际为“${s.start}”`, en: `must be a date-time with its UTC offset, like "2026-06-01T00:00:00+08:00"; got "${s.start}"` });
  const durationS = secs(s.duration);
  if (!(durationS > 0)) ctx.err('duration', { zh: '必须大于零', en: 'must be longer than zero' });
  // Zones in a file that could not be read leave the scenario none: every zone it names would be
  // said to be unknown and every demand weight zero. The file's own problem is said instead of
  // those, and every other problem still is (another file missing among them).
  const zonesUnread = !Array.isArray(s.zones) && geo.zonesFile === undefined && ctx.errors.length > 0;
  const { zones, zoneIds } = normaliseZones(s.zones, ctx, geo.zonesFile);
  const fleet = normaliseFleet(s, zoneIds, ctx);
  const center = normaliseCenter(s.center, ctx);
  const { incidentTypes, typeIds, plans, commandPost } = normaliseIncidents(s, fleet, ctx);
  const command = normaliseCommand(s.command, ctx);
  const comms = normaliseComms(s.comms, ctx);
  const depots = normaliseDepots(s, ctx);
  const travel = normaliseTravel(s.travel, { zones, zoneIds, stations: fleet.stations, hospitals: fleet.hospitals }, ctx, geo.networkFile);
  const demand = normaliseDemand(s, { zones, zoneIds }, typeIds, center, start, durationS, ctx, geo.historyCrs);
  const scoring = normaliseScoring(s.scoring, fleet.kinds, typeIds, ctx);
  if (ctx.errors.length) return { ok: false, errors: zonesUnread ? ctx.errors.filter((e) => !isZoneProblem(e)) : ctx.errors };
  checkOffsets(travel, { stations: fleet.stations, hospitals: fleet.hospitals, depots, layers: geo.layers }, ctx);
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
      agencies: fleet.agencies,
      stations: fleet.stations,
      hospitals: fleet.hospitals,
      units: fleet.units,
      center,
      incidentTypes,
      plans,
      commandPost,
      command,
      comms,
      depots,
      dispatch: { ...s.dispatch },
      scoring,
      demand,
      layers: geo.layers,
    },
    ...(ctx.warnings.length ? { warnings: ctx.warnings } : {}),
  };
}
