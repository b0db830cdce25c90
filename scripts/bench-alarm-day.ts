// How often alarms wake the worker over one day, for a token that expires in 10 days: computed by stepping
// through the day with lib's own schedule functions, as the worker uses them, not by waiting a day.
//
// The worker keeps two alarms (lib/worker/sync-with-state.ts, lib/token/worker/revocation-watch.ts): `state-change` at the
// earlier of nextBadgeChangeAt and nextReminderAt, and `revalidate` every `revalidateEveryMs`. Every alarm
// that fires is one wake-up; afterwards the worker syncs (sends what dueReminders says is due, then sets
// the one-shot alarm again from the new state).
import { allowExtensionlessImportsInLib } from './import-lib.ts';
import { answerMessagesFromCatalog } from './message-catalog.ts';

allowExtensionlessImportsInLib();
// lib's badge words come from the catalogs, as in the browser.
answerMessagesFromCatalog();
const { amberLeadMs, badgeForState, nextBadgeChangeAt } = await import('../lib/toolbar/badge.ts');
const { dueReminders, nextReminderAt } = await import('../lib/reminders/schedule.ts');
const { DEFAULT_LEAD_TIMES_MS, DEFAULT_REVALIDATE_EVERY_MS, DEFAULT_REVOCATION_REPEAT_MS } = await import('../lib/state/defaults.ts');
const { nextStateChangeAt } = await import('../lib/worker/sync-with-state.ts');
type TokenState = import('../lib/state/types.ts').TokenState;
type ReminderLog = import('../lib/state/types.ts').ReminderLog;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
type AlarmName = 'state-change' | 'revalidate';

export interface AlarmDay {
  expiresInDays: number;
  /** Alarms that fired between sign-in and a day later: each one wakes the worker. */
  wakeUps: number;
  wakeUpsByAlarm: Record<AlarmName, number>;
  /** Each alarm that fired, and when: milliseconds after sign-in. */
  wakeUpTimes: { alarm: AlarmName; afterMs: number }[];
  /** How often the badge's text or colour changed during the day (sampled every minute). */
  badgeChanges: number;
  /** Expiry reminders sent by alarms during the day. */
  remindersSent: number;
  /** Revalidation checks a day at the default interval. */
  revalidationChecks: number;
  /** Wake-ups allowed: one per badge change and per reminder, plus the revalidation checks. */
  allowedWakeUps: number;
  pass: boolean;
}

export function simulateAlarmDay(expiresInDays = 10, signedInAt = Date.UTC(2026, 0, 15, 9, 30)): AlarmDay {
  const dayEnd = signedInAt + DAY_MS;
  const state: TokenState = {
    schemaVersion: 3,
    token: { kind: 'pat', masked: 'tdpat_…abcd', name: 'Benchmark', addedAt: signedInAt, expiresAt: signedInAt + expiresInDays * DAY_MS },
    account: { id: 'bench', email: 'ada@example.com', fetchedAt: signedInAt },
    check: { status: 'valid', lastSuccessAt: signedInAt, lastAttemptAt: signedInAt, error: null },
  };
  const reminderSettings = { enabled: true, leadTimesMs: DEFAULT_LEAD_TIMES_MS, revocationRepeatMs: DEFAULT_REVOCATION_REPEAT_MS };
  const tokens = [{ key: `current:${signedInAt}`, kind: 'pat' as const, name: 'Benchmark', expiresAt: state.token.expiresAt }];
  const amberLead = amberLeadMs(reminderSettings.leadTimesMs);
  let log: ReminderLog = { sent: {}, snoozed: {} };
  let remindersSent = 0;
  const alarms = new Map<AlarmName, number>();

  /** What syncWithState does: process due reminders, then set the one-shot alarms from the state. */
  function sync(now: number, byAlarm: boolean): void {
    const due = dueReminders(tokens, [], reminderSettings, log, now);
    log = due.log;
    if (byAlarm) remindersSent += due.notify.length;
    const next = nextStateChangeAt(nextBadgeChangeAt(state, now, amberLead), nextReminderAt(tokens, [], reminderSettings, log, now), now);
    if (next === null) alarms.delete('state-change');
    else alarms.set('state-change', next);
    // scheduleRevalidation leaves a running periodic alarm alone.
    if (!alarms.has('revalidate')) alarms.set('revalidate', now + DEFAULT_REVALIDATE_EVERY_MS);
  }

  sync(signedInAt, false); // The sign-in itself: a storage change, not an alarm.
  const wakeUpTimes: AlarmDay['wakeUpTimes'] = [];
  for (let guard = 0; guard < 10_000; guard++) {
    const [alarm, at] = [...alarms].reduce((earliest, next) => (next[1] < earliest[1] ? next : earliest));
    if (at > dayEnd) break;
    wakeUpTimes.push({ alarm, afterMs: at - signedInAt });
    if (alarm === 'revalidate') alarms.set('revalidate', at + DEFAULT_REVALIDATE_EVERY_MS);
    else alarms.delete(alarm);
    // A revalidation writes the token state, and that change syncs as well.
    sync(at, true);
  }

  let badgeChanges = 0;
  let previous = badgeForState(state, signedInAt, amberLead);
  for (let now = signedInAt + MINUTE_MS; now <= dayEnd; now += MINUTE_MS) {
    const badge = badgeForState(state, now, amberLead);
    if (badge.text !== previous.text || badge.tone !== previous.tone) badgeChanges++;
    previous = badge;
  }

  const wakeUpsByAlarm: Record<AlarmName, number> = { 'state-change': 0, revalidate: 0 };
  for (const { alarm } of wakeUpTimes) wakeUpsByAlarm[alarm]++;
  const revalidationChecks = Math.floor(DAY_MS / DEFAULT_REVALIDATE_EVERY_MS);
  const allowedWakeUps = badgeChanges + remindersSent + revalidationChecks;
  return {
    expiresInDays,
    wakeUps: wakeUpTimes.length,
    wakeUpsByAlarm,
    wakeUpTimes,
    badgeChanges,
    remindersSent,
    revalidationChecks,
    allowedWakeUps,
    pass: wakeUpTimes.length <= allowedWakeUps,
  };
}
