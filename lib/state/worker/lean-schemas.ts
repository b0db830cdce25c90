import { z } from 'zod/mini';

/**
 * Two zod building blocks, rebuilt from the ones the background already bundles: `z.int()` and
 * `z.record()` would each add more of zod to the worker's bundle than these few lines.
 */

/** A whole number, as `z.int()` takes it: finite, without a fraction, within ±2^53. */
export function integer() {
  return z.number().check(z.refine(Number.isSafeInteger));
}

/** An object of any keys whose every value fits `value`, as `z.record(z.string(), value)` takes it. */
export function recordOf<T extends z.ZodMiniType>(value: T) {
  return z.custom<Record<string, z.output<T>>>(
    (input) =>
      typeof input === 'object' &&
      input !== null &&
      !Array.isArray(input) &&
      Object.values(input).every((item) => value.safeParse(item).success),
  );
}
