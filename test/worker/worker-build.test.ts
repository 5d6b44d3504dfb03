import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

describe('a batch worker as the one CommonJS file npm install builds', () => {
  it('bundles without a top-level await or import.meta (which a CommonJS file cannot hold), simjs after the window it is lent', async () => {
    // esbuild refuses a top-level await in CommonJS output: the build itself failing is that check.
    const r = await build({ entryPoints: [join(ROOT, 'src/worker/node-process.ts')], bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', external: ['exceljs'], logLevel: 'silent' });
    expect(r.warnings.filter((w) => /import\.meta/.test(w.text)).map((w) => `${w.location?.file}: ${w.text}`)).toEqual([]);
    const js = r.outputFiles[0].text;
    const lent = js.indexOf('g.window = {}');
    const registers = js.indexOf('window.Sim = {');
    const taken = js.indexOf('.window.Sim;');
    expect(lent).toBeGreaterThan(0);
    expect(registers).toBeGreaterThan(lent);
    expect(taken).toBeGreaterThan(registers);
  });
});
