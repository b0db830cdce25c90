import { browser } from 'wxt/browser';
import { SNAPSHOT_KEYS, STORAGE_KEYS } from '../keys';
import { type Snapshot, snapshotOf } from '../snapshot';
import type { Diagnostics, Notice, RevocationReminder, Settings, StoredCredential, TokenState } from '../types';
import { type MigrationContext, parseStored } from './migrations';
import {
  appsStateSchema,
  credentialSchema,
  diagnosticsSchema,
  noticeSchema,
  remindersSchema,
  settingsSchema,
  tokenStateSchema,
} from './schemas';
import { createSerialQueue } from './serial-queue';

const local = () => browser.storage.local;
/** Kept in memory by the browser and gone when it closes: where the token lives when "Keep me signed in" is off. */
const session = () => browser.storage.session;
/**
 * Every read-modify-write of stored state goes through this one queue, as one step: no change overwrites one
 * made meanwhile, and no decision rests on what another step is about to change. A step must not itself call
 * a function of this module that enqueues (it would wait for itself).
 */
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

/**
 * A credential stored before it recorded its origin was accepted by the server of the settings. Settings that
 * cannot be read name no server: such a credential is then refused, never bound to the default one.
 */
function migrationContext(rawSettings: unknown): MigrationContext | undefined {
  const settings = parseStored('settings', settingsSchema, rawSettings);
  if (settings.status === 'invalid') return undefined;
  return { apiOrigin: settings.status === 'valid' ? settings.value.apiOrigin : snapshotFromRaw({}).settings.apiOrigin };
}

/** The secret, from whichever area holds it. */
export async function readCredential(): Promise<StoredCredential | null> {
  const context = migrationContext((await local().get(STORAGE_KEYS.settings))[STORAGE_KEYS.settings]);
  for (const area of [local(), session()]) {
    const raw = await area.get(STORAGE_KEYS.credential);
    const outcome = parseStored('credential', credentialSchema, raw[STORAGE_KEYS.credential], context);
    if (outcome.status === 'valid') return outcome.value;
  }
  return null;
}

async function removeToken(): Promise<void> {
  await session().remove(STORAGE_KEYS.credential);
  await local().remove([STORAGE_KEYS.credential, STORAGE_KEYS.tokenState, STORAGE_KEYS.apps]);
}

async function addRevocation(snapshot: Snapshot, reminder: RevocationReminder | null): Promise<void> {
  if (!reminder) return;
  const { reminders } = snapshot;
  await local().set({ [STORAGE_KEYS.reminders]: { ...reminders, revocations: [...reminders.revocations, reminder] } });
}

/**
 * Stores a sign-in, as one step: `mayStore` decides on the settings of that moment (the server may have
 * changed meanwhile), and "Keep me signed in" is read then too, so a change of it never leaves the secret in
 * the wrong area. A token it replaces gets the revocation reminder `revocationFor` gives. With "Keep me
 * signed in" on, secret and state go in one `set` call, so they never disagree; with it off, the secret goes
 * to session storage first, and the state follows. False when `mayStore` refused.
 */
export function saveSignedIn(
  credential: StoredCredential,
  tokenState: TokenState,
  mayStore: (settings: Settings) => boolean,
  revocationFor: (replaced: TokenState) => RevocationReminder | null,
): Promise<boolean> {
  return serially(async () => {
    const snapshot = await readStoredSnapshot();
    const { settings } = snapshot;
    if (!mayStore(settings)) return false;
    const previous = await readCredential();
    if (previous && previous.token !== credential.token && snapshot.tokenState) {
      await addRevocation(snapshot, revocationFor(snapshot.tokenState));
    }
    // Numbers fetched with the previous sign-in belong to it.
    await local().remove(STORAGE_KEYS.apps);
    if (settings.keepSignedIn) {
      await local().set({ [STORAGE_KEYS.credential]: credential, [STORAGE_KEYS.tokenState]: tokenState });
      await session().remove(STORAGE_KEYS.credential);
    } else {
      await session().set({ [STORAGE_KEYS.credential]: credential });
      await local().remove(STORAGE_KEYS.credential);
      await local().set({ [STORAGE_KEYS.tokenState]: tokenState });
    }
    return true;
  });
}

/**
 * Forgets the token, as one step with the reminder to revoke it (`revocationFor` the state being forgotten):
 * two sign-outs at once leave one reminder, since the second finds nothing left to forget.
 */
export function signOutStored(revocationFor: (tokenState: TokenState) => RevocationReminder | null): Promise<void> {
  return serially(async () => {
    const snapshot = await readStoredSnapshot();
    if (snapshot.tokenState) await addRevocation(snapshot, revocationFor(snapshot.tokenState));
    await removeToken();
  });
}

/**
 * "Keep me signed in": the secret moves first, and the setting follows, in one step. A step cut short leaves the
 * setting naming the area the secret was in, which start-up repair reconciles (`repairStored`).
 */
