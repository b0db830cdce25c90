import { describe, expect, it } from 'vitest';
import { APPS_REFRESH_INTERVAL_MS, appsForSignIn, appsPreferencesKey, appsRefreshDue } from '../../lib/apps/refresh-policy';
import type { AppsState } from '../../lib/state/types';

const NOW = Date.UTC(2026, 10, 22, 8);
const ADDED_AT = NOW - 1000;
const PREFERENCES = { selectedAppIds: null, excludeTestMode: true };

function state(overrides: Partial<AppsState> = {}): AppsState {
  return {
    schemaVersion: 3,
    tokenAddedAt: ADDED_AT,
    preferencesKey: appsPreferencesKey(PREFERENCES),
    fetchedAt: NOW,
    lastAttemptAt: NOW,
    error: null,
    organizations: [],
    ...overrides,
  };
}

describe('appsRefreshDue', () => {
  it('is due at once when nothing is stored for this sign-in', () => {
    expect(appsRefreshDue(null, ADDED_AT, PREFERENCES, NOW)).toBe(true);
    expect(appsRefreshDue(state({ tokenAddedAt: ADDED_AT - 1 }), ADDED_AT, PREFERENCES, NOW)).toBe(true);
  });

  it('waits 15 minutes after the last attempt', () => {
    expect(appsRefreshDue(state(), ADDED_AT, PREFERENCES, NOW + APPS_REFRESH_INTERVAL_MS - 1)).toBe(false);
    expect(appsRefreshDue(state(), ADDED_AT, PREFERENCES, NOW + APPS_REFRESH_INTERVAL_MS)).toBe(true);
  });

  it('is due at once when the preferences changed, unless the server asked us to wait', () => {
    const changed = { ...PREFERENCES, excludeTestMode: false };
    expect(appsRefreshDue(state(), ADDED_AT, changed, NOW + 1)).toBe(true);
    expect(appsRefreshDue(state({ retryNotBefore: NOW + 60_000 }), ADDED_AT, changed, NOW + 1)).toBe(false);
  });

  it('treats the same choice in another order as the same preferences', () => {
    expect(appsPreferencesKey({ selectedAppIds: ['b', 'a'], excludeTestMode: true })).toBe(
      appsPreferencesKey({ selectedAppIds: ['a', 'b'], excludeTestMode: true }),
    );
    expect(appsPreferencesKey({ selectedAppIds: [], excludeTestMode: true })).not.toBe(appsPreferencesKey(PREFERENCES));
  });
});

describe('appsForSignIn', () => {
  it('never hands out another sign-in’s numbers', () => {
    expect(appsForSignIn(state(), ADDED_AT)).not.toBeNull();
    expect(appsForSignIn(state(), ADDED_AT + 1)).toBeNull();
    expect(appsForSignIn(null, ADDED_AT)).toBeNull();
  });
});
