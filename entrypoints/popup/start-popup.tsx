import { render } from 'preact';
import { localizeDocument } from '../../components/localize-document';
import { readScreenSnapshot } from '../../lib/state/screen-snapshot';
import type { Snapshot } from '../../lib/state/snapshot';
import '../../components/theme.css';
import { closeOnEscape } from './close-on-escape';
import { PopupApp } from './PopupApp';
import { loadedView, loadView, provideViews, type ViewSources } from './popup-views';

/**
 * Starts a popup page: paints what is stored in the first frame, from one storage read and the code of the
 * state it holds, which the page's own file has unless the page was opened for the other state. No network,
 * no waiting for the worker.
 */
export function startPopup(views: ViewSources): void {
  // The storage read first, so that it runs while the rest of the page starts.
  const stored = readScreenSnapshot();
  provideViews(views);
  // The popup's title is the product's name, the same in every language.
  localizeDocument();
  closeOnEscape(document, () => window.close());
  const paint = (snapshot: Snapshot) => render(<PopupApp initial={snapshot} />, document.getElementById('app')!);
  void stored.then((snapshot) => {
    const view = snapshot.tokenState ? 'signedIn' : 'signIn';
    if (loadedView(view)) paint(snapshot);
    else void loadView(view).then(() => paint(snapshot));
  });
}
