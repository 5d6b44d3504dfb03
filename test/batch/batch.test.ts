import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVariants } from '../../src/scenario/variants.ts';
import { mergeShards, runBatch, type BatchOptions } from '../../src/batch/run.ts';
import { compare, planJobs, readReplications } from '../../src/batch/plan.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { ROOT } from '../helpers.ts';

const base = readFileSync(join(ROOT, 'test/fixtures/small.yaml'), 'utf8');
const withVariants = `${base}
variants:
  - name: same
    title: identical to the baseline
    changes:
      - {op: set, path: "agencies[FIRE].kind", value: fire}
  - name: far-station
    title: moves S1 further out
    changes:
      - {op: set, path: "stations[S1].lon", value: 119.95}
  - name: more-takers
    changes:
      - {op: set, path: center.callTakers, value: 4}
`;
const load = () => {
  const r = loadVariants(withVariants, 'small.yaml', () => null);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const opts = (o: Partial<BatchOptions>): BatchOptions => ({ variants: load().variants, reps: 6, seed: 100, workers: 1, outDir: mkdtempSync(join(tmpdir(), 'batch-')), resume: false, shard: { index: 1, count: 1 }, lang: 'en', ...o });
const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('batch comparison', () => {
  it('common random numbers: a variant identical to the baseline differs by exactly zero in every KPI', async () => {
    const o = opts({ workers: 2 });
    const r = await runBatch(o);
    expect(r.ok).toBe(true);
    const rows = readReplications(readFileSync(join(o.outDir, 'replications.csv'), 'utf8')).rows;
    const cmp = compare(rows, ['baseline', 'same', 'far-station', 'more-takers']).filter((c) => c.variant === 'same' && c.n > 0);
    expect(cmp.length).toBeGreaterThan(10);
    for (const c of cmp) {
      expect(c.diffMean).toBe(0);
      expect(c.diffLow).toBe(0);
      expect(c.diffHigh).toBe(0);
      expect(c.significant).toBe(false);
    }
  });

  it('a variant that only moves a station leaves the incidents’ own draws unchanged', () => {
    const { variants } = load();
    const a = simulate(variants[0].scenario, 7).records.incidents;
    const b = simulate(variants.find((v) => v.name === 'far-station')!.scenario, 7).records.incidents;
    const draws = (xs: typeof a) => xs.map((i) => [i.incidentId, i.tOccur, i.type, i.zone, i.gradeTrue, i.gradeInitial, i.callers]);
    expect(draws(b)).toEqual(draws(a));
    // …while the response did change.
    expect(b.map((i) => i.tFirstArrival)).not.toEqual(a.map((i) => i.tFirstArrival));
  });

  it('results are identical whatever the number of workers', async () => {
    const one = opts({ workers: 1 });
    const two = opts({ workers: 3 });
    await runBatch(one);
    await runBatch(two);
    expect(files(two.outDir)).toEqual(files(one.outDir));
  });

  it('a pool started before the jobs were known grows to what they keep busy, never past it, and the results stay the same', async () => {
    const { createPool } = await import('../../src/batch/pool.ts');
    const early = createPool(1);
    // 4 variants × 2 replications = 8 jobs: room for the 3 workers asked for.
    const grown = opts({ workers: 3, reps: 2, pool: early });
    await runBatch(grown);
    expect(early.size).toBe(3);
    early.grow(5);
    expect(early.size).toBe(3); // closed by the batch: nothing more starts
    const small = createPool(1);
    await runBatch(opts({ workers: 3, reps: 2, pool: small, variants: load().variants.slice(0, 1) }));
    // 1 variant × 2 replications: 2 workers are all the jobs can use.
    expect(small.size).toBe(2);
    const plain = opts({ workers: 1, reps: 2 });
    await runBatch(plain);
    expect(files(grown.outDir)).toEqual(files(plain.outDir));
  });

  it('an interrupted batch keeps every finished replication, and --resume ends with the same files as one uninterrupted run', async () => {
    const whole = opts({ workers: 2 });
    await runBatch(whole);
    const ac = new AbortController();
    const cut = opts({ workers: 2, signal: ac.signal, onProgress: (done) => done >= 7 && ac.abort() });
    const first = await runBatch(cut);
    expect(first.ok && first.interrupted).toBe(true);
    const kept = readReplications(readFileSync(join(cut.outDir, 'replications.csv'), 'utf8')).rows.length;
    expect(kept).toBeGreaterThanOrEqual(7);
    expect(kept).toBeLessThan(24);
    const again = await runBatch({ ...cut, signal: undefined, onProgress: undefined, resume: true });
    expect(again.ok && again.skipped).toBe(kept);
    expect(files(cut.outDir)).toEqual(files(whole.outDir));
  });

  it('shards merged give the same files as one run; merging refuses incomplete or mismatched shards', async () => {
    const whole = opts({ workers: 2 });
    await runBatch(whole);
    const s1 = opts({ shard: { index: 1, count: 2 } });
    const s2 = opts({ shard: { index: 2, count: 2 } });
    await runBatch(s1);
    await runBatch(s2);
    expect(readdirSync(s1.outDir).sort()).toEqual(['.linkdrill.json', 'batch.json', 'replications.csv']);
    const out = mkdtempSync(join(tmpdir(), 'merged-'));
    expect(mergeShards([s1.outDir, s2.outDir], out, 'en').ok).toBe(true);
    expect(files(out)).toEqual(files(whole.outDir));
    const bad = mergeShards([s1.outDir], mkdtempSync(join(tmpdir(), 'm-')), 'en');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0].en).toMatch(/replications are missing/);
    const other = opts({ reps: 4, shard: { index: 2, count: 2 } });
    await runBatch(other);
    const mismatch = mergeShards([s1.outDir, other.outDir], mkdtempSync(join(tmpdir(), 'm-')), 'en');
    expect(mismatch.ok).toBe(false);
  });

  it('--excel starts every CSV with a byte order mark (Excel then shows Chinese variant names) and changes nothing else; an interrupted --excel batch resumes, and merged --excel shards equal it', async () => {
    const plain = opts({ workers: 2 });
    await runBatch(plain);
    const ac = new AbortController();
    const excel = opts({ workers: 2, excel: true, signal: ac.signal, onProgress: (done) => done >= 7 && ac.abort() });
    await runBatch(excel);
    expect(readFileSync(join(excel.outDir, 'replications.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    await runBatch({ ...excel, signal: undefined, onProgress: undefined, resume: true });
    const a = files(plain.outDir);
    const b = files(excel.outDir);
    for (const f of ['replications.csv', 'comparison.csv']) {
      expect(b[f].startsWith('\uFEFF')).toBe(true);
      expect(b[f].slice(1)).toBe(a[f]);
    }
    expect(b['comparison.html']).toBe(a['comparison.html']);
    const s1 = opts({ shard: { index: 1, count: 2 }, excel: true });
    const s2 = opts({ shard: { index: 2, count: 2 } });
    await runBatch(s1);
    await runBatch(s2);
    const out = mkdtempSync(join(tmpdir(), 'merged-'));
    expect(mergeShards([s1.outDir, s2.outDir], out, 'en', true).ok).toBe(true);
    expect(files(out)).toEqual(b);
  });

  it('resume refuses a folder holding another batch', async () => {
    const o = opts({});
    await runBatch(o);
    const r = await runBatch({ ...o, seed: 999, resume: true });
    expect(r.ok).toBe(false);
  });

  it('jobs: every variant of a replication shares its seed; shards split replications', () => {
    const jobs = planJobs(['baseline', 'x'], 4, 10, { index: 2, count: 2 });
    expect(jobs).toEqual([
      { variant: 'baseline', rep: 2, seed: 11 },
      { variant: 'x', rep: 2, seed: 11 },
      { variant: 'baseline', rep: 4, seed: 13 },
      { variant: 'x', rep: 4, seed: 13 },
    ]);
  });
});

describe('batch worker processes', () => {
  it('a worker that dies is reported, not waited for forever', async () => {
    const { startEngineWorker } = await import('../../src/worker/node-host.ts');
    const w = startEngineWorker();
    expect(typeof w.pid).toBe('number');
    process.kill(w.pid!, 'SIGKILL');
    await expect(w.died).rejects.toThrow(/stopped unexpectedly \(SIGKILL\)/);
    await expect(w.died).rejects.toThrow(expect.objectContaining({ zh: '一个批量运行工作进程意外终止（SIGKILL）' }));
    await w.terminate();
  });
});
