import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY_MS } from '../../lib/time/units';
import { createStartUp } from '../../lib/worker/start-up';
import { askWorker, startWorker } from './start-worker';
import { signedInState } from './state-fixtures';

type Listener<A extends unknown[]> = { trigger(...args: A): Promise<unknown> };

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

describe('the worker answers what a notification asks', () => {
  it('opens the options page when a notification is clicked, and clears it', async () => {
    const { opened } = await startWorker();
    await fakeBrowser.notifications.create('expiry:current:1:0', { type: 'basic', iconUrl: 'icon.png', title: 't', message: 'm' });
    await (fakeBrowser.notifications.onClicked as unknown as Listener<[string]>).trigger('expiry:current:1:0');
    expect(opened).toHaveBeenCalledOnce();
    await expect.poll(async () => Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
  });

  it('snoozes a reminder for a day from its "Snooze 1 day" button', async () => {
    const now = Date.now();
    await fakeBrowser.storage.local.set({
      credential: { schemaVersion: 3, token: 'tdpat_x', origin: 'https://api.telemetrydeckapi.com' },
      tokenState: signedInState({ expiresAt: now + 2 * DAY_MS }),
    });
    await startWorker();
    const id = await vi.waitUntil(async () => Object.keys(await fakeBrowser.notifications.getAll())[0]);
    await (fakeBrowser.notifications.onButtonClicked as unknown as Listener<[string, number]>).trigger(id, 0);
    await expect
      .poll(
        async () =>
          ((await fakeBrowser.storage.local.get('reminders')).reminders as { log: { snoozed: Record<string, number> } })?.log.snoozed[id],
      )
      .toBeGreaterThanOrEqual(now + DAY_MS);
  });
});

describe('the worker starts up', () => {
  it('runs the start-up repair again with the next event when it failed, rather than leaving every intent unanswered', async () => {
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    // The repair reads every key at once: that read fails, once, as a storage hiccup might.
    let failures = 1;
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(((keys: Parameters<typeof get>[0]) => {
      if (keys === null && failures > 0) {
        failures -= 1;
        return Promise.reject(new Error('IO error: .../LOCK: File currently in use.'));
      }
      return get(keys);
    }) as never);
    await startWorker();
    expect(await askWorker({ type: 'setRevalidateEvery', everyMs: 2 * 3_600_000 })).toEqual({ ok: true });
    expect(await askWorker({ type: 'dismissNotice' })).toEqual({ ok: true });
    await expect
      .poll(async () => ((await get('diagnostics')).diagnostics as { failures: { step: string }[] } | undefined)?.failures)
      .toEqual([expect.objectContaining({ step: 'start-up', message: expect.stringContaining('IO error') })]);
  });
});

describe('start-up work', () => {
  it('runs once for every caller while it works, and again for the next caller after it failed', async () => {
    let runs = 0;
    let failing = 3;
    const failures: unknown[] = [];
    const startUp = createStartUp(
      async () => {
        runs += 1;
        if (failing-- > 0) throw new Error(`attempt ${runs}`);
      },
      (error) => failures.push(error),
    );
    // The first event and its one retry both fail: it is told so.
    await expect(Promise.all([startUp(), startUp()])).rejects.toThrow('attempt 2');
    expect(runs).toBe(2);
    // The next event runs it again, fails a third time, and its retry succeeds.
    await expect(startUp()).resolves.toBeUndefined();
    expect(runs).toBe(4);
    await Promise.all([startUp(), startUp()]);
    expect(runs).toBe(4);
    expect(failures.map((error) => (error as Error).message)).toEqual(['attempt 1', 'attempt 2', 'attempt 3']);
  });
});
