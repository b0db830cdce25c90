import { browser } from 'wxt/browser';
import { BUILD_API_ORIGIN } from '../api/build-origin';
import { defaultSettings } from './defaults';
import { SNAPSHOT_KEYS, STORAGE_KEYS } from './keys';
import { checkAppsState, checkNotice, checkReminders, checkSettings, checkTokenState } from './screen-guards';
import { type Snapshot, snapshotOf } from './snapshot';
import { readStoredDisplay } from './stored-display';

/**
 * The screens' view of storage: what `storage.ts` reads for the background, through light guards instead
 * of zod (see `snapshot-guards.ts`). Anything unusable reads as absent and sets `discarded`.
 */
export function snapshotForScreens(raw: Record<string, unknown>): Snapshot {
  return snapshotOf({
    tokenState: checkTokenState(raw[STORAGE_KEYS.tokenState]),
    settings: checkSettings(raw[STORAGE_KEYS.settings], defaultSettings(BUILD_API_ORIGIN)),
    reminders: checkReminders(raw[STORAGE_KEYS.reminders]),
    notice: checkNotice(raw[STORAGE_KEYS.notice]),
    apps: checkAppsState(raw[STORAGE_KEYS.apps]),
  });
}

/** Calls back with a fresh snapshot whenever a screen-visible key changes. Returns the unsubscribe. */
export function watchScreenSnapshot(onChange: (snapshot: Snapshot) => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'local') return;
    if (!SNAPSHOT_KEYS.some((key) => key in changes)) return;
    void readStoredDisplay().then((display) => onChange(snapshotForScreens(display)));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
