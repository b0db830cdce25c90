import { revocationReminderFor } from '../reminders/revocation-reminder';
import { EMPTY_REMINDERS } from '../state/defaults';
import { STORAGE_KEYS } from '../state/keys';
import { discardedNotice, sessionEndedNotice } from '../state/notices';
import type { StoredCredential } from '../state/types';
import type { ParseOutcome } from '../state/worker/migrations';
import { type EveryKey, type Repair, repairStored } from '../state/worker/store';

interface RepairPlan extends Repair {
  /** Something was migrated or dropped. */
  repaired: boolean;
}

/**
 * What the start-up repair does with what storage holds: migrates old-but-valid values in place and removes
 * what cannot be read, leaving a notice for the popup. A credential without a readable token state (or the
 * reverse) is half of a sign-in, so both go. A pure decision; `repairStorage` carries it out.
 */
function planRepair(read: EveryKey, now: number, newId: () => string): RepairPlan {
  const { localCredential, sessionCredential, tokenState, settings, reminders, notice, apps, diagnostics } = read;
  const credential: ParseOutcome<StoredCredential> = localCredential.status === 'absent' ? sessionCredential : localCredential;
  const plan: RepairPlan = { removeLocal: [], removeSessionCredential: false, writeLocal: {}, repaired: false };

  // A session-only token is gone after the browser closed: that is a sign-out, not damage.
  const sessionEnded =
    credential.status === 'absent' && tokenState.status === 'valid' && settings.status === 'valid' && !settings.value.keepSignedIn;
  if (sessionEnded) {
    plan.removeLocal.push(STORAGE_KEYS.tokenState, STORAGE_KEYS.apps);
    plan.writeLocal[STORAGE_KEYS.notice] = { message: sessionEndedNotice(), at: now };
    // The browser forgot the token, but TelemetryDeck did not: a personal access token still needs revoking.
    const revocation = revocationReminderFor(tokenState.value.token, tokenState.value.check, now, newId());
    if (revocation) {
      const current = reminders.status === 'valid' ? reminders.value : EMPTY_REMINDERS;
      plan.writeLocal[STORAGE_KEYS.reminders] = { ...current, revocations: [...current.revocations, revocation] };
    }
    return { ...plan, repaired: true };
  }

  let discarded = false;
  const tokenPairBroken =
    credential.status === 'invalid' ||
    tokenState.status === 'invalid' ||
    (credential.status === 'valid') !== (tokenState.status === 'valid');
  if (tokenPairBroken) {
    if (credential.status !== 'absent') {
      plan.removeLocal.push(STORAGE_KEYS.credential);
      plan.removeSessionCredential = true;
    }
    if (tokenState.status !== 'absent') plan.removeLocal.push(STORAGE_KEYS.tokenState);
    discarded = plan.removeLocal.length > 0;
  } else if (localCredential.status === 'valid' && settings.status === 'valid' && !settings.value.keepSignedIn) {
    // "Keep me signed in" is off, yet the token is on disk (a change of it cut short): it moves to memory.
    plan.writeSessionCredential = localCredential.value;
    plan.removeLocal.push(STORAGE_KEYS.credential);
    if (tokenState.status === 'valid' && tokenState.migrated) plan.writeLocal[STORAGE_KEYS.tokenState] = tokenState.value;
  } else {
    if (localCredential.status === 'valid' && localCredential.migrated) plan.writeLocal[STORAGE_KEYS.credential] = localCredential.value;
    if (tokenState.status === 'valid' && tokenState.migrated) plan.writeLocal[STORAGE_KEYS.tokenState] = tokenState.value;
  }
  for (const [key, outcome] of [
    [STORAGE_KEYS.settings, settings],
    [STORAGE_KEYS.reminders, reminders],
    [STORAGE_KEYS.apps, apps],
  ] as const) {
    if (outcome.status === 'invalid') {
      plan.removeLocal.push(key);
      discarded = true;
    } else if (outcome.status === 'valid' && outcome.migrated) {
      plan.writeLocal[key] = outcome.value;
    }
  }
  // A notice or diagnostics that cannot be read are dropped without a word: nothing the user chose is lost.
  if (notice.status === 'invalid') plan.removeLocal.push(STORAGE_KEYS.notice);
  if (diagnostics.status === 'invalid') plan.removeLocal.push(STORAGE_KEYS.diagnostics);
  if (discarded) plan.writeLocal[STORAGE_KEYS.notice] = { message: discardedNotice(), at: now };
  return { ...plan, repaired: discarded || Boolean(plan.writeSessionCredential) || Object.keys(plan.writeLocal).length > 0 };
}

/** Run when the worker starts: storage as the current schemas want it. */
export async function repairStorage(now: number, newId: () => string = () => crypto.randomUUID()): Promise<{ repaired: boolean }> {
  const plan = await repairStored((read) => planRepair(read, now, newId));
  return { repaired: plan.repaired };
}
