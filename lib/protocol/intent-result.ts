import type { ApiError } from '../api/error';
import { t } from '../text/i18n';

/** What the background answers to an intent: done, or why not, in one sentence. */
export type IntentResult = { ok: true } | { ok: false; error: Pick<ApiError, 'kind' | 'message'> };
type Failure = Extract<IntentResult, { ok: false }>;

/** The answer when the background did not answer at all (asleep and failing to start, or crashed). */
export function noAnswer(): Failure {
  return { ok: false, error: { kind: 'unexpected-response', message: t('errorNoAnswer') } };
}

export function isNoAnswer(result: IntentResult): result is Failure {
  return !result.ok && result.error.message === t('errorNoAnswer');
}
