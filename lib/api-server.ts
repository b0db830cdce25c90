import { CURRENT_API_ORIGIN, LEGACY_API_ORIGIN } from './api-origins';

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
  if (!text) return { ok: false, message: 'Enter the address of the API server, such as https://api.example.com.' };
  if (text.length > MAX_ORIGIN_INPUT) return { ok: false, message: 'That address is too long to be an API server.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'That is not a web address. Enter one such as https://api.example.com.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The API server must be an https:// address.' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Leave the user name and password out of the address: the extension signs in by itself.' };
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return {
      ok: false,
      message: 'Only https:// keeps your token private on the way. http:// is allowed only for localhost and 127.0.0.1.',
    };
  }
  if (!url.hostname) return { ok: false, message: 'That address has no host name.' };
  return { ok: true, origin: url.origin };
}

/** The permission pattern that covers exactly one origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

export type ServerChoice = 'current' | 'legacy' | 'custom';

export function serverChoiceFor(origin: string): ServerChoice {
  if (origin === CURRENT_API_ORIGIN) return 'current';
  if (origin === LEGACY_API_ORIGIN) return 'legacy';
  return 'custom';
}
