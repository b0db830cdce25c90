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

const SSO_HINT =
  'Accounts that sign in with Google, GitHub or Okta have no password: use a personal access token instead.';

const MESSAGES: Record<ApiErrorKind, string> = {
  unauthorized:
    'TelemetryDeck rejected this token: it was revoked, has expired, or was mistyped. Sign in again with a valid token.',
  'invalid-credentials': `The email or password is wrong. ${SSO_HINT}`,
  forbidden: 'TelemetryDeck refused access: API access needs a paid TelemetryDeck plan.',
  'rate-limited': 'TelemetryDeck is receiving too many requests right now. Try again in a minute.',
  unavailable: 'TelemetryDeck is not available right now. Try again in a few minutes.',
  timeout: 'TelemetryDeck did not answer within 15 seconds. Check your connection and try again.',
  offline: 'Could not reach TelemetryDeck. Check your internet connection and the API server setting.',
  'unexpected-response':
    'TelemetryDeck sent an answer this extension does not understand. Try again later, or check the API server setting.',
  'not-signed-in': 'You are not signed in. Sign in with a personal access token or your email and password.',
  'invalid-input': 'That input was not valid. Check it and try again.',
};

export function apiError(
  kind: ApiErrorKind,
  options: { message?: string; retryAfterSeconds?: number } = {},
): ApiError {
  const error: ApiError = { kind, message: options.message ?? MESSAGES[kind] };
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
