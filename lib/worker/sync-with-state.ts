import { browser } from 'wxt/browser';
import { recordFailure } from '../diagnostics/worker/failure-log';
import { processReminders } from '../reminders/worker/reminder-service';
import type { FailureStep } from '../state/types';
import { readStoredSnapshot } from '../state/worker/store';
import { scheduleRevalidation } from '../token/worker/revocation-watch';
import { paintToolbar } from '../toolbar/worker/toolbar-painter';

/** The one alarm for the next moment the badge or a reminder changes; the revalidation has its own. */
export const STATE_CHANGE_ALARM = 'state-change';
/** Alarms of earlier versions, one for each; they fire once more after an update, and then no longer exist. */
export const EARLIER_STATE_ALARMS = ['badge-change', 'reminders'];
/** An alarm cannot fire in the past: a moment already due is handled a second later. */
const MIN_ALARM_DELAY_MS = 1_000;
/** A badge that could not be painted, or reminders that could not be processed, are tried again this much later. */
const RETRY_AFTER_FAILURE_MS = 15 * 60_000;

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

/** One step of a wake-up: its failure goes to the diagnostics, and the wake-up goes on with `fallback`. */
async function step<T>(name: FailureStep, run: () => Promise<T>, fallback: T, now: number): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await recordFailure(name, error, [], now);
    return fallback;
  }
}

/**
 * After any change of state, and whenever the worker wakes: badge, popup, reminders and alarms follow the
 * state. Each step runs whatever became of the ones before it.
 */
export async function syncWithState(now: number): Promise<void> {
  const snapshot = await readStoredSnapshot();
  const retryAt = now + RETRY_AFTER_FAILURE_MS;
  const badgeChangeAt = await step('badge', () => paintToolbar(snapshot, now), retryAt, now);
  const reminderAt = await step('reminders', () => processReminders(now), retryAt, now);
  await step(
    'alarms',
    async () => {
      const next = nextStateChangeAt(badgeChangeAt, reminderAt, now);
      if (next === null) await browser.alarms.clear(STATE_CHANGE_ALARM);
      else await browser.alarms.create(STATE_CHANGE_ALARM, { when: next });
    },
    undefined,
    now,
  );
  await step('revocation-watch', () => scheduleRevalidation(snapshot), undefined, now);
}
