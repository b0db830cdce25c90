import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateLeadTimes } from '../../lib/reminders/lead-times';
import {
  type DueReminder,
  dueReminders,
  expiryReminderId,
  expiryReminderMoment,
  markRevocationNotified,
  nextReminderAt,
  pruneLog,
  type RemindableToken,
  snoozeReminder,
} from '../../lib/reminders/schedule';
import { DEFAULT_LEAD_TIMES_MS } from '../../lib/state/defaults';
import type { ReminderLog, ReminderSettings, RevocationReminder } from '../../lib/state/types';
import { formatLeadTime } from '../../lib/text/duration-wording';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../lib/time/units';
import { amberLeadMs } from '../../lib/toolbar/badge';
import { useLanguage } from './test-language';

const NOW = Date.UTC(2026, 10, 22, 8, 0, 0);
const EMPTY_LOG: ReminderLog = { sent: {}, snoozed: {} };
const SETTINGS: ReminderSettings = { enabled: true, leadTimesMs: DEFAULT_LEAD_TIMES_MS, revocationRepeatMs: DAY_MS };
const LATEST_DATE_MS = 8.64e15;

const token = (expiresAt: number | null, key = 'current'): RemindableToken => ({ key, kind: 'pat', name: `Token ${key}`, expiresAt });
const revocation = (overrides: Partial<RevocationReminder> = {}): RevocationReminder => ({
  id: 'r1',
  name: 'CI token',
  last4: 'wxyz',
  removedAt: NOW,
  confirmed: false,
  lastNotifiedAt: null,
  ...overrides,
});
const expiryIds = (notify: DueReminder[]) => notify.filter((reminder) => reminder.kind === 'expiry').map(({ id }) => id);
const due = (tokens: RemindableToken[], log: ReminderLog, now: number, settings = SETTINGS) => dueReminders(tokens, [], settings, log, now);

describe('expiry reminder ids and moments', () => {
  it('names a reminder by token, expiry and lead time', () => {
    expect(expiryReminderId('current', 1000, DAY_MS)).toBe(`expiry:current:1000:${DAY_MS}`);
    expect(expiryReminderMoment(NOW, 7 * DAY_MS)).toBe(NOW - 7 * DAY_MS);
    expect(expiryReminderMoment(NOW, 0)).toBe(NOW);
  });
});

