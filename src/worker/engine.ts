/** The worker API's implementation, the same in every host. */
import type { Scenario } from '../scenario/scenario.ts';
import { createSimulation, simulate, type Simulation } from '../engine/simulate.ts';
import type { LogEvent } from '../engine/log.ts';
import { replicationKpis } from '../metrics/kpis.ts';
import { loadScenarioWithWorkbooks } from '../scenario/load.ts';
import { loadVariantsWithWorkbooks } from '../scenario/variants.ts';
import { workErrors } from '../report/work-words.ts';
import type { EngineApi, ReplicationResult, SessionStep } from './api.ts';

export function createEngineApi(): EngineApi {
  const prepared = new Map<string, Scenario>();
  const replicate = (key: string, rep: number, seed: number): ReplicationResult => {
    const scenario = prepared.get(key);
    if (!scenario) throw new Error(`no scenario prepared as "${key}"`);
    const { records } = simulate(scenario, seed, { log: false });
    const { kpis, rating } = replicationKpis(scenario, records, true);
    return { variant: key, rep, seed, kpis, rating };
  };
  const sessions = new Map<string, { sim: Simulation; fresh: LogEvent[] }>();
  const session = (key: string) => {
    const x = sessions.get(key);
    if (!x) throw new Error(`no session "${key}" is open`);
    return x;
  };
  // The events since the last step go with each step, then are let go (the caller keeps what it needs).
  const step = (x: { sim: Simulation; fresh: LogEvent[] }): SessionStep => {
    const events = x.fresh;
    x.fresh = [];
    return { t: x.sim.now(), events, snapshot: x.sim.snapshot() };
  };
  // Files opened one by one lose their folders: fall back to the bare file name.
  // Only the files' own names count: a side file called `constructor` is a file like any other.
  const own = (files: Record<string, string | Uint8Array>, name: string) => (Object.hasOwn(files, name) ? files[name] : undefined);
  const find = (files: Record<string, string | Uint8Array>, p: string) => own(files, p.replace(/^\.\//, '')) ?? own(files, p.replace(/^.*\//, '')) ?? null;
  const reader = (files: Record<string, string | Uint8Array>) => (p: string) => {
    const f = find(files, p);
    return f instanceof Uint8Array ? { error: { zh: '是二进制文件，不是文本', en: 'is a binary file, not text' } } : f;
  };
  const bytes = (files: Record<string, string | Uint8Array>) => (p: string) => {
    const f = find(files, p);
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
  return {
    async load(text, fileName, files) {
      // A page cannot hold more than the CLI's default ceiling lets through: refuse it as the CLI would.
      const r = await loadScenarioWithWorkbooks(text, fileName, reader(files), bytes(files));
      const tooMuch = r.ok ? workErrors(fileName, [{ name: 'baseline', scenario: r.value }]) : [];
      return tooMuch.length ? { ok: false, errors: tooMuch } : r;
    },
    async loadVariants(text, fileName, files) {
      const r = await loadVariantsWithWorkbooks(text, fileName, reader(files), undefined, bytes(files));
      if (!r.ok) return r;
      const tooMuch = workErrors(fileName, r.value.variants);
      return tooMuch.length ? { ok: false, errors: tooMuch } : { ok: true, value: r.value.variants, ...(r.warnings ? { warnings: r.warnings } : {}) };
    },
    prepare(key, scenario) {
      prepared.set(key, scenario);
    },
    replicateMany(jobs) {
      return jobs.map((j) => replicate(j.key, j.rep, j.seed));
    },
    records(key, seed) {
      const scenario = prepared.get(key);
      if (!scenario) throw new Error(`no scenario prepared as "${key}"`);
      return simulate(scenario, seed, { log: false }).records;
    },
    openSession(key, scenario, seed) {
      const x: { sim: Simulation; fresh: LogEvent[] } = { sim: undefined as unknown as Simulation, fresh: [] };
      x.sim = createSimulation(scenario, seed, { log: true, onEvent: (e) => x.fresh.push(e) });
      sessions.set(key, x);
      return step(x);
    },
    advanceSession(key, tS) {
      const x = session(key);
      x.sim.advanceTo(tS);
      return step(x);
    },
    injectSession(key, inj) {
      const x = session(key);
      const result = x.sim.inject(inj);
      return { result, step: step(x) };
    },
    finishSession(key) {
      const x = session(key);
      sessions.delete(key);
      const result = x.sim.finish();
      return result;
    },
    closeSession(key) {
      sessions.delete(key);
    },
    run(scenario, seed, options = {}, onProgress) {
      const sim = createSimulation(scenario, seed, { log: options.log ?? true });
      const hours = Math.ceil(scenario.durationS / 3600);
      for (let h = 1; h <= hours; h++) {
        sim.advanceTo(h * 3600);
        onProgress?.(h / hours);
      }
      return sim.finish();
    },
  };
}
