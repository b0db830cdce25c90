import { browser } from 'wxt/browser';
import type { Snapshot } from '../../state/snapshot';
import { amberLeadMs, BADGE_COLORS, badgeForState, nextBadgeChangeAt } from '../badge';
import { pointPopupAtStoredState } from './popup-painter';

/**
 * Paints the toolbar button for the stored state: the badge, its tooltip, and the popup's URL (see
 * ../popup-page.ts). Returns the moment the badge next changes (null: never by itself).
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
  await pointPopupAtStoredState();
  return nextBadgeChangeAt(tokenState, now, amberLead);
}
