import { render } from 'preact';
import { localizeDocument } from '../../components/localize-document';
import '../../components/theme.css';
import { followScreenChanges, snapshotForScreens } from '../../lib/state/screen/screen-snapshot';
import { displayText, readStoredDisplay, type StoredDisplay } from '../../lib/state/stored-display';
import { dropKeysOfOlderVersions, PAGE_WORD_MEMO } from '../../lib/text/screen/formatted-words';
import { keepWordsIn } from '../../lib/text/word-memo';
import { displayInPopupUrl } from '../../lib/toolbar/popup-url';
import { closeOnEscape } from './close-on-escape';
import { PopupApp } from './PopupApp';
import { loadedView, loadView, provideViews, type ViewSources } from './popup-views';

/**
 * Starts a popup page: paints what is stored in the first frame, with the code of the state it holds, which
 * the page's own file has unless the page was opened for the other state. No network, no waiting for the
 * worker, and, when the worker put what the screens show in the popup's URL, no waiting for storage either:
 * that is painted at once, and storage's answer, read in parallel, confirms it or replaces it.
 */
export function startPopup(views: ViewSources): void {
  // The storage read first, so that it runs while the rest of the page starts.
  const stored = readStoredDisplay();
  const changes = followScreenChanges();
  // Words written by an earlier page are painted without setting up Intl or the browser's catalog.
  keepWordsIn(PAGE_WORD_MEMO);
  dropKeysOfOlderVersions();
  provideViews(views);
  // The popup's title is the product's name, the same in every language.
  localizeDocument();
  closeOnEscape(document, () => window.close());
  const root = document.getElementById('app')!;

  let paints = 0;
  const paint = (display: StoredDisplay) => {
    const ticket = ++paints;
    const snapshot = snapshotForScreens(display);
    // Keyed by the paint: storage differing from the URL replaces the popup, nothing of the stale one stays.
    const draw = () => ticket === paints && render(<PopupApp key={ticket} initial={snapshot} changes={changes} />, root);
    const view = snapshot.tokenState ? 'signedIn' : 'signIn';
    if (loadedView(view)) draw();
    else void loadView(view).then(draw);
  };

  const fromUrl = displayInPopupUrl(location.hash);
  if (fromUrl) paint(fromUrl.display);
  void stored.then((display) => {
    if (!fromUrl || displayText(display) !== fromUrl.text) paint(display);
  });
}
