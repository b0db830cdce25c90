import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY_MS, HOUR_MS } from '../../lib/time/units';
import { nextStateChangeAt, STATE_CHANGE_ALARM, syncWithState } from '../../lib/worker/sync-with-state';
import { NOW, signedInState } from './state-fixtures';

const popups: string[] = [];
beforeEach(() => {
  fakeBrowser.reset();
  popups.length = 0;
  // The fake browser has no setPopup: record where the toolbar button points.
  fakeBrowser.action.setPopup = (async ({ popup }: { popup: string }) => void popups.push(popup)) as typeof fakeBrowser.action.setPopup;
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
    await fakeBrowser.storage.local.set({ credential: { schemaVersion: 2, token: 'tdpat_x' }, tokenState: signedInState({ expiresAt }) });
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

describe('the badge follows the reminder lead times the user chose', () => {
  it('turns amber at the longest lead time of 7 days or less, here 3 days', async () => {
    const colors: string[] = [];
    fakeBrowser.action.setBadgeBackgroundColor = (async ({ color }: { color: string }) =>
      void colors.push(color)) as typeof fakeBrowser.action.setBadgeBackgroundColor;
    const settings = {
      schemaVersion: 2,
      apiOrigin: 'https://api.telemetrydeckapi.com',
      reminders: { enabled: true, leadTimesMs: [3 * DAY_MS, 0], revocationRepeatMs: DAY_MS },
    };
    await fakeBrowser.storage.local.set({
      settings,
      credential: { schemaVersion: 2, token: 'tdpat_x' },
      tokenState: signedInState({ expiresAt: NOW + 5 * DAY_MS }),
    });
    await syncWithState(NOW);
    await fakeBrowser.storage.local.set({ tokenState: signedInState({ expiresAt: NOW + 3 * DAY_MS }) });
    await syncWithState(NOW);
    expect(colors).toEqual(['#1a7f37', '#b45309']);
  });
});
