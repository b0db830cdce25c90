import { browser } from 'wxt/browser';
import { noAnswer } from '../intent-result';
import type { AnswerTo, IntentOf, IntentType } from '../intents';

/**
 * The screens' one door to the background: send one intent and get the answer of its kind. Never throws.
 * The worker validates every intent with zod on receipt; this side holds no schema, so the popup bundles none.
 */
export async function sendIntent<T extends IntentType>(intent: IntentOf<T>): Promise<AnswerTo<T>> {
  try {
    const answer: unknown = await browser.runtime.sendMessage(intent);
    return isAnswer(answer) ? (answer as AnswerTo<T>) : noAnswer();
  } catch {
    return noAnswer();
  }
}

/** The answer has the protocol's shape; it is our own worker's, so its shape is all that is checked. */
function isAnswer(answer: unknown): boolean {
  if (typeof answer !== 'object' || answer === null) return false;
  const { ok, error } = answer as { ok?: unknown; error?: { kind?: unknown; message?: unknown } | null };
  if (ok === true) return error === undefined;
  return ok === false && typeof error?.kind === 'string' && typeof error.message === 'string';
}
