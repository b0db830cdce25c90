import { t } from '../../text/i18n';
import { dateInputFromExpiry, dayStartFromDateInput, expiryFromDateInput } from '../../time/screen/date-input';
import { checkCreatedAt, checkPatExpiry, expiryAfterWindow } from '../pat-expiry';

/** What the sign-in form offers for a token's expiry: unknown, a day, or one of the dashboard's windows in days. */
export type ExpiryChoice = 'unknown' | 'date' | `${number}`;

export type ChosenExpiry = { ok: true; expiresAt: number | null; createdAt?: number } | { ok: false; message: string };

/** Today as a date field's value: where the "Created on" field starts. */
export function todayForDateInput(now: number): string {
  return dateInputFromExpiry(now);
}

/**
 * The expiry the user picked in the dashboard, as a moment. A window ("30 days from now") counts from the day
 * the token was created (`createdOn`, today unless the user says otherwise), from the start of that day: the
 * dashboard counted from the moment it was made, so the stored expiry is never later than the real one, and a
 * reminder never comes after the token has died.
 */
export function chosenExpiry(choice: ExpiryChoice, fields: { date: string; createdOn: string }, now: number): ChosenExpiry {
  if (choice === 'unknown') return { ok: true, expiresAt: null };
  if (choice === 'date') {
    const expiresAt = expiryFromDateInput(fields.date);
    if (expiresAt === null) return { ok: false, message: t('patPickDayOrUnknown') };
    return checkPatExpiry(expiresAt, now);
  }
  const createdAt = dayStartFromDateInput(fields.createdOn);
  if (createdAt === null) return { ok: false, message: t('createdPickDay') };
  const created = checkCreatedAt(createdAt, now);
  if (!created.ok) return created;
  const expiresAt = expiryAfterWindow(createdAt, Number(choice));
  if (expiresAt <= now) return { ok: false, message: t('windowAlreadyOver') };
  return { ok: true, expiresAt, createdAt };
}