describe('dueReminders, expiry', () => {
  const expiresAt = NOW + 40 * DAY_MS;
  const id = (leadMs: number) => expiryReminderId('current', expiresAt, leadMs);

  it('sends nothing before the first reminder, then each reminder once at its moment', () => {
    expect(due([token(expiresAt)], EMPTY_LOG, NOW).notify).toEqual([]);
    const first = due([token(expiresAt)], EMPTY_LOG, expiresAt - 30 * DAY_MS);
    expect(first.notify).toEqual([
      {
        kind: 'expiry',
        id: id(30 * DAY_MS),
        tokenKey: 'current',
        tokenKind: 'pat',
        tokenName: 'Token current',
        expiresAt,
        leadMs: 30 * DAY_MS,
      },
    ]);
    expect(first.log.sent).toEqual({ [id(30 * DAY_MS)]: expiresAt - 30 * DAY_MS });
    // A restart re-uses the persisted log: nothing is repeated.
    expect(due([token(expiresAt)], first.log, expiresAt - 29 * DAY_MS).notify).toEqual([]);
    expect(expiryIds(due([token(expiresAt)], first.log, expiresAt - 7 * DAY_MS).notify)).toEqual([id(7 * DAY_MS)]);
  });

  it('after a long sleep sends only the most recent due reminder and skips the older ones for good', () => {
    const late = due([token(expiresAt)], EMPTY_LOG, expiresAt - 3 * DAY_MS);
    expect(expiryIds(late.notify)).toEqual([id(7 * DAY_MS)]);
    expect(Object.keys(late.log.sent).sort()).toEqual([id(30 * DAY_MS), id(7 * DAY_MS)].sort());
    expect(due([token(expiresAt)], late.log, expiresAt - 2 * DAY_MS).notify).toEqual([]);
  });

  it('sends a reminder whose moment already passed as soon as the expiry is set', () => {
    const soon = NOW + 3 * DAY_MS;
    expect(expiryIds(due([token(soon)], EMPTY_LOG, NOW).notify)).toEqual([expiryReminderId('current', soon, 7 * DAY_MS)]);
  });

  it('still sends the at-expiry reminder of a token that has already expired', () => {
    const expired = NOW - 2 * HOUR_MS;
    const result = due([token(expired)], EMPTY_LOG, NOW);
    expect(result.notify).toMatchObject([{ kind: 'expiry', id: expiryReminderId('current', expired, 0), leadMs: 0 }]);
    expect(Object.keys(result.log.sent)).toHaveLength(4);
  });

  it('gives fresh reminders when the expiry date changes', () => {
    const first = due([token(NOW + 5 * DAY_MS)], EMPTY_LOG, NOW);
    expect(expiryIds(first.notify)).toEqual([expiryReminderId('current', NOW + 5 * DAY_MS, 7 * DAY_MS)]);
    const renewed = NOW + 6 * DAY_MS;
    expect(expiryIds(due([token(renewed)], first.log, NOW).notify)).toEqual([expiryReminderId('current', renewed, 7 * DAY_MS)]);
  });

  it('keeps each token to itself, and ignores tokens without an expiry', () => {
    const result = due([token(NOW + DAY_MS, 'a'), token(NOW + 7 * DAY_MS, 'b'), token(null, 'c')], EMPTY_LOG, NOW);
    expect(result.notify.map((reminder) => reminder.kind === 'expiry' && [reminder.tokenKey, reminder.leadMs])).toEqual([
      ['a', DAY_MS],
      ['b', 7 * DAY_MS],
    ]);
  });

  it('sends nothing and changes nothing when reminders are disabled', () => {
    const log = { sent: { x: 1 }, snoozed: {} };
    const result = dueReminders([token(NOW - DAY_MS)], [revocation()], { ...SETTINGS, enabled: false }, log, NOW);
    expect(result).toEqual({ notify: [], log });
    expect(nextReminderAt([token(NOW + DAY_MS)], [revocation()], { ...SETTINGS, enabled: false }, EMPTY_LOG, NOW)).toBeNull();
  });

  it('deduplicates lead times and ignores negative ones', () => {
    const settings = { ...SETTINGS, leadTimesMs: [DAY_MS, DAY_MS, -HOUR_MS, 0] };
    const result = due([token(NOW + 2 * HOUR_MS)], EMPTY_LOG, NOW, settings);
    expect(expiryIds(result.notify)).toEqual([expiryReminderId('current', NOW + 2 * HOUR_MS, DAY_MS)]);
    expect(Object.keys(result.log.sent)).toEqual([expiryReminderId('current', NOW + 2 * HOUR_MS, DAY_MS)]);
    expect(nextReminderAt([token(NOW + 2 * HOUR_MS)], [], settings, result.log, NOW)).toBe(NOW + 2 * HOUR_MS);
  });
});

describe('snoozing an expiry reminder', () => {
  const expiresAt = NOW + DAY_MS;
  const oneDay = expiryReminderId('current', expiresAt, DAY_MS);
  const sentNow = due([token(expiresAt)], EMPTY_LOG, NOW).log;

  it('un-sends it until the snooze ends, then sends it once more and clears the snooze', () => {
    const snoozed = snoozeReminder(sentNow, oneDay, NOW + 2 * HOUR_MS);
    expect(snoozed.sent[oneDay]).toBeUndefined();
    expect(snoozed.snoozed[oneDay]).toBe(NOW + 2 * HOUR_MS);
    expect(due([token(expiresAt)], snoozed, NOW + 2 * HOUR_MS - 1).notify).toEqual([]);
    expect(nextReminderAt([token(expiresAt)], [], SETTINGS, snoozed, NOW)).toBe(NOW + 2 * HOUR_MS);

    const again = due([token(expiresAt)], snoozed, NOW + 2 * HOUR_MS);
    expect(expiryIds(again.notify)).toEqual([oneDay]);
    expect(again.log.sent[oneDay]).toBe(NOW + 2 * HOUR_MS);
    expect(again.log.snoozed).toEqual({});
    expect(due([token(expiresAt)], again.log, NOW + 3 * HOUR_MS).notify).toEqual([]);
  });

  it('gives way to a more recent reminder that comes due during the snooze', () => {
    const snoozed = snoozeReminder(sentNow, oneDay, NOW + 2 * DAY_MS);
    const atExpiry = due([token(expiresAt)], snoozed, expiresAt);
    expect(expiryIds(atExpiry.notify)).toEqual([expiryReminderId('current', expiresAt, 0)]);
    expect(atExpiry.log.snoozed).toEqual({});
    expect(due([token(expiresAt)], atExpiry.log, NOW + 3 * DAY_MS).notify).toEqual([]);
  });
});

