/** The pure policies of the engine and the loader, each against hand-worked values or its own definition. */
import { describe, expect, it } from 'vitest';
import { stream } from '../../src/random/streams.ts';
import { nextArrival } from '../../src/engine/demand.ts';
import { initialGrade, planIncrement, resolveAgency } from '../../src/engine/plan.ts';
import { sizeAt, timeToSize, unitsNeeded, gradeForSize } from '../../src/engine/escalation.ts';
import { workEnd } from '../../src/engine/stockpile.ts';
import { insideRing, pointInPolygon, nearestZone } from '../../src/geo/zones.ts';
import { normaliseDist } from '../../src/scenario/normalise/dist.ts';
import type { Agency, ResponseLine, Scenario, Dynamics } from '../../src/scenario/scenario.ts';

const fixed0 = { dist: 'fixed', value: 0 } as const;

describe('nextArrival: a Poisson process whose rate is constant within each local hour', () => {
  it('never places an arrival in an hour whose profile is zero, and jumps over such hours exactly', () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 10 ? 12 : 0));
    const rng = stream(1, 'arrivals');
    let t = 0;
    for (let k = 0; k < 2000; k++) {
      t = nextArrival(t, 1 / 600, profile, 0, rng);
      const hour = Math.floor((t % 86400) / 3600);
      expect(hour === 8 || hour === 9).toBe(true);
    }
  });

  it('gives rate × profile arrivals per hour on average (within 5 standard errors of a Poisson count)', () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h < 12 ? 0.5 : 1.5));
    const ratePerS = 240 / 86400; // 240 a day
    const rng = stream(2, 'arrivals');
    const days = 200;
    const counts = Array(24).fill(0);
    for (let t = nextArrival(0, ratePerS, profile, 0, rng); t < days * 86400; t = nextArrival(t, ratePerS, profile, 0, rng)) counts[Math.floor((t % 86400) / 3600)]++;
    for (let h = 0; h < 24; h++) {
      const expected = days * ratePerS * 3600 * profile[h];
      expect(Math.abs(counts[h] - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
  });

  it('starts the hours at the scenario’s local time of day, and is Infinity when the rate is zero', () => {
    const profile = Array.from({ length: 24 }, (_, h) => (h === 23 ? 24 : 0));
    // Starting at 22:30 local, the first possible arrival is at 23:00, i.e. 1800 s in.
    const t = nextArrival(0, 1 / 3600, profile, 22.5 * 3600, stream(3, 'a'));
    expect(t).toBeGreaterThanOrEqual(1800);
    expect(t).toBeLessThan(1800 + 3600);
    expect(nextArrival(0, 0, profile, 0, stream(3, 'a'))).toBe(Infinity);
  });
});

describe('initialGrade: the center grades right, or off by 1..maxError levels', () => {
  it('is right with probability 1 − errorProbability, and never leaves IV..I', () => {
    const rng = stream(4, 'grades');
    const n = 20_000;
    let wrong = 0;
    for (let k = 0; k < n; k++) {
      const truth = k % 4;
      const g = initialGrade(truth, 0.2, 3, rng);
      expect(g).toBeGreaterThanOrEqual(0);
      expect(g).toBeLessThanOrEqual(3);
      if (g !== truth) wrong++;
    }
    const se = Math.sqrt((0.2 * 0.8) / n);
    expect(Math.abs(wrong / n - 0.2)).toBeLessThan(5 * se);
  });

  it('with maxError 1 an error is exactly one level, going the other way at the ends of the scale', () => {
    const rng = stream(5, 'grades');
    for (let k = 0; k < 2000; k++) {
      const truth = k % 4;
      const g = initialGrade(truth, 1, 1, rng);
      expect(Math.abs(g - truth)).toBe(1);
    }
  });
});

const line = (agency: string, unitType: string, count: number): ResponseLine => ({ agency, unitType, count, afterApproval: false, afterDecision: false, handoff: fixed0 });

