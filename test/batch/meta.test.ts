/**
 * batch.json read back for resume and merge: missing, cut short, edited by hand or asking for absurd
 * work, it is refused by name (with the place in it) before anything is planned from it; a shard
 * whose replications.csv is missing or a folder is named too.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBatchMeta } from '../../src/batch/meta.ts';
import { expectBilingual } from '../bilingual.ts';
import { main } from '../../src/cli/main.ts';

const good = { scenario: { name: 'small', title: 'small' }, variants: [{ name: 'baseline', title: 'small', description: '' }], reps: 4, seed: 7, shard: { index: 1, count: 2 }, inputs: { 'small.yaml': 'ab' } };
const tmp = () => mkdtempSync(join(tmpdir(), 'linkdrill-meta-'));
/** batch.json holding `text` in a fresh folder; returns the folder. */
function folder(text: string | null, csv: string | 'folder' | null = null): string {
  const dir = tmp();
  if (text !== null) writeFileSync(join(dir, 'batch.json'), text);
  if (csv === 'folder') mkdirSync(join(dir, 'replications.csv'));
  else if (csv !== null) writeFileSync(join(dir, 'replications.csv'), csv);
  return dir;
}
const messageOf = (text: string | null) => {
  const dir = folder(text);
  const r = readBatchMeta(join(dir, 'batch.json'));
  if (!('error' in r)) return 'ok';
  expectBilingual([r.error]);
  return r.error.en;
};

describe('batch.json', () => {
  it('as a batch writes it, it is read', () => expect(messageOf(JSON.stringify(good))).toBe('ok'));

  const cases: [string, string | null, string][] = [
    ['missing', null, 'missing — is this a folder written by linkdrill batch?'],
    ['cut short', JSON.stringify(good).slice(0, 50), 'where the text ends: cut short?; start the batch again in a new folder'],
    ['10^15 replications', JSON.stringify({ ...good, reps: 1e15 }), 'is not a linkdrill batch description: reps: must be at most 1000000; got 1000000000000000'],
    ['a shard past the count', JSON.stringify({ ...good, shard: { index: 3, count: 2 } }), 'shard.index: shard.index must be at most shard.count'],
    ['seeds past the last', JSON.stringify({ ...good, seed: Number.MAX_SAFE_INTEGER - 1 }), 'is not a linkdrill batch description: seed: seed + reps must stay below 9007199254740991; got 9007199254740990'],
    ['a negative seed', JSON.stringify({ ...good, seed: -1 }), 'seed: must be at least 0; got -1'],
    ['no variants', JSON.stringify({ ...good, variants: [] }), 'variants: must have at least 1 item'],
    ['a digest that is not text', JSON.stringify({ ...good, inputs: { 'small.yaml': 5 } }), 'inputs.small.yaml: must be text; got 5'],
    ['a __proto__ key', JSON.stringify(good).replace('"inputs":{', '"inputs":{"__proto__":"x",'), 'inputs.__proto__: "__proto__" cannot be used as a key'],
  ];
  for (const [what, text, message] of cases) it(`${what}: named`, () => expect(messageOf(text)).toContain(message));

  it('merge names a shard with a hostile batch.json, or a replications.csv that is a folder, and writes nothing', async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (s: string) => err.push(s), tty: false };
    const huge = folder(JSON.stringify({ ...good, reps: 1e15 }), 'variant,rep\r\n');
    const dirCsv = folder(JSON.stringify({ ...good, shard: { index: 2, count: 2 } }), 'folder');
    const out = join(tmp(), 'merged');
    expect(await main(['merge', huge, dirCsv, '--out', out, '--lang', 'en'], io)).toBe(1);
    expect(err.join('\n')).toContain(`${join(huge, 'batch.json')}: is not a linkdrill batch description: reps: must be at most 1000000`);
    expect(err.join('\n')).toContain(`${join(dirCsv, 'replications.csv')}: cannot be read (it is a folder)`);
  });
});
