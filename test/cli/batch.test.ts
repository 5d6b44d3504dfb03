import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

describe('linkdrill batch', () => {
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
