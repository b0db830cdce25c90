import { browser } from 'wxt/browser';
import { BADGE_COLORS, badgeForState, nextBadgeChangeAt } from '../badge';
import { amberLeadMs } from '../../reminders/schedule';
import type { Snapshot } from '../../state/snapshot';

/** Paints the toolbar badge for the stored state; returns the moment it next changes (null: never by itself). */
export async function paintBadge({ tokenState, settings }: Pick<Snapshot, 'tokenState' | 'settings'>, now: number): Promise<number | null> {
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
  return nextBadgeChangeAt(tokenState, now, amberLead);
}
