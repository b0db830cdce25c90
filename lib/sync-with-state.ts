import { browser } from 'wxt/browser';
import { paintBadge } from './badge-painter';
import { popupPathFor } from './popup-hint';
import { processReminders, scheduleRevalidation } from './reminder-service';
import { readSnapshot } from './storage';

/** After any change of state, and whenever the worker wakes: badge, popup, reminders and alarms follow the state. */
export async function syncWithState(now: number): Promise<void> {
  const snapshot = await readSnapshot();
  await paintBadge(snapshot, now);
  await browser.action.setPopup({ popup: popupPathFor(snapshot.tokenState !== null) });
  await processReminders(now);
  await scheduleRevalidation(snapshot);
}
