import { t } from '../text/i18n';

const PAT_PREFIX = 'tdpat_';
/** Generous upper bound: real tokens are far shorter, and a megabyte paste must not travel anywhere. */
const MAX_TOKEN_LENGTH = 512;

export type TokenCheck = { ok: true; token: string } | { ok: false; message: string };

/** Trims surrounding whitespace and refuses anything that cannot be a TelemetryDeck personal access token. */
export function checkPersonalAccessToken(input: string): TokenCheck {
  const token = input.trim();
  if (!token) return { ok: false, message: t('tokenEmpty') };
  if (token.length > MAX_TOKEN_LENGTH) {
    return { ok: false, message: t('tokenTooLong') };
  }
  if (!token.startsWith(PAT_PREFIX)) {
    return { ok: false, message: t('tokenWrongPrefix') };
  }
  if (/\s/u.test(token)) {
    return { ok: false, message: t('tokenHasSpaces') };
  }
  if (!/^tdpat_[\x21-\x7e]+$/.test(token)) {
    return { ok: false, message: t('tokenBadCharacters') };
  }
  return { ok: true, token };
}

/** What a screen may show of a secret: the prefix and the last four characters. */
export function maskToken(token: string): string {
  const last4 = token.slice(-4);
  return token.startsWith(PAT_PREFIX) ? `${PAT_PREFIX}…${last4}` : `…${last4}`;
}
