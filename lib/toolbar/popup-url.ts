import { displayFromText, displayText, type StoredDisplay } from '../state/stored-display';
import { popupPageFor } from './popup-page';

/**
 * The popup's URL for what storage holds: the page for its state (./popup-page.ts), and in its fragment what
 * the screens show (../state/stored-display.ts), so that the popup paints its first frame from its own URL,
 * without waiting for storage. The worker rewrites it after every change of what the screens show. The
 * fragment never leaves the browser and never holds the token.
 */
export function popupUrlFor(display: StoredDisplay): string {
  return `${popupPageFor(display.tokenState != null)}#${encodeURIComponent(displayText(display))}`;
}

/** What the worker put in a popup URL's fragment (`location.hash`), with its text; null if nothing usable. */
export function displayInPopupUrl(hash: string): { display: StoredDisplay; text: string } | null {
  if (hash.length < 2) return null;
  let text: string;
  try {
    text = decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
  const display = displayFromText(text);
  return display && { display, text };
}
