import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { intentSchema, listenForIntents } from '../../lib/protocol/worker/intent-receiver';
import { sendIntent } from '../../lib/protocol/send-intent';

beforeEach(() => fakeBrowser.reset());

describe('the intent protocol', () => {
  it('refuses messages that are not intents', () => {
    expect(intentSchema.safeParse({ type: 'steal' }).success).toBe(false);
    expect(intentSchema.safeParse({ type: 'signOut', extra: 1 }).success).toBe(false);
    expect(intentSchema.safeParse({ type: 'refresh', reason: 'whenever' }).success).toBe(false);
  });

  it('delivers an intent to the background and its answer back', async () => {
    listenForIntents(async (intent) => (intent.type === 'signOut' ? { ok: true } : { ok: false, error: { kind: 'invalid-input', message: 'no' } }));
    expect(await sendIntent({ type: 'signOut' })).toEqual({ ok: true });
    expect(await sendIntent({ type: 'refresh', reason: 'user' })).toEqual({ ok: false, error: { kind: 'invalid-input', message: 'no' } });
  });

  it('turns a missing background into an answer, not an exception', async () => {
    const result = await sendIntent({ type: 'signOut' });
    expect(result.ok).toBe(false);
  });
});
