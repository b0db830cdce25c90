import type { Intent } from './worker/intent-receiver';
import { noAnswer, type IntentResult } from './intent-result';
import { browser } from 'wxt/browser';

/**
 * The one door from the screens to the background: intents, validated with zod on receipt by the
 * background (`intent-receiver.ts`). Screens never touch the network or the stored secret.
 * This side holds no schema, so that the popup bundles no zod.
 */
export type { Intent, IntentResult };
export { isNoAnswer } from './intent-result';

/** Screens: send one intent and get its outcome. Never throws. */
export async function sendIntent(intent: Intent): Promise<IntentResult> {
  try {
    const answer = await browser.runtime.sendMessage(intent);
    return isIntentResult(answer) ? answer : noAnswer();
  } catch {
    return noAnswer();
  }
}

/** The background's answer has the protocol's shape; it is our own code, so its shape is all that is checked. */
function isIntentResult(answer: unknown): answer is IntentResult {
  if (typeof answer !== 'object' || answer === null) return false;
  const { ok, error } = answer as { ok?: unknown; error?: { kind?: unknown; message?: unknown } | null };
  if (ok === true) return error === undefined;
  return ok === false && typeof error?.kind === 'string' && typeof error.message === 'string';
}
