/**
 * A copy of the token the extension will clear from the clipboard: what it copied, as a SHA-256 digest (never
 * the text itself), and when. One at a time: a new copy replaces the pending clear.
 */
export interface PendingClear {
  digest: string;
  clearAt: number;
}

export type ClearDecision = 'wait' | 'clear' | 'leave';

/**
 * What to do with the clipboard at `now`: wait until the moment comes; then clear it only if it still holds
 * exactly what the extension copied, and otherwise leave alone what the user copied since.
 */
export function clearDecision(pending: PendingClear, clipboardDigest: string, now: number): ClearDecision {
  if (now < pending.clearAt) return 'wait';
  return clipboardDigest === pending.digest ? 'clear' : 'leave';
}

/** The pending clear for a copy made at `now`, or null when the user chose never to clear. */
export function pendingClearFor(digest: string, now: number, clearAfterMs: number | null): PendingClear | null {
  return clearAfterMs === null ? null : { digest, clearAt: now + clearAfterMs };
}
