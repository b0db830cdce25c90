import { browser } from 'wxt/browser';
import { apiError } from '../../api/error';
import { recordFailure } from '../../diagnostics/worker/failure-log';
import { notify } from '../../notifications/worker/notifier';
import { refused } from '../../protocol/intent-result';
import type { IntentHandlers } from '../../protocol/worker/intent-handlers';
import { createSerialQueue } from '../../state/worker/serial-queue';
import { readCredential, readStoredSnapshot, updateStored } from '../../state/worker/store';
import { t } from '../../text/i18n';
import { isClearDelay } from '../clear-delay';
import { clearIsDue, isSameClear, type PendingClear, pendingClearFor } from '../clear-policy';
import { copiedWording } from '../copy-wording';
import { digestOf } from '../digest';
import { snippetFor } from '../snippets';
import { readPendingClear, savePendingClear } from './pending-clear-store';
import { clearClipboardIfHolds, writeClipboard } from './system-clipboard';

/** Backs the timer: an alarm wakes a stopped worker when a clear is due. */
export const CLIPBOARD_CLEAR_ALARM = 'clipboard-clear';
/** The keyboard command that copies the token without opening the popup (manifest `commands`). */
export const COPY_TOKEN_COMMAND = 'copy-token';
const COPY_NOTIFICATION_ID = 'copy-token';
/** A clear that failed (the browser's clipboard was busy, say) is tried again this much later, this often. */
const CLEAR_RETRY_MS = 5_000;
const CLEAR_ATTEMPTS = 3;

/** Whether the extension may read the clipboard, which it must to clear only what it copied. */
function mayReadClipboard(): Promise<boolean> {
  return browser.permissions.contains({ permissions: ['clipboardRead'] }).catch(() => false);
}

/**
 * The token on its way out, on the user's request only: copied as one of the formats, revealed in the popup, or
 * copied by the keyboard command; and the clipboard cleared after the chosen delay, if it still holds exactly
 * what was copied. The screens get the token only in the answer to their own intent.
 */
export function createClipboardService(options: { now: () => number }) {
  const { now } = options;
  /**
   * Scheduling, clearing and retrying change the pending clear through this one queue. A clear holds it only to
   * read the record and, after the clipboard's round trip, to settle it: a copy made meanwhile is never kept waiting.
   */
  const serially = createSerialQueue();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The clear under way in this worker, which a second wake-up (timer and alarm both) joins. */
  let clearing: Promise<void> | null = null;

  /** A timer while the worker lives, and an alarm for when it has stopped; a new copy replaces both. */
  async function arm(pending: PendingClear | null): Promise<void> {
    clearTimeout(timer);
    if (!pending) {
      await browser.alarms.clear(CLIPBOARD_CLEAR_ALARM);
      return;
    }
    await browser.alarms.create(CLIPBOARD_CLEAR_ALARM, { when: pending.clearAt });
    timer = setTimeout(() => void clearIfDue(), Math.max(0, pending.clearAt - now()));
  }

  /** After a copy of `text`: when its clear comes, or why none will. */
  async function scheduleClear(text: string): Promise<{ clearsAfterMs: number | null; clearNeedsPermission: boolean }> {
    const afterMs = (await readStoredSnapshot()).settings.clipboardClearAfterMs;
    const allowed = afterMs !== null && (await mayReadClipboard());
    const digest = await digestOf(text);
    const pending = await serially(async () => {
      const next = allowed ? pendingClearFor(digest, now(), afterMs) : null;
      // A copy that will not be cleared leaves the clear of an earlier copy in place: that copy may still be there.
      if (!next) return null;
      await savePendingClear(next);
      await arm(next);
      return next;
    });
    return { clearsAfterMs: pending ? afterMs : null, clearNeedsPermission: afterMs !== null && !allowed };
  }

  /** The pending clear if its moment has come; otherwise its timer and alarm are set again, and null. */
  function takeDue(): Promise<PendingClear | null> {
    return serially(async () => {
      const pending = await readPendingClear();
      if (!pending) return null;
      if (clearIsDue(pending, now())) return pending;
      await arm(pending);
      return null;
    });
  }

  /** After the round trip: done or given up, the record goes; failed, it is tried again. Only if no copy replaced it. */
  function settle(pending: PendingClear, failed: boolean, at: number): Promise<void> {
    return serially(async () => {
      if (!isSameClear(await readPendingClear(), pending)) return;
      const failedAttempts = pending.failedAttempts + (failed ? 1 : 0);
      const next = failed && failedAttempts < CLEAR_ATTEMPTS ? { ...pending, clearAt: at + CLEAR_RETRY_MS, failedAttempts } : null;
      await savePendingClear(next);
      await arm(next);
    });
  }

  async function clearOnce(): Promise<void> {
    const pending = await takeDue();
    if (!pending) return;
    const at = now();
    let failed = false;
    try {
      // Unreadable (the permission was withdrawn): what it holds cannot be known, so it is left alone.
      await clearClipboardIfHolds(pending.digest);
    } catch (error) {
      // The pending clear stays until it is done: a failure is kept for the diagnostics and tried again.
      await recordFailure('clipboard', error, [], at);
      failed = true;
    }
    await settle(pending, failed, at);
  }

  /** Clears the clipboard once the moment has come, if it still holds what the extension copied. */
  function clearIfDue(): Promise<void> {
    clearing ??= clearOnce().finally(() => {
      clearing = null;
    });
    return clearing;
  }

  /** The keyboard command: the raw token onto the clipboard, and a notification saying so, or why not. */
  async function copyFromCommand(): Promise<void> {
    const credential = await readCredential();
    if (!credential) {
      await notify(COPY_NOTIFICATION_ID, { title: t('copyCommandNothingTitle'), message: t('copyCommandSignedOut') }, false);
      return;
    }
    if (!(await writeClipboard(credential.token))) {
      await notify(COPY_NOTIFICATION_ID, { title: t('copyCommandNothingTitle'), message: t('copyCommandRefused') }, false);
      return;
    }
    const clear = await scheduleClear(credential.token);
    await notify(COPY_NOTIFICATION_ID, { title: t('copyCommandCopiedTitle'), message: copiedWording(clear) }, false);
  }

  const handlers = {
    async copyToken(intent) {
      const credential = await readCredential();
      if (!credential) return refused(apiError('not-signed-in'));
      // The server that accepted the token: the settings may name another one by now.
      const text = snippetFor(intent.format, credential.token, credential.origin);
      return { ok: true, text, announcement: copiedWording(await scheduleClear(text)) };
    },
    async revealToken() {
      const credential = await readCredential();
      return credential ? { ok: true, token: credential.token } : refused(apiError('not-signed-in'));
    },
    async setClipboardClearAfter(intent) {
      if (!isClearDelay(intent.afterMs)) return refused(apiError('invalid-input', { message: t('clipboardDelayUnknown') }));
      await updateStored('settings', (settings) => ({ ...settings, clipboardClearAfterMs: intent.afterMs }));
      return { ok: true };
    },
  } satisfies Partial<IntentHandlers>;

  return { handlers, clearIfDue, copyFromCommand };
}
