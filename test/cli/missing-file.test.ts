import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readBytesFile } from '../../src/cli/io.ts';
import { spawn, spawnSync } from 'node:child_process';
import { notFoundWords } from '../../src/scenario/files.ts';
import { expectBilingual } from '../bilingual.ts';
import { ROOT } from '../helpers.ts';

const SMALL = join(ROOT, 'test/fixtures/small.yaml');
const CAD = join(ROOT, 'test/fixtures/cad/cad.csv');
const OSM = join(ROOT, 'test/fixtures/osm/qingxi.osm');

/** Exit code and standard error of one command line. */
async function errOf(argv: string[]): Promise<[number, string]> {
  const err: string[] = [];
  const code = await main(argv, { out: () => undefined, err: (s) => err.push(s), tty: false });
  return [code, err.join('\n')];
}

describe('a missing input file is said in the same words by every command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'linkdrill-missing-'));
  const gone = (name: string) => join(dir, name);
  const out = join(dir, 'out');
  // [command, the command line, the place its problem names]
  const cases: [string, string[], string][] = [
    ['validate', ['validate', gone('a.yaml')], gone('a.yaml')],
    ['run', ['run', gone('b.yaml'), '--out', out], gone('b.yaml')],
    ['geo import-osm', ['geo', 'import-osm', gone('c.osm'), '--out', join(out, 'r.geojson')], gone('c.osm')],
    ['geo import-osm --boundary', ['geo', 'import-osm', OSM, '--boundary', gone('d.geojson'), '--out', join(out, 'r.geojson')], `--boundary ${gone('d.geojson')}`],
    ['geo import-shp', ['geo', 'import-shp', gone('e.shp'), '--out', join(out, 's.geojson')], gone('e.shp')],
    ['calibrate (the history)', ['calibrate', gone('f.csv'), '--out', out], gone('f.csv')],
    ['calibrate --scenario', ['calibrate', CAD, '--scenario', gone('g.yaml'), '--out', out], gone('g.yaml')],
    ['calibrate --mapping', ['calibrate', CAD, '--mapping', gone('h.yaml'), '--out', out], gone('h.yaml')],
    ['validate-history (the scenario)', ['validate-history', gone('i.yaml'), CAD, '--out', out], gone('i.yaml')],
    ['validate-history (the history)', ['validate-history', SMALL, gone('j.xlsx'), '--out', out], gone('j.xlsx')],
    ['exercise', ['exercise', gone('k.yaml'), '--out', out], gone('k.yaml')],
  ];

  it.each(cases)('%s: “找不到文件” in Chinese, "file not found" in English, after the file it names; exit 1, nothing written', async (_, argv, where) => {
    const words = notFoundWords();
    expectBilingual([words]);
    expect(await errOf(argv)).toEqual([1, `${where}：${words.zh}`]);
    expect(await errOf([...argv, '--lang', 'en'])).toEqual([1, `${where}: ${words.en}`]);
    expect(words).toEqual({ zh: '找不到文件', en: 'file not found' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a path that may be a folder (an exercise package) is not found as a file or folder; a batch folder to merge, as a folder', async () => {
    expect(await errOf(['exercise', gone('pkg'), '--out', out])).toEqual([1, `${gone('pkg')}：找不到文件或文件夹`]);
    expect(await errOf(['exercise', gone('pkg'), '--out', out, '--lang', 'en'])).toEqual([1, `${gone('pkg')}: no such file or folder`]);
    expect(await errOf(['merge', gone('shard1'), '--out', out, '--lang', 'en'])).toEqual([1, `${gone('shard1')}: no such folder`]);
    expect(await errOf(['report', gone('run')])).toEqual([1, `${gone('run')}：找不到文件夹`]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a side file a scenario names is not found in the same words, with its name after them', () => {
    expect(notFoundWords('x.csv')).toEqual({ zh: `${notFoundWords().zh}“x.csv”`, en: `${notFoundWords().en}: "x.csv"` });
  });
});

describe('a file that is there but cannot be read is said with the system’s reason, not as missing', () => {
  it('geo import-osm and import-shp given a folder, and a Shapefile whose .dbf is a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-unreadable-'));
    mkdirSync(join(dir, 'folder.osm'));
    expect(await errOf(['geo', 'import-osm', join(dir, 'folder.osm'), '--out', join(dir, 'r.geojson')])).toEqual([1, `${join(dir, 'folder.osm')}：是文件夹，不是文件`]);
    const shp = join(dir, 'zones.shp');
    copyFileSync(join(ROOT, 'test/fixtures/shp/qingxi-zones.shp'), shp);
    mkdirSync(join(dir, 'zones.dbf'));
    expect(await errOf(['geo', 'import-shp', shp, '--out', join(dir, 's.geojson'), '--lang', 'en'])).toEqual([1, `${join(dir, 'zones.dbf')}: is a folder, not a file`]);
    expect(readdirSync(dir).sort()).toEqual(['folder.osm', 'zones.dbf', 'zones.shp']);
  });

  it('geo reads a --boundary saved as UTF-16 as every reader does, instead of garbling it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-unreadable-'));
    const utf16 = join(dir, 'boundary.geojson');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(ROOT, 'test/fixtures/osm/qingxi-boundary.geojson'), 'utf8'), 'utf16le')]));
    const [code, err] = await errOf(['geo', 'import-osm', OSM, '--boundary', utf16, '--out', join(dir, 'roads.geojson'), '--lang', 'en']);
    expect([code, err]).toEqual([0, '']);
  });

  it('a run folder read as history whose calls.csv is a folder: named, exit 1, no internal error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-unreadable-'));
    const run = join(dir, 'run');
    expect(await main(['run', SMALL, '--out', run], { out: () => undefined, err: () => undefined, tty: false })).toBe(0);
    rmSync(join(run, 'calls.csv'));
    mkdirSync(join(run, 'calls.csv'));
    expect(await errOf(['validate-history', SMALL, run, '--out', join(dir, 'v'), '--lang', 'en'])).toEqual([1, `${join(run, 'calls.csv')}: is a folder, not a file`]);
    expect(await errOf(['calibrate', run, '--out', join(dir, 'c')])).toEqual([1, `${join(run, 'calls.csv')}：是文件夹，不是文件`]);
    expect(readdirSync(dir)).toEqual(['run']);
  });
});

