import { browser } from 'wxt/browser';
import { t } from '../../text/i18n';
import { revocationReminderFor } from '../../reminders/revocation-reminder';
import { createSerialQueue } from './serial-queue';
import { snapshotOf, type Snapshot } from '../snapshot';
import { SNAPSHOT_KEYS, discardedNotice } from '../keys';
import {
  EMPTY_REMINDERS,
  STORAGE_KEYS,
  appsStateSchema,
  credentialSchema,
  noticeSchema,
  parseStored,
  remindersSchema,
  settingsSchema,
  tokenStateSchema,
  type AppsState,
  type Notice,
  type Reminders,
  type Settings,
  type StoredCredential,
  type TokenState,
} from './schemas';

export function sessionEndedNotice(): string {
  return t('noticeSessionEnded');
}

const local = () => browser.storage.local;
/** Every write the worker makes goes through this queue, so no change overwrites one made meanwhile. */
const serially = createSerialQueue();
/** Kept in memory by the browser and gone when it closes: where the token lives when "Keep me signed in" is off. */
const session = () => browser.storage.session;

/**
 * Keeps storage out of reach of content scripts, where the browser lets us say so. Firefox has no
 * `setAccessLevel`; Chrome before 140 has it but refuses it for `storage.local`. Either way the extension
 * has no content scripts, so this is a second lock, and a refusal must not stop the worker starting.
 */
export async function restrictStorageToTrustedContexts(): Promise<void> {
  const area = local() as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  if (typeof area.setAccessLevel !== 'function') return;
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Refused, by a rejection or a throw: the extension still starts.
  }
}

export function snapshotFromRaw(raw: Record<string, unknown>): Snapshot {
  return snapshotOf({
    tokenState: parseStored('tokenState', tokenStateSchema, raw[STORAGE_KEYS.tokenState]),
    settings: parseStored('settings', settingsSchema, raw[STORAGE_KEYS.settings]),
    reminders: parseStored('reminders', remindersSchema, raw[STORAGE_KEYS.reminders]),
    notice: parseStored('notice', noticeSchema, raw[STORAGE_KEYS.notice]),
    apps: parseStored('apps', appsStateSchema, raw[STORAGE_KEYS.apps]),
  });
}


export async function readSnapshot(): Promise<Snapshot> {
  return snapshotFromRaw(await local().get(SNAPSHOT_KEYS));
}

/** Background only: the secret, from whichever area holds it. */
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
    const current = (await readSnapshot())[key];
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

/**
 * Run when the worker starts: migrates old-but-valid values in place and removes what cannot be read,
 * leaving a notice for the popup. A credential without a readable token state (or the reverse) is
 * half of a sign-in, so both go.
 */
export async function repairStorage(now: number): Promise<{ repaired: boolean }> {
  const raw = await local().get(null);
  const sessionRaw = await session().get(STORAGE_KEYS.credential);
  const localCredential = parseStored('credential', credentialSchema, raw[STORAGE_KEYS.credential]);
  const sessionCredential = parseStored('credential', credentialSchema, sessionRaw[STORAGE_KEYS.credential]);
  const credential = localCredential.status === 'absent' ? sessionCredential : localCredential;
  const tokenState = parseStored('tokenState', tokenStateSchema, raw[STORAGE_KEYS.tokenState]);
  const settings = parseStored('settings', settingsSchema, raw[STORAGE_KEYS.settings]);
  const reminders = parseStored('reminders', remindersSchema, raw[STORAGE_KEYS.reminders]);
  const notice = parseStored('notice', noticeSchema, raw[STORAGE_KEYS.notice]);
  const apps = parseStored('apps', appsStateSchema, raw[STORAGE_KEYS.apps]);

  const toRemove: string[] = [];
  const toWrite: Record<string, unknown> = {};
  let discarded = false;

  // A session-only token is gone after the browser closed: that is a sign-out, not damage.
  const sessionEnded =
    credential.status === 'absent' && tokenState.status === 'valid' && settings.status === 'valid' && !settings.value.keepSignedIn;
  if (sessionEnded) {
    await local().remove([STORAGE_KEYS.tokenState, STORAGE_KEYS.apps]);
    const toSet: Record<string, unknown> = { [STORAGE_KEYS.notice]: { message: sessionEndedNotice(), at: now } };
    // The browser forgot the token, but TelemetryDeck did not: a personal access token still needs revoking.
    const revocation = revocationReminderFor(tokenState.value.token, tokenState.value.check, now, crypto.randomUUID());
    if (revocation) {
      const current = reminders.status === 'valid' ? reminders.value : EMPTY_REMINDERS;
      toSet[STORAGE_KEYS.reminders] = { ...current, revocations: [...current.revocations, revocation] };
    }
    await local().set(toSet);
    return { repaired: true };
  }

  const tokenPairBroken =
    credential.status === 'invalid' ||
    tokenState.status === 'invalid' ||
    (credential.status === 'valid') !== (tokenState.status === 'valid');
  if (tokenPairBroken) {
    if (credential.status !== 'absent') {
      toRemove.push(STORAGE_KEYS.credential);
      await session().remove(STORAGE_KEYS.credential);
    }
    if (tokenState.status !== 'absent') toRemove.push(STORAGE_KEYS.tokenState);
    discarded = credential.status === 'invalid' || tokenState.status === 'invalid' || toRemove.length > 0;
  } else {
    if (localCredential.status === 'valid' && localCredential.migrated) toWrite[STORAGE_KEYS.credential] = localCredential.value;
    if (tokenState.status === 'valid' && tokenState.migrated) toWrite[STORAGE_KEYS.tokenState] = tokenState.value;
  }
  if (settings.status === 'invalid') {
    toRemove.push(STORAGE_KEYS.settings);
    discarded = true;
  } else if (settings.status === 'valid' && settings.migrated) {
    toWrite[STORAGE_KEYS.settings] = settings.value;
  }
  if (reminders.status === 'invalid') {
    toRemove.push(STORAGE_KEYS.reminders);
    discarded = true;
  }
  if (notice.status === 'invalid') toRemove.push(STORAGE_KEYS.notice);
  if (apps.status === 'invalid') {
    toRemove.push(STORAGE_KEYS.apps);
    discarded = true;
  }
  if (discarded) toWrite[STORAGE_KEYS.notice] = { message: discardedNotice(), at: now };

  if (toRemove.length) await local().remove(toRemove);
  if (Object.keys(toWrite).length) await local().set(toWrite);
  return { repaired: discarded || Object.keys(toWrite).length > 0 };
}
