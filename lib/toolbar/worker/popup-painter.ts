import { browser } from 'wxt/browser';
import { readStoredDisplay } from '../../state/display-cache';
import { popupUrlFor } from '../popup-url';

/**
 * Points the toolbar button at the popup page for what storage holds, stamped with it: after every change of
 * what the screens show, so that a popup never paints a display cache older than storage.
 */
export async function pointPopupAtStoredState(): Promise<void> {
  await browser.action.setPopup({ popup: popupUrlFor(await readStoredDisplay()) });
}
