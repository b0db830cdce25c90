import { render } from 'preact';
import { localizeDocument } from '../../components/localize-document';
import { snapshotForScreens } from '../../lib/state/screen-snapshot';
import { readStoredDisplay } from '../../lib/state/stored-display';
import '../../components/theme.css';
import '../../components/options.css';
import { OptionsApp } from './OptionsApp';

localizeDocument('optionsTitle');
void readStoredDisplay().then((display) => {
  render(<OptionsApp initial={snapshotForScreens(display)} />, document.getElementById('app')!);
});
