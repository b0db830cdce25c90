/**
 * Words `Intl` has already written ("in 9 days", "Dec 11, 2026, 10:00 AM", "35.2K"), kept across pages in the
 * extension's `localStorage`, so that a page in a new process can paint them without `Intl`: there, the first
 * formatter of any kind costs 21-77 ms to set up (README, Performance), more than the rest of the popup's
 * first frame. Each entry is keyed by everything its words depend on; the whole memo by the browser's
 * version and language, which decide `Intl`'s data. Only pages use it: the worker has no `localStorage`.
 */
import type { WordMemo } from './intl-formatters';

const STORAGE_KEY = 'tdtm.formattedWords';
/** Enough for every word a few screens show, with room for the neighbours of relative times. */
const LIMIT = 600;

interface StoredWords {
  stamp: string;
  words: [key: string, text: string][];
}

let memo: Map<string, string> | null = null;
let saving = false;

function environmentStamp(): string {
  return typeof navigator === 'undefined' ? '' : `${navigator.userAgent}|${navigator.language}`;
}

function pageStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The stored words, if they were written in this browser as it is now; lenient: anything else is none. */
export function parseStoredWords(text: string | null, stamp: string): Map<string, string> {
  const words = new Map<string, string>();
  if (!text) return words;
  try {
    const stored = JSON.parse(text) as Partial<StoredWords> | null;
    if (stored?.stamp !== stamp || !Array.isArray(stored.words)) return words;
    for (const entry of stored.words) {
      if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string') words.set(entry[0], entry[1]);
    }
  } catch {
    // Not ours, or cut short: start afresh.
  }
  return words;
}

function storedText(): string | null {
  try {
    return pageStorage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function loaded(): Map<string, string> {
  memo ??= parseStoredWords(storedText(), environmentStamp());
  return memo;
}

/** Runs `task` once the page has painted its next frame (at once where nothing paints). */
function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
}

function saveSoon(): void {
  const storage = pageStorage();
  if (saving || !storage) return;
  saving = true;
  // Storing them is never on the way to the frame that shows them.
  afterNextPaint(() => {
    saving = false;
    const stored: StoredWords = { stamp: environmentStamp(), words: [...loaded()] };
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Storage full or turned off: the next page formats with Intl, as it would without the memo.
    }
  });
}

/** The words kept for `key`, or those `write` writes now, kept for the next page; the oldest go past the limit. */
function rememberedWords(key: string, write: () => string): string {
  const words = loaded();
  const known = words.get(key);
  if (known !== undefined) return known;
  const text = write();
  words.set(key, text);
  for (const oldest of words.keys()) {
    if (words.size <= LIMIT) break;
    words.delete(oldest);
  }
  saveSoon();
  return text;
}

/** Drops every kept word, in this page and in storage: Forget everything. */
export function forgetKeptWords(): void {
  memo = new Map();
  try {
    pageStorage()?.removeItem(STORAGE_KEY);
  } catch {
    // Storage turned off: nothing was kept there.
  }
}

/** The memo a page gives `keepWordsIn` (./intl-formatters.ts). */
export const PAGE_WORD_MEMO: WordMemo = { words: rememberedWords, has: (key) => loaded().has(key) };