describe('planIncrement: what a higher grade’s plan adds', () => {
  it('orders only what the new grade asks beyond the old one, line by agency and unit type', () => {
    const scenario = {
      plans: {
        fire: [
          [line('fire', 'engine', 2), line('ems', 'ambulance', 1)],
          [line('fire', 'engine', 3), line('ems', 'ambulance', 1), line('police', 'car', 1)],
          [line('fire', 'engine', 3), line('fire', 'engine', 1), line('ems', 'ambulance', 2)],
          [line('fire', 'engine', 3), line('ems', 'ambulance', 1), line('police', 'car', 1)],
        ],
      },
    } as unknown as Scenario;
    expect(planIncrement(scenario, 'fire', 0, 1)).toEqual([line('fire', 'engine', 1), line('police', 'car', 1)]);
    // Two lines of the same agency and type add up: 3 + 1 engines against 2 before.
    expect(planIncrement(scenario, 'fire', 0, 2)).toEqual([line('fire', 'engine', 1), line('fire', 'engine', 1), line('ems', 'ambulance', 1)]);
    expect(planIncrement(scenario, 'fire', 1, 3)).toEqual([]);
  });
});

describe('resolveAgency: a plan line names an agency by id, or by kind for the place', () => {
  const a = (id: string, kind: string, jurisdiction: string[] | null) => ({ id, kind, jurisdiction }) as Agency;
  const agencies = [a('FIRE', 'fire', null), a('TP-N', 'traffic', ['Z1', 'Z2']), a('TP-S', 'traffic', ['Z3'])];
  it('an id wins; a kind goes to the agency whose jurisdiction holds the zone; else the first of the kind', () => {
    expect(resolveAgency(agencies, 'FIRE', 'Z3').id).toBe('FIRE');
    expect(resolveAgency(agencies, 'traffic', 'Z3').id).toBe('TP-S');
    expect(resolveAgency(agencies, 'traffic', 'Z2').id).toBe('TP-N');
    expect(resolveAgency(agencies, 'traffic', 'Z9').id).toBe('TP-N');
  });
});

describe('incident dynamics', () => {
  const d: Dynamics = { initialSize: [fixed0], growthPerS: Math.log(2) / 600, sizePerUnit: 2, holdBy: null, thresholds: [null, 4, 8, 16], workPerSizeS: 0, maxSize: 20 };
  it('size doubles every 10 minutes up to its maximum, and timeToSize inverts sizeAt', () => {
    expect(sizeAt(d, 1, 100, 100 + 600)).toBeCloseTo(2, 12);
    expect(sizeAt(d, 1, 0, 6000)).toBe(20);
    for (const s of [1, 3, 7.5, 19]) expect(sizeAt(d, 1, 50, timeToSize(d, 1, 50, s))).toBeCloseTo(s, 9);
    expect(timeToSize(d, 1, 0, 25)).toBe(Infinity);
    expect(timeToSize(d, 5, 0, 3)).toBe(0);
  });
  it('a size set past the maximum (a jump from outside) stays as it is: it neither grows nor falls back to the maximum', () => {
    expect(sizeAt(d, 30, 0, 6000)).toBe(30);
    expect(sizeAt(d, 20, 0, 6000)).toBe(20);
    expect(timeToSize(d, 30, 0, 31)).toBe(Infinity);
  });
  it('needs ⌈size ÷ sizePerUnit⌉ units (at least one), and a size maps to the highest threshold reached', () => {
    expect(unitsNeeded(d, 0.1)).toBe(1);
    expect(unitsNeeded(d, 4)).toBe(2);
    expect(unitsNeeded(d, 4.01)).toBe(3);
    expect(gradeForSize(d, 3.9)).toBe(0);
    expect(gradeForSize(d, 8)).toBe(2);
    expect(gradeForSize(d, 100)).toBe(3);
  });
});

