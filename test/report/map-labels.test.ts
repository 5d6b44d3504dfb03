import { describe, expect, it } from 'vitest';
import { markerBox, overlaps, placeLabels, textWidthPx, type Box, type LabelRequest } from '../../src/report/map-labels.ts';
import { mapData, mapSvg } from '../../src/report/map.ts';
import { loadFile } from '../helpers.ts';

const BOUNDS: Box = { x0: 0, y0: 0, x1: 900, y1: 530 };
/** The box a placed label covers, as placeLabels measures it. */
const boxOf = (q: LabelRequest, p: { x: number; y: number; anchor: string }, fontPx: number): Box => {
  const w = textWidthPx(q.text, fontPx);
  const x0 = p.anchor === 'start' ? p.x : p.anchor === 'end' ? p.x - w : p.x - w / 2;
  return { x0, y0: p.y - 0.8 * fontPx, x1: x0 + w, y1: p.y + 0.2 * fontPx };
};

describe('the map’s labels', () => {
  it('a CJK character is a full em wide, a Latin letter about 0.6 em', () => {
    expect(textWidthPx('县人民医院', 11)).toBe(55);
    expect(textWidthPx('F1-E', 10)).toBeCloseTo(24);
  });

  it('labels crowded round one place never overlap each other or another marker, and a name with no room is left out; a hospital’s (insist, placed first) may cover a marker but no text', () => {
    // Twelve stations within 20 px of each other, as in a county seat, and a hospital among them.
    const reqs: LabelRequest[] = Array.from({ length: 12 }, (_, i) => ({ x: 400 + (i % 4) * 7, y: 300 + Math.floor(i / 4) * 7, text: `城关第${i + 1}消防站`, r: 5 }));
    const hospital: LabelRequest = { x: 410, y: 307, text: '县人民医院', r: 6 };
    const markers = [...reqs, hospital].map((q) => markerBox(q.x, q.y, q.r));
    expect(placeLabels([hospital], 11, markers, [], BOUNDS).placed[0]).toBeNull();
    const h = placeLabels([{ ...hospital, insist: true }], 11, markers, [], BOUNDS);
    expect(h.placed[0]).not.toBeNull();
    const { placed } = placeLabels(reqs, 11, markers, h.boxes, BOUNDS);
    const boxes = placed.flatMap((p, i) => (p ? [boxOf(reqs[i], p, 11)] : []));
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.length).toBeLessThan(reqs.length);
    const all = [...boxes, boxOf(hospital, h.placed[0]!, 11)];
    for (const [i, a] of all.entries()) for (const b of all.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    for (const a of boxes) for (const m of markers) expect(overlaps(a, m)).toBe(false);
  });

  it('a lone marker is labelled to its right; at the map’s right edge, to its left', () => {
    expect(placeLabels([{ x: 100, y: 100, text: 'A', r: 5 }], 11, [], [], BOUNDS).placed[0]).toMatchObject({ anchor: 'start', x: 108 });
    expect(placeLabels([{ x: 895, y: 100, text: 'ABC', r: 5 }], 11, [], [], BOUNDS).placed[0]).toMatchObject({ anchor: 'end', x: 887 });
  });

  it('the default county’s map names every hospital, and every station keeps its name in its tooltip', () => {
    const s = loadFile('scenarios/default.yaml');
    const svg = mapSvg(mapData(s), [], 'zh', '区域图');
    for (const h of s.hospitals) expect(svg).toContain(`>${h.name}</text>`);
    for (const x of s.stations) expect(svg).toContain(`<title>${x.name}</title>`);
  });
});
