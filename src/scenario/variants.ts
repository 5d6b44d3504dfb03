/**
 * Variants: named changes to a base scenario — add, remove or move units and stations, change counts
 * by hour, switch an agency's channel, change a plan's response or the demand — written as a list of
 * changes on paths into the scenario as written:
 *
 *   units[F4-E].station          the element of `units` whose id is F4-E, its station
 *   demand.background[type=security].ratePerDay
 *   center.callTakers[20]        an index;   plans[*].response   every element
 *
 * A change that points at nothing gets a path-named error before anything runs; the changed scenario
 * is then validated like any other, its errors prefixed with the variant's name.
 */
import type { InputError, Result, Words } from './errors.ts';
import { buildScenario, parseScenarioText, readWorkbooksOf } from './load.ts';
import type { Workbooks } from './workbooks.ts';
import { readSideFile, type ReadBytes, type ReadFile } from './files.ts';
import type { Scenario } from './scenario.ts';
import { parseYamlText } from './yaml.ts';
import { RESERVED_KEY, RESERVED_PATH_STEPS, reservedWords } from './reserved.ts';
import { YamlTextError } from './yaml.ts';
import { REQUIRED } from './zod-messages.ts';
import { resolveIncludes } from './include.ts';
import { BuildCache } from './build-cache.ts';

export interface Change {
  op: 'set' | 'add' | 'remove' | 'scale';
  path: string;
  value?: unknown;
  by?: number;
}

export interface VariantSpec {
  name: string;
  title?: string;
  description?: string;
  changes: Change[];
}

export interface Variant {
  name: string;
  title: string;
  description: string;
  scenario: Scenario;
}

type Obj = Record<string, unknown>;
type Target = { parent: Obj | unknown[]; key: string | number };

const SEGMENT = /^([^[\]]+)((?:\[[^\]]+\])*)$/;

/** Longest change path read (a path is a few steps; a longer one is not a path into a scenario). */
export const MAX_PATH_CHARS = 500;

const isRecord = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A name JavaScript reserves, as a step of a change path. */
const reservedStep = (name: string): Words => ({ zh: `“${name}”不是场景的组成部分（是 JavaScript 保留的名称）`, en: `"${name}" is not a part of a scenario (a name JavaScript reserves)` });

/**
 * Resolves a change path into the places it names; why not when it names nothing. Only the
 * scenario's own keys are followed: a step such as `__proto__` or `constructor` is refused, so a
 * change can never reach (or write into) an object's prototype.
 */
