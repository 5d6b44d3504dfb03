/**
 * The output contract: the README's table of files and columns is what other tools read, so the
 * columns every command writes are checked against it, file by file, from a real run folder.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../helpers.ts';

/** README rows `| \`name.csv\` | one row per | columns … |` → file name → column names. */
function readmeColumns(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n')) {
    const m = /^\| `([a-z-]+\.csv)` \| [^|]+ \| (.+) \|$/.exec(line);
    if (!m) continue;
    // Columns run until the first explanation: a parenthesis after a name, or " — ".
    const list = m[2].split(' — ')[0].replace(/\s\([^)]*\)\s*$/, '').replace(/\(`all`[^)]*\)/, '');
    out.set(m[1], list.split(',').map((c) => c.trim().split(' ')[0]));
  }
  return out;
}

const header = (path: string) => readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0].split(',');

describe('the README’s outputs table is the contract', () => {
  const RUN = ['agencies.csv', 'calls.csv', 'depots.csv', 'dispatches.csv', 'events.csv', 'incidents.csv', 'indicators.csv', 'summary.csv', 'units.csv'];
  const EXERCISE = ['decisions.csv', 'evaluation.csv', 'expected-actions.csv', 'improvement-plan.csv', 'msel-status.csv'];
  const q = { out: () => {}, err: () => {}, tty: false };

  it('the README lists every CSV file linkdrill run writes, with exactly its columns in order', async () => {
    const table = readmeColumns();
    expect([...table.keys()].filter((f) => !EXERCISE.includes(f)).sort()).toEqual(RUN);
    const out = join(mkdtempSync(join(tmpdir(), 'contract-')), 'run');
    expect(await main(['run', join(ROOT, 'scenarios/chemical-leak.yaml'), '--out', out], q)).toBe(0);
    for (const file of RUN) expect({ file, columns: header(join(out, file)) }).toEqual({ file, columns: table.get(file) });
  });

  it('the README lists every CSV file linkdrill exercise adds, with exactly its columns in order', async () => {
    const table = readmeColumns();
    expect([...table.keys()].filter((f) => !RUN.includes(f)).sort()).toEqual(EXERCISE);
    const out = join(mkdtempSync(join(tmpdir(), 'contract-')), 'exercise');
    expect(await main(['exercise', join(ROOT, 'test/fixtures/exercise/small-exercise.yaml'), '--out', out], q)).toBe(0);
    for (const file of EXERCISE) expect({ file, columns: header(join(out, file)) }).toEqual({ file, columns: table.get(file) });
  });
});
