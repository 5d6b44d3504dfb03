/**
 * Why a run or a batch cannot start, or failed, in both languages: seeds past the largest the engine
 * takes (checked up front, or the engine would refuse them mid-way), or the engine's own failure.
 */
import { MAX_SEED, seedsFit } from '../../src/random/streams.ts';
import type { Words } from '../../src/scenario/errors.ts';

/** Why `count` seeds from `seed` cannot be run, in both languages, or `null` when they can. */
export function seedsProblem(seed: number, count: number): Words | null {
  if (seedsFit(seed, count)) return null;
  return {
    zh: `随机种子 ${seed} 起的 ${count} 次重复超出了最大的随机种子 ${MAX_SEED}；请取更小的随机种子`,
    en: `the ${count} replications from seed ${seed} pass the largest seed, ${MAX_SEED}; choose a smaller seed`,
  };
}

/** An engine failure (not the user's input): its own text, the same in either language. */
export function internalFailure(e: unknown): Words {
  const text = String((e as Error)?.message ?? e);
  return { zh: text, en: text };
}
