import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { relativeNeighbours } from '../../lib/text/intl-formatters';
import { parseStoredWords } from '../../lib/text/screen/formatted-words';

/** The extension's `localStorage`, as pages have it. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** The modules as a new page (a new process) loads them: nothing in memory, storage as the last page left it. */
async function freshPage() {
  vi.resetModules();
  const words = await import('../../lib/text/screen/formatted-words');
  const formatters = await import('../../lib/text/intl-formatters');
  (await import('../../lib/text/word-memo')).keepWordsIn(words.PAGE_WORD_MEMO);
  return {
    memo: words.PAGE_WORD_MEMO,
    formatters,
    stamp: words.environmentStamp,
    forget: words.forgetKeptWords,
    start: words.dropKeysOfOlderVersions,
  };
}

// Each test's pages share one extension's storage, empty at the start.
let storage: Storage;
beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function withoutIntl<T>(task: () => T): T {
  // Intl's constructors are not enumerable: a spread would not save them.
  const saved = {
    NumberFormat: Intl.NumberFormat,
    DateTimeFormat: Intl.DateTimeFormat,
    RelativeTimeFormat: Intl.RelativeTimeFormat,
    PluralRules: Intl.PluralRules,
  };
  // A function, not an arrow, so that `new` reaches the throw.
  const refuse = function refuse() {
    throw new Error('Intl was asked');
  };
  Object.assign(Intl, { NumberFormat: refuse, DateTimeFormat: refuse, RelativeTimeFormat: refuse, PluralRules: refuse });
  try {
    return task();
  } finally {
    Object.assign(Intl, saved);
  }
}

describe('words Intl has written, kept for the next page', () => {
  it('are written by Intl once, then read back in a new page without Intl', async () => {
    const first = await freshPage();
    const at = Date.UTC(2026, 11, 11, 10, 0);
    const written = {
      relative: first.formatters.formatRelativeTime('en-US', 9, 'day'),
      date: first.formatters.formatDateTime('en-US', { dateStyle: 'medium', timeStyle: 'short' }, at),
      number: first.formatters.formatNumber('en-US', { notation: 'compact', maximumFractionDigits: 1 }, 35_210),
    };
    expect(written.relative).toBe('in 9 days');
    expect(written.number).toBe('35.2K');
    await settled();

    const second = await freshPage();
    const read = withoutIntl(() => ({
      relative: second.formatters.formatRelativeTime('en-US', 9, 'day'),
      date: second.formatters.formatDateTime('en-US', { dateStyle: 'medium', timeStyle: 'short' }, at),
      number: second.formatters.formatNumber('en-US', { notation: 'compact', maximumFractionDigits: 1 }, 35_210),
    }));
    expect(read).toEqual(written);
  });

  it("keep the relative times a word turns into as time passes, so tomorrow's page needs no Intl either", async () => {
    const first = await freshPage();
    first.formatters.formatRelativeTime('de', -3, 'minute');
    first.formatters.formatRelativeTime('en', 9, 'day');
    await settled();
    const second = await freshPage();
    expect(withoutIntl(() => second.formatters.formatRelativeTime('de', -4, 'minute'))).toBe('vor 4 Minuten');
    expect(withoutIntl(() => second.formatters.formatRelativeTime('en', 8, 'day'))).toBe('in 8 days');
    // Another locale was never written: Intl writes it.
    expect(() => withoutIntl(() => second.formatters.formatRelativeTime('de', 8, 'day'))).toThrow('Intl was asked');
  });

  it('are dropped when the browser changed (its version or language decides what Intl writes)', async () => {
    const first = await freshPage();
    first.formatters.formatNumber('en-US', { maximumFractionDigits: 0 }, 1234);
    await settled();
    const stored = storage.getItem('tdtm.formattedWords');
    expect(parseStoredWords(stored, first.stamp()).size).toBeGreaterThan(0);
    expect(parseStoredWords(stored, 'Chrome/157|en-US').size).toBe(0);
    expect(parseStoredWords('{"stamp": 1, "words": "no"}', '').size).toBe(0);
    expect(parseStoredWords('not json', '').size).toBe(0);
    expect(parseStoredWords(JSON.stringify({ stamp: 's', words: [['a', 'b'], ['c', 5], 'd'] }), 's')).toEqual(new Map([['a', 'b']]));
  });

  it('keep at most 1000 words, dropping the oldest first', async () => {
    const { memo } = await freshPage();
    const write = vi.fn((key: string) => `words for ${key}`);
    for (let index = 0; index < 1050; index++) memo.words(`key ${index}`, () => write(`key ${index}`));
    expect(write).toHaveBeenCalledTimes(1050);
    expect(memo.has('key 49')).toBe(false);
    expect(memo.has('key 50')).toBe(true);
    expect(memo.words('key 1049', () => 'written again')).toBe('words for key 1049');
  });

  it('are not kept by the worker, which brings no memo (it has no localStorage)', async () => {
    vi.resetModules();
    const formatters = await import('../../lib/text/intl-formatters');
    expect(formatters.formatRelativeTime('en', 2, 'day')).toBe('in 2 days');
    await settled();
    expect(storage.length).toBe(0);
  });

  it('are kept in memory in a page whose localStorage is turned off', async () => {
    vi.stubGlobal('localStorage', undefined);
    const { formatters } = await freshPage();
    const written = formatters.formatNumber('de', { style: 'percent', maximumFractionDigits: 1 }, 0.109);
    expect(written).toMatch(/^10,9\s%$/);
    expect(withoutIntl(() => formatters.formatNumber('de', { style: 'percent', maximumFractionDigits: 1 }, 0.109))).toBe(written);
  });
});

