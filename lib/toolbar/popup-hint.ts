/**
 * The popup's code comes in two views, one per state (entrypoints/popup/popup-views.ts). The background
 * points the toolbar button at `popup.html#<view>` for the state it last saw, so that the popup starts
 * loading that view's code while it reads storage instead of after. Only a hint: storage decides what the
 * popup shows, and a popup opened without one (or with a stale one) loads its view once it has read storage.
 */
export type PopupViewName = 'signedIn' | 'signIn';

export function popupPathFor(signedIn: boolean): string {
  return `popup.html#${signedIn ? 'signedIn' : 'signIn'}`;
}

/** The view named by a popup URL's `#…`, if any. */
export function hintedView(hash: string): PopupViewName | null {
  const name = hash.slice(1);
  return name === 'signedIn' || name === 'signIn' ? name : null;
}
