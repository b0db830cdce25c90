import { render } from 'preact';
import { localizeDocument } from '../../components/localize-document';
import { cachedDisplay, readStoredDisplay, rememberDisplay } from '../../lib/state/display-cache';
import { displayStamp, type StoredDisplay } from '../../lib/state/display-stamp';
import { snapshotForScreens } from '../../lib/state/screen-snapshot';
import '../../components/theme.css';
import { closeOnEscape } from './close-on-escape';
import { PopupApp } from './PopupApp';
import { loadedView, loadView, provideViews, type ViewSources } from './popup-views';

/**
 * Starts a popup page: paints what is stored in the first frame, with the code of the state it holds, which
 * the page's own file has unless the page was opened for the other state. No network, no waiting for the
 * worker, and, when the worker stamped the popup's URL with what the display cache holds, no waiting for
 * storage either: the cache is painted at once, and storage's answer, read in parallel, confirms it.
 */
export function startPopup(views: ViewSources): void {
  // The storage read first, so that it runs while the rest of the page starts.
  const stored = readStoredDisplay();
  provideViews(views);
  // The popup's title is the product's name, the same in every language.
  localizeDocument();
  closeOnEscape(document, () => window.close());
  const root = document.getElementById('app')!;

  let latest = 0;
  const paint = (display: StoredDisplay) => {
    const ticket = ++latest;
    const snapshot = snapshotForScreens(display);
    // Keyed by what it shows: storage differing from the cache replaces the popup, nothing of the stale one stays.
    const draw = () => ticket === latest && render(<PopupApp key={displayStamp(display)} initial={snapshot} />, root);
    const view = snapshot.tokenState ? 'signedIn' : 'signIn';
    if (loadedView(view)) draw();
    else void loadView(view).then(draw);
  };

  const cached = cachedDisplay(location.hash.slice(1));
  if (cached) paint(cached);
  void stored.then((display) => {
    rememberDisplay(display);
    if (!cached || displayStamp(display) !== displayStamp(cached)) paint(display);
  });
}
