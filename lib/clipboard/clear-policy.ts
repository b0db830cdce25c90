/**
 * A copy of the token the extension will clear from the clipboard: what it copied, as a SHA-256 digest (never
 * the text itself), when, and how often clearing it has failed so far. One at a time: a new copy replaces the
 * pending clear, and starts its own count of failures.
 */
export interface PendingClear {
  digest: string;
  clearAt: number;
  failedAttempts: number;
}

/** Whether the moment of the clear has come at `now`; what the clipboard holds is the document's to check. */
export function clearIsDue(pending: PendingClear, now: number): boolean {
  return now >= pending.clearAt;
}

/** Whether `current` is still the very clear `pending` was: the same copy, due at the same moment. */
export function isSameClear(current: PendingClear | null, pending: PendingClear): boolean {
  return current !== null && current.digest === pending.digest && current.clearAt === pending.clearAt;
}

/** The pending clear for a copy made at `now`, or null when the user chose never to clear. */
export function pendingClearFor(digest: string, now: number, clearAfterMs: number | null): PendingClear | null {
  return clearAfterMs === null ? null : { digest, clearAt: now + clearAfterMs, failedAttempts: 0 };
}
