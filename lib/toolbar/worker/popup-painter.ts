import { browser } from 'wxt/browser';
import { storedDisplayOf } from '../../state/display-stamp';
import { SNAPSHOT_KEYS } from '../../state/keys';
import { popupUrlFor } from '../popup-url';

/**
 * Points the toolbar button at the popup page for what storage holds, stamped with it: after every change of
 * what the screens show, so that a popup never paints a display cache older than storage.
 */
export async function pointPopupAtStoredState(): Promise<void> {
  const display = storedDisplayOf(await browser.storage.local.get(SNAPSHOT_KEYS));
  await browser.action.setPopup({ popup: popupUrlFor(display) });
}
