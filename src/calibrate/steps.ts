/**
 * Long computations as generators that pause (`yield`) between pieces of a fraction of a second, so
 * a command can let a Ctrl-C in; {@link finish} runs one straight through, with the same result.
 */

/** Work that pauses now and then and ends with a `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end without pausing and returns its result. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}
