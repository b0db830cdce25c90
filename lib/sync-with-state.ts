import { paintBadge } from './badge-painter';
import { processReminders, scheduleRevalidation } from './reminder-service';
import { readSnapshot } from './storage';

/** After any change of state, and whenever the worker wakes: badge, reminders and alarms follow the state. */
export async function syncWithState(now: number): Promise<void> {
  const snapshot = await readSnapshot();
  await paintBadge(snapshot, now);
  await processReminders(now);
  await scheduleRevalidation(snapshot);
}
