import { browser } from 'wxt/browser';
import { displayStamp, type StoredDisplay, storedDisplayOf } from './display-stamp';
import { SNAPSHOT_KEYS } from './keys';

/**
 * The display cache: what the screens last read from storage, kept in the pages' own synchronous
 * `localStorage`, so that the popup can paint its first frame before `storage.local` answers. It holds the
 * snapshot's keys only (what the screens show: the masked token, the account, the apps' numbers, the
 * settings), never the credential. A popup paints it only when its stamp equals the one the worker put in the
 * popup's URL for what storage holds now; anything else waits for storage.
 */
const CACHE_KEY = 'displayCache';

/** The part of `localStorage` the cache uses: a test passes a map. */
export type DisplayCacheStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The pages' `localStorage`; none where there is none (the worker, a test). */
function pageStorage(): DisplayCacheStore | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

interface CachedDisplay {
  stamp: string;
  display: StoredDisplay;
}

/** The cached display if it is the one stamped `stamp`, checked against its own content; otherwise null. */
export function cachedDisplay(stamp: string, store = pageStorage()): StoredDisplay | null {
  if (!stamp) return null;
  try {
    const cached = JSON.parse(store?.getItem(CACHE_KEY) ?? 'null') as CachedDisplay | null;
    if (!cached || cached.stamp !== stamp || typeof cached.display !== 'object' || cached.display === null) return null;
    return displayStamp(cached.display) === stamp ? cached.display : null;
  } catch {
    return null;
  }
}

/** Keeps what a screen just read from storage, under its stamp. */
export function rememberDisplay(raw: Record<string, unknown>, store = pageStorage()): void {
  const display = storedDisplayOf(raw);
  try {
    store?.setItem(CACHE_KEY, JSON.stringify({ stamp: displayStamp(display), display } satisfies CachedDisplay));
  } catch {
    // A full or refused localStorage only costs the next popup its head start.
  }
}

/** Drops the cache: on sign-out and on Forget everything, before the worker is even asked. */
export function forgetDisplay(store = pageStorage()): void {
  try {
    store?.removeItem(CACHE_KEY);
  } catch {
    // Nothing to drop.
  }
}

/** What storage holds for the screens now, as storage holds it. */
export async function readStoredDisplay(): Promise<StoredDisplay> {
  return storedDisplayOf(await browser.storage.local.get(SNAPSHOT_KEYS));
}