export function resolvePath(root: unknown, path: string): Target[] | Words {
  if (path.length > MAX_PATH_CHARS) return { zh: `长 ${path.length} 个字符；路径最多 ${MAX_PATH_CHARS} 个字符`, en: `is ${path.length} characters long; a path has at most ${MAX_PATH_CHARS}` };
  const segments = path.split('.').reduce<string[]>((out, part) => {
    // A dot inside [..] belongs to the selector (units[type=a.b]), not to the path.
    const open = out.length > 0 && (out[out.length - 1].split('[').length > out[out.length - 1].split(']').length);
    if (open) out[out.length - 1] += `.${part}`;
    else out.push(part);
    return out;
  }, []);
  let current: Target[] = [{ parent: { root } as Obj, key: 'root' }];
  let where = '';
  for (const seg of segments) {
    const m = SEGMENT.exec(seg);
    if (!m) return { zh: `无法识别路径中的“${seg}”一段`, en: `cannot read path segment "${seg}"` };
    const [, name, sels] = m;
    if (RESERVED_PATH_STEPS.includes(name)) return reservedStep(name);
    const next: Target[] = [];
    for (const t of current) {
      const v = Object.hasOwn(t.parent, t.key) ? (t.parent as Obj)[t.key as string] : undefined;
      if (!isRecord(v) || !Object.hasOwn(v, name)) {
        if (sels === '' && isRecord(v)) {
          next.push({ parent: v, key: name }); // a new key on an existing object
          continue;
        }
        return { zh: `${where ? `${where}：` : ''}没有“${name}”`, en: `${where ? `${where}: ` : ''}has no "${name}"` };
      }
      next.push({ parent: v, key: name });
    }
    where = where ? `${where}.${name}` : name;
    current = next;
    for (const sel of sels.match(/\[[^\]]+\]/g) ?? []) {
      const s = sel.slice(1, -1);
      const out: Target[] = [];
      const eq = s.indexOf('=');
      const [field, want] = eq > 0 ? [s.slice(0, eq), s.slice(eq + 1)] : ['id', s];
      if (RESERVED_PATH_STEPS.includes(field)) return reservedStep(field);
      for (const t of current) {
        const arr = (t.parent as Obj)[t.key as string];
        if (!Array.isArray(arr)) return { zh: `${where} 不是列表`, en: `${where} is not a list` };
        if (s === '*') arr.forEach((_, i) => out.push({ parent: arr, key: i }));
        else if (/^\d+$/.test(s)) {
          if (Number(s) >= arr.length) return { zh: `${where} 没有下标为 ${s} 的元素（共 ${arr.length} 个）`, en: `${where} has no element ${s} (it has ${arr.length})` };
          out.push({ parent: arr, key: Number(s) });
        } else {
          arr.forEach((el, i) => {
            if (isRecord(el) && Object.hasOwn(el, field) && String(el[field]) === want) out.push({ parent: arr, key: i });
          });
        }
      }
      if (out.length === 0) return eqMessage(where, s);
      where = `${where}[${s}]`;
      current = out;
    }
  }
  return current;
}

