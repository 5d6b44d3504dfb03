import { describe, expect, it } from 'vitest';
import { RunControl } from '../../../web/app/run-control.ts';
import type { EngineHandle } from '../../../web/engine-client.ts';
import { loadFile } from '../../helpers.ts';

/** A fake engine whose runs answer only when the test says so. */
function fakeEngines() {
  const started: { handle: EngineHandle; finish: (name: string) => void; terminated: boolean }[] = [];
  const start = (): EngineHandle => {
    let resolve: ((v: unknown) => void) | null = null;
    const e = {
      terminated: false,
      finish: (name: string) => resolve?.({ files: { 'run.json': name }, report: {}, replay: {}, records: { incidents: [] } }),
      handle: {
        api: {
          runForApp: () => new Promise((r) => (resolve = r)),
          load: async () => ({ ok: true, value: {} }),
        },
        terminate: () => (e.terminated = true),
      } as unknown as EngineHandle,
    };
    started.push(e);
    return e.handle;
  };
  return { started, start };
}

describe('run control: one run at a time, each result named by its scenario and seed', () => {
  const s = loadFile('test/fixtures/small.yaml');
  const src = (name: string) => ({ name, fileName: `${name}.yaml`, text: '', files: {}, bundled: true });

  it('a run answers with its scenario name and seed', async () => {
    const f = fakeEngines();
    const c = new RunControl(f.start);
    const p = c.run({ source: src('small'), scenario: s, seed: 5, reps: 1, lang: 'zh' }, () => {});
    expect(c.running).toBe(true);
    f.started[0].finish('small');
    const r = await p;
    expect(r?.scenarioName).toBe('small');
    expect(r?.seed).toBe(5);
    expect(r?.files['run.json']).toBe('small');
    expect(c.running).toBe(false);
  });

  it('a run of a scenario opened from a file is named by the scenario (its name:), not by the file', async () => {
    const f = fakeEngines();
    const c = new RunControl(f.start);
    const p = c.run({ source: { name: 'good', fileName: 'good.json', text: '', files: {}, bundled: false }, scenario: { ...s, name: 'my-county' }, seed: 7, reps: 1, lang: 'zh' }, () => {});
    f.started[0].finish('my-county');
    const r = await p;
    expect(r?.scenarioName).toBe('my-county');
    expect(r?.fromFile).toBe(true);
  });

  it('loading another scenario during a run ends that run: its answer never arrives as the new one', async () => {
    const f = fakeEngines();
    const c = new RunControl(f.start);
    const old = c.run({ source: src('default'), scenario: s, seed: 1, reps: 1, lang: 'zh' }, () => {});
    await c.load(src('urban-flood'));
    expect(f.started[0].terminated).toBe(true);
    f.started[0].finish('default'); // a late answer from the ended worker
    expect(await old).toBeNull();
    expect(c.running).toBe(false);
  });

  it('a second run replaces the first; the first resolves to null', async () => {
    const f = fakeEngines();
    const c = new RunControl(f.start);
    const a = c.run({ source: src('a'), scenario: { ...s, name: 'a' }, seed: 1, reps: 1, lang: 'zh' }, () => {});
    const b = c.run({ source: src('b'), scenario: { ...s, name: 'b' }, seed: 2, reps: 1, lang: 'zh' }, () => {});
    f.started[0].finish('a');
    f.started[1].finish('b');
    expect(await a).toBeNull();
    expect((await b)?.scenarioName).toBe('b');
  });
});