describe('dueReminders, revocation', () => {
  const settings = { ...SETTINGS, revocationRepeatMs: 12 * HOUR_MS };
  const revocationsDue = (reminder: RevocationReminder, now: number) => dueReminders([], [reminder], settings, EMPTY_LOG, now).notify;

  it('is due at once, then again every repeat interval after the last notification', () => {
    expect(revocationsDue(revocation(), NOW)).toEqual([
      { kind: 'revocation', id: 'revocation:r1', reminderId: 'r1', name: 'CI token', last4: 'wxyz' },
    ]);
    const notified = markRevocationNotified(revocation(), NOW + HOUR_MS);
    expect(notified).toMatchObject({ lastNotifiedAt: NOW + HOUR_MS, snoozedUntil: null });
    expect(revocationsDue(notified, NOW + 13 * HOUR_MS - 1)).toEqual([]);
    expect(revocationsDue(notified, NOW + 13 * HOUR_MS)).toHaveLength(1);
    expect(nextReminderAt([], [notified], settings, EMPTY_LOG, NOW + HOUR_MS)).toBe(NOW + 13 * HOUR_MS);
  });

  it('waits for a snooze to end, and stops once confirmed', () => {
    const snoozed = revocation({ snoozedUntil: NOW + DAY_MS });
    expect(revocationsDue(snoozed, NOW + DAY_MS - 1)).toEqual([]);
    expect(revocationsDue(snoozed, NOW + DAY_MS)).toHaveLength(1);
    expect(nextReminderAt([], [snoozed], settings, EMPTY_LOG, NOW)).toBe(NOW + DAY_MS);
    expect(revocationsDue(revocation({ confirmed: true }), NOW + 100 * DAY_MS)).toEqual([]);
    expect(nextReminderAt([], [revocation({ confirmed: true })], settings, EMPTY_LOG, NOW)).toBeNull();
  });

  it('leaves the log alone: revocation bookkeeping is the caller’s', () => {
    expect(dueReminders([], [revocation()], settings, EMPTY_LOG, NOW).log).toEqual(EMPTY_LOG);
  });
});

describe('nextReminderAt', () => {
  it('is the first unsent reminder’s moment, now when one is already due, and null when nothing is pending', () => {
    expect(nextReminderAt([token(NOW + 40 * DAY_MS)], [], SETTINGS, EMPTY_LOG, NOW)).toBe(NOW + 10 * DAY_MS);
    expect(nextReminderAt([token(NOW + 3 * DAY_MS)], [], SETTINGS, EMPTY_LOG, NOW)).toBe(NOW);
    const allSent = due([token(NOW - DAY_MS)], EMPTY_LOG, NOW).log;
    expect(nextReminderAt([token(NOW - DAY_MS)], [], SETTINGS, allSent, NOW)).toBeNull();
    expect(nextReminderAt([token(null)], [], SETTINGS, EMPTY_LOG, NOW)).toBeNull();
  });
});

describe('pruneLog', () => {
  it('keeps entries of current tokens and expiry dates, removed lead times included, and drops the rest', () => {
    const current = expiryReminderId('a', NOW, DAY_MS);
    const log: ReminderLog = {
      sent: {
        [current]: 1,
        [expiryReminderId('gone', NOW, DAY_MS)]: 2,
        [expiryReminderId('a', NOW - DAY_MS, DAY_MS)]: 3,
        [expiryReminderId('a', NOW, 2 * DAY_MS)]: 4,
      },
      snoozed: { [current]: 5, [expiryReminderId('gone', NOW, 0)]: 6 },
    };
    expect(pruneLog(log, [token(NOW, 'a'), token(null, 'b')])).toEqual({
      sent: { [current]: 1, [expiryReminderId('a', NOW, 2 * DAY_MS)]: 4 },
      snoozed: { [current]: 5 },
    });
  });
});

