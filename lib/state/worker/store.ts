import { browser } from 'wxt/browser';
import { SNAPSHOT_KEYS, STORAGE_KEYS } from '../keys';
import { type Snapshot, snapshotOf } from '../snapshot';
import type { Notice, StoredCredential, TokenState } from '../types';
import { parseStored } from './migrations';
import { appsStateSchema, credentialSchema, noticeSchema, remindersSchema, settingsSchema, tokenStateSchema } from './schemas';
import { createSerialQueue } from './serial-queue';

const local = () => browser.storage.local;
/** Kept in memory by the browser and gone when it closes: where the token lives when "Keep me signed in" is off. */
const session = () => browser.storage.session;
/** Every write the worker makes goes through this queue, so no change overwrites one made meanwhile. */
const serially = createSerialQueue();

/** The worker's view of storage: every key checked with its strict schema, migrated where it is older. */
export function snapshotFromRaw(raw: Record<string, unknown>): Snapshot {
  return snapshotOf({
    tokenState: parseStored('tokenState', tokenStateSchema, raw[STORAGE_KEYS.tokenState]),
    settings: parseStored('settings', settingsSchema, raw[STORAGE_KEYS.settings]),
    reminders: parseStored('reminders', remindersSchema, raw[STORAGE_KEYS.reminders]),
    notice: parseStored('notice', noticeSchema, raw[STORAGE_KEYS.notice]),
    apps: parseStored('apps', appsStateSchema, raw[STORAGE_KEYS.apps]),
  });
}

export async function readStoredSnapshot(): Promise<Snapshot> {
  return snapshotFromRaw(await local().get(SNAPSHOT_KEYS));
}

/** The secret, from whichever area holds it. */
export async function readCredential(): Promise<StoredCredential | null> {
  for (const area of [local(), session()]) {
    const raw = await area.get(STORAGE_KEYS.credential);
    const outcome = parseStored('credential', credentialSchema, raw[STORAGE_KEYS.credential]);
    if (outcome.status === 'valid') return outcome.value;
  }
  return null;
}

/**
 * Stores a sign-in. With "Keep me signed in" on, secret and state go in one `set` call, so they never
 * disagree; with it off, the secret goes to session storage first, and the state follows.
 */
export function saveSignedIn(credential: StoredCredential, tokenState: TokenState, keepSignedIn: boolean): Promise<void> {
  return serially(async () => {
    // Numbers fetched with the previous sign-in belong to it.
    await local().remove(STORAGE_KEYS.apps);
    if (keepSignedIn) {
      await local().set({ [STORAGE_KEYS.credential]: credential, [STORAGE_KEYS.tokenState]: tokenState });
      await session().remove(STORAGE_KEYS.credential);
    } else {
      await session().set({ [STORAGE_KEYS.credential]: credential });
      await local().remove(STORAGE_KEYS.credential);
      await local().set({ [STORAGE_KEYS.tokenState]: tokenState });
    }
  });
}

/** Moves the secret to the area the "Keep me signed in" setting asks for. */
export function moveCredential(keepSignedIn: boolean): Promise<void> {
  return serially(async () => {
    const credential = await readCredential();
    if (!credential) return;
    const [to, from] = keepSignedIn ? [local(), session()] : [session(), local()];
    await to.set({ [STORAGE_KEYS.credential]: credential });
    await from.remove(STORAGE_KEYS.credential);
  });
}

type Updatable = Pick<Snapshot, 'tokenState' | 'settings' | 'reminders' | 'apps'>;

/**
 * Read, change and write one stored value as one step of the queue. `change` returns the new value, or
 * undefined to leave it as it is. It must not itself call a function of this module that writes.
 */
export function updateStored<K extends keyof Updatable>(
  key: K,
  change: (current: Updatable[K]) => Updatable[K] | undefined | Promise<Updatable[K] | undefined>,
): Promise<void> {
  return serially(async () => {
    const current = (await readStoredSnapshot())[key];
    const next = await change(current);
    if (next === undefined || next === null) return;
    await local().set({ [STORAGE_KEYS[key]]: next });
  });
}

/** "Forget everything": every key in every area this extension writes. */
export function clearAllStorage(): Promise<void> {
  return serially(async () => {
    await local().clear();
    await session().clear();
  });
}

export function forgetToken(): Promise<void> {
  return serially(async () => {
    await session().remove(STORAGE_KEYS.credential);
    await local().remove([STORAGE_KEYS.credential, STORAGE_KEYS.tokenState, STORAGE_KEYS.apps]);
  });
}

export function saveNotice(notice: Notice | null): Promise<void> {
  return serially(async () => {
    if (notice) await local().set({ [STORAGE_KEYS.notice]: notice });
    else await local().remove(STORAGE_KEYS.notice);
  });
}

/** Each key's outcome, parsed from what the areas hold now: the repair's input. */
export async function readEveryKey() {
  const raw = await local().get(null);
  const sessionRaw = await session().get(STORAGE_KEYS.credential);
  return {
    localCredential: parseStored('credential', credentialSchema, raw[STORAGE_KEYS.credential]),
    sessionCredential: parseStored('credential', credentialSchema, sessionRaw[STORAGE_KEYS.credential]),
    tokenState: parseStored('tokenState', tokenStateSchema, raw[STORAGE_KEYS.tokenState]),
    settings: parseStored('settings', settingsSchema, raw[STORAGE_KEYS.settings]),
    reminders: parseStored('reminders', remindersSchema, raw[STORAGE_KEYS.reminders]),
    notice: parseStored('notice', noticeSchema, raw[STORAGE_KEYS.notice]),
    apps: parseStored('apps', appsStateSchema, raw[STORAGE_KEYS.apps]),
  };
}

/** Removes and writes keys of `storage.local` (and the session's credential), for the start-up repair. */
export async function applyRepair(repair: {
  removeLocal: string[];
  removeSessionCredential: boolean;
  writeLocal: Record<string, unknown>;
}): Promise<void> {
  if (repair.removeSessionCredential) await session().remove(STORAGE_KEYS.credential);
  if (repair.removeLocal.length) await local().remove(repair.removeLocal);
  if (Object.keys(repair.writeLocal).length) await local().set(repair.writeLocal);
}
