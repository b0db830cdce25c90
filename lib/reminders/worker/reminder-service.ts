import { browser } from 'wxt/browser';
import { recordFailure } from '../../diagnostics/worker/failure-log';
import { notify, REJECTED_NOTIFICATION_ID, SNOOZE_BUTTON_INDEX } from '../../notifications/worker/notifier';
import { updateStored } from '../../state/worker/store';
import { t } from '../../text/i18n';
import { DAY_MS } from '../../time/units';
import { remindableTokens } from '../remindable-tokens';
import { dueReminders, markRevocationNotified, nextReminderAt, pruneLog, revocationNotificationId, snoozeReminder } from '../schedule';
import { expiryNotification, rejectedNotification, revocationWording } from '../wording';

const REVOCATION_PREFIX = revocationNotificationId('');
const SNOOZE_MS = DAY_MS;

/**
 * Sends what is due (at most the most recent reminder per token), records it, and returns the next due
 * moment. Computed from state every time, so restarts neither repeat nor lose a reminder. A notification the
 * browser refuses (notifications blocked, say) counts as sent, so it is not tried again at every wake-up, and
 * goes to the diagnostics.
 */
export async function processReminders(now: number): Promise<number | null> {
  let nextAt: number | null = null;
  const refused: unknown[] = [];
  const send = (...args: Parameters<typeof notify>) => notify(...args).catch((error: unknown) => void refused.push(error));
  await updateStored('reminders', async (reminders, { settings, tokenState }) => {
    const tokens = remindableTokens({ tokenState, reminders });
    const { notify: due, log } = dueReminders(tokens, reminders.revocations, settings.reminders, reminders.log, now);
    let revocations = reminders.revocations;
    for (const reminder of due) {
      if (reminder.kind === 'expiry') {
        await send(reminder.id, expiryNotification({ kind: reminder.tokenKind, name: reminder.tokenName }, reminder.expiresAt, now), true);
      } else {
        await send(
          revocationNotificationId(reminder.reminderId),
          {
            title: t('notifyRevokeTitle'),
            message: t('notifyRevokeMessage', revocationWording(reminder)),
          },
          true,
        );
        revocations = revocations.map((record) => (record.id === reminder.reminderId ? markRevocationNotified(record, now) : record));
      }
    }
    const next = { ...reminders, revocations, log: pruneLog(log, tokens) };
    nextAt = nextReminderAt(tokens, revocations, settings.reminders, next.log, now);
    return JSON.stringify(next) === JSON.stringify(reminders) ? undefined : next;
  });
  // After the step, which recording joins.
  for (const error of refused) await recordFailure('reminders', error, [], now);
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