describe('an input that is not a file linkdrill can read whole is refused before it is read', () => {
  it('a device (/dev/zero, endless) is named as not a file, in both languages, without reading it', async () => {
    expect(await errOf(['validate', '/dev/zero'])).toEqual([1, '/dev/zero：不是普通文件（是设备文件）：请给出文件的路径']);
    expect(await errOf(['calibrate', '/dev/zero', '--lang', 'en'])).toEqual([1, '/dev/zero: is not a regular file (a device): give the path of a file']);
  });

  it('a file past the limit is named by its size, not as not text; a pipe is read to its end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-large-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, 'x'.repeat(3 * 2 ** 20));
    expect(readBytesFile(big, big, 2 ** 20)).toEqual({ ok: false, errors: [{ path: big, zh: '文件过大（3 MB 以上；上限 1 MB）', en: 'is too large (3 MB or more; the limit is 1 MB)' }] });
    expect(readBytesFile(big).ok).toBe(true);
    // A pipe (`<(…)`) has no size: it is read to its end, and refused once past the limit.
    const fifo = join(dir, 'pipe.yaml');
    spawnSync('mkfifo', [fifo]);
    spawn('bash', ['-c', `printf 'name: x' > ${JSON.stringify(fifo)}`]);
    expect(readBytesFile(fifo)).toEqual({ ok: true, value: Buffer.from('name: x') });
    spawn('bash', ['-c', `head -c 3145728 /dev/zero > ${JSON.stringify(fifo)}`]);
    expect(readBytesFile(fifo, fifo, 2 ** 20)).toEqual({ ok: false, errors: [{ path: fifo, zh: '文件过大（1 MB 以上；上限 1 MB）', en: 'is too large (1 MB or more; the limit is 1 MB)' }] });
  });
});