describe('lead times in words', () => {
  it('names each lead time in its largest whole unit', () => {
    expect(DEFAULT_LEAD_TIMES_MS.map(formatLeadTime)).toEqual(['30 days', '7 days', '1 day', 'at expiry']);
    expect(formatLeadTime(12 * HOUR_MS)).toBe('12 hours');
    expect(formatLeadTime(HOUR_MS)).toBe('1 hour');
    expect(formatLeadTime(90 * MINUTE_MS)).toBe('90 minutes');
  });

  it('says the same in German, with German plurals', () => {
    useLanguage('de');
    expect(DEFAULT_LEAD_TIMES_MS.map(formatLeadTime)).toEqual(['30 Tage', '7 Tage', '1 Tag', 'bei Ablauf']);
    expect(formatLeadTime(HOUR_MS)).toBe('1 Stunde');
    expect(formatLeadTime(12 * HOUR_MS)).toBe('12 Stunden');
  });
});

describe('validateLeadTimes', () => {
  it('accepts at expiry and 1 hour to 365 days, deduplicated, longest first', () => {
    expect(validateLeadTimes([0, DAY_MS, 30 * DAY_MS, DAY_MS, HOUR_MS, 365 * DAY_MS])).toEqual({
      ok: true,
      value: [365 * DAY_MS, 30 * DAY_MS, DAY_MS, HOUR_MS, 0],
    });
    expect(validateLeadTimes([])).toEqual({ ok: true, value: [] });
  });

  it('explains in one sentence what is wrong', () => {
    expect(validateLeadTimes([DAY_MS, 30 * MINUTE_MS])).toEqual({
      ok: false,
      message: 'A reminder 30 minutes before expiry is too close to it: choose at least 1 hour, or at expiry.',
    });
    expect(validateLeadTimes([366 * DAY_MS])).toEqual({
      ok: false,
      message: 'A reminder 366 days before expiry is too early: choose at most 365 days.',
    });
    expect(validateLeadTimes([-DAY_MS])).toEqual({ ok: false, message: 'Reminders come before expiry or at it, never after it.' });
    expect(validateLeadTimes([1.5])).toMatchObject({ ok: false, message: expect.stringMatching(/whole number/) });
    expect(validateLeadTimes([Number.NaN])).toMatchObject({ ok: false });
    const tooMany = Array.from({ length: 21 }, (_, i) => (i + 1) * HOUR_MS);
    expect(validateLeadTimes(tooMany)).toEqual({ ok: false, message: 'Choose at most 20 reminder times.' });
  });
});

describe('amberLeadMs', () => {
  it('is the longest lead time of 7 days or less, at expiry aside, else 7 days', () => {
    expect(amberLeadMs(DEFAULT_LEAD_TIMES_MS)).toBe(7 * DAY_MS);
    expect(amberLeadMs([30 * DAY_MS, 3 * DAY_MS, DAY_MS, 0])).toBe(3 * DAY_MS);
    expect(amberLeadMs([12 * HOUR_MS])).toBe(12 * HOUR_MS);
    expect(amberLeadMs([30 * DAY_MS, 0])).toBe(7 * DAY_MS);
    expect(amberLeadMs([])).toBe(7 * DAY_MS);
  });
});

describe('time zones and daylight saving time', () => {
  const berlinClock = (at: number) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(at);

  it('puts a 1-day reminder exactly 24 hours before expiry, across a DST change', () => {
    const expiresAt = Date.parse('2026-03-30T08:00:00Z');
    expect(expiryReminderMoment(expiresAt, DAY_MS)).toBe(Date.parse('2026-03-29T08:00:00Z'));
    // Berlin moves its clocks forward at 01:00Z on 2026-03-29: this reminder's wall-clock time moves with it.
    const straddling = Date.parse('2026-03-29T12:00:00Z');
    const moment = expiryReminderMoment(straddling, DAY_MS);
    expect(straddling - moment).toBe(24 * HOUR_MS);
    expect([berlinClock(moment), berlinClock(straddling)]).toEqual(['13:00', '14:00']);
    expect(nextReminderAt([token(straddling)], [], { ...SETTINGS, leadTimesMs: [DAY_MS] }, EMPTY_LOG, moment - 10 * DAY_MS)).toBe(moment);
  });
});

