import { browser } from 'wxt/browser';
import { BUILD_API_ORIGIN } from '../../api/build-origin';
import { defaultSettings } from '../defaults';
import { SNAPSHOT_KEYS, STORAGE_KEYS } from '../keys';
import { type Snapshot, snapshotOf } from '../snapshot';
import { readStoredDisplay } from '../stored-display';
import { checkAppsState, checkNotice, checkReminders, checkSettings, checkTokenState } from './screen-guards';

/**
 * The screens' view of storage: what `lib/state/worker/store.ts` reads for the background, through light
 * guards instead of zod (./screen-guards.ts). Anything unusable reads as absent and sets `discarded`.
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

/** Changes to what the screens show, followed from the moment `followScreenChanges` was called. */
export interface ScreenChanges {
  /**
   * Calls back with a fresh snapshot whenever a screen-visible key changes, until the returned unsubscribe is
   * called. One subscriber at a time: a new one replaces the last.
   */
  subscribe(onChange: (snapshot: Snapshot) => void): () => void;
}

/**
 * Follows storage from the page's start, in the same task as its first read: a change made after that read
 * began and before the screen subscribed (it does so once it has painted) is not lost; the subscriber gets a
 * fresh snapshot at once instead.
 */
export function followScreenChanges(): ScreenChanges {
  let subscriber: ((snapshot: Snapshot) => void) | null = null;
  let missed = false;
  // To whoever subscribes by the time storage answers: a screen mounted meanwhile gets the change too.
  const deliver = () => {
    void readStoredDisplay().then((display) => {
      if (subscriber) subscriber(snapshotForScreens(display));
      else missed = true;
    });
  };
  browser.storage.onChanged.addListener((changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'local' || !SNAPSHOT_KEYS.some((key) => key in changes)) return;
    if (subscriber) deliver();
    else missed = true;
  });
  return {
    subscribe(onChange) {
      subscriber = onChange;
      if (missed) {
        missed = false;
        deliver();
      }
      return () => {
        if (subscriber === onChange) subscriber = null;
      };
    },
  };
}
