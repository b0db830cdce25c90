import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createAppsService } from '../../lib/apps/worker/apps-service';
import { createSettingsService } from '../../lib/settings/worker/settings-service';
import { readCredential, readStoredSnapshot } from '../../lib/state/worker/store';
import { createTokenService } from '../../lib/token/worker/token-service';
import { type FakeServer, startFakeServer } from '../fake-server/server.ts';
import { withHandle } from './handle-intent';

/** Server A, where the user signs in, and server B, which the user switches to meanwhile. */
let serverA: FakeServer;
let serverB: FakeServer;
const ADA = { email: 'ada@example.com', password: 'pässwörd 🔑:x', firstName: 'Ada', lastName: 'Lovelace' };

beforeAll(async () => {
  [serverA, serverB] = await Promise.all([startFakeServer(), startFakeServer()]);
});
afterAll(() => Promise.all([serverA.close(), serverB.close()]));
beforeEach(async () => {
  fakeBrowser.reset();
  serverA.reset();
  serverB.reset();
  for (const server of [serverA, serverB]) server.addUser(ADA);
  await fakeBrowser.storage.local.set({ settings: { schemaVersion: 3, apiOrigin: serverA.origin } });
  // Both are granted, as a custom server is once the user accepts the browser's prompt.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true as never);
});

function services() {
  const tokens = withHandle(createTokenService({ now: Date.now }));
  const settings = withHandle(createSettingsService({ now: Date.now, signOut: tokens.signOut, cancelSignIns: tokens.cancelSignIns }));
  const apps = withHandle(createAppsService({ now: Date.now }));
  return { tokens, settings, apps };
}

/** Every Authorization header B received, and whether any request of B carried one of `secrets` anywhere. */
function whatBSaw(secrets: string[]) {
  const everything = JSON.stringify(serverB.requests);
  return {
    authorizations: serverB.requests.flatMap((request) => (request.headers.authorization ? [request.headers.authorization] : [])),
    secretsSeen: secrets.filter((secret) => everything.includes(secret)),
  };
}

describe('a token belongs to the server that accepted it', () => {
  it.each(['token', 'password'] as const)(
    'a %s sign-in under way when the server changes stores nothing, and B never sees a secret',
    async (method) => {
      const { tokens, settings, apps } = services();
      const token = serverA.mintPat(ADA.email);
      // A is slow: the sign-in is still waiting for it when the user switches to B.
      serverA.fault({ path: method === 'token' ? '/api/v3/users/info' : '/api/v3/users/login', delayMs: 3_000 });
      const signingIn = tokens.handle(
        method === 'token' ? { type: 'signInWithToken', token } : { type: 'signInWithPassword', email: ADA.email, password: ADA.password },
      );
      await vi.waitUntil(() => serverA.requests.length > 0);
      expect(await settings.handle({ type: 'setApiServer', origin: serverB.origin })).toEqual({ ok: true });

      expect(await signingIn).toMatchObject({ ok: false, error: { message: expect.stringMatching(/API server changed/) } });
      expect(await readCredential()).toBeNull();
      expect((await readStoredSnapshot()).tokenState).toBeNull();
      // Whatever the screens ask next, B is asked nothing with A's token.
      await tokens.handle({ type: 'refresh', reason: 'user' });
      await apps.handle({ type: 'refreshApps', reason: 'user' });
      expect(whatBSaw([token, ADA.password])).toEqual({ authorizations: [], secretsSeen: [] });
    },
  );

  it('a sign-in that finished before the switch is signed out by it, and B never sees its token', async () => {
    const { tokens, settings, apps } = services();
    const token = serverA.mintPat(ADA.email);
    expect(await tokens.handle({ type: 'signInWithToken', token })).toEqual({ ok: true });
    expect(await readCredential()).toMatchObject({ token, origin: serverA.origin });
    await settings.handle({ type: 'setApiServer', origin: serverB.origin });
    expect(await readCredential()).toBeNull();
    await tokens.handle({ type: 'refresh', reason: 'user' });
    await apps.handle({ type: 'refreshApps', reason: 'user' });
    expect(whatBSaw([token])).toEqual({ authorizations: [], secretsSeen: [] });
  });

  it('a stored token goes to its own origin even when the settings name another', async () => {
    const { tokens, apps } = services();
    const token = serverA.mintPat(ADA.email);
    await tokens.handle({ type: 'signInWithToken', token });
    // As storage could hold them if anything ever changed the settings without signing out.
    await fakeBrowser.storage.local.set({ settings: { schemaVersion: 3, apiOrigin: serverB.origin } });
    serverA.requests.length = 0;
    expect(await tokens.handle({ type: 'refresh', reason: 'user' })).toEqual({ ok: true });
    await apps.handle({ type: 'refreshApps', reason: 'user' });
    expect(serverA.requests.map((request) => request.path)).toContain('/api/v3/users/info');
    expect(whatBSaw([token])).toEqual({ authorizations: [], secretsSeen: [] });
  });
});
