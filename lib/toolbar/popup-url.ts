import { displayStamp, type StoredDisplay } from '../state/display-stamp';
import { popupPageFor } from './popup-page';

/**
 * The popup's URL for what storage holds: the page for its state (./popup-page.ts), and the stamp of what the
 * screens show (../state/display-stamp.ts), which lets the popup paint its display cache at once when the two
 * agree.
 */
export function popupUrlFor(display: StoredDisplay): string {
  return `${popupPageFor(display.tokenState != null)}#${displayStamp(display)}`;
}
