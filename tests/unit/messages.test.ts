import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendIntent } from '../../lib/protocol/screen/send-intent';
import { type IntentSender, isOwnPage, listenForIntents } from '../../lib/protocol/worker/intent-receiver';
import { intentSchema } from '../../lib/protocol/worker/intent-schema';

const OWN_PAGE: IntentSender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };

/** Delivers a message as the polyfill does in every browser: a listener's promise is the answer. */
async function deliver(message: unknown, sender: IntentSender): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => {});
  return answers.find((answer) => answer !== undefined);
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.sendMessage = ((message: unknown) => deliver(message, OWN_PAGE)) as typeof fakeBrowser.runtime.sendMessage;
});

const noFailureLog = async () => {};

describe('the intent protocol', () => {
  it('refuses messages that are not intents', () => {
    expect(intentSchema.safeParse({ type: 'steal' }).success).toBe(false);
    expect(intentSchema.safeParse({ type: 'signOut', extra: 1 }).success).toBe(false);
    expect(intentSchema.safeParse({ type: 'refresh', reason: 'whenever' }).success).toBe(false);
  });

  it('delivers an intent to the background and its answer back', async () => {
    listenForIntents(
      async (intent) => (intent.type === 'signOut' ? { ok: true } : { ok: false, error: { kind: 'invalid-input', message: 'no' } }),
      noFailureLog,
    );
    expect(await sendIntent({ type: 'signOut' })).toEqual({ ok: true });
    expect(await sendIntent({ type: 'refresh', reason: 'user' })).toEqual({ ok: false, error: { kind: 'invalid-input', message: 'no' } });
  });

  it('answers a message of our own pages that is not an intent with a sentence, and never hands it on', async () => {
    const handle = vi.fn(async () => ({ ok: true as const }));
    listenForIntents(handle, noFailureLog);
    expect(await deliver({ type: 'steal' }, OWN_PAGE)).toEqual({
      ok: false,
      error: { kind: 'invalid-input', message: expect.any(String) },
    });
    expect(handle).not.toHaveBeenCalled();
  });

  it.each<[string, IntentSender | undefined]>([
    ['another extension', { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/popup.html' }],
    ['a web page with our id (as a content script would have)', { id: fakeBrowser.runtime.id, url: 'https://example.com/' }],
    [
      'a page of another extension that claims our id',
      { id: fakeBrowser.runtime.id, url: 'chrome-extension://another-extension-id/popup.html' },
    ],
    ['a sender without a page', { id: fakeBrowser.runtime.id }],
    ['nobody', undefined],
  ])('gives %s no answer at all, and does nothing', async (_label, sender) => {
    const handle = vi.fn(async () => ({ ok: true as const }));
    listenForIntents(handle, noFailureLog);
    expect(await deliver({ type: 'signOut' }, sender as IntentSender)).toBeUndefined();
    expect(handle).not.toHaveBeenCalled();
  });

  it("knows our own pages: the extension's id and a page inside its origin", () => {
    expect(isOwnPage(OWN_PAGE)).toBe(true);
    expect(isOwnPage({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html#x') })).toBe(true);
    expect(isOwnPage({ id: 'x', url: fakeBrowser.runtime.getURL('/popup.html') })).toBe(false);
  });

  it('turns a missing background into an answer, not an exception', async () => {
    const result = await sendIntent({ type: 'signOut' });
    expect(result.ok).toBe(false);
  });
});
