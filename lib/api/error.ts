import { plural, t, type MessageKey } from '../text/i18n';

/** Every failure the extension can meet, as a value with one sentence a person can act on. */
export type ApiErrorKind =
  | 'unauthorized'
  | 'invalid-credentials'
  | 'forbidden'
  | 'rate-limited'
  | 'unavailable'
  | 'timeout'
  | 'offline'
  | 'unexpected-response'
  | 'not-signed-in'
  | 'invalid-input';

export interface ApiError {
  kind: ApiErrorKind;
  message: string;
  /** Seconds the server asked us to wait (from `Retry-After`), when it said. */
  retryAfterSeconds?: number;
}

/** The one sentence for each kind, in the browser's language (the timeout's names the usual 15 seconds). */
const MESSAGES: Record<ApiErrorKind, MessageKey> = {
  unauthorized: 'errorUnauthorized',
  'invalid-credentials': 'errorInvalidCredentials',
  forbidden: 'errorForbidden',
  'rate-limited': 'errorRateLimited',
  unavailable: 'errorUnavailable',
  timeout: 'errorTimeout',
  offline: 'errorOffline',
  'unexpected-response': 'errorUnexpected',
  'not-signed-in': 'errorNotSignedIn',
  'invalid-input': 'errorInvalidInput',
};

/** "15 seconds", "2 minutes": how long a request was given. */
export function describeWait(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return plural(ms / 60_000, 'durationMinuteOne', 'durationMinuteOther');
  return plural(Math.max(1, Math.round(ms / 1000)), 'durationSecondOne', 'durationSecondOther');
}

export function apiError(
  kind: ApiErrorKind,
  options: { message?: string; retryAfterSeconds?: number } = {},
): ApiError {
  const error: ApiError = { kind, message: options.message ?? t(MESSAGES[kind], describeWait(15_000)) };
  if (options.retryAfterSeconds !== undefined) error.retryAfterSeconds = options.retryAfterSeconds;
  return error;
}

/** Maps an HTTP status to an error kind. Only `users/info` may call a 401 "unauthorized". */
export function classifyStatus(
  status: number,
  endpoint: 'users-info' | 'login' | 'other',
): ApiErrorKind {
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
