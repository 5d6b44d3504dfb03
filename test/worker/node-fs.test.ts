/**
 * A full disk, simulated by a file system whose writes (whole files, appends, and the pieces a run
 * streams) fail with ENOSPC after writing half their data: every command ends with one line naming the place and "no space left on the disk" (exit 1),
 * no `.partial` file or folder is left behind, and what was there before is unchanged.
 */
import * as realFs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { replaceOwnFile, writeOutputFolder } from '../../src/worker/node-fs.ts';
import { main } from '../../src/cli/main.ts';
import { ROOT } from '../helpers.ts';

/** How many more writes succeed before the disk is full (Infinity: never full). */
const disk = { writesLeft: Infinity };

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const full = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  type Write = (path: realFs.PathOrFileDescriptor, data: string | Uint8Array, ...rest: unknown[]) => void;
  const halfThenFail = (write: Write) => (path: realFs.PathOrFileDescriptor, data: string | Uint8Array, ...rest: unknown[]) => {
    if (disk.writesLeft-- > 0) return write(path, data, ...rest);
    write(path, data.slice(0, Math.floor(data.length / 2)));
    throw full();
  };
  // A run streams its files through writeSync (buffer, offset, length): the same, half of the part asked.
  const writeSync = (fd: number, data: string | Uint8Array, offset?: number, length?: number, ...rest: unknown[]) => {
    const write = fs.writeSync as (...a: unknown[]) => number;
    if (disk.writesLeft-- > 0) return write(fd, data, offset, length, ...rest);
    if (typeof data === 'string') write(fd, data.slice(0, Math.floor(data.length / 2)));
    else write(fd, data, offset ?? 0, Math.floor((length ?? data.length - (offset ?? 0)) / 2));
    throw full();
  };
  return { ...fs, writeSync, writeFileSync: halfThenFail(fs.writeFileSync as Write), appendFileSync: halfThenFail(fs.appendFileSync as Write) };
});

const tmp = () => mkdtempSync(join(tmpdir(), 'linkdrill-full-'));
const quiet = () => {
  const err: string[] = [];
  return { io: { out: () => {}, err: (s: string) => err.push(s), tty: false }, err };
};
/** Every entry under `dir` (names only), to find leftovers. */
const tree = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

afterEach(() => void (disk.writesLeft = Infinity));

describe('a full disk', () => {
  it('writeOutputFolder leaves no .partial folder and keeps the earlier folder whole', () => {
    const dir = tmp();
    const out = join(dir, 'run');
    writeOutputFolder(out, { 'a.csv': 'old a', 'b.csv': 'old b' }, 'run');
    const before = tree(dir);
    disk.writesLeft = 1;
    expect(() => writeOutputFolder(out, { 'a.csv': 'new a', 'b.csv': 'new b'.repeat(100) }, 'run')).toThrow(`${out}: cannot write the output (no space left on the disk); nothing was changed`);
    disk.writesLeft = 1;
    expect(() => writeOutputFolder(out, { 'a.csv': 'new a', 'b.csv': 'new b'.repeat(100) }, 'run')).toThrow(expect.objectContaining({ zh: `${out}：无法写入输出（磁盘空间不足）；未做任何改动` }));
    expect(tree(dir)).toEqual(before);
    expect(readFileSync(join(out, 'b.csv'), 'utf8')).toBe('old b');
  });

  it('replaceOwnFile leaves no .partial file and keeps the old file', () => {
    const dir = tmp();
    const file = join(dir, 'report.html');
    writeFileSync(file, 'old report');
    disk.writesLeft = 0;
    expect(() => replaceOwnFile(file, 'new report'.repeat(100))).toThrow(`${file}: cannot write (no space left on the disk); the old file is unchanged`);
    expect(tree(dir)).toEqual(['report.html']);
    expect(readFileSync(file, 'utf8')).toBe('old report');
  });

  it('run ends with one line naming the folder, exit 1, nothing left behind', async () => {
    const dir = tmp();
    disk.writesLeft = 3;
    const q = quiet();
    expect(await main(['run', join(ROOT, 'test/fixtures/small.yaml'), '--out', join(dir, 'out'), '--lang', 'en'], q.io)).toBe(1);
    expect(q.err).toEqual([`${join(dir, 'out')}: cannot write the output (no space left on the disk); nothing was changed`]);
    expect(tree(dir)).toEqual([]);
  });

  it('batch stops with one line, keeps what it wrote, and --resume finishes once there is room', async () => {
    const dir = tmp();
    const out = join(dir, 'b');
    const args = ['batch', join(ROOT, 'test/fixtures/small.yaml'), '--reps', '3', '--workers', '1', '--out', out, '--lang', 'en'];
    // batch.json, the header, the manifest, then one replication line; the second is cut in half.
    disk.writesLeft = 4;
    const q = quiet();
    expect(await main(args, q.io)).toBe(1);
    expect(q.err.join('\n')).toBe(`${join(out, 'replications.csv')}: cannot write (no space left on the disk); the replications written so far are kept — make room and run the same command with --resume`);
    disk.writesLeft = Infinity;
    expect(await main([...args, '--resume'], quiet().io)).toBe(0);
    const rows = readFileSync(join(out, 'replications.csv'), 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(tree(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  });
});
