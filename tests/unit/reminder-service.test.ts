import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { processReminders, snoozeNotification } from '../../lib/reminders/worker/reminder-service';
import { EMPTY_REMINDERS } from '../../lib/state/defaults';
import type { Reminders } from '../../lib/state/types';
import { readStoredSnapshot } from '../../lib/state/worker/store';
import { DAY_MS, HOUR_MS } from '../../lib/time/units';
import { NOW, signedInState } from './state-fixtures';

async function notificationIds(): Promise<string[]> {
  return Object.keys(await fakeBrowser.notifications.getAll());
}

async function store(values: { expiresAt?: number | null; reminders?: Reminders; enabled?: boolean }) {
  await fakeBrowser.storage.local.set({
    tokenState: signedInState({ expiresAt: values.expiresAt ?? null }),
    reminders: values.reminders ?? EMPTY_REMINDERS,
    settings: {
      schemaVersion: 3,
      apiOrigin: 'https://api.telemetrydeckapi.com',
      reminders: { enabled: values.enabled ?? true, leadTimesMs: [30 * DAY_MS, 7 * DAY_MS, DAY_MS, 0], revocationRepeatMs: DAY_MS },
    },
  });
}

beforeEach(() => fakeBrowser.reset());

describe('expiry reminders', () => {
  it('sends only the most recent due reminder, once, even across restarts', async () => {
    await store({ expiresAt: NOW + 2 * DAY_MS });
    await processReminders(NOW);
    const ids = await notificationIds();
    expect(ids).toHaveLength(1);
    expect(ids[0]).toContain(`:${7 * DAY_MS}`);
    await fakeBrowser.notifications.clear(ids[0]!);
    // A worker restart is just another run over the stored log.
    await processReminders(NOW + 1000);
    await processReminders(NOW + HOUR_MS);
    expect(await notificationIds()).toHaveLength(0);
  });

  it('returns the moment of the next reminder', async () => {
    await store({ expiresAt: NOW + 2 * DAY_MS });
    expect(await processReminders(NOW)).toBe(NOW + DAY_MS);
  });

  it('sends the next one when its moment comes, and the at-expiry one after that', async () => {
    await store({ expiresAt: NOW + 2 * DAY_MS });
    await processReminders(NOW);
    await processReminders(NOW + DAY_MS);
    await processReminders(NOW + 2 * DAY_MS);
    const ids = await notificationIds();
    expect(ids.map((id) => id.split(':').at(-1))).toEqual([String(7 * DAY_MS), String(DAY_MS), '0']);
  });

  it('snoozes for a day, then reminds again', async () => {
    await store({ expiresAt: NOW + 5 * DAY_MS });
    await processReminders(NOW);
    const [id] = await notificationIds();
    await snoozeNotification(id!, NOW);
    expect(await notificationIds()).toHaveLength(0);
    await processReminders(NOW + HOUR_MS);
    expect(await notificationIds()).toHaveLength(0);
    await processReminders(NOW + DAY_MS);
    expect(await notificationIds()).toEqual([id]);
  });

  it('stays silent when notifications are off', async () => {
    await store({ expiresAt: NOW + 2 * DAY_MS, enabled: false });
    await processReminders(NOW);
    expect(await notificationIds()).toHaveLength(0);
  });

  it('reminds of tracked tokens too, and never names a secret', async () => {
    await store({
      reminders: { ...EMPTY_REMINDERS, tracked: [{ id: 'T1', name: 'CI export script', expiresAt: NOW + 3 * DAY_MS }] },
    });
    await processReminders(NOW);
    const all = await fakeBrowser.notifications.getAll();
    expect(Object.keys(all)).toHaveLength(1);
  });
});

describe('revocation reminders', () => {
  it('notifies at once, then again after the repeat interval until confirmed', async () => {
    const revocation = { id: 'R1', name: 'CI export script', last4: 'wxyz', removedAt: NOW, confirmed: false, lastNotifiedAt: null };
    await store({ reminders: { ...EMPTY_REMINDERS, revocations: [revocation] } });
    await processReminders(NOW);
    expect(await notificationIds()).toEqual(['revocation:R1']);
    await fakeBrowser.notifications.clear('revocation:R1');
    await processReminders(NOW + HOUR_MS);
    expect(await notificationIds()).toEqual([]);
    await processReminders(NOW + DAY_MS);
    expect(await notificationIds()).toEqual(['revocation:R1']);
    expect((await readStoredSnapshot()).reminders.revocations[0]?.lastNotifiedAt).toBe(NOW + DAY_MS);
  });
});
