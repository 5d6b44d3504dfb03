/** Ctrl-C or a scheduler's TERM during `linkdrill calibrate`: it says so, as `run` does, and leaves nothing behind. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { CAD, MAPPING } from '../calibrate/fixture.ts';

describe('an interrupted calibration', () => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} while fitting exits ${code}, says it was interrupted and writes no folder`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'linkdrill-cal-int-'));
      const child = spawn(process.execPath, [join(ROOT, 'bin/linkdrill.js'), 'calibrate', CAD, '--mapping', MAPPING, '--drop-bad-rows', '--resamples', '99999', '--out', join(dir, 'out')], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      const fitting = new Promise<void>((resolve) =>
        child.stderr.on('data', (d) => {
          stderr += d;
          if (stderr.includes('正在拟合')) resolve();
        }),
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      // Interrupt once it says it is fitting (its watch on the signals is then in place).
      await fitting;
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).toContain(`已中断：${join(dir, 'out')}/ 未写入任何文件`);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});
