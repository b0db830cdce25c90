import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsService } from '../../lib/settings/worker/settings-service';
import { readStoredSnapshot } from '../../lib/state/worker/store';
import { DAY_MS } from '../../lib/time/units';
import { createTokenService } from '../../lib/token/worker/token-service';
import { type FakeServer, startFakeServer } from '../fake-server/server.ts';
import { withHandle } from './handle-intent';

let server: FakeServer;
const ADA = { email: 'ada@example.com', password: 'pässwörd 🔑:x' };

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  fakeBrowser.reset();
  server.reset();
  server.addUser(ADA);
  await fakeBrowser.storage.local.set({ settings: { schemaVersion: 3, apiOrigin: server.origin } });
});

function services() {
  const tokens = withHandle(createTokenService({ now: Date.now }));
  const settings = withHandle(createSettingsService({ now: Date.now, signOut: tokens.signOut, cancelSignIns: tokens.cancelSignIns }));
  return { tokens, settings };
}

describe('the screens and the worker never race over stored state', () => {
  /** How often a step wrote the reminders: a lost update leaves one reminder too, but writes twice. */
  function remindersWrites() {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    return () => set.mock.calls.filter(([items]) => 'reminders' in (items as object)).length;
  }

  it('signing out twice at once, as from two popups, leaves one revocation reminder: the second finds nothing to forget', async () => {
    const { tokens } = services();
    await tokens.handle({ type: 'signInWithToken', token: server.mintPat(ADA.email), name: 'Toolbar' });
    const writes = remindersWrites();
    const answers = await Promise.all([tokens.handle({ type: 'signOut' }), tokens.handle({ type: 'signOut' })]);
    expect(answers).toEqual([{ ok: true }, { ok: true }]);
    expect((await readStoredSnapshot()).reminders.revocations.map((reminder) => reminder.name)).toEqual(['Toolbar']);
    expect(writes()).toBe(1);
  });

  it('two services of two worker lives signing out at once still leave one, written once', async () => {
    await services().tokens.handle({ type: 'signInWithToken', token: server.mintPat(ADA.email), name: 'Toolbar' });
    const writes = remindersWrites();
    await Promise.all([services().tokens.handle({ type: 'signOut' }), services().tokens.handle({ type: 'signOut' })]);
    expect((await readStoredSnapshot()).reminders.revocations).toHaveLength(1);
    expect(writes()).toBe(1);
  });

  it('turning "Keep me signed in" off during a sign-in never leaves the token in storage.local', async () => {
    const { tokens, settings } = services();
    const token = server.mintPat(ADA.email);
    // The setting changes at the worst moment: when the sign-in, its token checked, looks for a token to replace.
    const read = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    let turnedOff: Promise<unknown> | undefined;
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(((keys: Parameters<typeof read>[0]) => {
      turnedOff ??= settings.handle({ type: 'setKeepSignedIn', keepSignedIn: false });
      return read(keys);
    }) as never);
    expect(await tokens.handle({ type: 'signInWithToken', token })).toEqual({ ok: true });
    expect(await turnedOff).toEqual({ ok: true });
    expect((await readStoredSnapshot()).settings.keepSignedIn).toBe(false);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(token);
    expect((await fakeBrowser.storage.session.get('credential')).credential).toMatchObject({ token });
  });

  it('turning it off while a sign-in is being stored leaves the token in session storage alone', async () => {
    const { tokens, settings } = services();
    const token = server.mintPat(ADA.email);
    // Both intents arrive together: whichever the queue takes first, the outcome is the same.
    const [signedIn] = await Promise.all([
      tokens.handle({ type: 'signInWithToken', token }),
      settings.handle({ type: 'setKeepSignedIn', keepSignedIn: false }),
    ]);
    expect(signedIn).toEqual({ ok: true });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(token);
  });

  it('two intents that change the same stored value at once both take effect', async () => {
    const { tokens, settings } = services();
    await tokens.handle({ type: 'signInWithToken', token: server.mintPat(ADA.email), name: 'Toolbar' });
    // Settings: "Keep me signed in", the reminders and the revocation watch; reminders: a tracked token and a sign-out.
    await Promise.all([
      settings.handle({ type: 'setKeepSignedIn', keepSignedIn: false }),
      settings.handle({ type: 'setReminderSettings', enabled: false, leadTimesMs: [DAY_MS], revocationRepeatMs: 2 * DAY_MS }),
      settings.handle({ type: 'setRevalidateEvery', everyMs: 2 * 3_600_000 }),
      settings.handle({ type: 'addTrackedToken', name: 'CI export script', expiresAt: Date.now() + 10 * DAY_MS }),
      tokens.handle({ type: 'signOut' }),
    ]);
    const { settings: stored, reminders } = await readStoredSnapshot();
    expect(stored).toMatchObject({
      keepSignedIn: false,
      reminders: { enabled: false, leadTimesMs: [DAY_MS], revocationRepeatMs: 2 * DAY_MS },
      revalidateEveryMs: 2 * 3_600_000,
    });
    expect(reminders.tracked.map((tracked) => tracked.name)).toEqual(['CI export script']);
    expect(reminders.revocations.map((revocation) => revocation.name)).toEqual(['Toolbar']);
  });
});
