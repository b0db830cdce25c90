/**
 * What `Intl` wrote in a page ("in 9 days", "Dec 11, 2026, 10:00 AM", "35.2K"), kept across pages in the
 * extension's `localStorage`, so that a page in a new process can paint them without setting up `Intl`'s data,
 * which its first formatter of any kind waits for there (docs/performance.md). Each entry is keyed by
 * everything its words depend on; the whole memo by the browser's version and language, which decide `Intl`'s
 * data. Only pages use it: the worker has no `localStorage`.
 */
import { browser } from 'wxt/browser';
import type { WordMemo } from '../word-memo';

const STORAGE_KEY = 'tdtm.formattedWords';
/** Enough for every word the pages show, with room for the neighbours of relative times. */
const LIMIT = 1000;

interface StoredWords {
  stamp: string;
  words: [key: string, text: string][];
}

let memo: Map<string, string> | null = null;
let saving = false;
/** False once Forget everything ran, here or in another page, while this page was open. */
let keeping = true;

/** What the kept words depend on beyond their keys: the browser's version and languages. */
export function environmentStamp(): string {
  return `${navigator.userAgent}|${navigator.language}|${browser.i18n.getUILanguage()}`;
}

/** The page's `localStorage`; none where it is turned off. */
function pageStorage(): Storage | undefined {
  try {
    return localStorage;
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

/** From now on, this page keeps its words in memory only, and what it kept before is gone. */
function stopKeeping(): void {
  memo = new Map();
  keeping = false;
}

/**
 * Another page's Forget everything, which empties this storage (where pages keep the memo alone): what
 * this page holds must not be written back.
 */
function followForgetsElsewhere(): void {
  globalThis.addEventListener?.('storage', (event: StorageEvent) => {
    if (event.newValue === null) stopKeeping();
  });
}

function loaded(): Map<string, string> {
  if (!memo) {
    memo = parseStoredWords(pageStorage()?.getItem(STORAGE_KEY) ?? null, environmentStamp());
    followForgetsElsewhere();
  }
  return memo;
}

/** Runs `task` once the page has painted its next frame (at once where nothing paints). */
function afterNextPaint(task: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(task, 0));
  else setTimeout(task, 0);
}

function saveSoon(): void {
  const storage = pageStorage();
  if (saving || !keeping || !storage) return;
  saving = true;
  // Storing them is never on the way to the frame that shows them.
  afterNextPaint(() => {
    saving = false;
    if (!keeping) return;
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

/**
 * Drops every kept word, in this page and in storage, and keeps none in storage again while this page and the
 * others now open stay open: Forget everything leaves nothing behind.
 */
export function forgetKeptWords(): void {
  stopKeeping();
  try {
    pageStorage()?.clear();
  } catch {
    // Storage turned off: nothing was kept there.
  }
}

/** Every key but the memo's: what older versions kept here (`displayCache`, messages of the catalogs). */
function removeOtherKeys(storage: Storage): void {
  const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index));
  for (const key of keys) if (key !== null && key !== STORAGE_KEY) storage.removeItem(key);
}

/** At a page's start, once it has painted: the keys older versions left in this storage go. */
export function dropKeysOfOlderVersions(): void {
  afterNextPaint(() => {
    try {
      const storage = pageStorage();
      if (storage) removeOtherKeys(storage);
    } catch {
      // Storage turned off: nothing is kept there.
    }
  });
}

/** The memo a page gives `keepWordsIn` (./word-memo.ts). */
export const PAGE_WORD_MEMO: WordMemo = { words: rememberedWords, has: (key) => loaded().has(key) };
