import { t } from '../../lib/text/i18n';
import { dateInputFromExpiry, expiryFromDateInput } from '../../lib/time/screen/date-input';
import { checkPatExpiry } from '../../lib/token/pat-expiry';

export type TrackedTokenInput = { ok: true; name: string; expiresAt: number } | { ok: false; message: string };

/**
 * The form's own check of a tracked token's name and date, mirroring the background's.
 * `storedExpiresAt`: when editing, a date left as it was keeps the stored moment, even one that has passed.
 */
export function checkTrackedTokenInput(name: string, date: string, now: number, storedExpiresAt?: number): TrackedTokenInput {
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, message: t('trackedNameMissing') };
  if (trimmed.length > 200) return { ok: false, message: t('trackedNameTooLong') };
  if (!date) return { ok: false, message: t('trackedDateMissing') };
  if (storedExpiresAt !== undefined && date === dateInputFromExpiry(storedExpiresAt)) {
    return { ok: true, name: trimmed, expiresAt: storedExpiresAt };
  }
  const expiresAt = expiryFromDateInput(date);
  if (expiresAt === null) return { ok: false, message: t('dateInvalid') };
  const checked = checkPatExpiry(expiresAt, now);
  if (!checked.ok) return { ok: false, message: checked.message };
  return { ok: true, name: trimmed, expiresAt };
}
