/**
 * `linkdrill geo import-osm FILE …` and `linkdrill geo import-shp FILE …`: turn an OpenStreetMap
 * extract or a Shapefile into the GeoJSON a scenario reads, saying what was dropped and why. Every
 * problem is named; on any problem nothing is written.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatErrors, type InputError } from '../scenario/errors.ts';
import { readOsm } from '../geo/import/osm-read.ts';
import { importRoads, type ReportLine } from '../geo/import/osm-roads.ts';
import { importPois } from '../geo/import/osm-pois.ts';
import { areaFromGeoJson, parseBbox, type Area } from '../geo/import/area.ts';
import { speedTable } from '../geo/import/road-classes.ts';
import { mapAttributes, readShapefile, shapefileFromZip, type ShapefileParts } from '../geo/import/shapefile.ts';
import { geoJsonToWgs84, resolveCrs } from '../geo/import/crs.ts';
import { parse, UsageError, type Io } from './args.ts';
import { OutputRefused, writeOutputFile } from '../worker/node-fs.ts';

export const GEO_USAGE = `linkdrill geo import-osm FILE(.osm.pbf|.osm|.json) [--boundary F.geojson | --bbox W,S,E,N] [--speeds F.yaml] [--max-dropped SHARE] --out roads.geojson [--stations F.geojson] [--hospitals F.geojson] [--force]
  linkdrill geo import-shp FILE(.shp|.zip) [--crs CRS] [--encoding gbk|utf-8] [--id F] [--name F] [--population F] [--agency F] [--speed F] --out F.geojson [--force]`;

/** Dispatches `linkdrill geo SUBCOMMAND`. */
export function geoCommand(argv: string[], io: Io): number {
  const [sub, ...rest] = argv;
  if (sub === 'import-osm') return importOsmCommand(rest, io);
  if (sub === 'import-shp') return importShpCommand(rest, io);
  throw new UsageError(`usage:\n  ${GEO_USAGE}`);
}

const readBytes = (path: string): Uint8Array | null => {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    return null;
  }
};

