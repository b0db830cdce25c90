import type { AppsPreferences, AppsState } from '../state/types';
import { MINUTE_MS } from '../time/units';

/** App numbers are fetched at most this often, unless the user presses Refresh. */
export const APPS_REFRESH_INTERVAL_MS = 15 * MINUTE_MS;

/** The preferences a refresh used, as one comparable string. */
export function appsPreferencesKey(preferences: AppsPreferences): string {
  const chosen = preferences.selectedAppIds ? [...preferences.selectedAppIds].sort() : null;
  return JSON.stringify([preferences.excludeTestMode, chosen]);
}

/** The stored numbers if they belong to this sign-in, else nothing: another account's apps never show. */
export function appsForSignIn(apps: AppsState | null, tokenAddedAt: number): AppsState | null {
  return apps && apps.tokenAddedAt === tokenAddedAt ? apps : null;
}

/**
 * Whether an automatic refresh may run now: at once when there is nothing for this sign-in or the
 * preferences changed, otherwise once the last attempt is 15 minutes old and any back-off has passed.
 */
export function appsRefreshDue(apps: AppsState | null, tokenAddedAt: number, preferences: AppsPreferences, now: number): boolean {
  const mine = appsForSignIn(apps, tokenAddedAt);
  if (!mine) return true;
  if (now < (mine.retryNotBefore ?? 0)) return false;
  if (mine.preferencesKey !== appsPreferencesKey(preferences)) return true;
  return now - (mine.lastAttemptAt ?? 0) >= APPS_REFRESH_INTERVAL_MS;
}
