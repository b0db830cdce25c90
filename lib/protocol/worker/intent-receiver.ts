import { browser } from 'wxt/browser';
import { t } from '../../text/i18n';
import { noAnswer } from '../intent-result';
import type { Intent, IntentResult } from '../intents';
import { intentSchema } from './intent-schema';

export interface IntentSender {
  id?: string;
  url?: string;
}

/** Our own pages, and nothing else: the extension's id, and a page inside the extension's origin. */
export function isOwnPage(sender: IntentSender | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}

/** Keeps a handler's failure for the diagnostics, with `secrets` cut out of it (lib/diagnostics/worker/). */
export type FailureRecorder = (error: unknown, secrets: string[]) => Promise<void>;

/**
 * Registers the worker's receiver of intents; must run synchronously at start-up. Every message is checked
 * against the protocol's schema, and answered with a promise, which the polyfill delivers in every browser.
 */
export function listenForIntents(handle: (intent: Intent) => Promise<IntentResult>, recordFailure: FailureRecorder): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: IntentSender) => {
    // Anything else gets no answer at all: a stranger learns nothing, not even that the message was refused.
    if (!isOwnPage(sender)) return undefined;
    const parsed = intentSchema.safeParse(message);
    if (!parsed.success) {
      return Promise.resolve<IntentResult>({ ok: false, error: { kind: 'invalid-input', message: t('errorRequestNotUnderstood') } });
    }
    return handle(parsed.data).catch(async (error: unknown) => {
      // What a sign-in carries is secret: the diagnostics never keep it.
      const { token = '', password = '' } = parsed.data as { token?: string; password?: string };
      await recordFailure(error, [token, password]);
      return noAnswer();
    });
  });
}
