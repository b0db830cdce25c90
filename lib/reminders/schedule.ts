import type { ReminderLog, ReminderSettings, RevocationReminder, TokenKind } from '../state/types';
import { usableLeadTimes } from './lead-times';

/**
 * When to remind of expiring tokens and of removed tokens still to revoke: pure functions of (state, now).
 * Everything is absolute epoch milliseconds, never local time, so time zones and DST cannot shift a reminder.
 */

/** A token whose expiry deserves reminders; `key` is its stable identity, e.g. the current token or a tracked one. */
export interface RemindableToken {
  key: string;
  /** A session ends and is renewed by signing in again; a personal access token is replaced in the dashboard. */
  kind: TokenKind;
  name: string;
  expiresAt: number | null;
}

export type DueReminder =
  | { kind: 'expiry'; id: string; tokenKey: string; tokenKind: TokenKind; tokenName: string; expiresAt: number; leadMs: number }
  | { kind: 'revocation'; id: string; reminderId: string; name: string; last4: string };

/** Includes the expiry, so a new expiry date gets fresh reminders while a restart never repeats one. */
export function expiryReminderId(key: string, expiresAt: number, leadMs: number): string {
  return `${expiryRemindersPrefix(key, expiresAt)}${leadMs}`;
}

/** What the ids of one token's reminders for one expiry date start with. */
function expiryRemindersPrefix(key: string, expiresAt: number): string {
  return `expiry:${key}:${expiresAt}:`;
}

export function revocationNotificationId(reminderId: string): string {
  return `revocation:${reminderId}`;
}

export function expiryReminderMoment(expiresAt: number, leadMs: number): number {
  return expiresAt - leadMs;
}

interface ExpiryReminder {
  id: string;
  leadMs: number;
  moment: number;
}

/** A token's expiry reminders, earliest moment first. */
function expiryRemindersOf(token: RemindableToken, leadTimesMs: readonly number[]): ExpiryReminder[] {
  const { key, expiresAt } = token;
  if (expiresAt === null) return [];
  return usableLeadTimes(leadTimesMs).map((leadMs) => ({
    id: expiryReminderId(key, expiresAt, leadMs),
    leadMs,
    moment: expiryReminderMoment(expiresAt, leadMs),
  }));
}

/**
 * The shortest lead time already sent for this token and expiry, whether or not it is still among the
 * lead times: nothing older than it is ever sent. Infinity when none was.
 */
function mostRecentSentLead(token: RemindableToken, log: ReminderLog): number {
  if (token.expiresAt === null) return Infinity;
  const prefix = expiryRemindersPrefix(token.key, token.expiresAt);
  const leads = Object.keys(log.sent).flatMap((id) => (id.startsWith(prefix) ? [Number(id.slice(prefix.length))] : []));
  return Math.min(Infinity, ...leads);
}

/** Of a token's reminders, those that may still be sent: the ones more recent than any already sent. */
function sendable(token: RemindableToken, reminders: readonly ExpiryReminder[], log: ReminderLog): ExpiryReminder[] {
  const limit = mostRecentSentLead(token, log);
  return reminders.filter((reminder) => reminder.leadMs < limit);
}

/** The first moment an expiry reminder is due, or null once it has been sent. */
function expiryReminderDueAt(reminder: ExpiryReminder, log: ReminderLog): number | null {
  if (Object.hasOwn(log.sent, reminder.id)) return null;
  return Math.max(reminder.moment, log.snoozed[reminder.id] ?? -Infinity);
}

/** The first moment a revocation reminder is due, or null once it is confirmed. */
function revocationDueAt(reminder: RevocationReminder, repeatMs: number): number | null {
  if (reminder.confirmed) return null;
  const repeatAt = reminder.lastNotifiedAt === null ? reminder.removedAt : reminder.lastNotifiedAt + repeatMs;
  return Math.max(repeatAt, reminder.snoozedUntil ?? -Infinity);
}

