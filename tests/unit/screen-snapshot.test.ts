import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORAGE_KEYS } from '../../lib/state/keys';
import { followScreenChanges, snapshotForScreens } from '../../lib/state/screen/screen-snapshot';
import type { Snapshot } from '../../lib/state/snapshot';
import { readStoredDisplay } from '../../lib/state/stored-display';
import { snapshotFromRaw } from '../../lib/state/worker/store';
import { signedInState } from './state-fixtures';

const FIXTURES = join(import.meta.dirname, '../fixtures/storage');

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
}

/**
 * What a screen shows: not `schemaVersion`, which only the worker's migration writes, nor the fields that a
 * later version stopped storing because nothing read them (a session's server-side id, when a tracked token
 * was added), which the worker's migration drops.
 */
function shown(snapshot: Snapshot) {
  const { tokenState, reminders, apps, settings, ...rest } = snapshot;
  const { schemaVersion: _settingsVersion, ...shownSettings } = settings;
  const { schemaVersion: _remindersVersion, ...shownReminders } = reminders;
  const result: Record<string, unknown> = {
    ...rest,
    settings: shownSettings,
    reminders: { ...shownReminders, tracked: reminders.tracked.map(({ id, name, expiresAt }) => ({ id, name, expiresAt })) },
    apps: apps && (({ schemaVersion: _appsVersion, ...shownApps }) => shownApps)(apps),
    tokenState: null,
  };
  if (tokenState) {
    const { schemaVersion: _version, token, ...state } = tokenState;
    const { serverTokenId: _id, ...shownToken } = token as typeof token & { serverTokenId?: string };
    result.tokenState = { ...state, token: shownToken };
  }
  return result;
}

beforeEach(() => fakeBrowser.reset());

describe('the screens read what the background reads', () => {
  it.each(readdirSync(FIXTURES).filter((file) => file.endsWith('.json')))('%s, light guards and zod alike', (file) => {
    const raw = fixture(file);
    expect(shown(snapshotForScreens(raw))).toEqual(shown(snapshotFromRaw(raw)));
  });

  it('fills in the settings added since version 0, as the zod schema does', () => {
    const raw = { settings: { apiOrigin: 'https://api.telemetrydeck.com' } };
    expect(snapshotForScreens(raw).settings).toEqual(snapshotFromRaw(raw).settings);
  });

  it('reads nothing as signed out, with default settings, nothing discarded', () => {
    expect(snapshotForScreens({})).toEqual(snapshotFromRaw({}));
  });
});

describe('garbage never reaches a screen', () => {
  const garbage: [string, unknown][] = [
    ['a string', 'garbage'],
    ['a number', 7],
    ['an array', []],
    ['a future version', { schemaVersion: 99 }],
    ['wrong types', { schemaVersion: 1, token: 42, check: 'no', tracked: 'no', apiOrigin: 5, message: 1, organizations: {} }],
  ];
  for (const key of [STORAGE_KEYS.tokenState, STORAGE_KEYS.settings, STORAGE_KEYS.reminders, STORAGE_KEYS.notice, STORAGE_KEYS.apps]) {
    it.each(garbage)(`${key}: %s reads as absent and is reported`, (_label, value) => {
      const snapshot = snapshotForScreens({ ...fixture('v1.json'), [key]: value });
      expect(snapshot.discarded).toBe(true);
      if (key === 'tokenState') expect(snapshot.tokenState).toBeNull();
      if (key === 'settings') expect(snapshot.settings.apiOrigin).toMatch(/^https:\/\//);
      if (key === 'reminders') expect(snapshot.reminders.tracked).toEqual([]);
      if (key === 'notice') expect(snapshot.notice).toBeNull();
      if (key === 'apps') expect(snapshot.apps).toBeNull();
    });
  }

  it('refuses a token state whose account or check a screen could not render', () => {
    const state = signedInState();
    expect(snapshotForScreens({ tokenState: { ...state, account: { email: 5 } } }).tokenState).toBeNull();
    expect(snapshotForScreens({ tokenState: { ...state, check: { status: 'maybe', error: null } } }).tokenState).toBeNull();
  });
});

describe('reading and watching storage', () => {
  it('reads the snapshot from storage, and follows a change of a key a screen shows', async () => {
    await fakeBrowser.storage.local.set({ tokenState: signedInState() });
    expect(snapshotForScreens(await readStoredDisplay()).tokenState).toEqual(signedInState());

    const seen: Snapshot[] = [];
    const stop = followScreenChanges().subscribe((snapshot) => seen.push(snapshot));
    await fakeBrowser.storage.local.set({ credential: { schemaVersion: 3, token: 'tdpat_x', origin: 'https://api.telemetrydeckapi.com' } });
    await fakeBrowser.storage.local.remove('tokenState');
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]!.tokenState).toBeNull();
    stop();
  });

  // The race a popup opened during the worker's start-up repair ran into: the repair's second write landed
  // after the page's first read and before the page, once painted, subscribed.
  it('hands a change made between the first read and the subscription to the subscriber at once', async () => {
    await fakeBrowser.storage.local.set({ tokenState: signedInState() });
    const stored = readStoredDisplay();
    const changes = followScreenChanges();
    expect(snapshotForScreens(await stored).notice).toBeNull();
    await fakeBrowser.storage.local.remove('tokenState');
    await fakeBrowser.storage.local.set({ notice: { message: 'You were signed out when the browser closed.', at: 1 } });

    const seen: Snapshot[] = [];
    const stop = changes.subscribe((snapshot) => seen.push(snapshot));
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatchObject({ tokenState: null, notice: { message: 'You were signed out when the browser closed.' } });
    stop();
  });

  it('stops calling a subscriber once it has unsubscribed or another has taken its place', async () => {
    const changes = followScreenChanges();
    const first: Snapshot[] = [];
    const second: Snapshot[] = [];
    changes.subscribe((snapshot) => first.push(snapshot));
    const stopSecond = changes.subscribe((snapshot) => second.push(snapshot));
    await fakeBrowser.storage.local.set({ tokenState: signedInState() });
    await expect.poll(() => second.length).toBe(1);
    stopSecond();
    await fakeBrowser.storage.local.remove('tokenState');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(first).toEqual([]);
    expect(second).toHaveLength(1);
  });

  it('hands a change whose read was under way when its screen was replaced to the screen that replaced it', async () => {
    const changes = followScreenChanges();
    const replaced: Snapshot[] = [];
    const stopReplaced = changes.subscribe((snapshot) => replaced.push(snapshot));
    // Storage answers the change's read only once the screen has been replaced.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const local = fakeBrowser.storage.local;
    const get = local.get.bind(local) as (keys?: unknown) => Promise<Record<string, unknown>>;
    const answerLate = async (keys?: unknown) => {
      await answered;
      return get(keys);
    };
    vi.spyOn(local, 'get').mockImplementation(answerLate as typeof local.get);
    await fakeBrowser.storage.local.set({ tokenState: signedInState() });
    stopReplaced();
    const replacing: Snapshot[] = [];
    changes.subscribe((snapshot) => replacing.push(snapshot));
    answer();
    await expect.poll(() => replacing.length).toBe(1);
    expect(replacing[0]!.tokenState).toEqual(signedInState());
    expect(replaced).toEqual([]);
  });
});
