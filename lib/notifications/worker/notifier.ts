import { browser } from 'wxt/browser';
import { t } from '../../text/i18n';

/** Notification ids say what a notification is about, so a click or a button can find its way back. */
export const REJECTED_NOTIFICATION_ID = 'rejected';
export const SNOOZE_BUTTON_INDEX = 0;

const ICON = '/icon/128.png';

export async function notify(id: string, content: { title: string; message: string }, snoozable: boolean): Promise<void> {
  const api = browser.notifications;
  if (!api) return;
  await api.create(id, {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL(ICON),
    title: content.title,
    message: content.message,
    // Firefox has no notification buttons, so there a reminder has no snooze.
    ...(snoozable && import.meta.env.CHROME ? { buttons: [{ title: t('snoozeOneDay') }] } : {}),
    priority: 1,
  });
}
