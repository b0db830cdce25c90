import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE_KEYS } from '../../lib/state/keys';
import { discardedNotice } from '../../lib/state/notices';
import { CURRENT_SCHEMA_VERSION } from '../../lib/state/types';
import { readCredential, readStoredSnapshot } from '../../lib/state/worker/store';
import { repairStorage } from '../../lib/worker/start-up-repair';

const FIXTURES = join(import.meta.dirname, '../fixtures/storage');
const NOW = Date.UTC(2026, 10, 22, 9);

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

beforeEach(() => fakeBrowser.reset());

describe('a fixture for every schema version migrates, never discarded', () => {
  const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json'));

  it('has one fixture per version, up to the current one', () => {
    expect(files).toEqual(['v0-unversioned.json', ...Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => `v${i + 1}.json`)]);
  });

  it.each(files)('%s', async (file) => {
    const stored = fixture(file);
    await fakeBrowser.storage.local.set(stored);
    await repairStorage(NOW);
    const snapshot = await readStoredSnapshot();
    expect(snapshot.discarded).toBe(false);
    expect(snapshot.notice?.message).not.toBe(discardedNotice());
    expect(snapshot.tokenState?.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(snapshot.tokenState?.account?.email).toBe('ada@example.com');
    expect((await readCredential())?.token).toBe((stored.credential as { token: string }).token);
    const raw = await fakeBrowser.storage.local.get(null);
    for (const key of ['credential', 'tokenState', 'settings'] as const) {
      expect((raw[key] as { schemaVersion: number }).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    }
  });

  it('keeps the cached apps and their numbers of a v1 store', async () => {
    await fakeBrowser.storage.local.set(fixture('v1.json'));
    await repairStorage(NOW);
    const { apps } = await readStoredSnapshot();
    expect(apps?.organizations[0]?.stats?.byApp['79167A27-EBBF-4012-9974-160624E5D07B']?.events30d).toBe(40210);
  });

  it("drops from a v1 store what nothing read: a session's server-side id, when a tracked token was added", async () => {
    await fakeBrowser.storage.local.set(fixture('v1.json'));
    await repairStorage(NOW);
    const raw = await fakeBrowser.storage.local.get(null);
    const tokenState = raw.tokenState as { token: Record<string, unknown> };
    const reminders = raw.reminders as { schemaVersion: number; tracked: Record<string, unknown>[] };
    expect(tokenState.token).not.toHaveProperty('serverTokenId');
    expect(tokenState.token.createdAt).toBe(1763798400000);
    expect(reminders.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(reminders.tracked).toEqual([{ id: 'T1', name: 'CI export script', expiresAt: 1766390400000 }]);
    expect((raw.apps as { schemaVersion: number }).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('binds a token stored before version 3 to the server of the settings, which is the one that accepted it', async () => {
    await fakeBrowser.storage.local.set(fixture('v0-unversioned.json'));
    await repairStorage(NOW);
    expect((await fakeBrowser.storage.local.get('credential')).credential).toMatchObject({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      origin: 'https://api.telemetrydeck.com',
    });
  });

  it('binds one in session storage to the server of the settings, and one without settings to the default server', async () => {
    const { credential, tokenState } = fixture('v2.json');
    await fakeBrowser.storage.local.set({
      tokenState,
      settings: { schemaVersion: 2, apiOrigin: 'https://td.example.com', keepSignedIn: false },
    });
    await fakeBrowser.storage.session.set({ credential });
    await repairStorage(NOW);
    expect(await readCredential()).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, origin: 'https://td.example.com' });
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ credential, tokenState });
    await repairStorage(NOW);
    expect(await readCredential()).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, origin: 'https://api.telemetrydeckapi.com' });
  });

  it('keeps what the unversioned settings said and fills in the newer defaults', async () => {
    await fakeBrowser.storage.local.set(fixture('v0-unversioned.json'));
    await repairStorage(NOW);
    const { settings } = await readStoredSnapshot();
    expect(settings).toMatchObject({ apiOrigin: 'https://api.telemetrydeck.com', keepSignedIn: true, reminders: { enabled: true } });
  });
});

describe('garbage under any stored key', () => {
  const garbage: [string, unknown][] = [
    ['a string', 'garbage'],
    ['truncated JSON', '{"schemaVersion":1,'],
    ['a number', 7],
    ['an array', []],
    ['a future version', { schemaVersion: 99 }],
    ['wrong types', { schemaVersion: 1, token: 42, tracked: 'no', apiOrigin: 5, message: 1 }],
  ];
  const keys = Object.values(STORAGE_KEYS);

  for (const key of keys) {
    it.each(garbage)(`${key}: %s is recovered from`, async (_label, value) => {
      await fakeBrowser.storage.local.set({ ...fixture('v1.json'), [key]: value });
      await repairStorage(NOW);
      const snapshot = await readStoredSnapshot();
      expect(snapshot.discarded).toBe(false);
      expect(snapshot.settings.apiOrigin).toMatch(/^https:\/\//);
      if (key === 'credential' || key === 'tokenState') {
        // Half a sign-in is no sign-in: both halves go, with a notice.
        expect(snapshot.tokenState).toBeNull();
        expect(await readCredential()).toBeNull();
      }
      // A notice or a diagnostics log that cannot be read goes without a word.
      if (key === 'notice' || key === 'diagnostics') expect(snapshot.notice?.message ?? null).not.toBe(discardedNotice());
      else expect(snapshot.notice?.message).toBe(discardedNotice());
      if (key === 'diagnostics') expect(await fakeBrowser.storage.local.get('diagnostics')).toEqual({});
    });
  }
});
