import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { mapData, mapSvg } from '../../src/report/map.ts';
import { loadFile, ROOT } from '../helpers.ts';

const quiet = { out: () => {}, err: () => {}, tty: false };

describe('the after-action report’s map', () => {
  it('draws the layers by kind, labels zones, stations, hospitals and labelled layer features, and each incident', () => {
    const s = loadFile('scenarios/qingxi-town.yaml');
    const svg = mapSvg(mapData(s), [{ incidentId: 'inc-1', type: 'fire', lon: s.zones[0].lon, lat: s.zones[0].lat, levelTrue: 'IV', levelFinal: 'III' } as never], 'zh', '区域图');
    for (const name of [...s.zones.map((z) => z.name), ...s.stations.map((x) => x.name), ...s.hospitals.map((h) => h.name), '清溪', '清溪化工园区']) expect(svg).toContain(`>${name}</text>`);
    expect(svg).toContain('stroke="#5b9bd5"'); // water
    expect(svg).toContain('fill="url(#hatch)"'); // hazard
    expect(svg).toContain('stroke-dasharray="6 4"'); // boundary
    expect(svg.match(/<circle /g)?.length).toBe(2); // the incident and the legend's dot
    expect(svg).toContain('fill="#f28e2b"'); // coloured by its final response level, III
  });

  it('a run folder keeps the geography in run.json, so `linkdrill report DIR` draws the same map', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-map-'));
    expect(await main(['run', join(ROOT, 'scenarios/qingxi-town.yaml'), '--out', join(dir, 'run')], quiet)).toBe(0);
    const html = readFileSync(join(dir, 'run/report.html'), 'utf8');
    const map = html.match(/<figure class="chart map">.*?<\/figure>/s)![0];
    expect(JSON.parse(readFileSync(join(dir, 'run/run.json'), 'utf8')).map.layers.length).toBe(3);
    rmSync(join(dir, 'run/report.html'));
    expect(await main(['report', join(dir, 'run')], quiet)).toBe(0);
    expect(readFileSync(join(dir, 'run/report.html'), 'utf8')).toContain(map);
  });
});
