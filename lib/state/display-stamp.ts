import { SNAPSHOT_KEYS } from './keys';

/** What the screens read from storage, key by key, as storage holds it (never the credential). */
export type StoredDisplay = Partial<Record<(typeof SNAPSHOT_KEYS)[number], unknown>>;

/** The stored values the screens show, and only those: the credential and the diagnostics never enter. */
export function storedDisplayOf(raw: Record<string, unknown>): StoredDisplay {
  const display: StoredDisplay = {};
  for (const key of SNAPSHOT_KEYS) if (raw[key] !== undefined) display[key] = raw[key];
  return display;
}

/**
 * A fingerprint of what the screens show, the same for the worker and a page that read the same storage:
 * the worker puts it in the popup's URL, and a popup paints its display cache only when the cache carries
 * the same one. 64 bits (two FNV-1a hashes of the values as JSON), so that a stale cache cannot pass for
 * a fresh one by chance.
 */
export function displayStamp(display: StoredDisplay): string {
  const text = JSON.stringify(SNAPSHOT_KEYS.map((key) => display[key] ?? null));
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x050c5d1f);
}

function fnv1a(text: string, seed: number): string {
  let hash = seed;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