// A simulated background worker: it wakes at arbitrary moments, sends what is due, persists the log and the
// revocation reminders (a JSON round trip, as after a restart), and sometimes snoozes what it just sent.
interface Wake {
  at: number;
  snoozeForMs: number | null;
  /** Lead times changed just before this wake-up, in the scenarios that edit them. */
  leadTimesMs?: number[];
}

interface Scenario {
  tokens: RemindableToken[];
  revocations: RevocationReminder[];
  settings: ReminderSettings;
  wakes: Wake[];
}

interface Step {
  at: number;
  settings: ReminderSettings;
  log: ReminderLog;
  revocations: RevocationReminder[];
  notify: DueReminder[];
  logAfter: ReminderLog;
  revocationsAfter: RevocationReminder[];
  snoozed: string | null;
}

function simulate({ tokens, revocations: initialRevocations, settings: initialSettings, wakes }: Scenario): Step[] {
  let log = EMPTY_LOG;
  let revocations = initialRevocations;
  return wakes.map(({ at, snoozeForMs, leadTimesMs }) => {
    // The user may have changed the lead times since the last wake-up.
    const settings = leadTimesMs ? { ...initialSettings, leadTimesMs } : initialSettings;
    const { notify, log: sentLog } = dueReminders(tokens, revocations, settings, log, at);
    let logAfter = pruneLog(sentLog, tokens);
    const revocationsAfter = revocations.map((reminder) =>
      notify.some((due) => due.kind === 'revocation' && due.reminderId === reminder.id) ? markRevocationNotified(reminder, at) : reminder,
    );
    const toSnooze = notify.find((due) => due.kind === 'expiry');
    const snoozed = snoozeForMs !== null && toSnooze ? toSnooze.id : null;
    if (snoozed) logAfter = snoozeReminder(logAfter, snoozed, at + snoozeForMs!);
    const step = { at, settings, log, revocations, notify, logAfter, revocationsAfter, snoozed };
    log = JSON.parse(JSON.stringify(logAfter)) as ReminderLog;
    revocations = JSON.parse(JSON.stringify(revocationsAfter)) as RevocationReminder[];
    return step;
  });
}

const usableLeads = (leadTimesMs: number[]) => [...new Set(leadTimesMs.filter((ms) => ms >= 0))];

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    tokens: fc.uniqueArray(
      fc.record({
        key: fc.constantFrom('current', 'tracked:a', 'tracked:b'),
        kind: fc.constantFrom<'pat' | 'session'>('pat', 'session'),
        name: fc.constant('Token'),
        expiresAt: fc.option(
          fc.integer({ min: -10 * DAY_MS, max: 400 * DAY_MS }).map((offset) => NOW + offset),
          { nil: null },
        ),
      }),
      { selector: (entry) => entry.key, minLength: 1, maxLength: 3 },
    ),
    leadTimesMs: fc.array(
      fc.oneof(
        fc.constantFrom(0, HOUR_MS, DAY_MS, 7 * DAY_MS, 30 * DAY_MS),
        fc.integer({ min: HOUR_MS, max: 365 * DAY_MS }),
        fc.integer({ min: -DAY_MS, max: -1 }),
      ),
      { maxLength: 6 },
    ),
    enabled: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
    revocationRepeatMs: fc.integer({ min: HOUR_MS, max: 3 * DAY_MS }),
    revocations: fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('r1', 'r2'),
        name: fc.constant('Removed'),
        last4: fc.constant('abcd'),
        removedAt: fc.integer({ min: -2 * DAY_MS, max: 30 * DAY_MS }).map((offset) => NOW + offset),
        confirmed: fc.boolean(),
        lastNotifiedAt: fc.constant(null),
        snoozedUntil: fc.option(
          fc.integer({ min: 0, max: 30 * DAY_MS }).map((offset) => NOW + offset),
          { nil: null },
        ),
      }),
      { selector: (entry) => entry.id, maxLength: 2 },
    ),
  })
  .chain(({ tokens, leadTimesMs, enabled, revocationRepeatMs, revocations }) => {
    // Wake-ups cluster around reminder moments too, where off-by-one mistakes would hide.
    const moments = tokens.flatMap(({ expiresAt }) =>
      expiresAt === null ? [] : usableLeads(leadTimesMs).flatMap((lead) => [-1, 0, 1].map((d) => expiresAt - lead + d)),
    );
    const moment = fc.integer({ min: -30 * DAY_MS, max: 450 * DAY_MS }).map((offset) => NOW + offset);
    const wakeAt = moments.length > 0 ? fc.oneof(moment, fc.constantFrom(...moments)) : moment;
    const wake = fc.record({
      at: wakeAt,
      snoozeForMs: fc.option(fc.integer({ min: MINUTE_MS, max: 10 * DAY_MS }), { nil: null, freq: 3 }),
    });
    return fc.array(wake, { maxLength: 40 }).map((wakes) => ({
      tokens,
      revocations,
      settings: { enabled, leadTimesMs, revocationRepeatMs },
      wakes: wakes.sort((a, b) => a.at - b.at),
    }));
  });

