import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceFromFiles } from '../../web/scenarios.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { ROOT } from '../helpers.ts';

describe('opening scenario files in the app', () => {
  const yaml = readFileSync(join(ROOT, 'test/fixtures/history.yaml'), 'utf8');
  const csv = readFileSync(join(ROOT, 'test/fixtures/history/cad.csv'), 'utf8');

  it('a zip of a scenario folder gives the scenario and its side files by relative path', async () => {
    const zip = zipSync({ 'my-scenario/history.yaml': strToU8(yaml), 'my-scenario/history/cad.csv': strToU8(csv) });
    const src = await sourceFromFiles([new File([zip], 'my-scenario.zip')]);
    expect(typeof src).not.toBe('string');
    if (typeof src === 'string') return;
    expect(src.fileName).toBe('history.yaml');
    const r = loadScenario(src.text, src.fileName, (p) => src.files[p] ?? null);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.demand.fixed.length).toBe(3);
  });

  it('loose files work too, and without a scenario file the app says so', async () => {
    const src = await sourceFromFiles([new File([yaml], 'history.yaml'), new File([csv], 'cad.csv')]);
    expect(typeof src === 'string' ? src : src.name).toBe('history');
    expect(await sourceFromFiles([new File([csv], 'cad.csv')])).toBe('no scenario file (.yaml or .json) among the files');
  });
});
