import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). Everything random in the engine takes one of these. */
export type Rng = () => number;

/** Largest seed accepted: seeds are integers that JSON and CSV carry exactly. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * Whether `count` (≥ 1) consecutive seeds from `seed` all stay at or below {@link MAX_SEED}. Checked
 * as a difference: `seed + count - 1` rounds back to MAX_SEED past 2^53, so the naive sum lets seeds repeat.
 */
export function seedsFit(seed: number, count: number): boolean {
  return count >= 1 && count - 1 <= MAX_SEED - seed;
}

/**
 * Why a seed is unusable, in Chinese and English (the shape of geo's `Words`, which this lowest layer
 * cannot import), or `null` when it is fine. 0 is a valid seed.
 */
export function seedProblem(seed: unknown): { zh: string; en: string } | null {
  if (typeof seed !== 'number' || !Number.isInteger(seed)) return { zh: `随机种子必须是整数；实际为 ${String(seed)}`, en: `seed must be an integer, got ${String(seed)}` };
  if (seed < 0 || seed > MAX_SEED) return { zh: `随机种子必须在 0 到 ${MAX_SEED} 之间；实际为 ${seed}`, en: `seed must be between 0 and ${MAX_SEED}, got ${seed}` };
  return null;
}

/**
 * A named random stream derived from (seed, name) with seedrandom's Alea generator (Baagøe). Each part of the
 * model draws from its own stream ("demand/fire", "turnout/FIRE", "travel"), so changing one part of
 * a scenario does not shift the draws of another: the basis of common random numbers across variants.
 */
export function stream(seed: number, name: string): Rng {
  const problem = seedProblem(seed);
  if (problem) throw new RangeError(problem.en);
  return seedrandom.alea(`linkdrill:${seed}:${name}`);
}

/** Creates streams on first use and hands back the same one for the same name. */
export class Streams {
  private readonly cache = new Map<string, Rng>();
  constructor(readonly seed: number) {
    const problem = seedProblem(seed);
    if (problem) throw new RangeError(problem.en);
  }
  /** The stream called `name`. */
  get(name: string): Rng {
    let rng = this.cache.get(name);
    if (!rng) {
      rng = stream(this.seed, name);
      this.cache.set(name, rng);
    }
    return rng;
  }

  /**
   * The stream called `prefix + id`, created on its first draw: the same numbers as `get`, without
   * the cost of seeding a stream that is never drawn from (most units of a day never move).
   */
  lazy(prefix: string, id: string): Rng {
    let rng: Rng | null = null;
    return () => (rng ??= this.get(prefix + id))();
  }
}
