import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import type { ApiError } from './errors';
import { errorKindSchema } from './stored-state';

/**
 * The one door from the screens to the background: intents, validated on receipt.
 * Screens never touch the network or the stored secret.
 */
export const intentSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('signInWithToken'),
    token: z.string().check(z.maxLength(1_000_000)),
    name: z.optional(z.string().check(z.maxLength(200))),
    expiresAt: z.optional(z.nullable(z.int().check(z.nonnegative()))),
  }),
  z.strictObject({
    type: z.literal('signInWithPassword'),
    email: z.string().check(z.maxLength(10_000)),
    password: z.string().check(z.maxLength(10_000)),
  }),
  z.strictObject({ type: z.literal('refresh'), reason: z.enum(['user', 'stale']) }),
  z.strictObject({ type: z.literal('signOut') }),
  z.strictObject({
    type: z.literal('setTokenDetails'),
    name: z.optional(z.string().check(z.maxLength(200))),
    expiresAt: z.optional(z.nullable(z.int().check(z.nonnegative()))),
  }),
  z.strictObject({
    type: z.literal('setReminderSettings'),
    enabled: z.boolean(),
    leadTimesMs: z.array(z.int()).check(z.maxLength(20)),
    revocationRepeatMs: z.int(),
  }),
  z.strictObject({ type: z.literal('addTrackedToken'), name: z.string().check(z.maxLength(10_000)), expiresAt: z.int() }),
  z.strictObject({
    type: z.literal('updateTrackedToken'),
    id: z.string().check(z.maxLength(100)),
    name: z.string().check(z.maxLength(10_000)),
    expiresAt: z.int(),
  }),
  z.strictObject({ type: z.literal('deleteTrackedToken'), id: z.string().check(z.maxLength(100)) }),
  z.strictObject({ type: z.literal('confirmRevoked'), id: z.string().check(z.maxLength(100)) }),
  z.strictObject({ type: z.literal('setApiServer'), origin: z.string().check(z.maxLength(10_000)) }),
  z.strictObject({ type: z.literal('setKeepSignedIn'), keepSignedIn: z.boolean() }),
  z.strictObject({ type: z.literal('forgetEverything') }),
  z.strictObject({ type: z.literal('dismissNotice') }),
  z.strictObject({ type: z.literal('refreshApps'), reason: z.enum(['user', 'stale']) }),
  z.strictObject({
    type: z.literal('setAppsPreferences'),
    /** null: the apps with the most events; a list: exactly these. Omitted: unchanged. */
    selectedAppIds: z.optional(z.nullable(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(500)))),
    excludeTestMode: z.optional(z.boolean()),
  }),
]);
export type Intent = z.infer<typeof intentSchema>;

export const intentResultSchema = z.union([
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({ ok: z.literal(false), error: z.strictObject({ kind: errorKindSchema, message: z.string() }) }),
]);
export type IntentResult = { ok: true } | { ok: false; error: Pick<ApiError, 'kind' | 'message'> };

const NO_ANSWER: { ok: false; error: Pick<ApiError, 'kind' | 'message'> } = {
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
    const parsed = intentResultSchema.safeParse(answer);
    return parsed.success ? parsed.data : NO_ANSWER;
  } catch {
    return NO_ANSWER;
  }
}

/**
 * Background: registers the intent handler. Must run synchronously at start-up.
 * Answers through `sendResponse` and returns true, which every browser and test double understands.
 */
export function listenForIntents(handle: (intent: Intent) => Promise<IntentResult>): void {
  browser.runtime.onMessage.addListener(((message: unknown, sender: { id?: string } | undefined, sendResponse: (answer: IntentResult) => void) => {
    // Other extensions reach onMessageExternal, not this; the check only guards against surprises.
    if (sender?.id && sender.id !== browser.runtime.id) return false;
    const parsed = intentSchema.safeParse(message);
    if (!parsed.success) {
      sendResponse({ ok: false, error: { kind: 'invalid-input', message: 'That request was not understood.' } });
      return false;
    }
    handle(parsed.data).then(sendResponse, () => sendResponse(NO_ANSWER));
    return true;
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
