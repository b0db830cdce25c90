import { t } from '../text/i18n';
import type { IntentResult, Refused } from './intents';

/** The answer when the background did not answer at all (asleep and failing to start, or crashed). */
export function noAnswer(): Refused {
  return { ok: false, error: { kind: 'unexpected-response', message: t('errorNoAnswer') } };
}

export function isNoAnswer(result: IntentResult): result is Refused {
  return !result.ok && result.error.message === t('errorNoAnswer');
}

/** A refusal with the sentence of an error. */
export function refused(error: Refused['error']): Refused {
  return { ok: false, error: { kind: error.kind, message: error.message } };
}