/** A JSON or YAML file's value, or a path-named error. */
function readData(path: string, option: string): { value: unknown } | InputError {
  const bytes = readBytes(path);
  if (bytes === null) return { path: `${option} ${path}`, message: 'cannot read the file (does it exist?)' };
  try {
    return { value: parseYaml(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')) };
  } catch (e) {
    return { path: `${option} ${path}`, message: `cannot parse: ${(e as Error).message.split('\n')[0]}` };
  }
}

const km = (x: number) => x.toFixed(1);
const line = (d: ReportLine) => `${d.ways ? `${d.ways} way${d.ways > 1 ? 's' : ''}, ` : ''}${d.segments} segment${d.segments === 1 ? '' : 's'}, ${km(d.lengthKm)} km`;
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
  });
  if (positionals.length !== 1 || values.out === undefined) throw new UsageError(`usage: ${GEO_USAGE.split('\n')[0]}`);
  if (values.boundary !== undefined && values.bbox !== undefined) throw new UsageError('give --boundary or --bbox, not both');
  const maxDropped = values['max-dropped'] === undefined ? 0.25 : Number(values['max-dropped']);
  if (!(maxDropped >= 0 && maxDropped <= 1)) throw new UsageError(`--max-dropped must be a share between 0 and 1, got "${values['max-dropped']}"`);
  const outputs = [values.out, values.stations, values.hospitals].filter((x): x is string => x !== undefined);
  if (new Set(outputs).size < outputs.length || outputs.includes(positionals[0])) throw new UsageError('--out, --stations, --hospitals and the input must be different files');
  let area: Area | undefined;
  if (values.bbox !== undefined) {
    const a = parseBbox(values.bbox);
    if (typeof a === 'string') throw new UsageError(a);
    area = a;
  }

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
    const t = 'value' in s ? speedTable(s.value, `--speeds ${values.speeds}`) : s;
    if ('message' in t && typeof t.message === 'string' && 'path' in t) errors.push(t as InputError);
    else speeds = t as Record<string, number>;
  } else speeds = speedTable(undefined, '') as Record<string, number>;
  const bytes = readBytes(file);
  if (bytes === null) errors.push({ path: file, message: 'cannot read the file (does it exist?)' });
  if (errors.length) return fail(io, errors);

  const read = readOsm(bytes!, file);
  if ('errors' in read) return fail(io, read.errors);
  const { data } = read;
  const roads = importRoads(data, { area, speeds, maxDroppedShare: maxDropped, areaWhere: values.boundary ? `--boundary ${values.boundary}` : '--bbox' }, file);
  if ('errors' in roads) return fail(io, roads.errors);
  const pois = importPois(data, area);
  const wantStations = values.stations !== undefined;
  const wantHospitals = values.hospitals !== undefined;
  if (wantStations && pois.stations.features.length === 0) errors.push({ path: file, message: 'has no fire, police or ambulance station in the area (--stations)' });
  if (wantHospitals && pois.hospitals.features.length === 0) errors.push({ path: file, message: 'has no hospital with an emergency department in the area (--hospitals)' });
  if (errors.length) return fail(io, errors);

  const source = basename(file);
  const files: [string, string][] = [[values.out, geoJsonText(roads.roads.geojson, 'geo import-osm', source)]];
  if (wantStations) files.push([values.stations!, geoJsonText(pois.stations, 'geo import-osm', source)]);
  if (wantHospitals) files.push([values.hospitals!, geoJsonText(pois.hospitals, 'geo import-osm', source)]);
  const blocked = values.force ? [] : refusedOutputs(files.map(([p]) => p));
  if (blocked.length) return fail(io, blocked);

  const r = roads.roads;
  io.out(`read ${source} (${data.format}): ${data.nodes.size} nodes, ${data.ways.length} ways, ${data.relations.length} relations`);
  io.out(`roads kept: ${line(r.kept)}, one network connected both ways${r.parts > 1 ? ` (the largest of ${r.parts} parts)` : ''}`);
  for (const d of r.dropped) io.out(`  dropped ${line(d)}: ${d.reason}`);
  const count = (k: string) => pois.stations.features.filter((f) => f.properties.kind === k).length;
  io.out(`places: ${count('fire')} fire, ${count('police')} police, ${count('ems')} ambulance stations; ${pois.hospitals.features.length} hospitals${wantStations || wantHospitals ? '' : ' (not written: add --stations / --hospitals)'}`);
  for (const d of pois.dropped) io.out(`  left out ${d.count}: ${d.reason}`);
  try {
    for (const [path, text] of files) writeOutputFile(path, text, values.force === true);
  } catch (e) {
    if (!(e instanceof OutputRefused)) throw e;
    io.err(e.message);
    return 1;
  }
  io.out(`wrote ${files.map(([p]) => p).join(', ')}`);
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
  });
  if (positionals.length !== 1 || values.out === undefined || !/\.(shp|zip)$/i.test(positionals[0])) throw new UsageError(`usage: ${GEO_USAGE.split('\n')[1].trim()}`);
  const file = positionals[0];
  const bytes = readBytes(file);
  if (bytes === null) return fail(io, [{ path: file, message: 'cannot read the file (does it exist?)' }]);
  let parts: ShapefileParts;
  if (/\.zip$/i.test(file)) {
    const z = shapefileFromZip(bytes, file);
    if ('path' in z) return fail(io, [z]);
    parts = z;
  } else {
    const base = file.slice(0, -4);
    const side = (ext: string) => readBytes(`${base}.${ext}`) ?? readBytes(`${base}.${ext.toUpperCase()}`) ?? undefined;
    const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b).trim() : undefined);
    parts = { shp: bytes, dbf: side('dbf'), prj: text(side('prj')), cpg: text(side('cpg')) };
  }
  const read = readShapefile(parts, file, values.encoding);
  if ('path' in read) return fail(io, [read]);
  const spec = values.crs ?? read.prj;
  if (spec === undefined) return fail(io, [{ path: file, message: 'has no .prj: give its coordinate system with --crs (e.g. --crs EPSG:4527, --crs GCJ02)' }]);
  const crs = resolveCrs(spec);
  if (typeof crs === 'string') return fail(io, [{ path: values.crs !== undefined ? '--crs' : `${file} (.prj)`, message: crs }]);
  const mapping = Object.fromEntries(([['id', values.id], ['name', values.name], ['population', values.population], ['agency', values.agency], ['speed_kmh', values.speed]] as const).filter((x): x is [typeof x[0], string] => x[1] !== undefined));
  const mapped = mapAttributes(read.geojson.features, mapping, '--', file);
  if (mapped.errors.length) return fail(io, mapped.errors.map((e) => ({ ...e, path: e.path.replace('--.', '--').replace('speed_kmh', 'speed') })));
  const converted = geoJsonToWgs84({ type: 'FeatureCollection', features: mapped.features }, crs, file);
  if (converted.errors.length) return fail(io, converted.errors);
  const blocked = values.force ? [] : refusedOutputs([values.out]);
  if (blocked.length) return fail(io, blocked);
  try {
    writeOutputFile(values.out, geoJsonText({ features: converted.value.features }, 'geo import-shp', basename(file)), values.force === true);
  } catch (e) {
    if (!(e instanceof OutputRefused)) throw e;
    io.err(e.message);
    return 1;
  }
  io.out(`read ${basename(file)}: ${read.geojson.features.length} shapes in ${crs.id === 'prj' ? 'the system its .prj names' : crs.id}${parts.dbf ? '' : ' (no .dbf: no attributes)'}; wrote ${values.out} in WGS-84`);
  return 0;
}

/** Outputs that exist already: refused before anything is written, so none is left half done. */
function refusedOutputs(paths: string[]): InputError[] {
  return paths.flatMap((path) => {
    try {
      lstatSync(path);
    } catch {
      return [];
    }
    return [{ path, message: 'already exists; nothing was changed (give another name, or --force to replace it)' }];
  });
}

function fail(io: Io, errors: InputError[]): number {
  io.err(formatErrors(errors));
  return 1;
}
