import { render } from 'preact';
import { localizeDocument } from '../../components/localize-document';
import { readScreenSnapshot } from '../../lib/state/screen-snapshot';
import '../../components/theme.css';
import '../../components/options.css';
import { OptionsApp } from './OptionsApp';

localizeDocument('optionsTitle');
void readScreenSnapshot().then((snapshot) => render(<OptionsApp initial={snapshot} />, document.getElementById('app')!));
