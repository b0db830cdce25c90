import { describeWait } from '../text/duration-wording';
import { type MessageKey, t } from '../text/i18n';
import { REQUEST_TIMEOUT_MS } from './timeouts';

/** Every kind of failure the extension can meet; stored errors carry one of these. */
export const ERROR_KINDS = [
  'unauthorized',
  'invalid-credentials',
  'forbidden',
  'rate-limited',
  'unavailable',
  'timeout',
  'offline',
  'unexpected-response',
  'not-signed-in',
  'invalid-input',
] as const;
export type ApiErrorKind = (typeof ERROR_KINDS)[number];

/** A failure as a value, with one sentence a person can act on. */
export interface ApiError {
  kind: ApiErrorKind;
  message: string;
  /** Seconds the server asked us to wait (from `Retry-After`), when it said. */
  retryAfterSeconds?: number;
}

/** The one sentence for each kind, in the browser's language (the timeout's names the usual wait). */
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

export function apiError(kind: ApiErrorKind, options: { message?: string; retryAfterSeconds?: number } = {}): ApiError {
  const error: ApiError = { kind, message: options.message ?? t(MESSAGES[kind], describeWait(REQUEST_TIMEOUT_MS)) };
  if (options.retryAfterSeconds !== undefined) error.retryAfterSeconds = options.retryAfterSeconds;
  return error;
}
