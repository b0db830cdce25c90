import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLIPBOARD_CLEAR_ALARM, createClipboardService } from '../../lib/clipboard/worker/clipboard-service';
import { createSettingsService } from '../../lib/settings/worker/settings-service';
import { createTokenService } from '../../lib/token/worker/token-service';
import { withHandle } from './handle-intent';
import { signedInState } from './state-fixtures';

/** The system clipboard, in memory: what the extension wrote, and what the user copies meanwhile. */
const clipboard = vi.hoisted(() => ({
  text: '',
  readable: true,
  writes: [] as string[],
  failures: 0,
  /** While set, a clear waits here, between its start and its read: a moment for another copy to come. */
  gate: null as Promise<void> | null,
  atGate: false,
}));
vi.mock('../../lib/clipboard/worker/system-clipboard', async () => {
  const { digestOf } = await import('../../lib/clipboard/digest');
  return {
    writeClipboard: async (text: string) => {
      clipboard.text = text;
      clipboard.writes.push(text);
      return true;
    },
    clearClipboardIfHolds: async (digest: string) => {
      if (clipboard.gate) {
        clipboard.atGate = true;
        await clipboard.gate;
      }
      if (clipboard.failures > 0) {
        clipboard.failures--;
        throw new Error('Only a single offscreen document may be created.');
      }
      if (!clipboard.readable) return 'unreadable';
      if ((await digestOf(clipboard.text)) !== digest) return 'kept';
      clipboard.text = '';
      clipboard.writes.push('');
      return 'cleared';
    },
  };
});

const TOKEN = 'tdpat_SECRETsecretSECRET1234';
let now = Date.UTC(2026, 11, 1, 12);
let mayRead = true;

