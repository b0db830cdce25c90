import { browser } from 'wxt/browser';
import type { Snapshot } from '../../state/snapshot';

/** The periodic check that TelemetryDeck still accepts the token (a revoked token turns the badge to `!`). */
export const REVALIDATE_ALARM = 'revalidate';

/**
 * While signed in, check every few hours that TelemetryDeck still accepts the token. A token it rejected is
 * not asked about again: the watch resumes with the next sign-in, or once the user's Refresh finds it accepted.
 */
export async function scheduleRevalidation(snapshot: Pick<Snapshot, 'tokenState' | 'settings'>): Promise<void> {
  if (!snapshot.tokenState || snapshot.tokenState.check.status === 'rejected') {
    await browser.alarms.clear(REVALIDATE_ALARM);
    return;
  }
  const periodInMinutes = snapshot.settings.revalidateEveryMs / 60_000;
  const existing = await browser.alarms.get(REVALIDATE_ALARM);
  // Re-creating an alarm restarts its period, so leave a matching one alone.
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(REVALIDATE_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}
