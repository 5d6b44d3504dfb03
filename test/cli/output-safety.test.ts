import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { OutputRefused, writeOutputFolderStreamed } from '../../src/worker/node-fs.ts';
import { ROOT } from '../helpers.ts';

const SMALL = join(ROOT, 'test/fixtures/small.yaml');
const quiet = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s), tty: false }, out, err };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'linkdrill-safe-'));
/** Every file under `dir` with its bytes, to prove a refused command changed nothing. */
const snapshot = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isSymbolicLink()) out[`${prefix}${e.name}`] = `-> link`;
      else if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = readFileSync(join(d, e.name), 'latin1');
    }
  };
  walk(dir, '');
  return out;
};
const noStack = (lines: string[]) => expect(lines.join('\n')).not.toMatch(/\n\s+at /);

describe('output folders never cost a user a file', () => {
  const cwd = process.cwd();
  afterEach(() => process.chdir(cwd));

  it('run --out a folder holding the user’s files is refused and the folder is untouched', async () => {
    const dir = tmp();
    const mine = join(dir, 'county');
    mkdirSync(join(mine, 'gis'), { recursive: true });
    writeFileSync(join(mine, 'scenario.yaml'), 'name: mine\n');
    writeFileSync(join(mine, 'gis', 'roads.geojson'), '{}');
    const before = snapshot(dir);
    const q = quiet();
    expect(await main(['run', SMALL, '--out', mine, '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toMatch(/holds files linkdrill did not write \("gis", "scenario.yaml"\)/);
    expect(snapshot(dir)).toEqual(before);
    noStack(q.err);
  });

  it('run --out ., the current folder’s parent, or "" is refused before anything runs', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'work'));
    writeFileSync(join(dir, 'work', 'notes.txt'), 'mine');
    process.chdir(join(dir, 'work'));
    const before = snapshot(dir);
    for (const out of ['.', '..', '', dir]) {
      const q = quiet();
      expect(await main(['run', SMALL, '--out', out, '--lang', 'en'], q.io)).toBe(1);
      expect(q.err.join('\n')).toMatch(/current folder|is empty/);
      noStack(q.err);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('run --out a file, or a symbolic link, is refused and the file stays a file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plan.docx'), 'bytes');
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    const before = snapshot(dir);
    const q = quiet();
    expect(await main(['run', SMALL, '--out', join(dir, 'plan.docx'), '--lang', 'en'], q.io)).toBe(1);
    expect(await main(['run', SMALL, '--out', join(dir, 'link'), '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toMatch(/is a file, not a folder/);
    expect(q.err.join('\n')).toMatch(/symbolic link/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('run replaces its own earlier folder (also one written before manifests existed), but not once the user added a file', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    expect(await main(['run', SMALL, '--seed', '1', '--out', out], quiet().io)).toBe(0);
    expect(readdirSync(out)).toContain('.linkdrill.json');
    expect(await main(['run', SMALL, '--seed', '2', '--out', out], quiet().io)).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).seeds).toEqual([2]);
    // A folder of an older version: run.json and the known files, no manifest.
    const legacy = join(dir, 'legacy');
    mkdirSync(legacy);
    for (const f of ['run.json', 'incidents.csv', 'report.html']) writeFileSync(join(legacy, f), 'old');
    expect(await main(['run', SMALL, '--out', legacy], quiet().io)).toBe(0);
    writeFileSync(join(out, 'my-notes.md'), 'keep me');
    const before = snapshot(out);
    const q = quiet();
    expect(await main(['run', SMALL, '--out', out, '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toContain('"my-notes.md"');
    expect(snapshot(out)).toEqual(before);
  });

  it('report re-renders only a run folder linkdrill wrote; a malformed run.json is named', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'thesis.tex'), 'x');
    const q = quiet();
    expect(await main(['report', dir, '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toContain('linkdrill did not write');
    const out = join(dir, 'run');
    expect(await main(['run', SMALL, '--out', out], quiet().io)).toBe(0);
    writeFileSync(join(out, 'run.json'), '{"scenario": ');
    const q2 = quiet();
    expect(await main(['report', out, '--lang', 'en'], q2.io)).toBe(1);
    expect(q2.err.join('\n')).toMatch(/run\.json/);
    noStack(q2.err);
  });
});

describe('a folder written as the run goes', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('a run that fails half-way leaves nothing behind, and an earlier folder exactly as it was', async () => {
    const dir = tmp();
    expect(await main(['run', SMALL, '--out', join(dir, 'out')], quiet().io)).toBe(0);
    const before = snapshot(dir);
    const failing = writeOutputFolderStreamed(join(dir, 'out'), 'run', (open) => {
      open('incidents.csv')(bytes('rep,incident_id\r\n'));
      open('calls.csv')(bytes('half a file'));
      throw new Error('the simulation failed');
    });
    await expect(failing).rejects.toThrow('the simulation failed');
    expect(snapshot(dir)).toEqual(before);
    // Nor in a fresh place: no folder, no hidden partial sibling.
    await expect(writeOutputFolderStreamed(join(dir, 'fresh'), 'run', async () => Promise.reject(new Error('stopped')))).rejects.toThrow('stopped');
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('the next write of a folder clears what a killed one (SIGKILL, out of memory) left beside it, but not what a live one is writing', async () => {
    const dir = tmp();
    const out = join(dir, 'run');
    // No process has pid 2^22 + 1 (Linux's ceiling is 2^22); this process's parent is alive.
    const dead = join(dir, '.run.partial-4194305');
    const deadOld = join(dir, '.run.old-4194305');
    const live = join(dir, `.run.partial-${process.ppid}`);
    for (const d of [dead, deadOld, live]) {
      mkdirSync(d);
      writeFileSync(join(d, 'events.csv'), 'half');
    }
    expect(await main(['run', SMALL, '--out', out], quiet().io)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([`.run.partial-${process.ppid}`, 'run'].sort());
    expect(readFileSync(join(live, 'events.csv'), 'utf8')).toBe('half');
  });

  it('files appear only once the folder is complete, with the manifest listing them', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const seen = await writeOutputFolderStreamed(out, 'run', (open) => {
      const a = open('a.csv');
      a(bytes('x'));
      a(bytes('y'));
      open('run.json')(bytes('{}'));
      return existsSync(out);
    });
    expect(seen).toBe(false);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('xy');
    expect(JSON.parse(readFileSync(join(out, '.linkdrill.json'), 'utf8'))).toEqual({ kind: 'run', files: ['a.csv', 'run.json'] });
  });

  it('a place that cannot be written is refused with the reason, nothing half-written beside it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'blocker'), 'x');
    await expect(writeOutputFolderStreamed(join(dir, 'blocker', 'out'), 'run', () => 1)).rejects.toThrow(OutputRefused);
    expect(readdirSync(dir)).toEqual(['blocker']);
  });
});

describe('batch folders and resume', () => {
  const batch = (args: string[], q = quiet()) => main(['batch', ...args, '--workers', '1', '--lang', 'en'], q.io);

  it('a folder with an earlier batch is kept unless --resume or --force; a user’s folder never', async () => {
    const dir = tmp();
    const out = join(dir, 'b');
    expect(await batch([SMALL, '--reps', '2', '--out', out])).toBe(0);
    const before = snapshot(out);
    const q = quiet();
    expect(await batch([SMALL, '--reps', '3', '--out', out], q)).toBe(1);
    expect(q.err.join('\n')).toMatch(/--resume.*--force/);
    expect(snapshot(out)).toEqual(before);
    expect(await batch([SMALL, '--reps', '3', '--out', out, '--force'])).toBe(0);
    expect(readFileSync(join(out, 'replications.csv'), 'utf8').trim().split('\r\n')).toHaveLength(4);
    const user = join(dir, 'user');
    mkdirSync(user);
    writeFileSync(join(user, 'data.csv'), 'a,b');
    expect(await batch([SMALL, '--reps', '2', '--out', user, '--force'])).toBe(1);
    expect(readdirSync(user)).toEqual(['data.csv']);
  });

  it('--resume refuses a scenario or a variant file edited since the batch started, naming the file', async () => {
    const dir = tmp();
    const scen = join(dir, 'county.yaml');
    writeFileSync(scen, `${readFileSync(SMALL, 'utf8')}\nvariants:\n  - {file: more.yaml}\n`);
    writeFileSync(join(dir, 'more.yaml'), 'name: more\nchanges:\n  - {op: set, path: center.callTakers, value: 4}\n');
    const out = join(dir, 'b');
    expect(await batch([scen, '--reps', '2', '--out', out])).toBe(0);
    writeFileSync(join(dir, 'more.yaml'), 'name: more\nchanges:\n  - {op: set, path: center.callTakers, value: 5}\n');
    const q = quiet();
    expect(await batch([scen, '--reps', '2', '--out', out, '--resume'], q)).toBe(1);
    expect(q.err.join('\n')).toContain('more.yaml (content changed)');
    // The same title and name, another content: still refused.
    writeFileSync(join(dir, 'more.yaml'), 'name: more\nchanges:\n  - {op: set, path: center.callTakers, value: 4}\n');
    writeFileSync(scen, readFileSync(scen, 'utf8').replace('callTakers: 2', 'callTakers: 3'));
    const q2 = quiet();
    expect(await batch([scen, '--reps', '2', '--out', out, '--resume'], q2)).toBe(1);
    expect(q2.err.join('\n')).toContain('county.yaml (content changed)');
  });

  it('--resume refuses foreign and repeated rows by line number, and re-runs a last line cut anywhere', async () => {
    const dir = tmp();
    const whole = join(dir, 'whole');
    expect(await batch([SMALL, '--reps', '3', '--out', whole])).toBe(0);
    const full = readFileSync(join(whole, 'replications.csv'), 'utf8');
    const lines = full.split('\r\n').filter(Boolean);
    const cutAt = (text: string) => {
      const out = join(dir, `cut-${text.length}`);
      mkdirSync(out);
      writeFileSync(join(out, 'batch.json'), readFileSync(join(whole, 'batch.json')));
      writeFileSync(join(out, 'replications.csv'), text);
      writeFileSync(join(out, '.linkdrill.json'), JSON.stringify({ kind: 'batch', files: ['batch.json', 'replications.csv'] }));
      return out;
    };
    const lastStart = full.length - lines[lines.length - 1].length - 2;
    // Cut inside the last row, right before its CR, and between its CR and LF.
    for (const at of [lastStart + 5, full.length - 2, full.length - 1]) {
      const out = cutAt(full.slice(0, at));
      const q = quiet();
      expect(await batch([SMALL, '--reps', '3', '--out', out, '--resume'], q)).toBe(0);
      expect(q.out.join('\n')).toContain('(2 already done)');
      expect(readFileSync(join(out, 'replications.csv'), 'utf8')).toBe(full);
    }
    const foreign = cutAt(`${lines[0]}\r\n${lines[1]}\r\n${lines[1]}\r\n${lines[2].replace(/^baseline,2,/, 'nightshift,2,')}\r\n`);
    const q = quiet();
    expect(await batch([SMALL, '--reps', '3', '--out', foreign, '--resume'], q)).toBe(1);
    expect(q.err.join('\n')).toMatch(/line 3: repeats baseline replication 1 \(first on line 2\)/);
    expect(q.err.join('\n')).toMatch(/line 4, column variant: "nightshift" is not a variant of this batch/);
  });

  it('merge refuses to write into one of its shards or a user’s folder, and names a shard without replications.csv', async () => {
    const dir = tmp();
    const s1 = join(dir, 's1');
    const s2 = join(dir, 's2');
    expect(await batch([SMALL, '--reps', '2', '--shard', '1/2', '--out', s1])).toBe(0);
    expect(await batch([SMALL, '--reps', '2', '--shard', '2/2', '--out', s2])).toBe(0);
    const before = snapshot(dir);
    const q = quiet();
    expect(await main(['merge', s1, s2, '--out', s1, '--lang', 'en'], q.io)).toBe(1);
    expect(q.err.join('\n')).toContain('is one of the shards being merged');
    const user = join(dir, 'user');
    mkdirSync(user);
    writeFileSync(join(user, 'x.txt'), 'x');
    const q2 = quiet();
    expect(await main(['merge', s1, s2, '--out', user, '--lang', 'en'], q2.io)).toBe(1);
    expect(readdirSync(user)).toEqual(['x.txt']);
    const empty = join(dir, 'nothing');
    mkdirSync(empty);
    writeFileSync(join(empty, 'batch.json'), readFileSync(join(s1, 'batch.json')));
    const q3 = quiet();
    expect(await main(['merge', s1, empty, '--out', join(dir, 'm'), '--lang', 'en'], q3.io)).toBe(1);
    expect(q3.err.join('\n')).toMatch(/nothing\/replications\.csv: missing/);
    expect(existsSync(join(dir, 'm'))).toBe(false);
    expect(Object.keys(snapshot(dir)).filter((k) => !k.startsWith('user/') && !k.startsWith('nothing/'))).toEqual(Object.keys(before));
  });
});
