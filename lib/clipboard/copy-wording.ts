import { t } from '../text/i18n';

/** After a copy: when the clipboard clears, or why it will not. */
export function copiedWording(clear: { clearsAfterMs: number | null; clearNeedsPermission: boolean }): string {
  if (clear.clearsAfterMs !== null) return t('copiedClearsIn', describeShortWait(clear.clearsAfterMs));
  return t(clear.clearNeedsPermission ? 'copiedClearingOff' : 'copiedNeverCleared');
}

/** "30 s", "1 min": the clear delay as the options page names it. */
export function describeShortWait(ms: number): string {
  return ms % 60_000 === 0 ? t('delayMinutes', ms / 60_000) : t('delaySeconds', ms / 1000);
}
