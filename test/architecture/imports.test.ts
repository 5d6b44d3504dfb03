/**
 * The layers of ARCHITECTURE.md, checked on the source: every import of `src/` and `web/` (types
 * included) goes to the importer's own layer or a lower one, no two folders import each other, and
 * the app reaches the engine only through `src/worker` (type-only imports of the engine's records
 * and log are allowed: they are plain data).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

/** Layer rank of each folder: a folder may import from ranks ≤ its own. */
const LAYERS: Record<string, number> = {
  random: 0, geo: 1, scenario: 2, engine: 3, metrics: 4, report: 5, worker: 6,
  batch: 7, exercise: 7, calibrate: 7, cli: 8, web: 8,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(n) && !n.endsWith('.d.ts') ? [p] : [];
  });
}

/** The layer folder of a file: `src/<folder>/…` or `web`. */
function folderOf(path: string): string | null {
  const rel = relative(ROOT, path).split(sep);
  if (rel[0] === 'web') return 'web';
  if (rel[0] === 'src') return rel[1];
  return null;
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
  spec: string;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const f of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'web'))]) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[3] ?? m[4];
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(f), spec);
      out.push({ from: relative(ROOT, f), to: relative(ROOT, target), typeOnly: Boolean(m[2]), spec });
    }
  }
  return out;
}

describe('imports flow one way', () => {
  const all = edges();

  it('finds the imports it checks (the parser is not blind)', () => {
    expect(all.length).toBeGreaterThan(200);
    expect(all.some((e) => e.from.startsWith('src/engine/') && e.to.startsWith('src/random/'))).toBe(true);
  });

  it('every folder is a known layer', () => {
    const unknown = [...new Set(all.flatMap((e) => [e.from, e.to]).map((p) => folderOf(join(ROOT, p))).filter((f) => f !== null && !(f in LAYERS)))];
    expect(unknown).toEqual([]);
  });

  it('no import goes to a higher layer (types included), and nothing in src/ imports web/', () => {
    const upward = all
      .filter((e) => {
        const a = folderOf(join(ROOT, e.from));
        const b = folderOf(join(ROOT, e.to));
        if (a === null || b === null || a === b) return false;
        if (a !== 'web' && b === 'web') return true;
        return LAYERS[b] > LAYERS[a];
      })
      .map((e) => `${e.from} → ${e.spec}`);
    expect(upward).toEqual([]);
  });

  it('no two folders import each other, directly or round a cycle', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of all) {
      const a = folderOf(join(ROOT, e.from));
      const b = folderOf(join(ROOT, e.to));
      if (a === null || b === null || a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of graph.get(node) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
        else visit(next, [...path, next]);
      }
    };
    for (const n of graph.keys()) visit(n, [n]);
    expect(cycles).toEqual([]);
  });

  it('simjs is loaded in one place, right after the module that lends it a window', () => {
    const specs = (f: string) => [...readFileSync(f, 'utf8').matchAll(IMPORT)].map((m) => m[3] ?? m[4]);
    const loaders = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'web'))]
      .filter((f) => specs(f).some((x) => x === 'simjs' || x.endsWith('/simjs-window.ts')))
      .map((f) => relative(ROOT, f));
    expect(loaders).toEqual([join('src', 'engine', 'kernel.ts')]);
    // ES modules run in the order they are imported: the window first, then simjs, before anything else.
    expect(specs(join(ROOT, 'src/engine/kernel.ts')).slice(0, 2)).toEqual(['./simjs-window.ts', 'simjs']);
  });

  it('the app reaches the engine only through src/worker (type-only imports of plain records aside)', () => {
    const direct = all.filter((e) => e.from.startsWith('web') && e.to.startsWith(`src${sep}engine`) && !e.typeOnly).map((e) => `${e.from} → ${e.spec}`);
    expect(direct).toEqual([]);
  });
});
