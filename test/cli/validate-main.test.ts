import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { main as validateMain } from '../../src/cli/validate-main.ts';
import { ROOT } from '../helpers.ts';

const run = async (f: typeof main, argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await f(argv, { out: (s) => out.push(s), err: (s) => err.push(s), tty: false });
  return { code, out, err };
};

describe('validate built on its own', () => {
  it('prints, writes and exits as the full command line does (ok, bad input, usage), in the language --lang asks for', async () => {
    for (const argv of [
      ['validate', join(ROOT, 'scenarios/default.yaml')],
      ['validate', join(ROOT, 'scenarios/no-such.yaml')],
      ['validate', join(ROOT, 'test/fixtures/small.yaml'), '--max-events', '10'],
      ['validate'],
      ['validate', 'a.yaml', '--no-such-option'],
      ['validate', join(ROOT, 'scenarios/no-such.yaml'), '--lang', 'en'],
      ['validate', 'a.yaml', '--no-such-option', '--lang=en'],
    ]) {
      expect(await run(validateMain, argv)).toEqual(await run(main, argv));
    }
  });
});

describe('validate as the one CommonJS file npm install builds', () => {
  it('bundles without import.meta and without the engine or the worker host', async () => {
    const r = await build({ entryPoints: [join(ROOT, 'src/cli/validate-main.ts')], bundle: true, write: false, metafile: true, format: 'cjs', platform: 'node', target: 'node20', external: ['exceljs'], logLevel: 'silent' });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.filter((f) => /src\/(worker\/node-host|engine\/simulate|engine\/kernel)\.ts$/.test(f))).toEqual([]);
    expect(r.warnings.filter((w) => /import\.meta/.test(w.text)).map((w) => `${w.location?.file}: ${w.text}`)).toEqual([]);
  });
});
