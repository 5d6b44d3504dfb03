/**
 * What every normalising step shares: the list of problems found so far (each with its path), the
 * side-file reader, and turning written durations and distributions into seconds and {@link Dist}s.
 */
import type { Dist } from '../../random/distributions.ts';
import type { InputError, Words } from '../errors.ts';
import type { ReadBytes, ReadFile } from '../files.ts';
import type { Workbooks } from '../workbooks.ts';
import { resolveCrs, type Crs } from '../../geo/import/crs.ts';
import { GRADES, type DistInput } from '../schema.ts';
import { normaliseDist } from './dist.ts';
import { duplicateId } from './words.ts';
import type { BuildCache } from '../build-cache.ts';

export interface NormaliseContext {
  /** Problems found so far, in the order the steps found them. */
  readonly errors: InputError[];
  /** Things that are probably mistakes but do not stop a run (a layer offset from the roads). */
  readonly warnings: InputError[];
  readonly readFile: ReadFile;
  readonly readBytes: ReadBytes;
  /** Workbooks the host read ahead (exceljs is asynchronous), by file name. */
  readonly workbooks: Workbooks;
  /** The scenario's coordinate system (`crs`, default WGS-84): inline positions and files without their own. */
  crs: Crs;
  /** Work shared with the other builds of the same load (a scenario and its variants), if any. */
  readonly cache?: BuildCache;
  /** Records a problem at `path`, said in both languages. */
  err(path: string, words: Words): void;
  /** Records a warning at `path`, said in both languages. */
  warn(path: string, words: Words): void;
  /** A written distribution in normalised form (a problem is recorded, and 0 returned, when it is bad). */
  dist(d: DistInput, path: string): Dist;
  /** `dist(d ?? fallback)`. */
  distOr(d: DistInput | undefined, fallback: DistInput, path: string): Dist;
  /**
   * A distribution per grade index (0 = IV … 3 = I): one for every grade, or a map by grade where
   * higher grades fall back to lower ones and IV is required.
   */
  byGrade(v: DistInput | Partial<Record<string, DistInput>>, path: string): Dist[];
}

export function createContext(readFile: ReadFile, readBytes: ReadBytes = () => null, workbooks: Workbooks = new Map(), cache?: BuildCache): NormaliseContext {
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  const err = (path: string, words: Words) => void errors.push({ path, zh: words.zh, en: words.en });
  const dist = (d: DistInput, path: string): Dist => {
    const r = normaliseDist(d);
    if ('en' in r) {
      err(path, r);
      return { dist: 'fixed', value: 0 };
    }
    return r;
  };
  return {
    errors,
    warnings,
    readFile,
    readBytes,
    workbooks,
    crs: resolveCrs('WGS84') as Crs,
    ...(cache ? { cache } : {}),
    err,
    warn: (path, words) => void warnings.push({ path, zh: words.zh, en: words.en }),
    dist,
    distOr: (d, fallback, path) => dist(d ?? fallback, path),
    byGrade(v, path) {
      if (typeof v === 'object' && v !== null && !('dist' in v)) {
        const m = v as Partial<Record<string, DistInput>>;
        const out: Dist[] = [];
        let last: Dist | null = null;
        GRADES.forEach((g, i) => {
          if (m[g] !== undefined) last = dist(m[g]!, `${path}.${g}`);
          out[i] = last ?? { dist: 'fixed', value: NaN };
        });
        if (m.IV === undefined) err(`${path}.IV`, { zh: '必须给出（较高等级沿用较低等级的值，IV 级没有可沿用的）', en: 'is required (higher grades fall back to lower ones, IV to nothing)' });
        return out;
      }
      const one = dist(v as DistInput, path);
      return GRADES.map(() => one);
    },
  };
}

/** Ids of `items`, recording each duplicate at its path. */
export function uniqueIds(items: readonly { id: string }[], path: string, ctx: Pick<NormaliseContext, 'err'>): Set<string> {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (seen.has(it.id)) ctx.err(`${path}[${i}].id`, duplicateId(it.id));
    seen.add(it.id);
  });
  return seen;
}

