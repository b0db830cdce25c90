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
  const withTextColor = action as { setBadgeTextColor?: (details: { color: string }) => Promise<void> };
  const steps: (() => Promise<unknown>)[] = [
    () => action.setBadgeText({ text: badge.text }),
    async () => {
      if (badge.tone === 'none') return;
      await action.setBadgeBackgroundColor({ color: BADGE_COLORS[badge.tone] });
      await withTextColor.setBadgeTextColor?.({ color: '#ffffff' });
    },
    () => action.setTitle({ title: badge.title }),
    pointPopupAtStoredState,
  ];
  // Each step runs whatever became of the others; the first failure is then reported, and the paint tried again.
  const failures = (await Promise.allSettled(steps.map((run) => run()))).filter((outcome) => outcome.status === 'rejected');
  if (failures[0]) throw failures[0].reason;
  return nextBadgeChangeAt(tokenState, now, amberLead);
}
