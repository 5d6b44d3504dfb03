/** The worker API's implementation, the same in every host. */
import type { Scenario } from '../scenario/scenario.ts';
import { createSimulation, simulate } from '../engine/simulate.ts';
import { replicationKpis } from '../metrics/kpis.ts';
import { loadScenario } from '../scenario/load.ts';
import { loadVariants } from '../scenario/variants.ts';
import type { EngineApi } from './api.ts';

export function createEngineApi(): EngineApi {
  const prepared = new Map<string, Scenario>();
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
