import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLIPBOARD_CLEAR_ALARM } from '../../lib/clipboard/worker/clipboard-service';
import { askWorker, startWorker, stopWorker } from './start-worker';
import { signedInState } from './state-fixtures';

/** The system clipboard, in memory, as the worker reaches it. */
const clipboard = vi.hoisted(() => ({ text: '' }));
vi.mock('../../lib/clipboard/worker/system-clipboard', async () => {
  const { digestOf } = await import('../../lib/clipboard/digest');
  return {
    writeClipboard: async (text: string) => {
      clipboard.text = text;
      return true;
    },
    clearClipboardIfHolds: async (digest: string) => {
      if ((await digestOf(clipboard.text)) !== digest) return 'kept';
      clipboard.text = '';
      return 'cleared';
    },
  };
});

const TOKEN = 'tdpat_SECRETsecretSECRET1234';
const START = Date.UTC(2026, 11, 1, 12);

beforeEach(async () => {
  fakeBrowser.reset();
  vi.resetModules();
  // The worker's own timers never fire here: only what storage and the alarms keep can bring the clear.
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
  clipboard.text = '';
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  await fakeBrowser.storage.local.set({
    credential: { schemaVersion: 3, token: TOKEN, origin: 'https://api.telemetrydeckapi.com' },
    tokenState: signedInState(),
    settings: { schemaVersion: 2, apiOrigin: 'https://api.telemetrydeckapi.com', clipboardClearAfterMs: 10_000 },
  });
  await startWorker();
  expect(await askWorker({ type: 'copyToken', format: 'token' })).toMatchObject({ ok: true });
  clipboard.text = TOKEN;
  expect(JSON.stringify(await fakeBrowser.storage.local.get('pendingClipboardClear'))).toMatch(
    /^\{"pendingClipboardClear":\{"digest":"[0-9a-f]{64}"/,
  );
  stopWorker();
});

afterEach(() => {
  vi.useRealTimers();
});

/** The browser closes: what lives in memory (session storage, alarms) is gone; storage.local stays. */
async function closeBrowser() {
  await fakeBrowser.storage.session.clear();
  await fakeBrowser.alarms.clearAll();
}

describe('a clear pending when the worker or the browser stops', () => {
  it('gets its alarm back when the worker starts again', async () => {
    await closeBrowser();
    await startWorker();
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(CLIPBOARD_CLEAR_ALARM)).toMatchObject({ scheduledTime: START + 10_000 }),
    );
  });

  it('still runs when its alarm fires after a start-up repair that failed', async () => {
    const get = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    // The repair reads every key at once; that read keeps failing, as a damaged database might.
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(((keys: Parameters<typeof get>[0]) =>
      keys === null ? Promise.reject(new Error('IO error: .../LOCK: File currently in use.')) : get(keys)) as never);
    await startWorker();
    vi.setSystemTime(START + 10_000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: CLIPBOARD_CLEAR_ALARM, scheduledTime: START + 10_000, persistAcrossSessions: false });
    await vi.waitFor(() => expect(clipboard.text).toBe(''));
  });

  it('runs at the next start of the browser when its moment passed meanwhile, if the clipboard still holds that copy', async () => {
    await closeBrowser();
    vi.setSystemTime(START + 60_000);
    await startWorker();
    await vi.waitFor(() => expect(clipboard.text).toBe(''));
    // What survived the restart was a digest of the copy, never its text.
    expect(await fakeBrowser.storage.local.get('pendingClipboardClear')).toEqual({});
  });

  it('leaves alone, at the next start, a clipboard that holds something else', async () => {
    await closeBrowser();
    clipboard.text = 'what the user copied since';
    vi.setSystemTime(START + 60_000);
    await startWorker();
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get('pendingClipboardClear')).toEqual({}));
    expect(clipboard.text).toBe('what the user copied since');
  });
});
