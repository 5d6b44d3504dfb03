import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChanges, loadVariants, resolvePath } from '../../src/scenario/variants.ts';
import { ROOT } from '../helpers.ts';
import { englishLines } from '../bilingual.ts';
import { main } from '../../src/cli/main.ts';

const base = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8');
const errorsOf = (variants: string) => {
  const r = loadVariants(`${base}\nvariants:\n${variants}`, 'small.yaml', () => null);
  return r.ok ? [] : englishLines(r.errors);
};

describe('variants', () => {
  const doc = { units: [{ id: 'E', station: 'S1', count: 2 }, { id: 'A', station: 'S2' }], center: { callTakers: [1, 2, 3] }, demand: { background: [{ type: 'fire', ratePerDay: 10 }] } };

  it('paths select by id, by field, by index and all', () => {
    expect(resolvePath(doc, 'units[E].station')).toEqual([{ parent: doc.units[0], key: 'station' }]);
    expect((resolvePath(doc, 'units[*]') as unknown[]).length).toBe(2);
    expect(resolvePath(doc, 'demand.background[type=fire].ratePerDay')).toEqual([{ parent: doc.demand.background[0], key: 'ratePerDay' }]);
    expect(resolvePath(doc, 'center.callTakers[2]')).toEqual([{ parent: doc.center.callTakers, key: 2 }]);
    expect(resolvePath(doc, 'units[Z9].station')).toEqual({ zh: 'units 中没有 id 为“Z9”的元素', en: 'no element of units has id "Z9"' });
    expect(resolvePath(doc, 'demand.background[type=flood]')).toEqual({ zh: 'demand.background 中没有 type 为“flood”的元素', en: 'no element of demand.background has type "flood"' });
    expect(resolvePath(doc, 'center.callTakers[7]')).toEqual({ zh: 'center.callTakers 没有下标为 7 的元素（共 3 个）', en: 'center.callTakers has no element 7 (it has 3)' });
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

  it('every problem with a variant list or its changes is said in Chinese as well as in the English users know', () => {
    const changes = applyChanges(doc, [
      { op: 'set', path: 'units[E].station' },
      { op: 'add', path: 'units[E]', value: 1 },
      { op: 'add', path: 'units' },
      { op: 'scale', path: 'units[E].count', by: -1 },
      { op: 'scale', path: 'units[E].station', by: 2 },
      { op: 'move' as never, path: 'units' },
      { op: 'set', path: 'units[E].station[0]', value: 1 },
      { op: 'set', path: 'nowhere.x', value: 1 },
      { op: 'set', path: 'a..b', value: 1 },
    ], 'variants[0]');
    expect(changes.ok ? [] : englishLines(changes.errors)).toEqual([
      'variants[0].changes[0].value: is required for set',
      'variants[0].changes[1].path: "units[E]" is not a list to add to',
      'variants[0].changes[2].value: is required for add',
      'variants[0].changes[3].by: must be a number ≥ 0',
      'variants[0].changes[4].path: "units[E].station" is not a number (it is "S1")',
      'variants[0].changes[5].op: must be set, add, remove or scale, got "move"',
      'variants[0].changes[6].path: "units[E].station[0]": units[E].station is not a list',
      'variants[0].changes[7].path: "nowhere.x": nowhere: has no "x"',
      'variants[0].changes[8].path: "a..b": cannot read path segment ""',
    ]);
    // Variant files are read after the schema has checked the scenario: their problems are the loader's own.
    const files: Record<string, string> = {
      'a.yaml': 'changes: []',
      'b.yaml': 'name: b\nchanges: []',
      'c.yaml': 'name: baseline\nchanges: [{op: set}]',
      'd.yaml': 'name: d\nchanges: [{op: set, path: seed, value: 2}]',
    };
    const list = ['a', 'b', 'c', 'd', 'd'].map((f) => `  - {file: ${f}.yaml}`).join('\n');
    const fromFiles = loadVariants(`${base}\nvariants:\n${list}\n`, 'small.yaml', (p) => files[p] ?? null);
    expect(fromFiles.ok ? [] : englishLines(fromFiles.errors)).toEqual([
      'variants[0].name: a variant needs a name (letters, digits, _ . : -)',
      'variants[1].changes: a variant needs a list of changes',
      'variants[2].name: "baseline" is the unchanged scenario; choose another name',
      'variants[2].changes[0].path: is required',
      'variants[4].name: duplicate variant "d"',
    ]);
    const notList = loadVariants(`${base}\nvariants: {a: 1}\n`, 'small.yaml', () => null);
    const badFile = loadVariants(`${base}\nvariants:\n  - {file: v.yaml}\n`, 'small.yaml', () => 'name: [');
    for (const r of [notList, badFile]) expect(r.ok).toBe(false);
    expect([notList, badFile].flatMap((r) => (r.ok ? [] : englishLines(r.errors)))).toEqual([
      'variants: must be a list; got a mapping of keys',
      'variants[0].file: cannot parse "v.yaml": unexpected end of the stream within a flow collection at line 2, column 1',
    ]);
    expect(badFile.ok ? '' : badFile.errors[0].zh).toBe('无法解析“v.yaml”：第 2 行第 1 列，方括号或花括号没有闭合');
  });

  it('a variant whose result is invalid says which variant and where', () => {
    expect(errorsOf('  - {name: v2, changes: [{op: set, path: "units[A].station", value: S9}]}')).toEqual(['variants[0] (v2) → units[1].station: unknown station "S9"']);
  });

  it('a variant file given where a scenario belongs is named as such in one line, not as seven missing keys', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const path = join(ROOT, 'scenarios/variants/degraded.yaml');
    expect(await main(['validate', path, '--lang', 'en'], { out: (x) => out.push(x), err: (x) => err.push(x), tty: false })).toBe(1);
    expect(err.join('\n').split('\n')).toEqual([`${path}: is a variant (name, changes), not a scenario: list it under a scenario's variants: as {file: …} and compare it with linkdrill batch SCENARIO --variants degraded`]);
  });

  it('names are unique and not "baseline"; --variants names must exist', () => {
    expect(errorsOf('  - {name: baseline, changes: [{op: set, path: "center.callTakers", value: 3}]}')[0]).toMatch(/"baseline" is the unchanged scenario/);
    const r = loadVariants(`${base}\nvariants:\n  - {name: a, changes: [{op: set, path: "center.callTakers", value: 3}]}`, 'small.yaml', () => null, ['baseline', 'b']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(englishLines(r.errors)).toEqual(['--variants: unknown variant "b" (known: baseline, a)']);
  });

  it('the default scenario ships meaningful variants that all validate', () => {
    const text = readFileSync(join(ROOT, 'scenarios/default.yaml'), 'utf8');
    const r = loadVariants(text, 'default.yaml', (p) => readFileSync(join(ROOT, 'scenarios', p), 'utf8'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.variants.map((v) => v.name)).toEqual(['baseline', 'best-practice', 'degraded', 'port-station', 'shared-platform', 'night-ambulances']);
  });
});
