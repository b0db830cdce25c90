import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsService } from '../../lib/settings/worker/settings-service';
import { readCredential, readStoredSnapshot, saveSignedIn } from '../../lib/state/worker/store';
import { DAY_MS, HOUR_MS } from '../../lib/time/units';
import { withHandle } from './handle-intent';
import { NOW, signedInState } from './state-fixtures';

const CREDENTIAL = { schemaVersion: 3 as const, token: 'tdpat_secret', origin: 'https://api.telemetrydeckapi.com' };
let ids = 0;
const signOut = vi.fn(async () => {
  await fakeBrowser.storage.local.remove(['credential', 'tokenState']);
});
const cancelSignIns = vi.fn();
const service = () => withHandle(createSettingsService({ now: () => NOW, newId: () => `id-${++ids}`, signOut, cancelSignIns }));

beforeEach(() => {
  fakeBrowser.reset();
  signOut.mockClear();
  cancelSignIns.mockClear();
  ids = 0;
});

describe('tracked tokens', () => {
  it('adds, edits and deletes entries with a name and an expiry, never a secret', async () => {
    expect(await service().handle({ type: 'addTrackedToken', name: '  CI export script ', expiresAt: NOW + 10 * DAY_MS })).toEqual({
      ok: true,
    });
    expect((await readStoredSnapshot()).reminders.tracked).toEqual([
      { id: 'id-1', name: 'CI export script', expiresAt: NOW + 10 * DAY_MS },
    ]);
    await service().handle({ type: 'updateTrackedToken', id: 'id-1', name: 'CI', expiresAt: NOW + 20 * DAY_MS });
    expect((await readStoredSnapshot()).reminders.tracked[0]).toMatchObject({ name: 'CI', expiresAt: NOW + 20 * DAY_MS });
    await service().handle({ type: 'deleteTrackedToken', id: 'id-1' });
    expect((await readStoredSnapshot()).reminders.tracked).toEqual([]);
  });

  it.each([
    ['an empty name', '   ', NOW + DAY_MS],
    ['a date more than a year ahead', 'CI', NOW + 400 * DAY_MS],
    ['no date', 'CI', Number.NaN],
  ])('refuses %s', async (_label, name, expiresAt) => {
    const result = await service().handle({ type: 'addTrackedToken', name, expiresAt: Number.isNaN(expiresAt) ? 0 : expiresAt });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });
});

describe('reminder settings', () => {
  it('stores valid lead times sorted, and refuses zero-length or over-a-year leads', async () => {
    expect(
      await service().handle({
        type: 'setReminderSettings',
        enabled: true,
        leadTimesMs: [DAY_MS, 0, 14 * DAY_MS],
        revocationRepeatMs: DAY_MS,
      }),
    ).toEqual({ ok: true });
    expect((await readStoredSnapshot()).settings.reminders.leadTimesMs).toEqual([14 * DAY_MS, DAY_MS, 0]);
    for (const bad of [[-DAY_MS], [HOUR_MS - 1], [400 * DAY_MS]]) {
      const result = await service().handle({ type: 'setReminderSettings', enabled: true, leadTimesMs: bad, revocationRepeatMs: DAY_MS });
      expect(result.ok).toBe(false);
    }
  });
});

describe('connection', () => {
  it('refuses plain http to another machine before asking anything', async () => {
    const result = await service().handle({ type: 'setApiServer', origin: 'http://api.example.com' });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/https/) } });
  });

  it('refuses an origin the user has not granted', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false as never);
    const result = await service().handle({ type: 'setApiServer', origin: 'https://td.example.com' });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no permission/) } });
  });

  it('signs out when the server changes, since a token belongs to one server', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    await fakeBrowser.storage.local.set({
      tokenState: signedInState(),
      credential: { schemaVersion: 3, token: 'tdpat_x', origin: 'https://api.telemetrydeckapi.com' },
    });
    expect(await service().handle({ type: 'setApiServer', origin: 'https://td.example.com/path' })).toEqual({ ok: true });
    expect(signOut).toHaveBeenCalledOnce();
    expect((await readStoredSnapshot()).settings.apiOrigin).toBe('https://td.example.com');
  });

  it('gives back the permission for a custom server once it is no longer used, and never the built-in ones', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
    const removed: string[][] = [];
    vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation((async ({ origins }: { origins?: string[] }) => {
      removed.push(origins ?? []);
      return true;
    }) as never);
    await service().handle({ type: 'setApiServer', origin: 'https://td.example.com' });
    await service().handle({ type: 'setApiServer', origin: 'https://api.telemetrydeck.com' });
    await service().handle({ type: 'setApiServer', origin: 'https://api.telemetrydeckapi.com' });
    expect(removed).toEqual([['https://td.example.com/*']]);
  });
});

describe('the revocation watch', () => {
  it('checks as often as the user chose, from an hour to a week', async () => {
    expect(await service().handle({ type: 'setRevalidateEvery', everyMs: 2 * HOUR_MS })).toEqual({ ok: true });
    expect((await readStoredSnapshot()).settings.revalidateEveryMs).toBe(2 * HOUR_MS);
    for (const everyMs of [0, 30 * 60_000, 8 * DAY_MS]) {
      expect(await service().handle({ type: 'setRevalidateEvery', everyMs })).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/hours from 1 to 168/) },
      });
    }
    expect((await readStoredSnapshot()).settings.revalidateEveryMs).toBe(2 * HOUR_MS);
  });
});

describe('privacy', () => {
  it('moves the token to session storage when "Keep me signed in" is turned off, and back', async () => {
    await saveSignedIn(
      CREDENTIAL,
      signedInState(),
      () => true,
      () => null,
    );
    await service().handle({ type: 'setKeepSignedIn', keepSignedIn: false });
    expect((await fakeBrowser.storage.local.get('credential')).credential).toBeUndefined();
    expect((await fakeBrowser.storage.session.get('credential')).credential).toEqual(CREDENTIAL);
    expect(await readCredential()).toEqual(CREDENTIAL);
    await service().handle({ type: 'setKeepSignedIn', keepSignedIn: true });
    expect((await fakeBrowser.storage.session.get('credential')).credential).toBeUndefined();
    expect(await readCredential()).toEqual(CREDENTIAL);
  });

  it('moves the token before it turns "Keep me signed in" off: a move that fails leaves the setting as it was', async () => {
    await saveSignedIn(
      CREDENTIAL,
      signedInState(),
      () => true,
      () => null,
    );
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('Session storage quota exceeded'));
    await expect(service().handle({ type: 'setKeepSignedIn', keepSignedIn: false })).rejects.toThrow('quota');
    // The setting still says where the token is.
    expect((await readStoredSnapshot()).settings.keepSignedIn).toBe(true);
    expect((await fakeBrowser.storage.local.get('credential')).credential).toEqual(CREDENTIAL);
  });

  it('forgets everything in every area', async () => {
    await service().handle({ type: 'setKeepSignedIn', keepSignedIn: false });
    await saveSignedIn(
      CREDENTIAL,
      signedInState(),
      () => true,
      () => null,
    );
    await service().handle({ type: 'addTrackedToken', name: 'CI', expiresAt: NOW + DAY_MS });
    await service().handle({ type: 'forgetEverything' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
