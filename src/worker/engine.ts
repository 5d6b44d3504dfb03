/** The worker API's implementation, the same in every host. */
import type { Scenario } from '../scenario/scenario.ts';
import { createSimulation, simulate, type Simulation } from '../engine/simulate.ts';
import type { LogEvent } from '../engine/log.ts';
import { replicationKpis } from '../metrics/kpis.ts';
import { loadScenario } from '../scenario/load.ts';
import { loadVariants } from '../scenario/variants.ts';
import type { EngineApi, SessionStep } from './api.ts';

export function createEngineApi(): EngineApi {
  const prepared = new Map<string, Scenario>();
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
  const find = (files: Record<string, string | Uint8Array>, p: string) => files[p.replace(/^\.\//, '')] ?? files[p.replace(/^.*\//, '')] ?? null;
  const reader = (files: Record<string, string | Uint8Array>) => (p: string) => {
    const f = find(files, p);
    return f instanceof Uint8Array ? { error: 'is a binary file, not text' } : f;
  };
  const bytes = (files: Record<string, string | Uint8Array>) => (p: string) => {
    const f = find(files, p);
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
  return {
    load(text, fileName, files) {
      return loadScenario(text, fileName, reader(files), bytes(files));
    },
    loadVariants(text, fileName, files) {
      const r = loadVariants(text, fileName, reader(files), undefined, bytes(files));
      return r.ok ? { ok: true, value: r.value.variants } : r;
    },
    prepare(key, scenario) {
      prepared.set(key, scenario);
    },
    replicate(key, rep, seed) {
      const scenario = prepared.get(key);
      if (!scenario) throw new Error(`no scenario prepared as "${key}"`);
      const { records } = simulate(scenario, seed, { log: false });
      const { kpis, rating } = replicationKpis(scenario, records, true);
      return { variant: key, rep, seed, kpis, rating };
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
