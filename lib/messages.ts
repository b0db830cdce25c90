import type { ApiError } from './errors';
import type { Intent } from './intent-receiver';
import { browser } from './screen-browser';

/**
 * The one door from the screens to the background: intents, validated with zod on receipt by the
 * background (`intent-receiver.ts`). Screens never touch the network or the stored secret.
 * This side holds no schema, so that the popup bundles no zod.
 */
export type { Intent };

export type IntentResult = { ok: true } | { ok: false; error: Pick<ApiError, 'kind' | 'message'> };

export const NO_ANSWER: { ok: false; error: Pick<ApiError, 'kind' | 'message'> } = {
  ok: false,
  error: { kind: 'unexpected-response', message: 'The extension’s background did not answer. Close this window and try again.' },
};

export function isNoAnswer(result: IntentResult): result is { ok: false; error: Pick<ApiError, 'kind' | 'message'> } {
  return !result.ok && result.error.message === NO_ANSWER.error.message;
}

/** Screens: send one intent and get its outcome. Never throws. */
export async function sendIntent(intent: Intent): Promise<IntentResult> {
  try {
    const answer = await browser.runtime.sendMessage(intent);
    return isIntentResult(answer) ? answer : NO_ANSWER;
  } catch {
    return NO_ANSWER;
  }
}

/** The background's answer has the protocol's shape; it is our own code, so its shape is all that is checked. */
function isIntentResult(answer: unknown): answer is IntentResult {
  if (typeof answer !== 'object' || answer === null) return false;
  const { ok, error } = answer as { ok?: unknown; error?: { kind?: unknown; message?: unknown } | null };
  if (ok === true) return error === undefined;
  return ok === false && typeof error?.kind === 'string' && typeof error.message === 'string';
}
