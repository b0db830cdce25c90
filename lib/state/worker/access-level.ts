import { browser } from 'wxt/browser';

/**
 * Keeps storage out of reach of content scripts, where the browser lets us say so. Firefox has no
 * `setAccessLevel`; Chrome before 140 has it but refuses it for `storage.local`. Either way the extension
 * has no content scripts, so this is a second lock, and a refusal must not stop the worker starting.
 */
export async function restrictStorageToTrustedContexts(): Promise<void> {
  const area = browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  if (typeof area.setAccessLevel !== 'function') return;
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Refused, by a rejection or a throw: the extension still starts.
  }
}