function eqMessage(where: string, sel: string): Words {
  const eq = sel.indexOf('=');
  const [field, value] = eq > 0 ? [sel.slice(0, eq), sel.slice(eq + 1)] : ['id', sel];
  return { zh: `${where} 中没有 ${field} 为“${value}”的元素`, en: `no element of ${where} has ${field} "${value}"` };
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** Applies `changes` to a copy of `input`; errors are named by `where` (e.g. `variants[1].changes[2]`). */
export function applyChanges(input: unknown, changes: readonly Change[], where: string): Result<unknown> {
  let doc: unknown;
  try {
    doc = clone(input);
  } catch {
    // JSON.stringify gives up on a document nested deeper than its stack.
    return { ok: false, errors: [{ path: where, zh: '场景嵌套过深，无法复制', en: 'the scenario is nested too deeply to copy' }] };
  }
  const errors: InputError[] = [];
  changes.forEach((c, i) => {
    const p = `${where}.changes[${i}]`;
    const targets = resolvePath(doc, c.path);
    if (!Array.isArray(targets)) {
      errors.push({ path: `${p}.path`, zh: `“${c.path}”：${targets.zh}`, en: `"${c.path}": ${targets.en}` });
      return;
    }
    switch (c.op) {
      case 'set':
        if (!('value' in c)) errors.push({ path: `${p}.value`, zh: '执行 set 时必须填写', en: 'is required for set' });
        else for (const t of targets) (t.parent as Obj)[t.key as string] = clone(c.value);
        break;
      case 'add':
        for (const t of targets) {
          const arr = (t.parent as Obj)[t.key as string];
          if (!Array.isArray(arr)) errors.push({ path: `${p}.path`, zh: `“${c.path}”不是可以追加（add）的列表`, en: `"${c.path}" is not a list to add to` });
          else if (!('value' in c)) errors.push({ path: `${p}.value`, zh: '执行 add 时必须填写', en: 'is required for add' });
          else arr.push(clone(c.value));
        }
        break;
      case 'remove': {
        const byList = new Map<unknown[], number[]>();
        for (const t of targets) {
          if (!Array.isArray(t.parent)) {
            delete (t.parent as Obj)[t.key as string];
            continue;
          }
          if (!byList.has(t.parent)) byList.set(t.parent, []);
          byList.get(t.parent)!.push(t.key as number);
        }
        for (const [arr, idx] of byList) for (const k of idx.sort((a, b) => b - a)) arr.splice(k, 1);
        break;
      }
      case 'scale':
        if (typeof c.by !== 'number' || !(c.by >= 0)) {
          errors.push({ path: `${p}.by`, zh: '必须是 ≥ 0 的数', en: 'must be a number ≥ 0' });
          break;
        }
        for (const t of targets) {
          const v = (t.parent as Obj)[t.key as string];
          if (typeof v !== 'number') errors.push({ path: `${p}.path`, zh: `“${c.path}”不是数值（而是 ${JSON.stringify(v)}）`, en: `"${c.path}" is not a number (it is ${JSON.stringify(v)})` });
          else (t.parent as Obj)[t.key as string] = v * c.by;
        }
        break;
      default:
        errors.push({ path: `${p}.op`, zh: `必须是 set、add、remove 或 scale；实际为“${String((c as Change).op)}”`, en: `must be set, add, remove or scale, got "${String((c as Change).op)}"` });
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: doc };
}

/** The variant list of a scenario input (inline, or `{file}` entries read through `readFile`). */
export function variantSpecs(input: unknown, readFile: ReadFile): Result<{ spec: VariantSpec; where: string }[]> {
  const list = (input as Obj).variants;
  if (list === undefined) return { ok: true, value: [] };
  const errors: InputError[] = [];
  const out: { spec: VariantSpec; where: string }[] = [];
  if (!Array.isArray(list)) return { ok: false, errors: [{ path: 'variants', zh: '必须是列表', en: 'must be a list' }] };
  list.forEach((entry, i) => {
    const where = `variants[${i}]`;
    let spec = entry as Obj;
    if (spec && typeof spec === 'object' && typeof spec.file === 'string' && Object.keys(spec).length === 1) {
      const text = readSideFile(readFile, spec.file, `${where}.file`, errors);
      if (text === undefined) return;
      try {
        spec = parseYamlText(text) as Obj;
      } catch (e) {
        // The first line, whose colon introduces the excerpt below it (not shown here).
        const reason = (e as Error).message.split('\n')[0].replace(/:$/, '');
        errors.push({ path: `${where}.file`, zh: `无法解析“${entry.file}”：${e instanceof YamlTextError ? e.zh : reason}`, en: `cannot parse "${entry.file}": ${reason}` });
        return;
      }
    }
    if (!spec || typeof spec !== 'object' || typeof spec.name !== 'string' || !/^[\p{L}\p{N}_.:-]+$/u.test(spec.name)) {
      errors.push({ path: `${where}.name`, zh: '方案需要名称（字母、数字和 _ . : -）', en: 'a variant needs a name (letters, digits, _ . : -)' });
      return;
    }
    if (spec.name === RESERVED_KEY) errors.push({ path: `${where}.name`, ...reservedWords('id') });
    if (spec.name === 'baseline') errors.push({ path: `${where}.name`, zh: '“baseline”指未作改动的场景（基准方案），请另取名称', en: '"baseline" is the unchanged scenario; choose another name' });
    if (out.some((o) => o.spec.name === spec.name)) errors.push({ path: `${where}.name`, zh: `方案“${spec.name}”重复`, en: `duplicate variant "${spec.name}"` });
    if (!Array.isArray(spec.changes) || spec.changes.length === 0) {
      errors.push({ path: `${where}.changes`, zh: '方案需要一个改动列表（changes）', en: 'a variant needs a list of changes' });
      return;
    }
    (spec.changes as Obj[]).forEach((c, k) => {
      if (!c || typeof c !== 'object' || typeof c.path !== 'string') errors.push({ path: `${where}.changes[${k}].path`, ...REQUIRED });
    });
    out.push({ spec: spec as unknown as VariantSpec, where });
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: out };
}

/** {@link loadVariants} for hosts that read Excel workbooks: the workbooks named by the scenario or by a variant's changes are read first. */
export async function loadVariantsWithWorkbooks(text: string, fileName: string, readFile: ReadFile, only?: string[], readBytes: ReadBytes = () => null): Promise<Result<{ base: Scenario; variants: Variant[] }>> {
  const parsed = parseScenarioText(text, fileName);
  if (!parsed.ok) return parsed;
  const cache = new BuildCache();
  const read = cache.reader(readFile);
  const specs = variantSpecs(parsed.value, read);
  const workbooks = await readWorkbooksOf(parsed.value, read, readBytes, specs.ok ? specs.value.map((s) => s.spec.changes) : null);
  return variantsOf(parsed.value, fileName, read, only, readBytes, workbooks, cache);
}

/**
 * The base scenario and every variant of it, each validated. `only` picks variants by name (the
 * baseline is always first). Errors name the variant and the place in its changes or in the result.
 */
export function loadVariants(text: string, fileName: string, readFile: ReadFile, only?: string[], readBytes: ReadBytes = () => null, workbooks: Workbooks = new Map()): Result<{ base: Scenario; variants: Variant[] }> {
  const parsed = parseScenarioText(text, fileName);
  if (!parsed.ok) return parsed;
  const cache = new BuildCache();
  return variantsOf(parsed.value, fileName, cache.reader(readFile), only, readBytes, workbooks, cache);
}

/** {@link loadVariants} of a parsed document; the builds share `cache` (side files read once, unchanged parts checked once). */
function variantsOf(doc: unknown, fileName: string, readFile: ReadFile, only: string[] | undefined, readBytes: ReadBytes, workbooks: Workbooks, cache: BuildCache): Result<{ base: Scenario; variants: Variant[] }> {
  // Variants change the scenario with its included fragments laid over it.
  const included = resolveIncludes(doc, readFile, parseScenarioText);
  if (!included.ok) return included;
  const raw = included.value.value as Obj;
  // A problem of the base in a value an included fragment gave is named in that fragment, as a scenario alone is.
  const relocate = included.value.relocate;
  const base = buildScenario(raw, fileName, readFile, readBytes, workbooks, cache);
  const specs = variantSpecs(raw, readFile);
  if (!base.ok) {
    // Variant files that cannot be read are said with the base's problems: a scenario copied without
    // its folders hears of every file missing at once.
    const files = specs.ok ? [] : specs.errors.filter((e) => e.path.endsWith('.file'));
    return { ok: false, errors: [...relocate(base.errors), ...files] };
  }
  if (!specs.ok) return specs;
  const errors: InputError[] = [];
  if (only) {
    const known = ['baseline', ...specs.value.map((s) => s.spec.name)];
    for (const n of only) {
      if (n !== 'baseline' && !specs.value.some((s) => s.spec.name === n)) errors.push({ path: '--variants', zh: `未知的方案“${n}”（已有：${known.join('、')}）`, en: `unknown variant "${n}" (known: ${known.join(', ')})` });
    }
  }
  const variants: Variant[] = [{ name: 'baseline', title: base.value.title, description: base.value.description, scenario: base.value }];
  for (const { spec, where } of specs.value) {
    if (only && !only.includes(spec.name)) continue;
    const changed = applyChanges(raw, spec.changes, where);
    if (!changed.ok) {
      errors.push(...changed.errors);
      continue;
    }
    const built = buildScenario(changed.value, fileName, readFile, readBytes, workbooks, cache);
    if (!built.ok) {
      // Named as merged: the fragments' places were recorded for the base, and a variant's change may be the culprit.
      errors.push(...built.errors.map((e) => ({ ...e, path: `${where} (${spec.name}) → ${e.path}` })));
      continue;
    }
    variants.push({ name: spec.name, title: spec.title ?? spec.name, description: spec.description ?? '', scenario: built.value });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: { base: base.value, variants }, ...(base.warnings ? { warnings: base.warnings } : {}) };
}
