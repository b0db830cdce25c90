import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cachedDisplay, type DisplayCacheStore, forgetDisplay, rememberDisplay } from '../../lib/state/display-cache';
import { displayStamp, storedDisplayOf } from '../../lib/state/display-stamp';
import { STORAGE_KEYS } from '../../lib/state/keys';
import { popupUrlFor } from '../../lib/toolbar/popup-url';
import { pointPopupAtStoredState } from '../../lib/toolbar/worker/popup-painter';
import { signedInState } from './state-fixtures';

/** A page's localStorage, as a map. */
function memoryStore(): DisplayCacheStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const SECRET = 'tdpat_the-whole-secret-token';
const stored = () => ({
  [STORAGE_KEYS.credential]: { token: SECRET, origin: 'https://api.telemetrydeck.com' },
  [STORAGE_KEYS.tokenState]: signedInState(),
  [STORAGE_KEYS.diagnostics]: { failures: [] },
  [STORAGE_KEYS.apps]: { organizations: [{ name: 'Acme' }] },
});

describe('the display stamp', () => {
  it('is the same for the same stored values, and differs as soon as one of them changes', () => {
    const display = storedDisplayOf(stored());
    expect(displayStamp(display)).toBe(displayStamp(storedDisplayOf(stored())));
    expect(displayStamp(display)).toMatch(/^[0-9a-f]{16}$/);
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (one, other) => {
        fc.pre(JSON.stringify(one) !== JSON.stringify(other));
        expect(displayStamp({ apps: one })).not.toBe(displayStamp({ apps: other }));
      }),
    );
  });

  it('covers what the screens show, never the credential or the diagnostics', () => {
    const display = storedDisplayOf(stored());
    expect(Object.keys(display).sort()).toEqual(['apps', 'tokenState']);
    expect(JSON.stringify(display)).not.toContain(SECRET);
  });
});

describe('the display cache', () => {
  it('answers only for the stamp of what it holds', () => {
    const store = memoryStore();
    rememberDisplay(stored(), store);
    const stamp = displayStamp(storedDisplayOf(stored()));
    expect(cachedDisplay(stamp, store)).toEqual(storedDisplayOf(stored()));
    expect(cachedDisplay('0123456789abcdef', store)).toBeNull();
    expect(cachedDisplay('', store)).toBeNull();
  });

  it('never holds the token', () => {
    const store = memoryStore();
    rememberDisplay(stored(), store);
    expect([...store.items.values()].join('')).not.toContain(SECRET);
  });

  it('is gone once forgotten', () => {
    const store = memoryStore();
    rememberDisplay(stored(), store);
    forgetDisplay(store);
    expect(store.items.size).toBe(0);
    expect(cachedDisplay(displayStamp(storedDisplayOf(stored())), store)).toBeNull();
  });

  it('refuses content that does not match its own stamp, or is not JSON', () => {
    const store = memoryStore();
    const stamp = displayStamp(storedDisplayOf(stored()));
    store.setItem('displayCache', JSON.stringify({ stamp, display: { tokenState: null } }));
    expect(cachedDisplay(stamp, store)).toBeNull();
    store.setItem('displayCache', '{not json');
    expect(cachedDisplay(stamp, store)).toBeNull();
  });
});

describe("the popup's URL", () => {
  beforeEach(() => fakeBrowser.reset());

  it('names the page for the state and the stamp of what storage holds', () => {
    const display = storedDisplayOf(stored());
    expect(popupUrlFor(display)).toBe(`popup.html#${displayStamp(display)}`);
    expect(popupUrlFor({})).toBe(`popup-sign-in.html#${displayStamp({})}`);
  });

  it('follows storage: the worker points the toolbar at it', async () => {
    const popups: string[] = [];
    fakeBrowser.action.setPopup = (async ({ popup }: { popup: string }) => void popups.push(popup)) as typeof fakeBrowser.action.setPopup;
    await fakeBrowser.storage.local.set(stored());
    await pointPopupAtStoredState();
    await fakeBrowser.storage.local.set({ [STORAGE_KEYS.tokenState]: { ...signedInState(), status: 'rejected' } });
    await pointPopupAtStoredState();
    expect(popups).toHaveLength(2);
    expect(popups[0]).toBe(popupUrlFor(storedDisplayOf(stored())));
    expect(popups[1]).not.toBe(popups[0]);
    // What a popup opened at the new URL finds in a cache written before the change: nothing it may paint.
    const store = memoryStore();
    rememberDisplay(stored(), store);
    expect(cachedDisplay(popups[1]!.split('#')[1]!, store)).toBeNull();
  });
});
