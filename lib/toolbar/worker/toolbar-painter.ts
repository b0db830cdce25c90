import { browser } from 'wxt/browser';
import type { Snapshot } from '../../state/snapshot';
import { amberLeadMs, BADGE_COLORS, badgeForState, nextBadgeChangeAt } from '../badge';
import { popupPageFor } from '../popup-page';

/**
 * Paints the toolbar button for the stored state: the badge, its tooltip, and the popup page made for that
 * state (see ../popup-page.ts). Returns the moment the badge next changes (null: never by itself).
 */
export async function paintToolbar(
  { tokenState, settings }: Pick<Snapshot, 'tokenState' | 'settings'>,
  now: number,
): Promise<number | null> {
  const amberLead = amberLeadMs(settings.reminders.leadTimesMs);
  const badge = badgeForState(tokenState, now, amberLead);
  const action = browser.action;
  await action.setBadgeText({ text: badge.text });
  if (badge.tone !== 'none') {
    await action.setBadgeBackgroundColor({ color: BADGE_COLORS[badge.tone] });
    const withTextColor = action as { setBadgeTextColor?: (details: { color: string }) => Promise<void> };
    await withTextColor.setBadgeTextColor?.({ color: '#ffffff' });
  }
  await action.setTitle({ title: badge.title });
  await action.setPopup({ popup: popupPageFor(tokenState !== null) });
  return nextBadgeChangeAt(tokenState, now, amberLead);
}
