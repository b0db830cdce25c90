import { t } from '../text/i18n';

/** RFC 5321 limits an address to 254 characters. */
export const MAX_EMAIL_LENGTH = 254;
/**
 * Far beyond any real password, and short enough that the Basic header (up to four UTF-8 bytes a
 * character, then base64) stays under the 8 kB that servers and proxies commonly allow.
 */
export const MAX_PASSWORD_LENGTH = 1000;

export type PasswordSignInCheck = { ok: true; email: string; password: string } | { ok: false; message: string };

/**
 * What can travel as Basic credentials: the first `:` separates email and password, so an email with a
 * colon would arrive cut in two and fail as a wrong password; say so instead.
 */
export function checkPasswordSignIn(email: string, password: string): PasswordSignInCheck {
  const trimmed = email.trim();
  if (!trimmed || !password) return { ok: false, message: t('passwordMissing') };
  if (trimmed.includes(':')) return { ok: false, message: t('emailHasColon') };
  if (trimmed.length > MAX_EMAIL_LENGTH) return { ok: false, message: t('emailTooLong', MAX_EMAIL_LENGTH) };
  if (password.length > MAX_PASSWORD_LENGTH) return { ok: false, message: t('passwordTooLong', MAX_PASSWORD_LENGTH) };
  return { ok: true, email: trimmed, password };
}
