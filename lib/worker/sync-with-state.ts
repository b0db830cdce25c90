import { browser } from 'wxt/browser';
import { processReminders } from '../reminders/worker/reminder-service';
import { readStoredSnapshot } from '../state/worker/store';
import { scheduleRevalidation } from '../token/worker/revocation-watch';
import { paintToolbar } from '../toolbar/worker/toolbar-painter';

/** The one alarm for the next moment the badge or a reminder changes; the revalidation has its own. */
export const STATE_CHANGE_ALARM = 'state-change';
/** Alarms of earlier versions, one for each; they fire once more after an update, and then no longer exist. */
export const EARLIER_STATE_ALARMS = ['badge-change', 'reminders'];
/** An alarm cannot fire in the past: a moment already due is handled a second later. */
const MIN_ALARM_DELAY_MS = 1_000;

/**
 * When the worker must wake next: the earlier of the badge's next change and the next reminder, or null
 * when neither will come without a change of state.
 */
export function nextStateChangeAt(badgeChangeAt: number | null, reminderAt: number | null, now: number): number | null {
  const moments = [badgeChangeAt, reminderAt === null ? null : Math.max(reminderAt, now + MIN_ALARM_DELAY_MS)].filter(
    (moment) => moment !== null,
  );
  return moments.length === 0 ? null : Math.min(...moments);
}

/** After any change of state, and whenever the worker wakes: badge, popup, reminders and alarms follow the state. */
export async function syncWithState(now: number): Promise<void> {
  const snapshot = await readStoredSnapshot();
  const badgeChangeAt = await paintToolbar(snapshot, now);
  const reminderAt = await processReminders(now);
  const next = nextStateChangeAt(badgeChangeAt, reminderAt, now);
  if (next === null) await browser.alarms.clear(STATE_CHANGE_ALARM);
  else await browser.alarms.create(STATE_CHANGE_ALARM, { when: next });
  await scheduleRevalidation(snapshot);
}
