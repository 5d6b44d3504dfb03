/**
 * `linkdrill geo import-osm FILE …` and `linkdrill geo import-shp FILE …`: turn an OpenStreetMap
 * extract or a Shapefile into the GeoJSON a scenario reads, saying what was dropped and why, in
 * `--lang` (default zh). Every problem is named; on any problem nothing is written.
 */
import { lstatSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDataText } from '../scenario/load.ts';
import { formatErrors, type InputError, type Lang } from '../scenario/errors.ts';
import { readOsm } from '../geo/import/osm-read.ts';
import { importRoads, type ReportLine } from '../geo/import/osm-roads.ts';
import { importPois } from '../geo/import/osm-pois.ts';
import { areaFromGeoJson, parseBbox, type Area } from '../geo/import/area.ts';
import { speedTable } from '../geo/import/road-classes.ts';
import { DBF_ENCODINGS, knownDbfEncoding, mapAttributes, readShapefile, shapefileFromZip, type ShapefileParts } from '../geo/import/shapefile.ts';
import { geoJsonToWgs84, resolveCrs } from '../geo/import/crs.ts';
import { langOption, parse, say, usageError, UsageError, type Io } from './args.ts';
import { OutputRefused, writeOutputFile } from '../worker/node-fs.ts';
import { GEO_USAGE } from './usage.ts';
import { DEFAULTS } from './defaults.ts';
import { readBytesFile, readTextFile, sideBytesReader } from './io.ts';


/** Dispatches `linkdrill geo SUBCOMMAND`. */
export function geoCommand(argv: string[], io: Io): number {
  const [sub, ...rest] = argv;
  if (sub === 'import-osm') return importOsmCommand(rest, io);
  if (sub === 'import-shp') return importShpCommand(rest, io);
  throw new UsageError({ zh: `用法：\n  ${GEO_USAGE}`, en: `usage:\n  ${GEO_USAGE}` });
}

/** A JSON or YAML file's value, or a path-named error. */
function readData(path: string, option: string): { value: unknown } | InputError {
  // Decoded as every reader decodes (UTF-8, UTF-16, GB18030), so a file saved as GBK is read, not garbled.
  const text = readTextFile(path, `${option} ${path}`);
  if (!text.ok) return text.errors[0];
  const parsed = parseDataText(text.value, `${option} ${path}`);
  return parsed.ok ? { value: parsed.value } : parsed.errors[0];
}

const km = (x: number) => x.toFixed(1);
/** `3 ways, 12 segments, 4.5 km` (3 条道路，12 段，4.5 千米). */
const line = (d: ReportLine, lang: Lang) =>
  lang === 'zh'
    ? `${d.ways ? `${d.ways} 条道路，` : ''}${d.segments} 段，${km(d.lengthKm)} 千米`
    : `${d.ways ? `${d.ways} way${d.ways > 1 ? 's' : ''}, ` : ''}${d.segments} segment${d.segments === 1 ? '' : 's'}, ${km(d.lengthKm)} km`;
/** The GeoJSON text a command writes: says which command wrote it, from what. */
const geoJsonText = (fc: object, generator: string, source: string) => JSON.stringify({ type: 'FeatureCollection', generator: `linkdrill ${generator}`, source, ...fc }, null, 1) + '\n';

