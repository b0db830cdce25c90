import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { discardedNotice, sessionEndedNotice } from '../../lib/state/notices';
import { restrictStorageToTrustedContexts } from '../../lib/state/worker/access-level';
import { parseStored } from '../../lib/state/worker/migrations';
import { tokenStateSchema } from '../../lib/state/worker/schemas';
import { readCredential, readStoredSnapshot, snapshotFromRaw } from '../../lib/state/worker/store';
import { repairStorage } from '../../lib/worker/start-up-repair';
import { NOW, signedInState } from './state-fixtures';

const CREDENTIAL = { schemaVersion: 3, token: 'tdpat_SECRETsecret1234', origin: 'https://api.telemetrydeckapi.com' };

beforeEach(() => fakeBrowser.reset());

describe('parsing stored data', () => {
  it('reads what we wrote', () => {
    const snapshot = snapshotFromRaw({ tokenState: signedInState() });
    expect(snapshot.tokenState).toEqual(signedInState());
    expect(snapshot.discarded).toBe(false);
  });

  it.each([
    ['a string', 'garbage'],
    ['truncated JSON text', '{"schemaVersion":1,"token":'],
    ['an array', [1, 2, 3]],
    ['a number', 42],
    ['wrong field types', { ...signedInState(), token: { kind: 'pat', masked: 7 } }],
    ['a future schema version', { ...signedInState(), schemaVersion: 99 }],
    ['an extra field (our data is strict)', { ...signedInState(), surprise: true }],
  ])('discards %s, never throwing', (_label, raw) => {
    const snapshot = snapshotFromRaw({ tokenState: raw });
    expect(snapshot.tokenState).toBeNull();
    expect(snapshot.discarded).toBe(true);
  });

  it('migrates the unversioned shape instead of discarding it', () => {
    const { schemaVersion: _omitted, ...unversioned } = signedInState();
    const outcome = parseStored('tokenState', tokenStateSchema, unversioned);
    expect(outcome).toEqual({ status: 'valid', value: signedInState(), migrated: true });
  });

  it('falls back to default settings when they do not parse', () => {
    const snapshot = snapshotFromRaw({ settings: { schemaVersion: 3, apiOrigin: 'not a url' } });
    expect(snapshot.settings.apiOrigin).toBe('https://api.telemetrydeckapi.com');
    expect(snapshot.discarded).toBe(true);
  });
});