function isDue(scenario: Scenario, log: ReminderLog, revocations: RevocationReminder[], at: number): boolean {
  return dueReminders(scenario.tokens, revocations, scenario.settings, log, at).notify.length > 0;
}

describe('a worker waking at arbitrary moments, with restarts and snoozes', () => {
  it('never sends an expiry reminder twice, unless it was snoozed in between', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const sentAndNotSnoozedSince = new Set<string>();
        for (const step of simulate(scenario)) {
          for (const id of expiryIds(step.notify)) {
            expect(sentAndNotSnoozedSince.has(id)).toBe(false);
            sentAndNotSnoozedSince.add(id);
          }
          if (step.snoozed) sentAndNotSnoozedSince.delete(step.snoozed);
        }
      }),
    );
  });

  it('never loses a reminder: by the first wake-up after its moment, it or a more recent one was sent', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        fc.pre(scenario.settings.enabled);
        const steps = simulate(scenario);
        for (const { key, expiresAt } of scenario.tokens) {
          if (expiresAt === null) continue;
          for (const leadMs of usableLeads(scenario.settings.leadTimesMs)) {
            const firstWake = steps.findIndex((step) => step.at >= expiryReminderMoment(expiresAt, leadMs));
            if (firstWake === -1) continue;
            const sentByThen = steps
              .slice(0, firstWake + 1)
              .flatMap((step) => step.notify)
              .some((due) => due.kind === 'expiry' && due.tokenKey === key && due.leadMs <= leadMs);
            expect(sentByThen, `${key} ${leadMs}`).toBe(true);
          }
        }
      }),
    );
  });

  it('sends at most one expiry reminder per token on each wake-up, and nothing at all when disabled', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        for (const step of simulate(scenario)) {
          const keys = step.notify.flatMap((due) => (due.kind === 'expiry' ? [due.tokenKey] : []));
          expect(new Set(keys).size).toBe(keys.length);
          if (!scenario.settings.enabled) {
            expect(step.notify).toEqual([]);
            expect(dueReminders(scenario.tokens, step.revocations, scenario.settings, step.log, step.at).log).toBe(step.log);
          }
        }
      }),
    );
  });

  it('repeats a revocation reminder no sooner than the repeat interval', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const lastSent = new Map<string, number>();
        for (const step of simulate(scenario)) {
          for (const due of step.notify) {
            if (due.kind !== 'revocation') continue;
            const previous = lastSent.get(due.reminderId);
            if (previous !== undefined) expect(step.at - previous).toBeGreaterThanOrEqual(scenario.settings.revocationRepeatMs);
            lastSent.set(due.reminderId, step.at);
          }
        }
      }),
    );
  });

  it('wakes next exactly when something first comes due: never before now, never after', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        for (const step of simulate(scenario)) {
          const states: [ReminderLog, RevocationReminder[]][] = [
            [step.log, step.revocations],
            [step.logAfter, step.revocationsAfter],
          ];
          for (const [log, revocations] of states) {
            const next = nextReminderAt(scenario.tokens, revocations, scenario.settings, log, step.at);
            if (next === null) {
              expect(isDue(scenario, log, revocations, LATEST_DATE_MS)).toBe(false);
              continue;
            }
            expect(next).toBeGreaterThanOrEqual(step.at);
            expect(isDue(scenario, log, revocations, next)).toBe(true);
            if (next > step.at) expect(isDue(scenario, log, revocations, next - 1)).toBe(false);
          }
          // Once a wake-up is processed nothing is left due, so the next alarm is in the future.
          const nextAfter = nextReminderAt(scenario.tokens, step.revocationsAfter, scenario.settings, step.logAfter, step.at);
          if (nextAfter !== null) expect(nextAfter).toBeGreaterThan(step.at);
        }
      }),
    );
  });
});