function importOsmCommand(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, {
    boundary: { type: 'string' },
    bbox: { type: 'string' },
    speeds: { type: 'string' },
    'max-dropped': { type: 'string' },
    out: { type: 'string' },
    stations: { type: 'string' },
    hospitals: { type: 'string' },
    force: { type: 'boolean' },
    lang: { type: 'string' },
  });
  if (positionals.length !== 1 || values.out === undefined) throw usageError(GEO_USAGE.split('\n')[0]);
  const lang = langOption(values.lang);
  if (values.boundary !== undefined && values.bbox !== undefined) throw new UsageError({ zh: '--boundary 与 --bbox 只能给一个', en: 'give --boundary or --bbox, not both' });
  const maxDropped = values['max-dropped'] === undefined ? DEFAULTS.maxDropped : Number(values['max-dropped']);
  if (!(maxDropped >= 0 && maxDropped <= 1)) throw new UsageError({ zh: `--max-dropped 必须是 0 到 1 之间的比例；实际为“${values['max-dropped']}”`, en: `--max-dropped must be a share between 0 and 1, got "${values['max-dropped']}"` });
  const outputs = [values.out, values.stations, values.hospitals].filter((x): x is string => x !== undefined);
  if (new Set(outputs).size < outputs.length || outputs.includes(positionals[0])) throw new UsageError({ zh: '--out、--stations、--hospitals 与输入须是不同的文件', en: '--out, --stations, --hospitals and the input must be different files' });
  let area: Area | undefined;
  if (values.bbox !== undefined) {
    const a = parseBbox(values.bbox);
    if (!('kind' in a)) throw new UsageError(a);
    area = a;
  }
  const t = say(lang);

  const errors: InputError[] = [];
  const file = positionals[0];
  if (values.boundary !== undefined) {
    const b = readData(values.boundary, '--boundary');
    const a = 'value' in b ? areaFromGeoJson(b.value, `--boundary ${values.boundary}`) : b;
    if ('kind' in a) area = a;
    else errors.push(a);
  }
  let speeds: Record<string, number> = {};
  if (values.speeds !== undefined) {
    const s = readData(values.speeds, '--speeds');
    const table = 'value' in s ? speedTable(s.value, `--speeds ${values.speeds}`) : s;
    if (isProblem(table)) errors.push(table);
    else speeds = table;
  } else speeds = speedTable(undefined, '') as Record<string, number>;
  const bytes = readBytesFile(file);
  if (!bytes.ok) errors.push(...bytes.errors);
  if (!bytes.ok || errors.length) return fail(io, errors, lang);

  const read = readOsm(bytes.value, file);
  if ('errors' in read) return fail(io, read.errors, lang);
  const { data } = read;
  const roads = importRoads(data, { area, speeds, maxDroppedShare: maxDropped, areaWhere: values.boundary ? `--boundary ${values.boundary}` : '--bbox' }, file);
  if ('errors' in roads) return fail(io, roads.errors, lang);
  const pois = importPois(data, area);
  const wantStations = values.stations !== undefined;
  const wantHospitals = values.hospitals !== undefined;
  if (wantStations && pois.stations.features.length === 0) errors.push({ path: file, zh: '范围内没有消防站、派出所或急救站（--stations）', en: 'has no fire, police or ambulance station in the area (--stations)' });
  if (wantHospitals && pois.hospitals.features.length === 0) errors.push({ path: file, zh: '范围内没有设急诊科的医院（--hospitals）', en: 'has no hospital with an emergency department in the area (--hospitals)' });
  if (errors.length) return fail(io, errors, lang);

  const source = basename(file);
  const files: [string, string][] = [[values.out, geoJsonText(roads.roads.geojson, 'geo import-osm', source)]];
  if (wantStations) files.push([values.stations!, geoJsonText(pois.stations, 'geo import-osm', source)]);
  if (wantHospitals) files.push([values.hospitals!, geoJsonText(pois.hospitals, 'geo import-osm', source)]);
  const blocked = values.force ? [] : refusedOutputs(files.map(([p]) => p));
  if (blocked.length) return fail(io, blocked, lang);

  const r = roads.roads;
  io.out(t(`已读取 ${source}（${data.format}）：${data.nodes.size} 个节点，${data.ways.length} 条路径，${data.relations.length} 个关系`, `read ${source} (${data.format}): ${data.nodes.size} nodes, ${data.ways.length} ways, ${data.relations.length} relations`));
  io.out(t(`保留道路：${line(r.kept, lang)}，构成一个双向连通的路网${r.parts > 1 ? `（${r.parts} 个部分中最大的一个）` : ''}`, `roads kept: ${line(r.kept, lang)}, one network connected both ways${r.parts > 1 ? ` (the largest of ${r.parts} parts)` : ''}`));
  for (const d of r.dropped) io.out(t(`  舍弃 ${line(d, lang)}：${d.reason.zh}`, `  dropped ${line(d, lang)}: ${d.reason.en}`));
  const count = (k: string) => pois.stations.features.filter((f) => f.properties.kind === k).length;
  const hospitals = pois.hospitals.features.length;
  const unwritten = wantStations || wantHospitals;
  io.out(t(`站点：消防站 ${count('fire')} 个，派出所 ${count('police')} 个，急救站 ${count('ems')} 个；医院 ${hospitals} 家${unwritten ? '' : '（未写出：加 --stations / --hospitals）'}`, `places: ${count('fire')} fire, ${count('police')} police, ${count('ems')} ambulance stations; ${hospitals} hospitals${unwritten ? '' : ' (not written: add --stations / --hospitals)'}`));
  for (const d of pois.dropped) io.out(t(`  未收入 ${d.count} 个：${d.reason.zh}`, `  left out ${d.count}: ${d.reason.en}`));
  if (!writeAll(io, files, values.force === true, lang)) return 1;
  io.out(t(`已写入 ${files.map(([p]) => p).join(', ')}`, `wrote ${files.map(([p]) => p).join(', ')}`));
  return 0;
}