describe('repairStorage', () => {
  it('removes what cannot be read, keeps a notice, and leaves good data alone', async () => {
    await fakeBrowser.storage.local.set({
      credential: CREDENTIAL,
      tokenState: 'garbage',
      settings: { schemaVersion: 3, apiOrigin: 'https://api.telemetrydeckapi.com' },
    });
    await repairStorage(NOW);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.credential).toBeUndefined();
    expect(stored.tokenState).toBeUndefined();
    expect(stored.settings).toEqual({ schemaVersion: 3, apiOrigin: 'https://api.telemetrydeckapi.com' });
    expect(stored.notice).toEqual({ message: discardedNotice(), at: NOW });
  });

  it('never leaves half a sign-in behind', async () => {
    await fakeBrowser.storage.local.set({ credential: CREDENTIAL });
    await repairStorage(NOW);
    expect(await readCredential()).toBeNull();
  });

  it('writes migrated values back in the current version', async () => {
    const { schemaVersion: _omitted, ...unversioned } = signedInState();
    const { schemaVersion: _also, ...unversionedCredential } = CREDENTIAL;
    await fakeBrowser.storage.local.set({ credential: unversionedCredential, tokenState: unversioned });
    await repairStorage(NOW);
    expect((await readStoredSnapshot()).tokenState).toEqual(signedInState());
    expect(await readCredential()).toEqual(CREDENTIAL);
    expect((await fakeBrowser.storage.local.get('notice')).notice).toBeUndefined();
  });

  it('treats a session-only token gone after a browser restart as a sign-out, not as damage', async () => {
    await fakeBrowser.storage.local.set({
      tokenState: signedInState(),
      settings: { schemaVersion: 3, apiOrigin: 'https://api.telemetrydeckapi.com', keepSignedIn: false },
    });
    await repairStorage(NOW);
    const snapshot = await readStoredSnapshot();
    expect(snapshot.tokenState).toBeNull();
    expect(snapshot.notice?.message).toBe(sessionEndedNotice());
    expect(snapshot.settings.keepSignedIn).toBe(false);
    // The personal access token still works at TelemetryDeck: the user is reminded to revoke it.
    expect(snapshot.reminders.revocations).toEqual([
      expect.objectContaining({ name: 'Unnamed token', last4: 'wxyz', removedAt: NOW, confirmed: false }),
    ]);
  });

  it('keeps no revocation reminder when the session-only token was a signed-in session, which lapses by itself', async () => {
    const session = signedInState();
    session.token = { ...session.token, kind: 'session', masked: '…wxyz' };
    await fakeBrowser.storage.local.set({
      tokenState: session,
      settings: { schemaVersion: 3, apiOrigin: 'https://api.telemetrydeckapi.com', keepSignedIn: false },
    });
    await repairStorage(NOW);
    expect((await readStoredSnapshot()).reminders.revocations).toEqual([]);
  });

  it('moves a token left on disk into session storage when "Keep me signed in" is off', async () => {
    await fakeBrowser.storage.local.set({
      credential: CREDENTIAL,
      tokenState: signedInState(),
      settings: { schemaVersion: 3, apiOrigin: 'https://api.telemetrydeckapi.com', keepSignedIn: false },
    });
    await repairStorage(NOW);
    expect((await fakeBrowser.storage.local.get('credential')).credential).toBeUndefined();
    expect((await fakeBrowser.storage.session.get('credential')).credential).toEqual(CREDENTIAL);
    expect(await readCredential()).toEqual(CREDENTIAL);
    expect((await readStoredSnapshot()).tokenState).toEqual(signedInState());
  });

  it('drops a credential older than version 3 beside unreadable settings, with the notice, rather than bind it to the default server', async () => {
    await fakeBrowser.storage.local.set({
      credential: { schemaVersion: 2, token: 'tdpat_SECRETsecret1234' },
      tokenState: signedInState(),
      settings: '{"schemaVersion":2,"apiOrigin":"https://td.exa',
    });
    expect(await readCredential()).toBeNull();
    await repairStorage(NOW);
    expect(await fakeBrowser.storage.local.get('credential')).toEqual({});
    expect(await readCredential()).toBeNull();
    const snapshot = await readStoredSnapshot();
    expect(snapshot.tokenState).toBeNull();
    expect(snapshot.notice?.message).toBe(discardedNotice());
  });

  it('does nothing to a healthy store', async () => {
    await fakeBrowser.storage.local.set({ credential: CREDENTIAL, tokenState: signedInState() });
    expect(await repairStorage(NOW)).toEqual({ repaired: false });
  });
});

describe('restricting storage to the extension’s own pages', () => {
  type WithAccessLevel = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  const local = fakeBrowser.storage.local as unknown as WithAccessLevel;
  afterEach(() => {
    delete local.setAccessLevel;
  });

  it('asks for trusted contexts only where the browser offers it', async () => {
    const asked: string[] = [];
    local.setAccessLevel = async ({ accessLevel }) => void asked.push(accessLevel);
    await restrictStorageToTrustedContexts();
    expect(asked).toEqual(['TRUSTED_CONTEXTS']);
  });

  it('starts anyway where the browser refuses (Chrome before 140, for storage.local) or lacks it (Firefox)', async () => {
    local.setAccessLevel = () => Promise.reject(new Error('This storage area does not support access levels.'));
    await expect(restrictStorageToTrustedContexts()).resolves.toBeUndefined();
    local.setAccessLevel = () => {
      throw new Error('Error in invocation of storage.setAccessLevel');
    };
    await expect(restrictStorageToTrustedContexts()).resolves.toBeUndefined();
    delete local.setAccessLevel;
    await expect(restrictStorageToTrustedContexts()).resolves.toBeUndefined();
  });
});
