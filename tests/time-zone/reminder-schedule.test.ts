import { describe, expect, it } from 'vitest';
import { dueReminders, expiryReminderId, nextReminderAt, type RemindableToken } from '../../lib/reminders/schedule';
import { DEFAULT_LEAD_TIMES_MS } from '../../lib/state/defaults';
import type { ReminderLog, ReminderSettings, RevocationReminder } from '../../lib/state/types';
import { DAY_MS } from '../../lib/time/units';

// vitest.config.ts runs this file once per zone, each in a process started with TZ set; their offsets in July.
const JULY_OFFSET_MINUTES: Record<string, number> = { 'Europe/Berlin': -120, 'America/Los_Angeles': 420 };

const SETTINGS: ReminderSettings = { enabled: true, leadTimesMs: DEFAULT_LEAD_TIMES_MS, revocationRepeatMs: DAY_MS };
const EMPTY_LOG: ReminderLog = { sent: {}, snoozed: {} };
// Expiring on the day Europe springs forward (01:00Z), and half an hour before it falls back (01:00Z).
const A_EXPIRES = Date.parse('2026-03-29T12:00:00Z');
const B_EXPIRES = Date.parse('2026-10-25T00:30:00Z');
const token = (key: string, expiresAt: number): RemindableToken => ({ key, kind: 'pat', name: `Token ${key}`, expiresAt });
const TOKENS = [token('a', A_EXPIRES), token('b', B_EXPIRES)];
const REVOCATIONS: RevocationReminder[] = [
  { id: 'r1', name: 'CI token', last4: 'wxyz', removedAt: Date.parse('2026-03-28T23:00:00Z'), confirmed: false, lastNotifiedAt: null },
];

const outcome = (now: number) => {
  const { notify, log } = dueReminders(TOKENS, REVOCATIONS, SETTINGS, EMPTY_LOG, now);
  return { notify: notify.map(({ id }) => id), sent: log.sent, next: nextReminderAt(TOKENS, REVOCATIONS, SETTINGS, EMPTY_LOG, now) };
};
const sentAt = (now: number, ids: string[]) => Object.fromEntries(ids.map((id) => [id, now]));
const aId = (leadMs: number) => expiryReminderId('a', A_EXPIRES, leadMs);
const bId = (leadMs: number) => expiryReminderId('b', B_EXPIRES, leadMs);

describe(`time zones and daylight saving time, in a process whose TZ is ${process.env.TZ}`, () => {
  it('runs in the time zone its process was started with', () => {
    const zone = process.env.TZ ?? 'unset';
    expect(Object.keys(JULY_OFFSET_MINUTES)).toContain(zone);
    expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).toBe(JULY_OFFSET_MINUTES[zone]);
  });

  it('gives the results of UTC arithmetic around both DST changes, since nothing reads local time', () => {
    const beforeSpring = Date.parse('2026-03-28T12:00:00Z');
    expect(outcome(beforeSpring)).toEqual({
      notify: [aId(DAY_MS)],
      sent: sentAt(beforeSpring, [aId(30 * DAY_MS), aId(7 * DAY_MS), aId(DAY_MS)]),
      next: beforeSpring,
    });
    const afterSpring = Date.parse('2026-03-29T02:00:00Z');
    expect(outcome(afterSpring)).toEqual({
      notify: [aId(DAY_MS), 'revocation:r1'],
      sent: sentAt(afterSpring, [aId(30 * DAY_MS), aId(7 * DAY_MS), aId(DAY_MS)]),
      next: afterSpring,
    });
    const beforeAutumn = Date.parse('2026-10-24T23:30:00Z');
    expect(outcome(beforeAutumn)).toEqual({
      notify: [aId(0), bId(DAY_MS), 'revocation:r1'],
      sent: sentAt(beforeAutumn, [aId(30 * DAY_MS), aId(7 * DAY_MS), aId(DAY_MS), aId(0), bId(30 * DAY_MS), bId(7 * DAY_MS), bId(DAY_MS)]),
      next: beforeAutumn,
    });
  });
});