/** `geo import-shp`: a Shapefile as WGS-84 GeoJSON with linkdrill's attribute names, for a scenario or a layer. */
function importShpCommand(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, {
    crs: { type: 'string' },
    encoding: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
    population: { type: 'string' },
    agency: { type: 'string' },
    speed: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    lang: { type: 'string' },
  });
  if (positionals.length !== 1 || values.out === undefined || !/\.(shp|zip)$/i.test(positionals[0])) throw usageError(GEO_USAGE.split('\n')[1].trim());
  const lang = langOption(values.lang);
  // Only the encodings Chinese attribute tables come in: any other would garble the text, not refuse it.
  if (values.encoding !== undefined && knownDbfEncoding(values.encoding) === undefined) {
    throw new UsageError({ zh: `--encoding 只能是 ${DBF_ENCODINGS.zh}；实际为“${values.encoding}”`, en: `--encoding must be ${DBF_ENCODINGS.en}, got "${values.encoding}"` });
  }
  const file = positionals[0];
  const bytes = readBytesFile(file);
  if (!bytes.ok) return fail(io, bytes.errors, lang);
  let parts: ShapefileParts;
  if (/\.zip$/i.test(file)) {
    const z = shapefileFromZip(bytes.value, file);
    if ('path' in z) return fail(io, [z], lang);
    parts = z;
  } else {
    const s = shapefileSides(file, bytes.value);
    if ('path' in s) return fail(io, [s], lang);
    parts = s;
  }
  const read = readShapefile(parts, file, values.encoding, '--encoding');
  if ('path' in read) return fail(io, [read], lang);
  const spec = values.crs ?? read.prj;
  if (spec === undefined) return fail(io, [{ path: file, zh: '没有 .prj：请用 --crs 给出其坐标系（如 --crs EPSG:4527、--crs GCJ02）', en: 'has no .prj: give its coordinate system with --crs (e.g. --crs EPSG:4527, --crs GCJ02)' }], lang);
  const crs = resolveCrs(spec);
  if (!('id' in crs)) return fail(io, [{ path: values.crs !== undefined ? '--crs' : `${file} (.prj)`, ...crs }], lang);
  const mapping = Object.fromEntries(([['id', values.id], ['name', values.name], ['population', values.population], ['agency', values.agency], ['speed_kmh', values.speed]] as const).filter((x): x is [typeof x[0], string] => x[1] !== undefined));
  const mapped = mapAttributes(read.geojson.features, mapping, '--', file);
  if (mapped.errors.length) return fail(io, mapped.errors.map((e) => ({ ...e, path: e.path.replace('--.', '--').replace('speed_kmh', 'speed') })), lang);
  const converted = geoJsonToWgs84({ type: 'FeatureCollection', features: mapped.features }, crs, file);
  if (converted.errors.length) return fail(io, converted.errors, lang);
  const blocked = values.force ? [] : refusedOutputs([values.out]);
  if (blocked.length) return fail(io, blocked, lang);
  if (!writeAll(io, [[values.out, geoJsonText({ features: converted.value.features }, 'geo import-shp', basename(file))]], values.force === true, lang)) return 1;
  const shapes = read.geojson.features.length;
  io.out(
    say(lang)(
      `已读取 ${basename(file)}：${shapes} 个图形，坐标系 ${crs.id === 'prj' ? '为其 .prj 所定' : crs.id}${parts.dbf ? '' : '（没有 .dbf：无属性）'}；已写入 ${values.out}（WGS-84）`,
      `read ${basename(file)}: ${shapes} shapes in ${crs.id === 'prj' ? 'the system its .prj names' : crs.id}${parts.dbf ? '' : ' (no .dbf: no attributes)'}; wrote ${values.out} in WGS-84`,
    ),
  );
  return 0;
}

/**
 * A .shp file's parts: its .dbf, .prj and .cpg beside it (either case) when they exist; a problem
 * when one exists but cannot be read, rather than a Shapefile silently without its attributes.
 */
function shapefileSides(file: string, shp: Uint8Array): ShapefileParts | InputError {
  const base = file.slice(0, -4);
  const read = sideBytesReader('.');
  const found: Partial<Record<'dbf' | 'prj' | 'cpg', Uint8Array>> = {};
  let dbfName: string | undefined;
  for (const ext of ['dbf', 'prj', 'cpg'] as const) {
    for (const name of [`${base}.${ext}`, `${base}.${ext.toUpperCase()}`]) {
      const r = read(name);
      if (r === null) continue;
      if (!(r instanceof Uint8Array)) return { path: name, ...r.error };
      found[ext] = r;
      if (ext === 'dbf') dbfName = name;
      break;
    }
  }
  const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b).trim() : undefined);
  return { shp, dbf: found.dbf, prj: text(found.prj), cpg: text(found.cpg), ...(dbfName ? { dbfName } : {}) };
}

/** Writes each `[path, text]`; false, with the refusal said on `io`, when one cannot be written. */
function writeAll(io: Io, files: [string, string][], force: boolean, lang: Lang): boolean {
  try {
    for (const [path, text] of files) writeOutputFile(path, text, force);
  } catch (e) {
    if (!(e instanceof OutputRefused)) throw e;
    io.err(e[lang]);
    return false;
  }
  return true;
}

/** A problem rather than a speed table (whose values are all numbers). */
const isProblem = <P extends InputError>(x: Record<string, number> | P): x is P => typeof x.path === 'string';

/** Outputs that exist already: refused before anything is written, so none is left half done. */
function refusedOutputs(paths: string[]): InputError[] {
  return paths.flatMap((path) => {
    try {
      lstatSync(path);
    } catch {
      return [];
    }
    return [{ path, zh: '已存在；未做任何改动（请换一个文件名，或用 --force 替换它）', en: 'already exists; nothing was changed (give another name, or --force to replace it)' }];
  });
}

function fail(io: Io, errors: InputError[], lang: Lang): number {
  io.err(formatErrors(errors, lang));
  return 1;
}