/**
 * What to notify now, and the log to persist. Per token only the most recent reminder that has come is
 * sent, and only if it was not sent already; it settles every older one of that token too (marked sent,
 * snooze dropped), so neither a late wake-up nor a lead time added later ever sends "30 days left" after
 * "7 days left". Revocation reminders are returned but recorded by the caller with `markRevocationNotified`.
 */
export function dueReminders(
  tokens: readonly RemindableToken[],
  revocations: readonly RevocationReminder[],
  settings: ReminderSettings,
  log: ReminderLog,
  now: number,
): { notify: DueReminder[]; log: ReminderLog } {
  if (!settings.enabled) return { notify: [], log };
  const notify: DueReminder[] = [];
  const sent = { ...log.sent };
  const snoozed = { ...log.snoozed };

  for (const token of tokens) {
    const reminders = expiryRemindersOf(token, settings.leadTimesMs);
    const latestDue = sendable(token, reminders, log)
      .filter((reminder) => (expiryReminderDueAt(reminder, log) ?? Infinity) <= now)
      .at(-1);
    if (!latestDue) continue;
    notify.push({
      kind: 'expiry',
      id: latestDue.id,
      tokenKey: token.key,
      tokenKind: token.kind,
      tokenName: token.name,
      expiresAt: token.expiresAt!,
      leadMs: latestDue.leadMs,
    });
    for (const reminder of reminders) {
      if (reminder.leadMs < latestDue.leadMs || Object.hasOwn(sent, reminder.id)) continue;
      sent[reminder.id] = now;
      delete snoozed[reminder.id];
    }
  }

  for (const reminder of revocations) {
    if ((revocationDueAt(reminder, settings.revocationRepeatMs) ?? Infinity) > now) continue;
    notify.push({
      kind: 'revocation',
      id: revocationNotificationId(reminder.id),
      reminderId: reminder.id,
      name: reminder.name,
      last4: reminder.last4,
    });
  }
  return { notify, log: { sent, snoozed } };
}

/**
 * The earliest moment at which `dueReminders` would notify something, or null when nothing is pending.
 * When something is already due it returns `now` rather than a past moment: the caller processes it at once.
 */
export function nextReminderAt(
  tokens: readonly RemindableToken[],
  revocations: readonly RevocationReminder[],
  settings: ReminderSettings,
  log: ReminderLog,
  now: number,
): number | null {
  if (!settings.enabled) return null;
  const moments = [
    ...tokens.flatMap((token) =>
      sendable(token, expiryRemindersOf(token, settings.leadTimesMs), log).map((reminder) => expiryReminderDueAt(reminder, log)),
    ),
    ...revocations.map((reminder) => revocationDueAt(reminder, settings.revocationRepeatMs)),
  ].filter((moment) => moment !== null);
  return moments.length === 0 ? null : Math.max(now, Math.min(...moments));
}

/** Snoozing un-sends a reminder: it is due again once `until` has come. */
export function snoozeReminder(log: ReminderLog, id: string, until: number): ReminderLog {
  const sent = { ...log.sent };
  delete sent[id];
  return { sent, snoozed: { ...log.snoozed, [id]: until } };
}

export function markRevocationNotified<T extends RevocationReminder>(reminder: T, now: number): T {
  return { ...reminder, lastNotifiedAt: now, snoozedUntil: null };
}

/**
 * Drops entries for tokens and expiry dates no longer in use, so the log does not grow forever. Entries of
 * a lead time that was removed stay while their token does: adding it back must not send it again.
 */
export function pruneLog(log: ReminderLog, tokens: readonly RemindableToken[]): ReminderLog {
  const prefixes = tokens.flatMap((token) => (token.expiresAt === null ? [] : [expiryRemindersPrefix(token.key, token.expiresAt)]));
  const keepCurrent = (entries: Record<string, number>) =>
    Object.fromEntries(Object.entries(entries).filter(([id]) => prefixes.some((prefix) => id.startsWith(prefix))));
  return { sent: keepCurrent(log.sent), snoozed: keepCurrent(log.snoozed) };
}
