import { describe, expect, it } from 'vitest';
import { BatchControl, OTHER_SEEDS } from '../../../web/app/batch-control.ts';
import type { EngineHandle } from '../../../web/engine-client.ts';
import { KPI_COLUMNS, type Kpi } from '../../../src/metrics/kpis.ts';
import { loadFile } from '../../helpers.ts';

/** Fake workers that answer each message of replications at once with KPIs made from the seed. */
function engines() {
  const seen: { variant: string; seed: number }[] = [];
  let terminated = 0;
  const start = (): EngineHandle =>
    ({
      api: {
        prepare: async () => undefined,
        replicateMany: async (jobs: { key: string; rep: number; seed: number }[]) =>
          jobs.map(({ key: variant, rep, seed }) => {
            seen.push({ variant, seed });
            return { variant, rep, seed, rating: 'S', kpis: Object.fromEntries(KPI_COLUMNS.map((k) => [k, seed % 7])) as Record<Kpi, number> };
          }),
      },
      terminate: () => void terminated++,
    }) as unknown as EngineHandle;
  return { start, seen, terminated: () => terminated };
}

describe('batch control', () => {
  const s = loadFile('test/fixtures/small.yaml');
  const baseline = { name: 'baseline', title: 'baseline', description: '', scenario: s };

  it('seeds past the largest are refused up front in both languages, the other-seeds block counted, and no worker starts', async () => {
    const e = engines();
    const c = new BatchControl(e.start, () => undefined);
    const last = Number.MAX_SAFE_INTEGER;
    await c.start({ scenarioName: 'small', variants: [baseline], reps: 3, workers: 2, seed: last - 4, otherSeeds: true, otherSeedsTitle: '', cores: 2 });
    expect(c.phase).toBe('refused');
    expect(c.error?.en).toBe(`the 6 replications from seed ${last - 4} pass the largest seed, ${last}; choose a smaller seed`);
    expect(c.error?.zh).toBe(`随机种子 ${last - 4} 起的 6 次重复超出了最大的随机种子 ${last}；请取更小的随机种子`);
    expect(e.seen).toEqual([]);
    await c.start({ scenarioName: 'small', variants: [baseline], reps: 3, workers: 2, seed: last - 5, otherSeeds: true, otherSeedsTitle: '', cores: 2 });
    expect(c.phase).toBe('done');
    expect(Math.max(...e.seen.map((x) => x.seed))).toBe(last);
  });

  it('keeps the results until the next batch, and ends its workers when done', async () => {
    const e = engines();
    let changes = 0;
    const c = new BatchControl(e.start, () => changes++);
    await c.start({ scenarioName: 'small', variants: [baseline, { ...baseline, name: 'v' }], reps: 3, workers: 2, seed: 10, otherSeeds: false, otherSeedsTitle: '', cores: 2 });
    expect(c.phase).toBe('done');
    expect(c.result?.rows.length).toBe(6);
    expect(c.result?.replicationsCsv.split('\r\n').filter(Boolean).length).toBe(7);
    expect(e.terminated()).toBe(2);
    expect(changes).toBeGreaterThan(3);
    c.cancel();
    expect(c.result?.rows.length).toBe(6);
  });

  it('left unsaid, the number of workers follows the work (one for a small batch, more on more cores for more work); said, it is obeyed', async () => {
    const e = engines();
    const c = new BatchControl(e.start, () => {});
    await c.start({ scenarioName: 'small', variants: [baseline], reps: 4, workers: null, cores: 8, seed: 10, otherSeeds: false, otherSeedsTitle: '' });
    expect(c.workers).toEqual({ n: 1, byWork: true });
    expect(e.terminated()).toBe(1);
    const county = { ...baseline, scenario: loadFile('scenarios/default.yaml') };
    await c.start({ scenarioName: 'default', variants: [county], reps: 400, workers: null, cores: 8, seed: 10, otherSeeds: false, otherSeedsTitle: '' });
    expect(c.workers?.n).toBeGreaterThan(1);
    expect(c.workers?.byWork).toBe(true);
    await c.start({ scenarioName: 'small', variants: [baseline], reps: 4, workers: 3, cores: 8, seed: 10, otherSeeds: false, otherSeedsTitle: '' });
    expect(c.workers).toEqual({ n: 3, byWork: false });
  });

  it('comparing seeds runs the baseline again on the next block of seeds', async () => {
    const e = engines();
    const c = new BatchControl(e.start, () => {});
    await c.start({ scenarioName: 'small', variants: [baseline], reps: 2, workers: 1, seed: 10, otherSeeds: true, otherSeedsTitle: 'other seeds', cores: 2 });
    expect(e.seen.filter((x) => x.variant === 'baseline').map((x) => x.seed)).toEqual([10, 11]);
    expect(e.seen.filter((x) => x.variant === OTHER_SEEDS).map((x) => x.seed)).toEqual([12, 13]);
    expect(c.result?.meta.variants.map((v) => v.title)).toEqual(['baseline', 'other seeds']);
  });
});
