import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { main } from '../../src/cli/main.ts';

const quiet = () => {
  const out: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: () => {}, tty: false }, out };
};

describe('linkdrill batch', () => {
  it('unsaid, starts as many workers as the work pays for (one for a small batch), and says so; --workers is obeyed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-batch-'));
    const small = join(ROOT, 'test/fixtures/small.yaml');
    const q = quiet();
    expect(await main(['batch', small, '--reps', '4', '--out', join(dir, 'a'), '--lang', 'en'], q.io)).toBe(0);
    const several = availableParallelism() > 1;
    expect(q.out[0]).toMatch(several ? / on 1 worker \(as many as this much work pays for; --workers sets the number\)$/ : / on 1 worker$/);
    const zh = quiet();
    expect(await main(['batch', small, '--reps', '4', '--out', join(dir, 'b')], zh.io)).toBe(0);
    expect(zh.out[0]).toMatch(several ? /，1 个工作进程（按工作量定；--workers 可指定）$/ : /，1 个工作进程$/);
    const two = quiet();
    expect(await main(['batch', small, '--reps', '4', '--workers', '2', '--out', join(dir, 'c'), '--lang', 'en'], two.io)).toBe(0);
    expect(two.out[0]).toMatch(/ on 2 workers$/);
  }, 60_000);

  it('TERM (a job scheduler, timeout) stops it as Ctrl-C does: every finished replication kept, said so, exit 143', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linkdrill-batch-'));
    const out = join(dir, 'b');
    const child = spawn(process.execPath, [join(ROOT, 'bin/linkdrill.js'), 'batch', join(ROOT, 'test/fixtures/small.yaml'), '--reps', '100000', '--workers', '1', '--out', out, '--lang', 'en'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const csv = join(out, 'replications.csv');
    const lines = () => (existsSync(csv) ? readFileSync(csv, 'utf8').split('\r\n').length : 0);
    for (let k = 0; k < 600 && lines() < 4; k++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(stderr).toMatch(/interrupted: \d+ replications kept in .*replications\.csv; run the same command with --resume to finish/);
    expect(readFileSync(csv, 'utf8').endsWith('\r\n')).toBe(true);
  }, 90_000);
});
