import { t } from '../text/i18n';
import { CURRENT_API_ORIGIN, hostPermissionFor, LEGACY_API_ORIGIN } from './origins';

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

/** Exactly the local hosts `optional_host_permissions` can grant for plain http. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
const MAX_ORIGIN_INPUT = 2048;

/**
 * A custom API server, reduced to a bare origin. It must be `https://`, or `http://` on this machine for
 * development; a token must never travel in clear text across a network.
 */
export function checkCustomOrigin(input: string): OriginCheck {
  const text = input.trim();
  if (!text) return { ok: false, message: t('originEmpty') };
  if (text.length > MAX_ORIGIN_INPUT) return { ok: false, message: t('originTooLong') };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: t('originNotUrl') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: t('originNotHttps') };
  }
  if (url.username || url.password) {
    return { ok: false, message: t('originHasCredentials') };
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { ok: false, message: t('originPlainHttp') };
  }
  if (!url.hostname) return { ok: false, message: t('originNoHost') };
  return { ok: true, origin: url.origin };
}

/** The permission pattern that covers one origin in this browser (exactly it, or in Firefox its host on any port). */
export function originPattern(origin: string): string {
  // BROWSER, not FIREFOX: under vitest every flag is a string, and "false" is truthy.
  return hostPermissionFor(origin, import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome');
}

export type ServerChoice = 'current' | 'legacy' | 'custom';

export function serverChoiceFor(origin: string): ServerChoice {
  if (origin === CURRENT_API_ORIGIN) return 'current';
  if (origin === LEGACY_API_ORIGIN) return 'legacy';
  return 'custom';
}
