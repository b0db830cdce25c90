import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SNAPSHOT_KEYS, STORAGE_KEYS } from '../../lib/state/keys';
import { displayFromText, displayText, storedDisplayOf } from '../../lib/state/stored-display';
import { displayInPopupUrl, popupUrlFor } from '../../lib/toolbar/popup-url';
import { pointPopupAtStoredState } from '../../lib/toolbar/worker/popup-painter';
import { signedInState } from './state-fixtures';

const SECRET = 'tdpat_the-whole-secret-token';
const stored = () => ({
  [STORAGE_KEYS.credential]: { token: SECRET, origin: 'https://api.telemetrydeck.com' },
  [STORAGE_KEYS.tokenState]: signedInState(),
  [STORAGE_KEYS.diagnostics]: { failures: [] },
  [STORAGE_KEYS.apps]: { organizations: [{ name: 'Acme & Co. #1 100%' }] },
});

/** Any display: each snapshot key absent or holding any JSON value but null (storage drops nothing else). */
const anyDisplay = fc.record(Object.fromEntries(SNAPSHOT_KEYS.map((key) => [key, fc.jsonValue().filter((value) => value !== null)])), {
  requiredKeys: [],
});

describe('what the screens show, as stored', () => {
  it('covers the screens’ keys, never the credential or the diagnostics', () => {
    const display = storedDisplayOf(stored());
    expect(Object.keys(display).sort()).toEqual(['apps', 'tokenState']);
    expect(JSON.stringify(display)).not.toContain(SECRET);
  });

  it('has one text for the same values, and another as soon as one of them changes', () => {
    expect(displayText(storedDisplayOf(stored()))).toBe(displayText(storedDisplayOf(stored())));
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (one, other) => {
        fc.pre(JSON.stringify(one ?? null) !== JSON.stringify(other ?? null));
        expect(displayText({ apps: one })).not.toBe(displayText({ apps: other }));
      }),
    );
  });

  it('reads back from its text as it was', () => {
    fc.assert(
      fc.property(anyDisplay, (display) => {
        const text = displayText(display);
        expect(displayText(displayFromText(text)!)).toBe(text);
      }),
    );
  });

  it('reads nothing from a text that is not one', () => {
    for (const text of ['', '{not json', '{}', '[]', '[1,2]', JSON.stringify({ tokenState: {} }), 'null']) {
      expect(displayFromText(text)).toBeNull();
    }
  });
});

describe("the popup's URL", () => {
  beforeEach(() => fakeBrowser.reset());

  it('names the page for the state, and carries what the screens show, whatever it holds', () => {
    const display = storedDisplayOf(stored());
    expect(popupUrlFor(display)).toMatch(/^popup\.html#/);
    expect(popupUrlFor({})).toMatch(/^popup-sign-in\.html#/);
    fc.assert(
      fc.property(anyDisplay, (any) => {
        const url = new URL(popupUrlFor(any), 'chrome-extension://id/');
        // One fragment, nothing in the path or the query, as the browser parses it.
        expect(url.search).toBe('');
        expect(displayInPopupUrl(url.hash)?.text).toBe(displayText(any));
      }),
    );
  });

  it('never carries the token', () => {
    const url = popupUrlFor(storedDisplayOf(stored()));
    expect(url).not.toContain(SECRET);
    expect(decodeURIComponent(url)).not.toContain(SECRET);
  });

  it('gives nothing to paint for a fragment the worker did not write', () => {
    for (const hash of ['', '#', '#0123456789abcdef', '#%E0%A4%A', `#${encodeURIComponent('[1,2]')}`]) {
      expect(displayInPopupUrl(hash)).toBeNull();
    }
  });

  it('follows storage: the worker points the toolbar at what storage holds after each change', async () => {
    const popups: string[] = [];
    fakeBrowser.action.setPopup = (async ({ popup }: { popup: string }) => void popups.push(popup)) as typeof fakeBrowser.action.setPopup;
    await fakeBrowser.storage.local.set(stored());
    await pointPopupAtStoredState();
    const rejected = { ...signedInState(), status: 'rejected' };
    await fakeBrowser.storage.local.set({ [STORAGE_KEYS.tokenState]: rejected });
    await pointPopupAtStoredState();
    const fragments = popups.map((popup) => displayInPopupUrl(new URL(popup, 'chrome-extension://id/').hash));
    expect(fragments[0]?.display).toEqual(storedDisplayOf(stored()));
    expect(fragments[1]?.display.tokenState).toEqual(rejected);
    expect(fragments[1]?.text).not.toBe(fragments[0]?.text);
  });
});
