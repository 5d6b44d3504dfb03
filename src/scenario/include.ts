/**
 * `include:` — fragments laid over a scenario before validation (a calibration's `calibrated.yaml`,
 * a shared set of agencies). Each included file, in the order listed, is merged over the scenario as
 * written, the fragment winning:
 * - mappings merge key by key;
 * - lists whose elements carry an `id` (units, agencies, zones, hospitals, incidentTypes, …) merge
 *   element by element on `id`: a fragment element merges into the scenario's element with its id,
 *   or is appended when the scenario has none;
 * - `demand.background` entries replace every scenario entry of the same `type`;
 * - anything else is replaced.
 * Every merged place remembers where it came from, so an error found later in validation names the
 * place in the included file (`include[0] (calibrated.yaml) units[1].turnout.day.mean: …`).
 * Side-file paths inside a fragment are read relative to the including scenario, like its own.
 */
import type { InputError, Result } from './errors.ts';
import { readSideFile, type ReadFile } from './files.ts';
import { reservedKeyErrors } from './reserved.ts';

/** Parses YAML or JSON text into a plain value (the loader's `parseScenarioText`). */
export type ParseText = (text: string, fileName: string) => Result<unknown>;

type Obj = Record<string, unknown>;

/** Where a merged value came from: the include's label and the path inside that file. */
interface Origin {
  label: string;
  path: string;
}

/** The merged scenario, and a function that points errors on merged paths into included files. */
export interface Included {
  value: unknown;
  relocate: (errors: InputError[]) => InputError[];
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const hasId = (v: unknown): v is Obj & { id: string } => isObj(v) && (typeof v.id === 'string' || typeof v.id === 'number');
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

/**
 * Lays every file named by `input.include` over `input` (a parsed scenario). Without `include` the
 * input comes back as it is. Problems (a missing or unparseable file, an include inside an included
 * file) are path-named.
 */
export function resolveIncludes(input: unknown, readFile: ReadFile, parse: ParseText): Result<Included> {
  if (!isObj(input) || input.include === undefined) return { ok: true, value: { value: input, relocate: (e) => e } };
  const names = typeof input.include === 'string' ? [input.include] : input.include;
  if (!Array.isArray(names) || names.some((n) => typeof n !== 'string' || n === '')) {
    return { ok: false, errors: [{ path: 'include', zh: '必须是一个文件名或文件名列表', en: 'must be a file name or a list of file names' }] };
  }
  const errors: InputError[] = [];
  const origins = new Map<string, Origin>();
  let merged: Obj = { ...input };
  delete merged.include;
  (names as string[]).forEach((name, i) => {
    const label = `include[${i}] (${name})`;
    const text = readSideFile(readFile, name, `include[${i}]`, errors);
    if (text === undefined) return;
    const parsed = parse(text, name);
    if (!parsed.ok) {
      errors.push(...parsed.errors.map((e) => ({ ...e, path: `${label} ${e.path === name ? '' : e.path}`.trim() })));
      return;
    }
    const fragment = parsed.value as Obj;
    const reserved = reservedKeyErrors(fragment);
    if (reserved.length) {
      errors.push(...reserved.map((e) => ({ ...e, path: `${label} ${e.path}` })));
      return;
    }
    if (Object.hasOwn(fragment, 'include')) {
      errors.push({ path: `${label} include`, zh: '被引入的文件不能再引入其他文件（请全部列在场景中）', en: 'an included file cannot include others (list them all in the scenario)' });
      return;
    }
    merged = mergeInto(merged, fragment, '', '', label, origins) as Obj;
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { value: merged, relocate: (errs) => errs.map((e) => relocate(e, origins)) } };
}

/** `over` laid on `base`; records the origin of every value taken from `over`. */
function mergeInto(base: unknown, over: unknown, path: string, overPath: string, label: string, origins: Map<string, Origin>): unknown {
  if (isObj(base) && isObj(over)) {
    const out: Obj = { ...base };
    // Only the scenario's own keys: a fragment's `constructor` meets nothing inherited.
    for (const [k, v] of Object.entries(over)) out[k] = mergeInto(Object.hasOwn(base, k) ? base[k] : undefined, v, join(path, k), join(overPath, k), label, origins);
    return out;
  }
  if (Array.isArray(base) && Array.isArray(over)) {
    if (path === 'demand.background' && over.every((b) => isObj(b) && typeof b.type === 'string')) return mergeBackground(base, over, overPath, label, origins);
    if (over.length > 0 && over.every(hasId) && base.every(hasId)) return mergeById(base, over, path, overPath, label, origins);
  }
  // Replaced: everything below this place now comes from the fragment (drop older records under it).
  for (const key of [...origins.keys()]) if (key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`)) origins.delete(key);
  origins.set(path, { label, path: overPath });
  return over;
}

function mergeById(base: Obj[], over: Obj[], path: string, overPath: string, label: string, origins: Map<string, Origin>): Obj[] {
  const out = base.slice();
  over.forEach((el, j) => {
    const i = out.findIndex((b) => String(b.id) === String(el.id));
    if (i < 0) {
      out.push(el);
      origins.set(join(path, out.length - 1), { label, path: join(overPath, j) });
    } else {
      out[i] = mergeInto(out[i], el, join(path, i), join(overPath, j), label, origins) as Obj;
    }
  });
  return out;
}

function mergeBackground(base: Obj[], over: Obj[], overPath: string, label: string, origins: Map<string, Origin>): Obj[] {
  const replaced = new Set(over.map((b) => b.type as string));
  const kept = base.filter((b) => !(isObj(b) && replaced.has(b.type as string)));
  // Indices shift: records of the scenario's own entries no longer hold.
  for (const key of [...origins.keys()]) if (key.startsWith('demand.background[')) origins.delete(key);
  over.forEach((_, j) => origins.set(`demand.background[${kept.length + j}]`, { label, path: join(overPath, j) }));
  return [...kept, ...over];
}

/** Points an error on a merged path at the included file the value came from, if it did. */
function relocate(e: InputError, origins: Map<string, Origin>): InputError {
  let best: string | null = null;
  for (const key of origins.keys()) {
    const under = e.path === key || e.path.startsWith(`${key}.`) || e.path.startsWith(`${key}[`);
    if (under && (best === null || key.length > best.length)) best = key;
  }
  if (best === null) return e;
  const o = origins.get(best)!;
  const rest = e.path.slice(best.length);
  const inner = `${o.path}${rest}`.replace(/^\./, '');
  return { ...e, path: inner ? `${o.label} ${inner}` : o.label };
}
