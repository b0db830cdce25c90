import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../../lib/time/units';
import { isStale, mayCheckAutomatically, retryNotBeforeAfterFailure } from '../../lib/token/refresh-policy';
import { NOW } from './state-fixtures';

describe('refresh policy', () => {
  it('calls an account stale after five minutes', () => {
    expect(isStale(NOW - 5 * MINUTE_MS, NOW)).toBe(false);
    expect(isStale(NOW - 5 * MINUTE_MS - 1, NOW)).toBe(true);
    expect(isStale(undefined, NOW)).toBe(true);
  });

  it('backs off, doubling per failure up to an hour, and honours Retry-After', () => {
    expect(retryNotBeforeAfterFailure(NOW, 1)).toBe(NOW + MINUTE_MS);
    expect(retryNotBeforeAfterFailure(NOW, 3)).toBe(NOW + 4 * MINUTE_MS);
    expect(retryNotBeforeAfterFailure(NOW, 30)).toBe(NOW + HOUR_MS);
    expect(retryNotBeforeAfterFailure(NOW, 1, 600)).toBe(NOW + 10 * MINUTE_MS);
  });

  it('never allows more than one automatic check a minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 59_999 }), fc.integer({ min: 0, max: 10 }), (elapsed, failures) => {
        const check = { status: 'valid' as const, lastAttemptAt: NOW, error: null, consecutiveFailures: failures };
        expect(mayCheckAutomatically(check, NOW + elapsed)).toBe(false);
      }),
    );
  });
});
