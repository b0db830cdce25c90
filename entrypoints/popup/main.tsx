import { render } from 'preact';
import { localizeDocument } from '../../components/localize-document';
import { readScreenSnapshot } from '../../lib/state/screen-snapshot';
import { hintedView } from '../../lib/toolbar/popup-hint';
import '../../components/theme.css';
import { closeOnEscape } from './close-on-escape';
import { PopupApp } from './PopupApp';
import { loadView } from './popup-views';

// Paint what is stored in the first frame: one storage read and the code of the state it holds; no
// network, no waiting for the worker.
const stored = readScreenSnapshot();
// The popup's title is the product's name, the same in every language.
localizeDocument();
closeOnEscape(document, () => window.close());
// The view the toolbar button's URL names loads while storage is read (lib/popup-hint.ts).
const hinted = hintedView(location.hash);
if (hinted) void loadView(hinted);
void stored.then(async (snapshot) => {
  await loadView(snapshot.tokenState ? 'signedIn' : 'signIn');
  render(<PopupApp initial={snapshot} />, document.getElementById('app')!);
});
