import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY_MS } from '../../lib/time/units';
import { signedInState } from './state-fixtures';

type Listener<A extends unknown[]> = { trigger(...args: A): Promise<unknown> };

beforeEach(() => {
  fakeBrowser.reset();
  vi.resetModules();
});

/** Starts the worker as the browser would: its module runs, and it registers its listeners. */
async function startWorker() {
  const opened = vi.fn(async () => {});
  fakeBrowser.runtime.openOptionsPage = opened as typeof fakeBrowser.runtime.openOptionsPage;
  fakeBrowser.action.setPopup = (async () => {}) as typeof fakeBrowser.action.setPopup;
  // The fake browser has no keyboard commands: an event that takes listeners and never fires.
  Object.assign(fakeBrowser.commands, { onCommand: { addListener: () => {} } });
  const background = (await import('../../entrypoints/background')).default as { main: () => void };
  background.main();
  return { opened };
}

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
      credential: { schemaVersion: 2, token: 'tdpat_x' },
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