async function signIn(settings: Record<string, unknown> = {}) {
  await fakeBrowser.storage.local.set({
    credential: { schemaVersion: 2, token: TOKEN },
    tokenState: signedInState(),
    settings: { schemaVersion: 2, apiOrigin: 'https://api.telemetrydeckapi.com', ...settings },
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  now = Date.UTC(2026, 11, 1, 12);
  mayRead = true;
  Object.assign(clipboard, { text: '', readable: true, writes: [], failures: 0, gate: null, atGate: false });
  fakeBrowser.permissions.contains = (async () => mayRead) as typeof fakeBrowser.permissions.contains;
});

const service = () => withHandle(createClipboardService({ now: () => now }));

/** Holds the next clear at its start until `release` is called; `reached` resolves once it waits there. */
function holdNextClear() {
  let release = () => {};
  clipboard.gate = new Promise<void>((resolve) => {
    release = () => {
      clipboard.gate = null;
      resolve();
    };
  });
  clipboard.atGate = false;
  return { release: () => release(), reached: () => vi.waitFor(() => expect(clipboard.atGate).toBe(true)) };
}

type Copied = { text: string };

/** Lets every task that can go on without the held clear run as far as it can. */
async function settle() {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('copying from the popup', () => {
  it('answers each format with its text and says when the clipboard clears, by default in 30 s', async () => {
    await signIn();
    const answer = await service().handle({ type: 'copyToken', format: 'shell' });
    expect(answer).toEqual({
      ok: true,
      text: `export TELEMETRYDECK_TOKEN='${TOKEN}'`,
      announcement: 'Copied. The clipboard clears in 30 s',
    });
    expect(await fakeBrowser.alarms.get(CLIPBOARD_CLEAR_ALARM)).toMatchObject({ scheduledTime: now + 30_000 });
    // What is kept for the clear is a digest: the token is in no storage area.
    expect(JSON.stringify(await fakeBrowser.storage.local.get('pendingClipboardClear'))).not.toContain(TOKEN);
    expect(JSON.stringify(await fakeBrowser.storage.local.get('pendingClipboardClear'))).toMatch(/"digest":"[0-9a-f]{64}"/);
  });

  it('names in the curl command the server the token is bound to, whatever the settings name now', async () => {
    await fakeBrowser.storage.local.set({
      credential: { schemaVersion: 3, token: TOKEN, origin: 'https://api.telemetrydeck.com' },
      tokenState: signedInState(),
      settings: { schemaVersion: 2, apiOrigin: 'https://telemetry.example.com' },
    });
    const answer = (await service().handle({ type: 'copyToken', format: 'curl' })) as Copied;
    expect(answer.text).toContain('https://api.telemetrydeck.com/api/v3/users/info');
    expect(answer.text).not.toContain('telemetry.example.com');
  });

  it('refuses while signed out, and hands over nothing', async () => {
    expect(await service().handle({ type: 'copyToken', format: 'token' })).toMatchObject({ ok: false, error: { kind: 'not-signed-in' } });
    expect(await service().handle({ type: 'revealToken' })).toMatchObject({ ok: false, error: { kind: 'not-signed-in' } });
  });

  it('reveals the whole token on request', async () => {
    await signIn();
    expect(await service().handle({ type: 'revealToken' })).toEqual({ ok: true, token: TOKEN });
  });

  it('says that clearing is off without the permission to read the clipboard, and schedules none', async () => {
    await signIn();
    mayRead = false;
    const answer = await service().handle({ type: 'copyToken', format: 'token' });
    expect(answer).toMatchObject({
      ok: true,
      announcement: 'Copied. Clearing the clipboard is off until you allow it on the options page.',
    });
    expect(await fakeBrowser.alarms.get(CLIPBOARD_CLEAR_ALARM)).toBeUndefined();
  });

  it('schedules nothing when the user chose never to clear', async () => {
    await signIn({ clipboardClearAfterMs: null });
    const answer = await service().handle({ type: 'copyToken', format: 'header' });
    expect(answer).toMatchObject({ ok: true, announcement: expect.stringMatching(/^Copied\. The clipboard is not cleared/) });
    expect(await fakeBrowser.alarms.get(CLIPBOARD_CLEAR_ALARM)).toBeUndefined();
  });
});

describe('the clear', () => {
  it('clears what the extension copied once the delay has passed, with the worker still running', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const { text } = (await copy.handle({ type: 'copyToken', format: 'curl' })) as { text: string };
    clipboard.text = text;
    now += 10_000;
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(() => expect(clipboard.text).toBe(''));
  });

  it('leaves alone what the user copied since', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const { text } = (await copy.handle({ type: 'copyToken', format: 'token' })) as { text: string };
    clipboard.text = text;
    clipboard.text = 'something the user copied afterwards';
    now += 10_000;
    await copy.clearIfDue();
    expect(clipboard.text).toBe('something the user copied afterwards');
    expect(clipboard.writes).toEqual([]);
  });

  it('clears after a worker stop: a new worker, woken by the alarm, still knows what to clear', async () => {
    await signIn({ clipboardClearAfterMs: 20_000 });
    const { text } = (await service().handle({ type: 'copyToken', format: 'powershell' })) as { text: string };
    clipboard.text = text;
    now += 20_000;
    // Another instance: the first one's timer died with it; session storage and the alarm remain.
    await service().clearIfDue();
    expect(clipboard.text).toBe('');
  });

  it('waits when woken early, and a new copy replaces the pending clear', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const first = (await copy.handle({ type: 'copyToken', format: 'token' })) as { text: string };
    now += 5_000;
    const second = (await copy.handle({ type: 'copyToken', format: 'header' })) as { text: string };
    clipboard.text = first.text;
    now += 6_000;
    await copy.clearIfDue();
    // The first copy's moment has passed, but it is no longer the pending one: the clipboard holds it, so it stays.
    expect(clipboard.text).toBe(first.text);
    clipboard.text = second.text;
    await copy.clearIfDue();
    expect(clipboard.text).toBe(second.text);
    now += 5_000;
    await copy.clearIfDue();
    expect(clipboard.text).toBe('');
  });

  it('keeps a clear that failed, says so in the diagnostics, and tries again until it is done', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const { text } = (await copy.handle({ type: 'copyToken', format: 'curl' })) as { text: string };
    clipboard.text = text;
    clipboard.failures = 1;
    now += 10_000;
    await copy.clearIfDue();
    expect(clipboard.text).toBe(text);
    const { diagnostics } = await fakeBrowser.storage.local.get('diagnostics');
    expect(JSON.stringify(diagnostics)).toContain('"step":"clipboard"');
    expect(JSON.stringify(diagnostics)).not.toContain(TOKEN);
    expect(await fakeBrowser.alarms.get(CLIPBOARD_CLEAR_ALARM)).toMatchObject({ scheduledTime: now + 5_000 });
    now += 5_000;
    await copy.clearIfDue();
    expect(clipboard.text).toBe('');
  });

  it('gives up after three failed attempts, each of them in the diagnostics', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const { text } = (await copy.handle({ type: 'copyToken', format: 'token' })) as { text: string };
    clipboard.text = text;
    clipboard.failures = 3;
    for (const wait of [10_000, 5_000, 5_000]) {
      now += wait;
      await copy.clearIfDue();
    }
    expect(clipboard.text).toBe(text);
    expect(await fakeBrowser.alarms.get(CLIPBOARD_CLEAR_ALARM)).toBeUndefined();
    const { diagnostics } = await fakeBrowser.storage.local.get('diagnostics');
    expect(JSON.stringify(diagnostics).match(/"step":"clipboard"/g)).toHaveLength(3);
  });

  it('leaves the clipboard alone when it cannot be read', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const { text } = (await copy.handle({ type: 'copyToken', format: 'token' })) as { text: string };
    clipboard.text = text;
    clipboard.readable = false;
    now += 10_000;
    await copy.clearIfDue();
    expect(clipboard.text).toBe(text);
  });
});

