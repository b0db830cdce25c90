import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCredential, readStoredSnapshot } from '../../lib/state/worker/store';
import { DAY_MS } from '../../lib/time/units';
import { createTokenService } from '../../lib/token/worker/token-service';
import { type FakeServer, startFakeServer } from '../fake-server/server.ts';
import { withHandle } from './handle-intent';

let server: FakeServer;
let now = Date.UTC(2026, 10, 22, 8);
const service = () => withHandle(createTokenService({ now: () => now }));

beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  fakeBrowser.reset();
  server.reset();
  now = Date.now();
  await fakeBrowser.storage.local.set({ settings: { schemaVersion: 3, apiOrigin: server.origin } });
  server.addUser({
    email: 'ada@example.com',
    password: 'pässwörd 🔑:x',
    firstName: 'Ada',
    lastName: 'Lovelace',
    organizationName: 'Analytical Engines',
  });
});

describe('signing in with a personal access token', () => {
  it('checks the token with users/info, then stores it and the account together', async () => {
    const token = server.mintPat('ada@example.com');
    const result = await service().handle({
      type: 'signInWithToken',
      token: `  ${token}\n`,
      name: 'Toolbar',
      expiresAt: now + 10 * DAY_MS,
    });
    expect(result).toEqual({ ok: true });
    expect(await readCredential()).toEqual({ schemaVersion: 3, token, origin: server.origin });
    const { tokenState } = await readStoredSnapshot();
    expect(tokenState?.token).toMatchObject({
      kind: 'pat',
      name: 'Toolbar',
      masked: `tdpat_…${token.slice(-4)}`,
      expiresAt: now + 10 * DAY_MS,
    });
    expect(tokenState?.account).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', organizationName: 'Analytical Engines' });
    expect(JSON.stringify(tokenState)).not.toContain(token);
  });

  it('keeps the day the token was created, which its expiry window counted from', async () => {
    const createdAt = new Date(2026, 10, 12).getTime();
    now = createdAt + 10 * DAY_MS + 3_600_000;
    const token = server.mintPat('ada@example.com');
    expect(await service().handle({ type: 'signInWithToken', token, createdAt, expiresAt: createdAt + 30 * DAY_MS })).toEqual({ ok: true });
    expect((await readStoredSnapshot()).tokenState?.token).toMatchObject({ createdAt, expiresAt: createdAt + 30 * DAY_MS });
    for (const wrong of [now + DAY_MS, now - 400 * DAY_MS]) {
      expect(await service().handle({ type: 'signInWithToken', token, createdAt: wrong })).toMatchObject({
        ok: false,
        error: { kind: 'invalid-input' },
      });
    }
  });

  it('refuses a malformed token before any request', async () => {
    const result = await service().handle({ type: 'signInWithToken', token: 'ghp_notours' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an expiry more than a year ahead', async () => {
    const result = await service().handle({
      type: 'signInWithToken',
      token: server.mintPat('ada@example.com'),
      expiresAt: now + 400 * DAY_MS,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('keeps the previous token untouched when a new one fails', async () => {
    const first = server.mintPat('ada@example.com');
    await service().handle({ type: 'signInWithToken', token: first });
    const second = server.mintPat('ada@example.com');
    server.revoke(second);
    const result = await service().handle({ type: 'signInWithToken', token: second });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await readCredential()).toEqual({ schemaVersion: 3, token: first, origin: server.origin });
  });

  it('explains a 403 as needing a paid plan', async () => {
    server.addUser({ email: 'free@example.com', password: 'x', plan: 'free' });
    const result = await service().handle({ type: 'signInWithToken', token: server.mintPat('free@example.com') });
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden', message: expect.stringMatching(/paid TelemetryDeck plan/) } });
  });
});

describe('signing in with email and password', () => {
  it('logs in with UTF-8 credentials, stores the session token with its server dates, never the password', async () => {
    const result = await service().handle({ type: 'signInWithPassword', email: 'ada@example.com', password: 'pässwörd 🔑:x' });
    expect(result).toEqual({ ok: true });
    const { tokenState } = await readStoredSnapshot();
    expect(tokenState?.token.kind).toBe('session');
    expect(tokenState?.token.expiresAt).toBeGreaterThan(Date.now() + 29 * DAY_MS);
    expect(tokenState?.token.createdAt).toBeTypeOf('number');
    expect(tokenState?.token).not.toHaveProperty('serverTokenId');
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).not.toContain('pässwörd');
  });

  it('says wrong credentials, pointing SSO users to a token', async () => {
    const result = await service().handle({ type: 'signInWithPassword', email: 'ada@example.com', password: 'wrong' });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-credentials', message: expect.stringMatching(/Google, GitHub or Okta/) },
    });
    expect(await readCredential()).toBeNull();
  });
});

describe('refreshing', () => {
  async function signedIn() {
    const token = server.mintPat('ada@example.com');
    await service().handle({ type: 'signInWithToken', token, expiresAt: now + 10 * DAY_MS });
    return token;
  }

  it('shares one request between concurrent refreshes', async () => {
    await signedIn();
    const svc = service();
    server.requests.length = 0;
    const results = await Promise.all(Array.from({ length: 10 }, () => svc.handle({ type: 'refresh', reason: 'user' })));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(server.requests.filter((request) => request.path === '/api/v3/users/info')).toHaveLength(1);
  });

  it('never lets a refresh for a new sign-in join one still under way for the token before it', async () => {
    await signedIn();
    const svc = service();
    server.fault({ path: '/api/v3/users/info', delayMs: 1_500 });
    const stalled = svc.handle({ type: 'refresh', reason: 'user' });
    await expect.poll(() => server.requests.length).toBeGreaterThan(0);
    await svc.handle({ type: 'signOut' });
    const next = server.mintPat('ada@example.com');
    await svc.handle({ type: 'signInWithToken', token: next });
    server.requests.length = 0;
    expect(await svc.handle({ type: 'refresh', reason: 'user' })).toEqual({ ok: true });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${next}`]);
    await stalled;
  });

  it('marks the token rejected on a 401 from users/info, keeping token and account', async () => {
    const token = await signedIn();
    server.revoke(token);
    await service().handle({ type: 'refresh', reason: 'user' });
    const { tokenState } = await readStoredSnapshot();
    expect(tokenState?.check).toMatchObject({ status: 'rejected', error: { kind: 'unauthorized' } });
    expect(tokenState?.account?.firstName).toBe('Ada');
    expect(tokenState?.token.expiresAt).toBe(now + 10 * DAY_MS);
    expect(await readCredential()).toEqual({ schemaVersion: 3, token, origin: server.origin });
  });

  it.each([
    [{ status: 500 }, 'unavailable'],
    [{ status: 429, headers: { 'Retry-After': '120' } }, 'rate-limited'],
    [{ status: 200, body: '<html>portal</html>', contentType: 'text/html' }, 'unexpected-response'],
    [{ drop: true }, 'offline'],
  ])('keeps what is known when a refresh fails (%j)', async (fault, kind) => {
    await signedIn();
    const before = (await readStoredSnapshot()).tokenState!;
    server.fault({ path: '/api/v3/users/info', ...fault });
    const result = await service().handle({ type: 'refresh', reason: 'user' });
    expect(result).toMatchObject({ ok: false, error: { kind } });
    const after = (await readStoredSnapshot()).tokenState!;
    expect(after.account).toEqual(before.account);
    expect(after.token).toEqual(before.token);
    expect(after.check.status).toBe('valid');
    expect(after.check.error?.kind).toBe(kind);
  });

  it('honours Retry-After for the next automatic check, but not for the user’s own', async () => {
    await signedIn();
    server.fault({ path: '/api/v3/users/info', status: 429, headers: { 'Retry-After': '600' } });
    await service().handle({ type: 'refresh', reason: 'user' });
    server.requests.length = 0;
    now += 5 * 60_000;
    await service().handle({ type: 'refresh', reason: 'stale' });
    expect(server.requests).toHaveLength(0);
    now += 6 * 60_000;
    await service().handle({ type: 'refresh', reason: 'stale' });
    expect(server.requests).toHaveLength(1);
    await service().handle({ type: 'refresh', reason: 'user' });
    expect(server.requests).toHaveLength(2);
  });

  it('asks nothing more about a rejected token until the user presses Refresh', async () => {
    const token = await signedIn();
    server.revoke(token);
    await service().handle({ type: 'refresh', reason: 'user' });
    server.requests.length = 0;
    now += 7 * 3_600_000;
    expect(await service().refresh('watch')).toEqual({ ok: true });
    expect(await service().handle({ type: 'refresh', reason: 'stale' })).toEqual({ ok: true });
    expect(server.requests).toHaveLength(0);
    expect(await service().handle({ type: 'refresh', reason: 'user' })).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(server.requests).toHaveLength(1);
  });

  it('clears the error after a successful refresh', async () => {
    await signedIn();
    server.fault({ path: '/api/v3/users/info', status: 503 });
    await service().handle({ type: 'refresh', reason: 'user' });
    await service().handle({ type: 'refresh', reason: 'user' });
    expect((await readStoredSnapshot()).tokenState?.check).toMatchObject({ status: 'valid', error: null });
  });
});

describe('revocation reminders', () => {
  it('keeps a reminder, without the secret, when a personal access token is signed out', async () => {
    const token = server.mintPat('ada@example.com');
    await service().handle({ type: 'signInWithToken', token, name: 'CI export script' });
    await service().handle({ type: 'signOut' });
    const { reminders } = await readStoredSnapshot();
    expect(reminders.revocations).toEqual([
      expect.objectContaining({ name: 'CI export script', last4: token.slice(-4), confirmed: false, lastNotifiedAt: null }),
    ]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(token);
  });

  it('keeps one when a personal access token is replaced by another', async () => {
    await service().handle({ type: 'signInWithToken', token: server.mintPat('ada@example.com'), name: 'Old' });
    await service().handle({ type: 'signInWithToken', token: server.mintPat('ada@example.com'), name: 'New' });
    expect((await readStoredSnapshot()).reminders.revocations.map((reminder) => reminder.name)).toEqual(['Old']);
  });

  it('keeps none for a token TelemetryDeck already rejects, or for a signed-in session', async () => {
    const token = server.mintPat('ada@example.com');
    await service().handle({ type: 'signInWithToken', token });
    server.revoke(token);
    await service().handle({ type: 'refresh', reason: 'user' });
    await service().handle({ type: 'signOut' });
    await service().handle({ type: 'signInWithPassword', email: 'ada@example.com', password: 'pässwörd 🔑:x' });
    await service().handle({ type: 'signOut' });
    expect((await readStoredSnapshot()).reminders.revocations).toEqual([]);
  });
});

describe('signing out and editing', () => {
  it('forgets the token and the account', async () => {
    await service().handle({ type: 'signInWithToken', token: server.mintPat('ada@example.com') });
    await service().handle({ type: 'signOut' });
    expect(await fakeBrowser.storage.local.get(['credential', 'tokenState'])).toEqual({});
  });

  it('sets a personal access token’s name and expiry, but not a session’s expiry', async () => {
    await service().handle({ type: 'signInWithToken', token: server.mintPat('ada@example.com') });
    expect(await service().handle({ type: 'setTokenDetails', name: 'CI', expiresAt: now + 3 * DAY_MS })).toEqual({ ok: true });
    expect((await readStoredSnapshot()).tokenState?.token).toMatchObject({ name: 'CI', expiresAt: now + 3 * DAY_MS });
    await service().handle({ type: 'signInWithPassword', email: 'ada@example.com', password: 'pässwörd 🔑:x' });
    expect(await service().handle({ type: 'setTokenDetails', expiresAt: now + DAY_MS })).toMatchObject({ ok: false });
  });
});