describe('keys older versions wrote to this storage', () => {
  it('are removed when a page starts, and the words kept stay', async () => {
    storage.setItem('displayCache', '{"stamp":"1","tokenState":null}');
    storage.setItem('tdtm.messages', '{"copyToken":"Copy token"}');
    const page = await freshPage();
    page.formatters.formatNumber('en', {}, 41);
    page.start();
    await settled();
    expect([storage.key(0), storage.length]).toEqual(['tdtm.formattedWords', 1]);
  });
});

describe('Forget everything, for the words kept', () => {
  it('leaves this storage empty, whatever an older version kept in it', async () => {
    storage.setItem('displayCache', '{"stamp":"1","tokenState":null}');
    const page = await freshPage();
    page.forget();
    expect(storage.length).toBe(0);
  });

  it('leaves none in storage, and the page that ran it writes none again while it stays open', async () => {
    const page = await freshPage();
    page.formatters.formatNumber('en', {}, 41);
    await settled();
    expect(storage.getItem('tdtm.formattedWords')).toContain('number en');
    page.forget();
    expect(storage.getItem('tdtm.formattedWords')).toBeNull();
    expect(page.formatters.formatNumber('en', {}, 42)).toBe('42');
    await settled();
    expect(storage.getItem('tdtm.formattedWords')).toBeNull();
  });

  it('run in another page, stops this page from writing back what it held, the forgotten words included', async () => {
    const listeners: ((event: Partial<StorageEvent>) => void)[] = [];
    vi.stubGlobal('addEventListener', (type: string, listener: (event: Partial<StorageEvent>) => void) => {
      if (type === 'storage') listeners.push(listener);
    });
    const popup = await freshPage();
    popup.formatters.formatDateTime('en', { dateStyle: 'medium' }, Date.UTC(2026, 11, 11));
    await settled();
    expect(listeners).toHaveLength(1);
    // The options page's Forget everything, as this page sees it.
    storage.removeItem('tdtm.formattedWords');
    for (const listener of listeners) listener({ key: 'tdtm.formattedWords', newValue: null });
    popup.formatters.formatNumber('en', {}, 42);
    await settled();
    expect(storage.getItem('tdtm.formattedWords')).toBeNull();
  });
});

describe('the relative times kept beside one just written', () => {
  it('are every count of minutes or hours either way, and the week either side of a count of days', () => {
    expect(relativeNeighbours(-3, 'minute')).toHaveLength(117);
    expect(relativeNeighbours(5, 'hour')).toEqual(expect.arrayContaining([1, -1, 23, -23, 4, 6]));
    expect(relativeNeighbours(5, 'hour')).not.toContain(5);
    expect(relativeNeighbours(2, 'day')).toEqual([-5, -4, -3, -2, -1, 1, 3, 4, 5, 6, 7, 8, 9]);
  });
});
