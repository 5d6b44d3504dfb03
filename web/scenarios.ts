/**
 * Scenario files: the bundled library (built into the app, so it works offline) and files the user
 * opens or drops — YAML/JSON with its GeoJSON and CSV side files, or a zip of a scenario folder.
 */
import { unzipSync } from 'fflate';
import { decodeText } from '../src/scenario/encoding.ts';
import type { InputError } from '../src/scenario/errors.ts';

const bundled = import.meta.glob('../scenarios/**/*.{yaml,geojson,csv}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Files of the bundled library by path relative to scenarios/. */
export const BUNDLED_FILES: Record<string, string> = Object.fromEntries(Object.entries(bundled).map(([k, v]) => [k.replace(/^\.\.\/scenarios\//, ''), v]));

/** Names of the bundled scenarios (default first). */
export const BUNDLED_SCENARIOS: string[] = Object.keys(BUNDLED_FILES)
  .filter((p) => /^[^/]+\.yaml$/.test(p))
  .map((p) => p.replace(/\.yaml$/, ''))
  .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));

export interface ScenarioSource {
  name: string;
  fileName: string;
  text: string;
  /** Side files by path relative to the scenario file: text, or bytes for binary ones (Shapefiles). */
  files: Record<string, string | Uint8Array>;
  /** Built into the app (a link can name it); false for files the user opened. */
  bundled: boolean;
}

/** Side files kept as bytes: Shapefile parts and zipped Shapefiles (a zip of the scenario folder is opened instead). */
const BINARY = /\.(shp|shx|dbf|prj|cpg|zip|xlsx|xlsm)$/i;

export function bundledSource(name: string): ScenarioSource | null {
  const text = BUNDLED_FILES[`${name}.yaml`];
  return text === undefined ? null : { name, fileName: `${name}.yaml`, text, files: BUNDLED_FILES, bundled: true };
}

/** Reads opened or dropped files; picks the scenario file (the one YAML/JSON that is not GeoJSON). */
export async function sourceFromFiles(list: FileList | File[]): Promise<ScenarioSource | InputError> {
  const files: Record<string, string | Uint8Array> = {};
  // Text as users save it (UTF-8, UTF-16, GB18030); anything else is refused by name, never garbled.
  let refused: InputError | null = null;
  const text = (path: string, data: Uint8Array): string => {
    const d = decodeText(data, path);
    // Only files a scenario reads as text are refused; an unrelated file in a zip (a PDF) is left out.
    if (!d.ok && /\.(ya?ml|json|geojson|csv)$/i.test(path)) refused ??= d.errors[0];
    return d.ok ? d.value.text : '';
  };
  const all = Array.from(list);
  // A zip is the scenario folder when it holds a scenario file; otherwise (a zipped Shapefile) a side file.
  for (const f of all) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    if (/\.zip$/i.test(f.name)) {
      let entries: Record<string, Uint8Array> = {};
      try {
        entries = unzipSync(bytes);
      } catch {
        return { path: f.name, zh: '不是可读取的 zip 文件', en: 'not a readable zip file' };
      }
      const folder = Object.keys(entries).some((p) => /\.(ya?ml)$/i.test(p));
      if (!folder) {
        files[f.name] = bytes;
        continue;
      }
      for (const [path, data] of Object.entries(entries)) if (!path.endsWith('/')) files[path] = BINARY.test(path) ? data : text(path, data);
    } else files[f.name] = BINARY.test(f.name) ? bytes : text(f.name, bytes);
  }
  if (refused) return refused;
  // Paths inside a zip usually start with the folder's name: make them relative to the scenario file.
  const candidates = Object.keys(files).filter((p) => /\.(ya?ml|json)$/i.test(p) && !/\.geojson$/i.test(p));
  const main = candidates.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
  if (!main) return { path: '', zh: '所选文件中没有场景文件（.yaml 或 .json）', en: 'no scenario file (.yaml or .json) among the files' };
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rel: Record<string, string | Uint8Array> = {};
  for (const [p, text] of Object.entries(files)) {
    rel[p.startsWith(dir) ? p.slice(dir.length) : p] = text;
    rel[p.replace(/^.*\//, '')] ??= text;
  }
  return { name: main.replace(/^.*\//, '').replace(/\.(ya?ml|json)$/i, ''), fileName: main.replace(/^.*\//, ''), text: files[main] as string, files: rel, bundled: false };
}
