import { browser } from 'wxt/browser';
import { SNAPSHOT_KEYS } from './keys';

/** What the screens read from storage, key by key, as storage holds it (never the credential). */
export type StoredDisplay = Partial<Record<(typeof SNAPSHOT_KEYS)[number], unknown>>;

/** The stored values the screens show, and only those: the credential and the diagnostics never enter. */
export function storedDisplayOf(raw: Record<string, unknown>): StoredDisplay {
  const display: StoredDisplay = {};
  for (const key of SNAPSHOT_KEYS) if (raw[key] !== undefined) display[key] = raw[key];
  return display;
}

/** What storage holds for the screens now, as storage holds it. */
export async function readStoredDisplay(): Promise<StoredDisplay> {
  return storedDisplayOf(await browser.storage.local.get(SNAPSHOT_KEYS));
}

/**
 * The display as one text, the same for the same stored values whoever read them: the snapshot keys' values
 * in their fixed order, as JSON. Two reads show the same thing exactly when their texts are equal.
 */
export function displayText(display: StoredDisplay): string {
  return JSON.stringify(SNAPSHOT_KEYS.map((key) => display[key] ?? null));
}

/** The display a `displayText` holds; null for anything else. Lenient: the screens' guards check the values. */
export function displayFromText(text: string): StoredDisplay | null {
  try {
    const values: unknown = JSON.parse(text);
    if (!Array.isArray(values) || values.length !== SNAPSHOT_KEYS.length) return null;
    const display: StoredDisplay = {};
    SNAPSHOT_KEYS.forEach((key, index) => {
      if (values[index] !== null) display[key] = values[index];
    });
    return display;
  } catch {
    return null;
  }
}
