import { browser } from 'wxt/browser';
import { BUILD_API_ORIGIN } from '../../api/build-origin';
import { checkCustomOrigin, originPattern } from '../../api/custom-server';
import { OFFICIAL_API_ORIGINS } from '../../api/origins';
import { PENDING_CLEAR_KEY } from '../../clipboard/worker/pending-clear-store';
import type { Done, Refused } from '../../protocol/intents';
import type { IntentHandlers } from '../../protocol/worker/intent-handlers';
import { validateLeadTimes } from '../../reminders/lead-times';
import { revocationNotificationId } from '../../reminders/schedule';
import type { TrackedToken } from '../../state/types';
import { clearAllStorage, saveNotice, setKeepSignedIn, updateStored } from '../../state/worker/store';
import { t } from '../../text/i18n';
import { DAY_MS, HOUR_MS } from '../../time/units';
import { latestPatExpiry } from '../../token/pat-expiry';
import { MAX_REVALIDATE_EVERY_MS, MAX_REVOCATION_REPEAT_MS, MIN_REVALIDATE_EVERY_MS, MIN_REVOCATION_REPEAT_MS } from '../limits';

/** The servers the manifest grants at install: never given back. */
function builtInOrigins(): string[] {
  return [...OFFICIAL_API_ORIGINS, ...(BUILD_API_ORIGIN ? [BUILD_API_ORIGIN] : [])];
}

function invalid(message: string): Refused {
  return { ok: false, error: { kind: 'invalid-input', message } };
}

function checkTrackedToken(name: string, expiresAt: number, now: number): { ok: true; name: string } | { ok: false; message: string } {
  const trimmed = name.trim();
  if (!trimmed) return { ok: false, message: t('trackedNameMissing') };
  if (trimmed.length > 200) return { ok: false, message: t('trackedNameTooLong') };
  if (!Number.isFinite(expiresAt) || expiresAt <= 0) return { ok: false, message: t('trackedDateMissing') };
  if (expiresAt > latestPatExpiry(now)) {
    return { ok: false, message: t('dateTooFar') };
  }
  return { ok: true, name: trimmed };
}

/** Settings, reminders and tracked tokens: everything the options page changes, validated here. */
export function createSettingsService(options: {
  now: () => number;
  newId?: () => string;
  signOut: () => Promise<void>;
  /** Calls off the sign-ins under way, which would otherwise store a token of the previous server. */
  cancelSignIns: () => void;
}) {
  const { now, signOut, cancelSignIns } = options;
  const newId = options.newId ?? (() => crypto.randomUUID());

  async function updateTracked(change: (tracked: TrackedToken[]) => TrackedToken[] | string): Promise<Done | Refused> {
    let problem: string | null = null;
    await updateStored('reminders', (reminders) => {
      const tracked = change(reminders.tracked);
      if (typeof tracked !== 'string') return { ...reminders, tracked };
      problem = tracked;
      return undefined;
    });
    return problem ? invalid(problem) : { ok: true };
  }

  const handlers = {
    async setReminderSettings(intent) {
      const leadTimes = validateLeadTimes(intent.leadTimesMs);
      if (!leadTimes.ok) return invalid(leadTimes.message);
      if (intent.revocationRepeatMs < MIN_REVOCATION_REPEAT_MS || intent.revocationRepeatMs > MAX_REVOCATION_REPEAT_MS) {
        return invalid(t('repeatRange', MIN_REVOCATION_REPEAT_MS / DAY_MS, MAX_REVOCATION_REPEAT_MS / DAY_MS));
      }
      await updateStored('settings', (settings) => ({
        ...settings,
        reminders: { enabled: intent.enabled, leadTimesMs: leadTimes.value, revocationRepeatMs: intent.revocationRepeatMs },
      }));
      return { ok: true };
    },
    async addTrackedToken(intent) {
      const checked = checkTrackedToken(intent.name, intent.expiresAt, now());
      if (!checked.ok) return invalid(checked.message);
      return updateTracked((tracked) => [...tracked, { id: newId(), name: checked.name, expiresAt: intent.expiresAt }]);
    },
    async updateTrackedToken(intent) {
      const checked = checkTrackedToken(intent.name, intent.expiresAt, now());
      if (!checked.ok) return invalid(checked.message);
      return updateTracked((tracked) =>
        tracked.some((entry) => entry.id === intent.id)
          ? tracked.map((entry) => (entry.id === intent.id ? { ...entry, name: checked.name, expiresAt: intent.expiresAt } : entry))
          : t('trackedGone'),
      );
    },
    deleteTrackedToken: (intent) => updateTracked((tracked) => tracked.filter((entry) => entry.id !== intent.id)),
    async confirmRevoked(intent) {
      await updateStored('reminders', (reminders) => ({
        ...reminders,
        revocations: reminders.revocations.filter((reminder) => reminder.id !== intent.id),
      }));
      await browser.notifications?.clear(revocationNotificationId(intent.id)).catch(() => {});
      return { ok: true };
    },
    async setApiServer(intent) {
      const checked = checkCustomOrigin(intent.origin);
      if (!checked.ok) return invalid(checked.message);
      const granted = await browser.permissions.contains({ origins: [originPattern(checked.origin)] });
      if (!granted) return invalid(t('serverNoPermission', checked.origin));
      let previous = checked.origin;
      // A token belongs to the server that accepted it. The settings change first: a sign-in stores its token
      // only while they still name its server, so a token of the previous server is either never stored, or
      // signed out here. Sign-ins under way are called off, so their requests stop too.
      await updateStored('settings', (latest) => {
        previous = latest.apiOrigin;
        return previous === checked.origin ? undefined : { ...latest, apiOrigin: checked.origin };
      });
      if (previous === checked.origin) return { ok: true };
      cancelSignIns();
      await signOut();
      // The permission was asked for that server alone: give it back once the extension no longer talks to it.
      if (!builtInOrigins().includes(previous)) {
        await browser.permissions.remove({ origins: [originPattern(previous)] }).catch(() => {});
      }
      return { ok: true };
    },
    async setRevalidateEvery(intent) {
      if (intent.everyMs < MIN_REVALIDATE_EVERY_MS || intent.everyMs > MAX_REVALIDATE_EVERY_MS) {
        return invalid(t('revalidateRange', MIN_REVALIDATE_EVERY_MS / HOUR_MS, MAX_REVALIDATE_EVERY_MS / HOUR_MS));
      }
      await updateStored('settings', (settings) => ({ ...settings, revalidateEveryMs: intent.everyMs }));
      return { ok: true };
    },
    async setKeepSignedIn(intent) {
      await setKeepSignedIn(intent.keepSignedIn);
      return { ok: true };
    },
    async dismissNotice() {
      await saveNotice(null);
      return { ok: true };
    },
    async forgetEverything() {
      // A token copied just before is still cleared from the clipboard at its time: the clear is kept.
      await clearAllStorage([PENDING_CLEAR_KEY]);
      await browser.notifications
        ?.getAll()
        .then((all) => Promise.all(Object.keys(all).map((id) => browser.notifications.clear(id))))
        .catch(() => {});
      return { ok: true };
    },
  } satisfies Partial<IntentHandlers>;

  return { handlers };
}
