import { describe, expect, it } from 'vitest';
import { fitPadding, ZONE_R } from '../../../web/model/map-fit.ts';
import { incidentRadius, ringRadius, unitRadius } from '../../../web/model/map-frame.ts';
import { textWidthPx } from '../../../src/report/map-labels.ts';

describe('the room the map leaves round its outermost places', () => {
  it('holds the largest incident mark with its rings, and a zone circle, whole', () => {
    const p = fitPadding(['Z1'], 1, 10, 723, 700);
    for (const v of [p.x, p.y]) {
      expect(v).toBeGreaterThanOrEqual(incidentRadius(3, 100) + 6);
      expect(v).toBeGreaterThan(ZONE_R);
    }
  });

  it('holds a long zone name centred on its point, and a busy station’s ring of units', () => {
    const name = '经济技术开发区管理委员会';
    expect(fitPadding([name], 1, 10, 1400, 900).x).toBeGreaterThanOrEqual(textWidthPx(name, 10) / 2);
    expect(fitPadding(['Z1'], 40, 10, 1400, 900).y).toBeGreaterThanOrEqual(ringRadius(unitRadius(1), 40) + unitRadius(1));
  });

  it('keeps at most a quarter of each side, so a narrow screen keeps most of its width for the map', () => {
    const p = fitPadding(['经济技术开发区管理委员会'], 200, 10, 120, 100);
    expect(p.x).toBeLessThanOrEqual(30);
    expect(p.y).toBeLessThanOrEqual(25);
  });
});
