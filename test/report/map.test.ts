import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import fc from 'fast-check';
import { incidentDots, mapData, mapSpots, mapSvg, type MapIncident } from '../../src/report/map.ts';
import { loadFile, ROOT } from '../helpers.ts';

const quiet = { out: () => {}, err: () => {}, tty: false };

describe('the after-action report’s map', () => {
  it('draws the layers by kind, labels zones, stations, hospitals and labelled layer features, and each incident', () => {
    const s = loadFile('scenarios/qingxi-town.yaml');
    const svg = mapSvg(mapData(s), mapSpots([{ incidentId: 'inc-1', type: 'fire', lon: s.zones[0].lon, lat: s.zones[0].lat, levelTrue: 'IV', levelFinal: 'III' }]), 'zh', '区域图');
    for (const name of [...s.zones.map((z) => z.name), ...s.stations.map((x) => x.name), ...s.hospitals.map((h) => h.name), '清溪', '清溪化工园区']) expect(svg).toContain(`>${name}</text>`);
    expect(svg).toContain('stroke="#5b9bd5"'); // water
    expect(svg).toContain('fill="url(#hatch)"'); // hazard
    expect(svg).toContain('stroke-dasharray="6 4"'); // boundary
    expect(svg.match(/<circle /g)?.length).toBe(2); // the incident and the legend's dot
    expect(svg).toContain('fill="#f28e2b"'); // coloured by its final response level, III
  });

  it('incidents drawn on the same spot in the same colour are one dot that counts them; other levels or spots stay apart', () => {
    const s = loadFile('scenarios/qingxi-town.yaml');
    const z = s.zones[0];
    const at = (k: number, lon: number, level: 'IV' | 'III') => ({ incidentId: `inc-${k}`, type: 'fire', lon, lat: z.lat, levelTrue: level, levelFinal: null });
    const many = [...Array.from({ length: 5000 }, (_, k) => at(k, z.lon, 'IV')), at(5000, z.lon, 'III'), at(5001, z.lon + 0.01, 'IV')];
    const svg = mapSvg(mapData(s), mapSpots(many), 'en', 'map');
    expect(svg.match(/<circle /g)?.length).toBe(4); // three dots and the legend's
    expect(svg).toContain('<title>inc-0 fire IV +4999</title>');
    expect(svg).toContain('<title>inc-5000 fire III</title>');
    expect(svg).toContain('<title>inc-5001 fire IV</title>');
  });

  it('incidents kept as spots draw the very dots drawn from each incident on its own, in the same order', () => {
    // Each incident on its own, merged by pixel and level in the order first seen: the dots' definition.
    const byIncident = (incidents: readonly MapIncident[], xy: (lon: number, lat: number) => [number, number]) => {
      const dots = new Map<string, { x: string; y: string; first: MapIncident; n: number; level: string }>();
      for (const i of incidents) {
        const [px, py] = xy(i.lon, i.lat);
        const level = i.levelFinal ?? i.levelTrue;
        const key = `${px.toFixed(1)},${py.toFixed(1)},${level}`;
        const d = dots.get(key);
        if (d) d.n++;
        else dots.set(key, { x: px.toFixed(1), y: py.toFixed(1), first: i, n: 1, level });
      }
      return [...dots.values()];
    };
    // Few places, -0 among them, and a pixel that several places share.
    const coord = fc.constantFrom(0, -0, 120, 120.0001, 120.00011, 30, 30.5, NaN);
    const incident = fc.record({ incidentId: fc.constantFrom('inc-1', 'inc-2', 'inc-3'), type: fc.constantFrom('fire', 'call'), lon: coord, lat: coord, levelTrue: fc.constantFrom('IV', 'III'), levelFinal: fc.constantFrom(null, 'IV', 'II') });
    const xy = (lon: number, lat: number): [number, number] => [lon * 10, lat * 10];
    fc.assert(
      fc.property(fc.array(incident, { maxLength: 40 }), (incidents) => {
        expect(incidentDots(mapSpots(incidents), xy)).toEqual(byIncident(incidents, xy));
      }),
      { numRuns: 300 },
    );
    expect(mapSpots(Array.from({ length: 1000 }, (_, k) => ({ incidentId: `inc-${k}`, type: 'call', lon: 120, lat: 30, levelTrue: 'IV', levelFinal: null })))).toEqual([
      { first: { incidentId: 'inc-0', type: 'call', lon: 120, lat: 30, levelTrue: 'IV', levelFinal: null }, n: 1000 },
    ]);
  });

  it('a place with everything at one point (the M/M/5 benchmark) has no map rather than one drawn in a corner', () => {
    const s = loadFile('scenarios/bench/mm5-calls.yaml');
    expect(mapSvg(mapData(s), mapSpots([{ incidentId: 'inc-1', type: 'call', lon: 120, lat: 30, levelTrue: 'IV', levelFinal: null }]), 'en', 'map')).toBe('');
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