describe('a copy made while a clear runs', () => {
  it('keeps its own clear: the clear under way neither deletes it nor takes its alarm', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const first = (await copy.handle({ type: 'copyToken', format: 'token' })) as Copied;
    clipboard.text = first.text;
    now += 10_000;
    const held = holdNextClear();
    const clearing = copy.clearIfDue();
    await held.reached();
    const copying = copy.handle({ type: 'copyToken', format: 'header' });
    await settle();
    held.release();
    await clearing;
    const second = (await copying) as Copied;
    clipboard.text = second.text;
    expect(await fakeBrowser.alarms.get(CLIPBOARD_CLEAR_ALARM)).toMatchObject({ scheduledTime: now + 10_000 });
    now += 10_000;
    await copy.clearIfDue();
    expect(clipboard.text).toBe('');
  });

  it('is not overwritten by the retry of the clear before it, which failed', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const first = (await copy.handle({ type: 'copyToken', format: 'token' })) as Copied;
    clipboard.text = first.text;
    clipboard.failures = 1;
    now += 10_000;
    const held = holdNextClear();
    const clearing = copy.clearIfDue();
    await held.reached();
    const copying = copy.handle({ type: 'copyToken', format: 'curl' });
    await settle();
    held.release();
    await clearing;
    const second = (await copying) as Copied;
    clipboard.text = second.text;
    // The new copy's own moment, not the failed clear's retry five seconds on.
    expect(await fakeBrowser.alarms.get(CLIPBOARD_CLEAR_ALARM)).toMatchObject({ scheduledTime: now + 10_000 });
    now += 5_000;
    await copy.clearIfDue();
    expect(clipboard.text).toBe(second.text);
    now += 5_000;
    await copy.clearIfDue();
    expect(clipboard.text).toBe('');
  });

  it('starts its own count of failed attempts: the failures of the clear before it do not use up its tries', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const first = (await copy.handle({ type: 'copyToken', format: 'token' })) as Copied;
    clipboard.text = first.text;
    clipboard.failures = 2;
    for (const wait of [10_000, 5_000]) {
      now += wait;
      await copy.clearIfDue();
    }
    const second = (await copy.handle({ type: 'copyToken', format: 'shell' })) as Copied;
    clipboard.text = second.text;
    clipboard.failures = 1;
    now += 10_000;
    await copy.clearIfDue();
    expect(await fakeBrowser.alarms.get(CLIPBOARD_CLEAR_ALARM)).toMatchObject({ scheduledTime: now + 5_000 });
    now += 5_000;
    await copy.clearIfDue();
    expect(clipboard.text).toBe('');
  });
});

describe('a clear pending when the user forgets everything or signs out', () => {
  it('still comes at its time after Forget everything', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const { text } = (await copy.handle({ type: 'copyToken', format: 'token' })) as Copied;
    clipboard.text = text;
    const settings = withHandle(createSettingsService({ now: () => now, signOut: async () => {}, cancelSignIns: () => {} }));
    expect(await settings.handle({ type: 'forgetEverything' })).toEqual({ ok: true });
    now += 10_000;
    // A worker that stopped meanwhile: only what storage and the alarm keep is left.
    await service().clearIfDue();
    expect(clipboard.text).toBe('');
  });

  it('still comes at its time after a sign-out', async () => {
    await signIn({ clipboardClearAfterMs: 10_000 });
    const copy = service();
    const { text } = (await copy.handle({ type: 'copyToken', format: 'header' })) as Copied;
    clipboard.text = text;
    expect(await withHandle(createTokenService({ now: () => now })).handle({ type: 'signOut' })).toEqual({ ok: true });
    expect(await fakeBrowser.alarms.get(CLIPBOARD_CLEAR_ALARM)).toMatchObject({ scheduledTime: now + 10_000 });
    now += 10_000;
    await service().clearIfDue();
    expect(clipboard.text).toBe('');
  });
});

describe('the keyboard command', () => {
  const notified = () => vi.spyOn(fakeBrowser.notifications, 'create');

  it('copies the raw token and says so in a notification', async () => {
    await signIn();
    const create = notified();
    await service().copyFromCommand();
    expect(clipboard.text).toBe(TOKEN);
    expect(create).toHaveBeenCalledExactlyOnceWith(
      'copy-token',
      expect.objectContaining({ title: 'Token copied', message: 'Copied. The clipboard clears in 30 s' }),
    );
    expect(JSON.stringify(create.mock.calls)).not.toContain(TOKEN);
  });

  it('copies nothing while signed out, and says why', async () => {
    const create = notified();
    await service().copyFromCommand();
    expect(clipboard.writes).toEqual([]);
    expect(create).toHaveBeenCalledExactlyOnceWith(
      'copy-token',
      expect.objectContaining({ title: 'Nothing copied', message: 'You are not signed in, so there is no token to copy.' }),
    );
  });
});

describe('the setting', () => {
  it('takes one of the offered delays or never, and nothing else', async () => {
    await signIn();
    expect(await service().handle({ type: 'setClipboardClearAfter', afterMs: 60_000 })).toEqual({ ok: true });
    expect(await service().handle({ type: 'setClipboardClearAfter', afterMs: null })).toEqual({ ok: true });
    expect(await service().handle({ type: 'setClipboardClearAfter', afterMs: 45_000 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
    const { settings } = (await fakeBrowser.storage.local.get('settings')) as { settings: { clipboardClearAfterMs: number | null } };
    expect(settings.clipboardClearAfterMs).toBeNull();
  });
});
