import { render } from 'preact';
import { readSnapshot } from '../../lib/screen-snapshot';
import '../../components/theme.css';
import '../../components/options.css';
import { OptionsApp } from './OptionsApp';

void readSnapshot().then((snapshot) => render(<OptionsApp initial={snapshot} />, document.getElementById('app')!));