export function setKeepSignedIn(keepSignedIn: boolean): Promise<void> {
  return serially(async () => {
    const { settings } = await readStoredSnapshot();
    const credential = await readCredential();
    if (credential) {
      const [to, from] = keepSignedIn ? [local(), session()] : [session(), local()];
      await to.set({ [STORAGE_KEYS.credential]: credential });
      await from.remove(STORAGE_KEYS.credential);
    }
    await local().set({ [STORAGE_KEYS.settings]: { ...settings, keepSignedIn } });
  });
}

type Updatable = Pick<Snapshot, 'tokenState' | 'settings' | 'reminders' | 'apps'>;

/**
 * Read, change and write one stored value as one step of the queue. `change` gets the value and the whole
 * snapshot of that moment, and returns the new value, or undefined to leave it as it is.
 */
export function updateStored<K extends keyof Updatable>(
  key: K,
  change: (current: Updatable[K], snapshot: Snapshot) => Updatable[K] | undefined | Promise<Updatable[K] | undefined>,
): Promise<void> {
  return serially(async () => {
    const snapshot = await readStoredSnapshot();
    const next = await change(snapshot[key], snapshot);
    if (next === undefined || next === null) return;
    await local().set({ [STORAGE_KEYS[key]]: next });
  });
}

/** The diagnostics as stored, or none. */
async function readDiagnostics(): Promise<Diagnostics | null> {
  const raw = await local().get(STORAGE_KEYS.diagnostics);
  const outcome = parseStored('diagnostics', diagnosticsSchema, raw[STORAGE_KEYS.diagnostics]);
  return outcome.status === 'valid' ? outcome.value : null;
}

/** Changes the diagnostics as one step; null removes them. */
export function updateDiagnostics(change: (current: Diagnostics | null) => Diagnostics | null): Promise<void> {
  return serially(async () => {
    const next = change(await readDiagnostics());
    if (next) await local().set({ [STORAGE_KEYS.diagnostics]: next });
    else await local().remove(STORAGE_KEYS.diagnostics);
  });
}

/** "Forget everything": every key in every area this extension writes, but those in `keep`. */
export function clearAllStorage(keep: readonly string[]): Promise<void> {
  return serially(async () => {
    // Removed by name rather than cleared, so that a kept key written meanwhile is never lost.
    const forgotten = Object.keys(await local().get(null)).filter((key) => !keep.includes(key));
    if (forgotten.length) await local().remove(forgotten);
    await session().clear();
  });
}

export function saveNotice(notice: Notice | null): Promise<void> {
  return serially(async () => {
    if (notice) await local().set({ [STORAGE_KEYS.notice]: notice });
    else await local().remove(STORAGE_KEYS.notice);
  });
}

/** Each key's outcome, parsed from what the areas hold now: the repair's input. */
async function readEveryKey() {
  const raw = await local().get(null);
  const sessionRaw = await session().get(STORAGE_KEYS.credential);
  const context = migrationContext(raw[STORAGE_KEYS.settings]);
  return {
    localCredential: parseStored('credential', credentialSchema, raw[STORAGE_KEYS.credential], context),
    sessionCredential: parseStored('credential', credentialSchema, sessionRaw[STORAGE_KEYS.credential], context),
    tokenState: parseStored('tokenState', tokenStateSchema, raw[STORAGE_KEYS.tokenState]),
    settings: parseStored('settings', settingsSchema, raw[STORAGE_KEYS.settings]),
    reminders: parseStored('reminders', remindersSchema, raw[STORAGE_KEYS.reminders]),
    notice: parseStored('notice', noticeSchema, raw[STORAGE_KEYS.notice]),
    apps: parseStored('apps', appsStateSchema, raw[STORAGE_KEYS.apps]),
    diagnostics: parseStored('diagnostics', diagnosticsSchema, raw[STORAGE_KEYS.diagnostics]),
  };
}
export type EveryKey = Awaited<ReturnType<typeof readEveryKey>>;

export interface Repair {
  removeLocal: string[];
  removeSessionCredential: boolean;
  writeLocal: Record<string, unknown>;
  /** A credential to put in session storage, before anything is removed from `storage.local`. */
  writeSessionCredential?: StoredCredential;
}

/**
 * The start-up repair as one step: `plan` decides from what every key holds, and its removals and writes of
 * `storage.local` (and the session's credential) follow before any other step reads.
 */
export function repairStored<R extends Repair>(plan: (read: EveryKey) => R): Promise<R> {
  return serially(async () => {
    const repair = plan(await readEveryKey());
    if (repair.writeSessionCredential) await session().set({ [STORAGE_KEYS.credential]: repair.writeSessionCredential });
    if (repair.removeSessionCredential) await session().remove(STORAGE_KEYS.credential);
    if (repair.removeLocal.length) await local().remove(repair.removeLocal);
    if (Object.keys(repair.writeLocal).length) await local().set(repair.writeLocal);
    return repair;
  });
}
