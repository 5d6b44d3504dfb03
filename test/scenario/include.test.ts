import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { loadVariants } from '../../src/scenario/variants.ts';
import { expectBilingual } from '../bilingual.ts';

const BASE = `name: inc
start: "2026-06-01T00:00:00+08:00"
duration: 2h
include: [cal.yaml]
zones: [{id: Z1, population: 10, lon: 120, lat: 30}, {id: Z2, population: 10, lon: 120.02, lat: 30}]
agencies: [{id: FIRE, kind: fire}, {id: EMS, kind: ems}]
stations: [{id: S1, lon: 120.01, lat: 30}]
units:
  - {id: E, agency: FIRE, type: engine, station: S1, turnout: 60}
  - {id: A, agency: EMS, type: ambulance, station: S1, turnout: 45}
incidentTypes: [{id: fire}, {id: medical}]
plans:
  - {type: fire, response: [{agency: fire, unitType: engine}]}
  - {type: medical, response: [{agency: ems, unitType: ambulance}]}
demand:
  background:
    - {type: fire, ratePerDay: 5}
    - {type: fire, ratePerDay: 1, zones: uniform}
    - {type: medical, ratePerDay: 9}
`;

const load = (files: Record<string, string>, text = BASE) => loadScenario(text, 'inc.yaml', (p) => files[p] ?? null);

