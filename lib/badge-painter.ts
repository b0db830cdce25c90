import { browser } from 'wxt/browser';
import { BADGE_COLORS, badgeForState, nextBadgeChangeAt } from './badge';
import { amberLeadMs } from './reminder-schedule';
import type { Snapshot } from './storage';

export const BADGE_ALARM = 'badge-change';

/** Paints the toolbar badge for the stored state and sets one alarm for the moment it next changes. */
export async function paintBadge({ tokenState, settings }: Pick<Snapshot, 'tokenState' | 'settings'>, now: number): Promise<void> {
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

  const next = nextBadgeChangeAt(tokenState, now, amberLead);
  if (next === null) await browser.alarms.clear(BADGE_ALARM);
  else await browser.alarms.create(BADGE_ALARM, { when: next });
}
