import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KEPT_FAILURES, recordFailure } from '../../lib/diagnostics/worker/failure-log';
import type { Diagnostics } from '../../lib/state/types';
import { DAY_MS, HOUR_MS } from '../../lib/time/units';
import { REVALIDATE_ALARM } from '../../lib/token/worker/revocation-watch';
import { nextStateChangeAt, STATE_CHANGE_ALARM, syncWithState } from '../../lib/worker/sync-with-state';
import { NOW, signedInState } from './state-fixtures';

const popups: string[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  popups.length = 0;
  // The fake browser has no setPopup: record where the toolbar button points.
  fakeBrowser.action.setPopup = (async ({ popup }: { popup: string }) =>
    void popups.push(popup.replace(/#.*/, ''))) as typeof fakeBrowser.action.setPopup;
});

describe('one alarm for the next change of badge or reminders', () => {
  it('is the earlier of the two, never in the past', () => {
    expect(nextStateChangeAt(NOW + DAY_MS, NOW + HOUR_MS, NOW)).toBe(NOW + HOUR_MS);
    expect(nextStateChangeAt(NOW + HOUR_MS, NOW + DAY_MS, NOW)).toBe(NOW + HOUR_MS);
    expect(nextStateChangeAt(null, NOW, NOW)).toBe(NOW + 1000);
    expect(nextStateChangeAt(NOW + 5, null, NOW)).toBe(NOW + 5);
    expect(nextStateChangeAt(null, null, NOW)).toBeNull();
  });

  it('is the only one-shot alarm the worker keeps, beside the periodic revalidation', async () => {
    // 10 days and an hour left: the badge turns 9d in an hour, the 7-day reminder comes in 3 days.
    const expiresAt = NOW + 10 * DAY_MS + HOUR_MS;
    await fakeBrowser.storage.local.set({
      credential: { schemaVersion: 3, token: 'tdpat_x', origin: 'https://api.telemetrydeckapi.com' },
      tokenState: signedInState({ expiresAt }),
    });
    await syncWithState(NOW);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((alarm) => alarm.name).sort()).toEqual(['revalidate', STATE_CHANGE_ALARM]);
    expect(alarms.find((alarm) => alarm.name === STATE_CHANGE_ALARM)?.scheduledTime).toBe(NOW + HOUR_MS + 1);
    expect(popups).toEqual(['popup.html']);

    await fakeBrowser.storage.local.remove(['credential', 'tokenState']);
    await syncWithState(NOW);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(popups).toEqual(['popup.html', 'popup-sign-in.html']);
  });
});

describe('the toolbar painter', () => {
  it('runs each step whatever became of the others: a badge text refused leaves neither the tooltip nor the popup stale', async () => {
    await fakeBrowser.storage.local.set({
      credential: { schemaVersion: 3, token: 'tdpat_x', origin: 'https://api.telemetrydeckapi.com' },
      tokenState: signedInState({ expiresAt: NOW + 10 * DAY_MS }),
    });
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 7.'));
    await syncWithState(NOW);
    expect(popups).toEqual(['popup.html']);
    expect(await fakeBrowser.action.getTitle({})).toMatch(/10 days/);
    const { diagnostics } = (await fakeBrowser.storage.local.get('diagnostics')) as { diagnostics: Diagnostics };
    expect(diagnostics.failures).toEqual([expect.objectContaining({ step: 'badge', message: expect.stringContaining('No tab') })]);
  });
});

describe('the badge follows the reminder lead times the user chose', () => {
  it('turns amber at the longest lead time of 7 days or less, here 3 days', async () => {
    const colors: string[] = [];
    fakeBrowser.action.setBadgeBackgroundColor = (async ({ color }: { color: string }) =>
      void colors.push(color)) as typeof fakeBrowser.action.setBadgeBackgroundColor;
    const settings = {
      schemaVersion: 3,
      apiOrigin: 'https://api.telemetrydeckapi.com',
      reminders: { enabled: true, leadTimesMs: [3 * DAY_MS, 0], revocationRepeatMs: DAY_MS },
    };
    await fakeBrowser.storage.local.set({
      settings,
      credential: { schemaVersion: 3, token: 'tdpat_x', origin: 'https://api.telemetrydeckapi.com' },
      tokenState: signedInState({ expiresAt: NOW + 5 * DAY_MS }),
    });
    await syncWithState(NOW);
    await fakeBrowser.storage.local.set({ tokenState: signedInState({ expiresAt: NOW + 3 * DAY_MS }) });
    await syncWithState(NOW);
    expect(colors).toEqual(['#1a7f37', '#b45309']);
  });
});

const TOKEN = 'tdpat_SECRETsecretSECRETsecret4242';

async function signedIn(overrides: Parameters<typeof signedInState>[0] = {}) {
  await fakeBrowser.storage.local.set({
    credential: { schemaVersion: 3, token: TOKEN, origin: 'https://api.telemetrydeckapi.com' },
    tokenState: signedInState(overrides),
  });
}

async function diagnostics(): Promise<Diagnostics['failures']> {
  return ((await fakeBrowser.storage.local.get('diagnostics')).diagnostics as Diagnostics | undefined)?.failures ?? [];
}

async function alarmNames(): Promise<string[]> {
  return (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort();
}

describe('one failing step of a wake-up does not take the others with it', () => {
  it('a badge that cannot be painted still leaves reminders sent and alarms set', async () => {
    // Two days left: the 7-day reminder is due.
    await signedIn({ expiresAt: NOW + 2 * DAY_MS });
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 7.') as never);
    await syncWithState(NOW);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);
    expect(await alarmNames()).toEqual([REVALIDATE_ALARM, STATE_CHANGE_ALARM]);
    expect(await diagnostics()).toEqual([{ at: NOW, step: 'badge', kind: 'Error', message: 'No tab with id: 7.' }]);
  });

  it('notifications the browser refuses still leave the badge painted, the reminder logged once, and the alarms set', async () => {
    await signedIn({ expiresAt: NOW + 2 * DAY_MS });
    const create = vi
      .spyOn(fakeBrowser.notifications, 'create')
      .mockRejectedValue(new TypeError('Notifications are blocked for this extension.') as never);
    await syncWithState(NOW);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2d');
    expect(await alarmNames()).toEqual([REVALIDATE_ALARM, STATE_CHANGE_ALARM]);
    expect(await diagnostics()).toEqual([
      { at: NOW, step: 'reminders', kind: 'TypeError', message: 'Notifications are blocked for this extension.' },
    ]);
    // Logged as handled: the next wake-up does not try it again, or fill the diagnostics.
    await syncWithState(NOW + 1000);
    expect(create).toHaveBeenCalledOnce();
    expect(await diagnostics()).toHaveLength(1);
  });

  it('alarms that cannot be set still leave the revocation watch scheduled', async () => {
    await signedIn({ expiresAt: NOW + 10 * DAY_MS });
    const create = fakeBrowser.alarms.create.bind(fakeBrowser.alarms);
    vi.spyOn(fakeBrowser.alarms, 'create').mockImplementation(((name: string, info: Parameters<typeof create>[1]) =>
      name === STATE_CHANGE_ALARM ? Promise.reject(new Error('Alarm limit reached.')) : create(name, info)) as never);
    await syncWithState(NOW);
    expect(await alarmNames()).toEqual([REVALIDATE_ALARM]);
    expect((await diagnostics()).map((failure) => failure.step)).toEqual(['alarms']);
  });
});

describe('the diagnostics', () => {
  it('keep a failure that contains the token without it', async () => {
    await signedIn({ expiresAt: NOW + 10 * DAY_MS });
    vi.spyOn(fakeBrowser.action, 'setTitle').mockRejectedValue(
      new Error(`Invalid title "Bearer ${TOKEN}" for ${TOKEN.slice(0, 12)}… (${TOKEN})`) as never,
    );
    await syncWithState(NOW);
    const [failure] = await diagnostics();
    expect(failure).toMatchObject({ step: 'badge', kind: 'Error' });
    expect(failure!.message).toContain('Invalid title');
    expect(JSON.stringify(await fakeBrowser.storage.local.get('diagnostics'))).not.toContain(TOKEN);
    expect(JSON.stringify(await fakeBrowser.storage.local.get('diagnostics'))).not.toContain(TOKEN.slice(6));
  });

  it('cut out the secrets they are given, and anything shaped like a credential, keeping one line', async () => {
    const password = 'pässwörd 🔑:x';
    await recordFailure(
      'intent',
      { kind: 'unexpected-response', message: `Server said: no for ${password}\nBasic YWRhOnNlY3JldA== tdpat_Other1234` },
      [password],
      NOW,
    );
    const [failure] = await diagnostics();
    expect(failure).toEqual({ at: NOW, step: 'intent', kind: 'unexpected-response', message: 'Server said: no for … Basic … tdpat_…' });
  });

  it('keep the last 50', async () => {
    for (let index = 0; index < KEPT_FAILURES + 5; index += 1)
      await recordFailure('apps', { kind: 'timeout', message: `#${index}` }, [], NOW + index);
    const failures = await diagnostics();
    expect(failures).toHaveLength(KEPT_FAILURES);
    expect(failures[0]!.message).toBe('#5');
    expect(failures.at(-1)!.message).toBe(`#${KEPT_FAILURES + 4}`);
  });
});

describe('the revocation watch', () => {
  it('stops while TelemetryDeck rejects the token, and comes back once it accepts one again', async () => {
    await signedIn({ status: 'rejected' });
    await fakeBrowser.alarms.create(REVALIDATE_ALARM, { periodInMinutes: 360 });
    await syncWithState(NOW);
    expect(await alarmNames()).not.toContain(REVALIDATE_ALARM);
    await signedIn({ status: 'valid' });
    await syncWithState(NOW);
    expect(await alarmNames()).toContain(REVALIDATE_ALARM);
  });
});
