import type { ApiErrorKind } from '../error';

/** Maps an HTTP status to an error kind. Only `users/info` may call a 401 "unauthorized". */
export function classifyStatus(status: number, endpoint: 'users-info' | 'login' | 'other'): ApiErrorKind {
  if (status === 401) {
    if (endpoint === 'users-info') return 'unauthorized';
    if (endpoint === 'login') return 'invalid-credentials';
    return 'unexpected-response';
  }
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate-limited';
  if (status >= 500 && status <= 599) return 'unavailable';
  return 'unexpected-response';
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
