import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges, loadVariants, resolvePath } from '../../src/scenario/variants.ts';
import { ROOT } from '../helpers.ts';
import { main } from '../../src/cli/main.ts';

const base = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8');
const errorsOf = (variants: string) => {
  const r = loadVariants(`${base}\nvariants:\n${variants}`, 'small.yaml', () => null);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};

describe('variants', () => {
  const doc = { units: [{ id: 'E', station: 'S1', count: 2 }, { id: 'A', station: 'S2' }], center: { callTakers: [1, 2, 3] }, demand: { background: [{ type: 'fire', ratePerDay: 10 }] } };

  it('paths select by id, by field, by index and all', () => {
    expect(resolvePath(doc, 'units[E].station')).toEqual([{ parent: doc.units[0], key: 'station' }]);
    expect((resolvePath(doc, 'units[*]') as unknown[]).length).toBe(2);
    expect(resolvePath(doc, 'demand.background[type=fire].ratePerDay')).toEqual([{ parent: doc.demand.background[0], key: 'ratePerDay' }]);
    expect(resolvePath(doc, 'center.callTakers[2]')).toEqual([{ parent: doc.center.callTakers, key: 2 }]);
    expect(resolvePath(doc, 'units[Z9].station')).toBe('no element of units has id "Z9"');
    expect(resolvePath(doc, 'center.callTakers[7]')).toBe('center.callTakers has no element 7 (it has 3)');
  });

  it('set, add, remove and scale change a copy', () => {
    const r = applyChanges(
      doc,
      [
        { op: 'set', path: 'units[E].station', value: 'S2' },
        { op: 'add', path: 'units', value: { id: 'N', station: 'S1' } },
        { op: 'remove', path: 'units[A]' },
        { op: 'scale', path: 'demand.background[*].ratePerDay', by: 1.5 },
      ],
      'variants[0]',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value as typeof doc;
    expect(v.units.map((u) => `${u.id}@${u.station}`)).toEqual(['E@S2', 'N@S1']);
    expect(v.demand.background[0].ratePerDay).toBe(15);
    expect(doc.units[0].station).toBe('S1'); // the original is untouched
  });

  it('a change that references something that does not exist gets a path-named error before anything runs', () => {
    expect(errorsOf('  - {name: v1, changes: [{op: set, path: "units[E9].station", value: S2}]}')).toEqual([
      'variants[0].changes[0].path: "units[E9].station": no element of units has id "E9"',
    ]);
    expect(errorsOf('  - {name: v1, changes: [{op: scale, path: "stations[S1].id", by: 2}]}')[0]).toMatch(/^variants\[0\]\.changes\[0\]\.path: "stations\[S1\]\.id" is not a number/);
  });

  it('a variant whose result is invalid says which variant and where', () => {
    expect(errorsOf('  - {name: v2, changes: [{op: set, path: "units[A].station", value: S9}]}')).toEqual(['variants[0] (v2) → units[1].station: unknown station "S9"']);
  });

  it('a variant file given where a scenario belongs is named as such in one line, not as seven missing keys', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const path = join(ROOT, 'scenarios/variants/degraded.yaml');
    expect(await main(['validate', path], { out: (x) => out.push(x), err: (x) => err.push(x), tty: false })).toBe(1);
    expect(err.join('\n').split('\n')).toEqual([`${path}: is a variant (name, changes), not a scenario: list it under a scenario's variants: as {file: …} and compare it with linkdrill batch SCENARIO --variants degraded`]);
  });

  it('names are unique and not "baseline"; --variants names must exist', () => {
    expect(errorsOf('  - {name: baseline, changes: [{op: set, path: "center.callTakers", value: 3}]}')[0]).toMatch(/"baseline" is the unchanged scenario/);
    const r = loadVariants(`${base}\nvariants:\n  - {name: a, changes: [{op: set, path: "center.callTakers", value: 3}]}`, 'small.yaml', () => null, ['baseline', 'b']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/unknown variant "b"/);
  });

  it('the default scenario ships meaningful variants that all validate', () => {
    const text = readFileSync(join(ROOT, 'scenarios/default.yaml'), 'utf8');
    const r = loadVariants(text, 'default.yaml', (p) => readFileSync(join(ROOT, 'scenarios', p), 'utf8'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.variants.map((v) => v.name)).toEqual(['baseline', 'best-practice', 'degraded', 'port-station', 'shared-platform', 'night-ambulances']);
  });
});
