import { SECOND_MS } from '../time/units';

/** How long a copied token may stay in the clipboard, as the options page offers it; null is "never clear". */
export const CLEAR_DELAYS_MS = [
  null,
  10 * SECOND_MS,
  20 * SECOND_MS,
  30 * SECOND_MS,
  60 * SECOND_MS,
  120 * SECOND_MS,
  300 * SECOND_MS,
] as const;
export type ClearDelay = (typeof CLEAR_DELAYS_MS)[number];

export function isClearDelay(value: unknown): value is ClearDelay {
  return (CLEAR_DELAYS_MS as readonly unknown[]).includes(value);
}