const leadTimesArb = fc.array(fc.constantFrom(0, HOUR_MS, DAY_MS, 7 * DAY_MS, 14 * DAY_MS, 30 * DAY_MS), { maxLength: 5 });

/** Scenarios in which the user edits the lead times between wake-ups: adds, removes, adds back. */
const editingScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    expiresAt: fc.integer({ min: DAY_MS, max: 60 * DAY_MS }).map((offset) => NOW + offset),
    leadTimes: fc.array(leadTimesArb, { minLength: 2, maxLength: 4 }),
    wakes: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 60 * DAY_MS }), edit: fc.nat(3) }), { maxLength: 30 }),
  })
  .map(({ expiresAt, leadTimes, wakes }) => ({
    tokens: [{ key: 'current', kind: 'pat', name: 'Token', expiresAt }],
    revocations: [],
    settings: { enabled: true, leadTimesMs: leadTimes[0]!, revocationRepeatMs: DAY_MS },
    wakes: wakes
      .map(({ offset, edit }) => ({ at: NOW + offset, snoozeForMs: null, leadTimesMs: leadTimes[edit % leadTimes.length]! }))
      .sort((a, b) => a.at - b.at),
  }));

describe('lead times edited between wake-ups', () => {
  it('never sends a reminder twice, nor one older than a reminder already sent', () => {
    fc.assert(
      fc.property(editingScenarioArb, (scenario) => {
        const sent: number[] = [];
        for (const step of simulate(scenario)) {
          for (const due of step.notify) {
            if (due.kind !== 'expiry') continue;
            expect(sent).not.toContain(due.leadMs);
            // An older reminder (a longer lead time) after a more recent one would tell the user wrong news.
            for (const earlier of sent) expect(due.leadMs).toBeLessThan(earlier);
            sent.push(due.leadMs);
          }
        }
      }),
    );
  });

  it('never wakes the worker for a reminder it will not send', () => {
    fc.assert(
      fc.property(editingScenarioArb, (scenario) => {
        for (const step of simulate(scenario)) {
          const next = nextReminderAt(scenario.tokens, [], step.settings, step.logAfter, step.at);
          if (next !== null) expect(isDue({ ...scenario, settings: step.settings }, step.logAfter, [], next)).toBe(true);
        }
      }),
    );
  });

  it('sends the 7-day reminder once, and not the 14-day one added after it', () => {
    const tokens: RemindableToken[] = [{ key: 'current', kind: 'pat', name: 'Token', expiresAt: NOW + 10 * DAY_MS }];
    const settings = { enabled: true, leadTimesMs: [7 * DAY_MS], revocationRepeatMs: DAY_MS };
    const first = dueReminders(tokens, [], settings, EMPTY_LOG, NOW + 3 * DAY_MS + 1);
    expect(first.notify.map((due) => due.kind === 'expiry' && due.leadMs)).toEqual([7 * DAY_MS]);
    const edited = { ...settings, leadTimesMs: [14 * DAY_MS, 7 * DAY_MS] };
    expect(dueReminders(tokens, [], edited, first.log, NOW + 4 * DAY_MS).notify).toEqual([]);
    const removedAndBack = pruneLog(first.log, tokens);
    expect(dueReminders(tokens, [], settings, removedAndBack, NOW + 5 * DAY_MS).notify).toEqual([]);
  });
});
