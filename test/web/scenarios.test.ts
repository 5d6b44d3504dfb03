import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceFromFiles } from '../../web/scenarios.ts';
import { createEngineApi } from '../../src/worker/engine.ts';
import { ROOT } from '../helpers.ts';

describe('opening scenario files in the app', () => {
  const yaml = readFileSync(join(ROOT, 'test/fixtures/history.yaml'), 'utf8');
  const csv = readFileSync(join(ROOT, 'test/fixtures/history/cad.csv'), 'utf8');

  it('a zip of a scenario folder gives the scenario and its side files by relative path', async () => {
    const zip = zipSync({ 'my-scenario/history.yaml': strToU8(yaml), 'my-scenario/history/cad.csv': strToU8(csv) });
    const src = await sourceFromFiles([new File([zip], 'my-scenario.zip')]);
    if (!('text' in src)) throw new Error(src.en);
    expect(src.fileName).toBe('history.yaml');
    const r = await createEngineApi().load(src.text, src.fileName, src.files);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.demand.fixed.length).toBe(3);
  });

  it('loose files work too, and without a scenario file the app says so', async () => {
    const src = await sourceFromFiles([new File([yaml], 'history.yaml'), new File([csv], 'cad.csv')]);
    expect('text' in src ? src.name : src.en).toBe('history');
    expect(await sourceFromFiles([new File([csv], 'cad.csv')])).toEqual({ path: '', zh: '所选文件中没有场景文件（.yaml 或 .json）', en: 'no scenario file (.yaml or .json) among the files' });
  });

  it('every problem opening files is said in Chinese too, the English unchanged', async () => {
    const problems = [
      await sourceFromFiles([new File([csv], 'cad.csv')]),
      await sourceFromFiles([new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'broken.zip')]),
    ];
    for (const p of problems) {
      if ('text' in p) throw new Error('expected a problem');
      expect(p.zh, p.en).toMatch(/\p{Script=Han}/u);
    }
    expect(problems.map((p) => ('text' in p ? '' : `${p.path}: ${p.en}`))).toEqual([': no scenario file (.yaml or .json) among the files', 'broken.zip: not a readable zip file']);
  });

  it('Shapefiles opened beside a scenario (loose, or zipped) load as they do in the CLI: bytes kept, GBK text decoded', async () => {
    const shp = (n: string) => new File([readFileSync(join(ROOT, 'test/fixtures/shp', n))], n);
    const yaml = readFileSync(join(ROOT, 'scenarios/qingxi-town.yaml'), 'utf8')
      .replace('zones: {file: geo/qingxi-zones.geojson}', 'zones: {file: qingxi-zones.shp, mapping: {id: CODE, name: MC, population: RK}}')
      .replace('stations: {file: geo/qingxi-stations.geojson}', 'stations: {file: qingxi-stations.zip, mapping: {id: CODE, name: MC, agency: DW}}');
    const geo = ['qingxi-roads', 'qingxi-hospitals', 'qingxi-river', 'qingxi-chemical-park', 'qingxi-boundary'].map((n) => new File([readFileSync(join(ROOT, `scenarios/geo/${n}.geojson`))], `${n}.geojson`));
    const src = await sourceFromFiles([new File([yaml], 'town.yaml'), shp('qingxi-zones.shp'), shp('qingxi-zones.dbf'), shp('qingxi-zones.prj'), shp('qingxi-stations.zip'), ...geo]);
    if (!('text' in src)) throw new Error(src.en);
    expect(src.files['qingxi-stations.zip']).toBeInstanceOf(Uint8Array);
    const r = await createEngineApi().load(src.text, src.fileName, src.files);
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.en}`).join('\n'));
    expect(r.value.zones.map((z) => z.name)).toContain('老城区');
    expect(r.value.stations.map((s) => s.agency)).toEqual(['FIRE', 'POLICE', 'EMS', 'FIRE']);
  });
});
