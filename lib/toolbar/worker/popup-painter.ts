import { browser } from 'wxt/browser';
import { readStoredDisplay } from '../../state/stored-display';
import { popupUrlFor } from '../popup-url';

/**
 * Points the toolbar button at the popup page for what storage holds, carrying it: after every change of what
 * the screens show, so that a popup never paints from its URL anything older than storage.
 */
export async function pointPopupAtStoredState(): Promise<void> {
  await browser.action.setPopup({ popup: popupUrlFor(await readStoredDisplay()) });
}
