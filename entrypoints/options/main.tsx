import { render } from 'preact';
import { localizeDocument } from '../../components/localize-document';
import { readStoredDisplay, rememberDisplay } from '../../lib/state/display-cache';
import { snapshotForScreens } from '../../lib/state/screen-snapshot';
import '../../components/theme.css';
import '../../components/options.css';
import { OptionsApp } from './OptionsApp';

localizeDocument('optionsTitle');
void readStoredDisplay().then((display) => {
  render(<OptionsApp initial={snapshotForScreens(display)} />, document.getElementById('app')!);
  // What the options page read is what the popup shows next: the popup's display cache follows it.
  rememberDisplay(display);
});
