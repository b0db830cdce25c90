/**
 * The popup comes as two pages, one per state, each holding in its one file the code of its own state's view
 * (entrypoints/popup/main.tsx, entrypoints/popup-sign-in/main.tsx). The background points the toolbar button
 * at the page for the state it last saw, so that the popup loads everything its first frame needs at once.
 * Storage still decides what the popup shows: a page opened for the other state loads that state's view.
 */
export type PopupViewName = 'signedIn' | 'signIn';

export const POPUP_PAGES: Record<PopupViewName, string> = { signedIn: 'popup.html', signIn: 'popup-sign-in.html' };

export function popupPageFor(signedIn: boolean): string {
  return POPUP_PAGES[signedIn ? 'signedIn' : 'signIn'];
}