describe('include: fragments laid over a scenario', () => {
  it('merges units by id, mappings by key, and replaces background entries of the same type', () => {
    const cal = `center: {handlingTime: {dist: lognormal, mean: 80, sd: 30}}
units: [{id: E, turnout: {day: 50, night: 70}}]
demand:
  background: [{type: fire, ratePerDay: 12, profile: [1,1,1,1,1,1,1,1,1,1,1,1,2,2,2,2,2,2,2,2,2,2,2,2]}]
`;
    const r = load({ 'cal.yaml': cal });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value;
    expect(s.center.handlingTime).toEqual({ dist: 'lognormal', mean: 80, sd: 30 });
    expect(s.units.find((u) => u.id === 'E')!.turnoutDay).toEqual({ dist: 'fixed', value: 50 });
    expect(s.units.find((u) => u.id === 'E')!.turnoutNight).toEqual({ dist: 'fixed', value: 70 });
    // The unit keeps what the fragment does not say.
    expect(s.units.find((u) => u.id === 'E')!.agency).toBe('FIRE');
    expect(s.units.find((u) => u.id === 'A')!.turnoutDay).toEqual({ dist: 'fixed', value: 45 });
    // Both fire entries are replaced by the one calibrated entry; medical stays.
    expect(s.demand.background.map((b) => [b.type, b.ratePerDay])).toEqual([['medical', 9], ['fire', 12]]);
  });

  it('appends fragment elements whose id the scenario does not have', () => {
    const r = load({ 'cal.yaml': 'hospitals: [{id: H1, lon: 120.01, lat: 30.01, handover: 600}]' });
    expect(r.ok && r.value.hospitals.map((h) => h.id)).toEqual(['H1']);
  });

  it('names the place in the included file when a merged value is wrong', () => {
    const bad = 'units: [{id: A, turnout: 30}, {id: E, turnout: {day: {dist: lognormal, mean: -5, sd: 1}, night: 60}}]';
    const r = load({ 'cal.yaml': bad });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['include[0] (cal.yaml) units[1].turnout.day.mean']);
  });

  it('validate (the scenario with its variants) names the place in the included file as run does, for the base and for a variant', () => {
    const bad = 'units: [{id: A, turnout: 30}, {id: E, turnout: {day: {dist: lognormal, mean: -5, sd: 1}, night: 60}}]';
    const files = { 'cal.yaml': bad };
    const alone = load(files);
    const withVariants = loadVariants(BASE, 'inc.yaml', (p) => files[p as keyof typeof files] ?? null);
    expect(!withVariants.ok && withVariants.errors.map((e) => e.path)).toEqual(!alone.ok && alone.errors.map((e) => e.path));
    const centerBad = { 'cal.yaml': 'center: {callTakers: -1}' };
    const variant = `${BASE}variants: [{name: more, changes: [{op: set, path: seed, value: 2}]}]\n`;
    const r = loadVariants(variant, 'inc.yaml', (p) => centerBad[p as keyof typeof centerBad] ?? null);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['include[0] (cal.yaml) center.callTakers']);
    // A variant's own bad value is the variant's, not the fragment's that the variant changed.
    const good = { 'cal.yaml': 'center: {callTakers: 4}' };
    const bent = `${BASE}variants: [{name: fewer, changes: [{op: set, path: center.callTakers, value: -1}]}]\n`;
    const v = loadVariants(bent, 'inc.yaml', (p) => good[p as keyof typeof good] ?? null);
    expect(!v.ok && v.errors.map((e) => e.path)).toEqual(['variants[0] (fewer) → center.callTakers']);
  });

  it('names the included file for cross-reference errors found after the schema', () => {
    const bad = 'demand: {background: [{type: medical, ratePerDay: 3, zones: {Z9: 1}}]}';
    const r = load({ 'cal.yaml': bad });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].path).toBe('include[0] (cal.yaml) demand.background[0].zones.Z9');
    expect(r.errors[0].en).toContain('unknown zone');
  });

  it('refuses a missing file, an unparseable one, and a nested include, each by its place', () => {
    const missing = load({});
    expect(!missing.ok && missing.errors).toEqual([{ path: 'include[0]', zh: '找不到文件“cal.yaml”', en: 'file not found: "cal.yaml"' }]);
    const broken = load({ 'cal.yaml': 'units: [' });
    expect(!broken.ok && broken.errors[0].path).toMatch(/^include\[0\] \(cal\.yaml\)/);
    const nested = load({ 'cal.yaml': 'include: other.yaml' });
    expect(!nested.ok && nested.errors[0].path).toBe('include[0] (cal.yaml) include');
    const notList = load({}, BASE.replace('include: [cal.yaml]', 'include: {a: 1}'));
    expect(!notList.ok && notList.errors[0].path).toBe('include');
    const reserved = load({ 'cal.yaml': '{"center": {"__proto__": {"x": 1}}}' });
    expect(!reserved.ok && reserved.errors.map((e) => e.path)).toEqual(['include[0] (cal.yaml) center.__proto__']);
    for (const r of [missing, broken, nested, notList, reserved]) if (!r.ok) expectBilingual(r.errors);
    expect(!nested.ok && nested.errors[0].en).toBe('an included file cannot include others (list them all in the scenario)');
    expect(!broken.ok && broken.errors[0].zh).toBe('无法解析：第 2 行第 1 列，方括号或花括号没有闭合');
  });

  it('lets variants change values that come from an included file', () => {
    const text = `${BASE}variants:\n  - {name: more-fire, changes: [{op: scale, path: "demand.background[type=fire].ratePerDay", by: 2}]}\n`;
    const r = loadVariants(text, 'inc.yaml', (p) => ({ 'cal.yaml': 'demand: {background: [{type: fire, ratePerDay: 12}]}' })[p] ?? null);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const fire = (i: number) => r.value.variants[i].scenario.demand.background.find((b) => b.type === 'fire')!.ratePerDay;
    expect([fire(0), fire(1)]).toEqual([12, 24]);
  });
});

describe('agency turnout', () => {
  it('units without their own turnout take their agency’s; their own wins', () => {
    const text = BASE.replace('include: [cal.yaml]\n', '').replace('{id: FIRE, kind: fire}', '{id: FIRE, kind: fire, turnout: {day: 40, night: 90}}').replace(', turnout: 60}', '}');
    const r = loadScenario(text, 'inc.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e = r.value.units.find((u) => u.id === 'E')!;
    expect([e.turnoutDay, e.turnoutNight]).toEqual([{ dist: 'fixed', value: 40 }, { dist: 'fixed', value: 90 }]);
    const bad = loadScenario(text.replace('night: 90', 'night: {dist: exponential, mean: 0}'), 'inc.yaml');
    expect(!bad.ok && bad.errors.map((x) => x.path)).toEqual(['agencies[0].turnout.night']);
  });
});
