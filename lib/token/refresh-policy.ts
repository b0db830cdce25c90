import type { Check } from '../state/types';
import { HOUR_MS, MINUTE_MS } from '../time/units';

/** The popup revalidates an account older than this when it opens. */
const STALE_AFTER_MS = 5 * MINUTE_MS;
const MIN_AUTOMATIC_INTERVAL_MS = MINUTE_MS;
const MAX_BACKOFF_MS = HOUR_MS;

export function isStale(fetchedAt: number | undefined, now: number): boolean {
  return fetchedAt === undefined || now - fetchedAt > STALE_AFTER_MS;
}

/** Automatic checks run at most once a minute, and not before a failure's back-off has passed. */
export function mayCheckAutomatically(check: Check, now: number): boolean {
  const earliest = Math.max((check.lastAttemptAt ?? 0) + MIN_AUTOMATIC_INTERVAL_MS, check.retryNotBefore ?? 0);
  return now >= earliest;
}

/** After a failure: the server's `Retry-After` when given, else a back-off doubling per failure, up to an hour. */
export function retryNotBeforeAfterFailure(at: number, consecutiveFailures: number, retryAfterSeconds?: number): number {
  const backoff = Math.min(MIN_AUTOMATIC_INTERVAL_MS * 2 ** Math.max(0, consecutiveFailures - 1), MAX_BACKOFF_MS);
  const serverWait = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : 0;
  return at + Math.max(backoff, serverWait);
}
