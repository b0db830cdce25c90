import { browser } from 'wxt/browser';
import { BUILD_API_ORIGIN } from './build-config';
import {
  DISCARDED_NOTICE,
  STORAGE_KEYS,
  credentialSchema,
  defaultSettings,
  noticeSchema,
  parseStored,
  settingsSchema,
  tokenStateSchema,
  type Notice,
  type Settings,
  type StoredCredential,
  type TokenState,
} from './stored-state';

/** Everything a screen needs, none of it secret. */
export interface Snapshot {
  tokenState: TokenState | null;
  settings: Settings;
  notice: Notice | null;
  /** Some stored value did not parse and was ignored. */
  discarded: boolean;
}

const local = () => browser.storage.local;

/** Keeps storage out of reach of content scripts, where the browser lets us say so. */
export async function restrictStorageToTrustedContexts(): Promise<void> {
  const area = local() as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  if (typeof area.setAccessLevel === 'function') {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  }
}

export function snapshotFromRaw(raw: Record<string, unknown>): Snapshot {
  const tokenState = parseStored('tokenState', tokenStateSchema, raw[STORAGE_KEYS.tokenState]);
  const settings = parseStored('settings', settingsSchema, raw[STORAGE_KEYS.settings]);
  const notice = parseStored('notice', noticeSchema, raw[STORAGE_KEYS.notice]);
  return {
    tokenState: tokenState.status === 'valid' ? tokenState.value : null,
    settings: settings.status === 'valid' ? settings.value : defaultSettings(BUILD_API_ORIGIN),
    notice: notice.status === 'valid' ? notice.value : null,
    discarded: [tokenState, settings, notice].some((outcome) => outcome.status === 'invalid'),
  };
}

const SNAPSHOT_KEYS = [STORAGE_KEYS.tokenState, STORAGE_KEYS.settings, STORAGE_KEYS.notice];

export async function readSnapshot(): Promise<Snapshot> {
  return snapshotFromRaw(await local().get(SNAPSHOT_KEYS));
}

/** Calls back with a fresh snapshot whenever a screen-visible key changes. Returns the unsubscribe. */
export function watchSnapshot(onChange: (snapshot: Snapshot) => void): () => void {
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'local') return;
    if (!SNAPSHOT_KEYS.some((key) => key in changes)) return;
    void readSnapshot().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Background only: the secret. */
export async function readCredential(): Promise<StoredCredential | null> {
  const raw = await local().get(STORAGE_KEYS.credential);
  const outcome = parseStored('credential', credentialSchema, raw[STORAGE_KEYS.credential]);
  return outcome.status === 'valid' ? outcome.value : null;
}

/** One `set` call, so the secret and what screens show of it never disagree. */
export async function saveSignedIn(credential: StoredCredential, tokenState: TokenState): Promise<void> {
  await local().set({ [STORAGE_KEYS.credential]: credential, [STORAGE_KEYS.tokenState]: tokenState });
}

export async function saveTokenState(tokenState: TokenState): Promise<void> {
  await local().set({ [STORAGE_KEYS.tokenState]: tokenState });
}

export async function forgetToken(): Promise<void> {
  await local().remove([STORAGE_KEYS.credential, STORAGE_KEYS.tokenState]);
}

export async function saveNotice(notice: Notice | null): Promise<void> {
  if (notice) await local().set({ [STORAGE_KEYS.notice]: notice });
  else await local().remove(STORAGE_KEYS.notice);
}

/**
 * Run when the worker starts: migrates old-but-valid values in place and removes what cannot be read,
 * leaving a notice for the popup. A credential without a readable token state (or the reverse) is
 * half of a sign-in, so both go.
 */
export async function repairStorage(now: number): Promise<{ repaired: boolean }> {
  const raw = await local().get(null);
  const credential = parseStored('credential', credentialSchema, raw[STORAGE_KEYS.credential]);
  const tokenState = parseStored('tokenState', tokenStateSchema, raw[STORAGE_KEYS.tokenState]);
  const settings = parseStored('settings', settingsSchema, raw[STORAGE_KEYS.settings]);
  const notice = parseStored('notice', noticeSchema, raw[STORAGE_KEYS.notice]);

  const toRemove: string[] = [];
  const toWrite: Record<string, unknown> = {};
  let discarded = false;

  const tokenPairBroken =
    credential.status === 'invalid' ||
    tokenState.status === 'invalid' ||
    (credential.status === 'valid') !== (tokenState.status === 'valid');
  if (tokenPairBroken) {
    if (credential.status !== 'absent') toRemove.push(STORAGE_KEYS.credential);
    if (tokenState.status !== 'absent') toRemove.push(STORAGE_KEYS.tokenState);
    discarded = credential.status === 'invalid' || tokenState.status === 'invalid' || toRemove.length > 0;
  } else {
    if (credential.status === 'valid' && credential.migrated) toWrite[STORAGE_KEYS.credential] = credential.value;
    if (tokenState.status === 'valid' && tokenState.migrated) toWrite[STORAGE_KEYS.tokenState] = tokenState.value;
  }
  if (settings.status === 'invalid') {
    toRemove.push(STORAGE_KEYS.settings);
    discarded = true;
  } else if (settings.status === 'valid' && settings.migrated) {
    toWrite[STORAGE_KEYS.settings] = settings.value;
  }
  if (notice.status === 'invalid') toRemove.push(STORAGE_KEYS.notice);
  if (discarded) toWrite[STORAGE_KEYS.notice] = { message: DISCARDED_NOTICE, at: now };

  if (toRemove.length) await local().remove(toRemove);
  if (Object.keys(toWrite).length) await local().set(toWrite);
  return { repaired: discarded || Object.keys(toWrite).length > 0 };
}