describe('workEnd: work runs `factor` times slower until the supplies arrive', () => {
  it('matches the hand-worked cases', () => {
    expect(workEnd(100, 600, 100, 2)).toBe(700); // supplied at the start
    expect(workEnd(100, 600, 300, 2)).toBe(300 + (600 - 100)); // 200 s at half speed do 100 s of work
    expect(workEnd(0, 100, 1000, 2)).toBe(200); // done, slowly, before the supplies come
    expect(workEnd(0, 100, Infinity, 3)).toBe(300); // never supplied
    expect(workEnd(0, 100, 50, 1)).toBe(100); // no slow-down
  });
});

describe('zone geometry', () => {
  const ring: [number, number][] = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]; // an L shape
  it('pointInPolygon draws inside the ring, uniformly by area', () => {
    const rng = stream(6, 'points');
    let lower = 0;
    const n = 9000;
    for (let k = 0; k < n; k++) {
      const p = pointInPolygon(ring, rng)!;
      expect(insideRing(ring, p.lon, p.lat)).toBe(true);
      if (p.lat < 1) lower++;
    }
    // The lower bar holds 2 of the L's 3 unit squares.
    expect(Math.abs(lower / n - 2 / 3)).toBeLessThan(5 * Math.sqrt((2 / 9) / n));
  });
  it('nearestZone picks the zone whose centre is nearest', () => {
    const zones = [{ id: 'A', lon: 120, lat: 30 }, { id: 'B', lon: 120.1, lat: 30 }];
    expect(nearestZone(zones, { lon: 120.06, lat: 30.01 })!.id).toBe('B');
    expect(nearestZone([], { lon: 0, lat: 0 })).toBeUndefined();
  });
  // A rural square 0..4 with a town (1..2) cut out as a hole, and the town itself.
  const outer: [number, number][] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
  const hole: [number, number][] = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]];
  it('pointInPolygon never draws inside a hole; the area left is 15 of 16 unit squares', () => {
    const rng = stream(7, 'holes');
    for (let k = 0; k < 3000; k++) {
      const p = pointInPolygon(outer, rng, [hole])!;
      expect(insideRing(hole, p.lon, p.lat)).toBe(false);
    }
  });
  it('nearestZone picks the zone whose polygon holds the point — the town inside the rural zone’s hole — before the nearest centre', () => {
    const rural = { id: 'R', lon: 2, lat: 2, polygon: outer, holes: [hole] };
    const town = { id: 'T', lon: 9, lat: 9, polygon: hole }; // its centre written far away on purpose
    expect(nearestZone([rural, town], { lon: 1.5, lat: 1.5 })!.id).toBe('T');
    expect(nearestZone([rural, town], { lon: 3, lat: 3 })!.id).toBe('R');
    expect(nearestZone([rural, town], { lon: 50, lat: 50 })!.id).toBe('T');
  });
});

describe('normaliseDist: written distributions in seconds', () => {
  it('reads durations and shapes, and says what is wrong with a bad one', () => {
    expect(normaliseDist('1h30m')).toEqual({ dist: 'fixed', value: 5400 });
    expect(normaliseDist({ dist: 'exponential', mean: '2m' })).toEqual({ dist: 'exponential', mean: 120 });
    expect(normaliseDist({ dist: 'gamma', shape: 4, mean: 100 })).toEqual({ dist: 'gamma', shape: 4, scale: 25 });
    expect(normaliseDist({ dist: 'empirical', values: [1, 2] })).toEqual({ dist: 'empirical', values: [1, 2], weights: [1, 1] });
    expect(normaliseDist({ dist: 'exponential', mean: 0 })).toMatchObject({ en: 'mean must be positive' });
    expect(normaliseDist({ dist: 'gamma', shape: 2 })).toMatchObject({ en: expect.stringMatching(/either scale or mean/) });
    expect(normaliseDist({ dist: 'triangular', min: 3, mode: 1, max: 5 })).toMatchObject({ en: expect.stringMatching(/min ≤ mode ≤ max/) });
    expect(normaliseDist({ dist: 'empirical', values: [1, 2], weights: [1] })).toMatchObject({ en: expect.stringMatching(/2 values but 1 weights/) });
  });
});
