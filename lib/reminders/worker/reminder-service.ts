import { browser } from 'wxt/browser';
import { DAY_MS } from '../../api/worker/telemetrydeck-date';
import { t } from '../../text/i18n';
import { REJECTED_NOTIFICATION_ID, SNOOZE_BUTTON_INDEX, notify } from './notifier';
import {
  dueReminders,
  markRevocationNotified,
  nextReminderAt,
  pruneLog,
  revocationNotificationId,
  snoozeReminder,
  type RemindableToken,
} from '../schedule';
import { expiryNotification, rejectedNotification } from '../wording';
import { revocationWording } from '../revocation-reminder';
import type { Snapshot } from '../../state/snapshot';
import { readSnapshot, updateStored } from '../../state/worker/store';

export const REVALIDATE_ALARM = 'revalidate';
const REVOCATION_PREFIX = revocationNotificationId('');
const SNOOZE_MS = DAY_MS;

/** The current token and every tracked one, each under a key that is stable for that token. */
export function remindableTokens(snapshot: Pick<Snapshot, 'tokenState' | 'reminders'>): RemindableToken[] {
  const tokens: RemindableToken[] = snapshot.reminders.tracked.map((tracked) => ({
    key: `tracked:${tracked.id}`,
    name: tracked.name,
    expiresAt: tracked.expiresAt,
  }));
  const current = snapshot.tokenState?.token;
  if (current) {
    tokens.unshift({
      key: `current:${current.addedAt}`,
      name: current.name ?? t(current.kind === 'pat' ? 'tokenKindPat' : 'tokenKindSession'),
      expiresAt: current.expiresAt,
    });
  }
  return tokens;
}

/**
 * Sends what is due (at most the most recent reminder per token), records it, and returns the next due
 * moment. Computed from state every time, so restarts neither repeat nor lose a reminder.
 */
export async function processReminders(now: number): Promise<number | null> {
  const { settings, tokenState } = await readSnapshot();
  let nextAt: number | null = null;
  await updateStored('reminders', async (reminders) => {
    const tokens = remindableTokens({ tokenState, reminders });
    const { notify: due, log } = dueReminders(tokens, reminders.revocations, settings.reminders, reminders.log, now);
    let revocations = reminders.revocations;
    for (const reminder of due) {
      if (reminder.kind === 'expiry') {
        await notify(reminder.id, expiryNotification(reminder.tokenName, reminder.expiresAt, now), true);
      } else {
        await notify(revocationNotificationId(reminder.reminderId), {
          title: t('notifyRevokeTitle'),
          message: t('notifyRevokeMessage', revocationWording(reminder)),
        }, true);
        revocations = revocations.map((record) => (record.id === reminder.reminderId ? markRevocationNotified(record, now) : record));
      }
    }
    const next = { ...reminders, revocations, log: pruneLog(log, tokens) };
    nextAt = nextReminderAt(tokens, revocations, settings.reminders, next.log, now);
    return JSON.stringify(next) === JSON.stringify(reminders) ? undefined : next;
  });

  return nextAt;
}

/** "Snooze 1 day" on a notification. */
export async function snoozeNotification(notificationId: string, now: number): Promise<void> {
  await updateStored('reminders', (reminders) => {
    if (!notificationId.startsWith(REVOCATION_PREFIX)) {
      return { ...reminders, log: snoozeReminder(reminders.log, notificationId, now + SNOOZE_MS) };
    }
    const id = notificationId.slice(REVOCATION_PREFIX.length);
    return {
      ...reminders,
      revocations: reminders.revocations.map((record) => (record.id === id ? { ...record, snoozedUntil: now + SNOOZE_MS } : record)),
    };
  });
  await browser.notifications?.clear(notificationId);
}

export function isSnoozeButton(buttonIndex: number): boolean {
  return buttonIndex === SNOOZE_BUTTON_INDEX;
}

/** Once, when TelemetryDeck starts rejecting the stored token. */
export async function notifyRejected(): Promise<void> {
  await notify(REJECTED_NOTIFICATION_ID, rejectedNotification(), false);
}

/** While signed in, check every few hours that TelemetryDeck still accepts the token. */
export async function scheduleRevalidation(snapshot: Pick<Snapshot, 'tokenState' | 'settings'>): Promise<void> {
  if (!snapshot.tokenState) {
    await browser.alarms.clear(REVALIDATE_ALARM);
    return;
  }
  const periodInMinutes = snapshot.settings.revalidateEveryMs / 60_000;
  const existing = await browser.alarms.get(REVALIDATE_ALARM);
  // Re-creating an alarm restarts its period, so leave a matching one alone.
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(REVALIDATE_ALARM, { periodInMinutes, delayInMinutes: periodInMinutes });
}
