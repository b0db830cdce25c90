import { render } from 'preact';
import { localizeDocument } from '../../components/localize-document';
import { followScreenChanges, snapshotForScreens } from '../../lib/state/screen/screen-snapshot';
import { readStoredDisplay } from '../../lib/state/stored-display';
import { dropKeysOfOlderVersions, PAGE_WORD_MEMO } from '../../lib/text/screen/formatted-words';
import { keepWordsIn } from '../../lib/text/word-memo';
import '../../components/theme.css';
import optionsStylesheet from '../../components/options/options.css?inline';
import { OptionsApp } from './OptionsApp';

// The options page's own rules, added by this page alone: the build writes the shared stylesheet into every
// page, and the popup would parse these too.
const style = document.createElement('style');
style.textContent = optionsStylesheet;
document.head.append(style);
const stored = readStoredDisplay();
const changes = followScreenChanges();
// Words written by an earlier page are painted without setting up Intl or the browser's catalog, the title's too.
keepWordsIn(PAGE_WORD_MEMO);
dropKeysOfOlderVersions();
localizeDocument('optionsTitle');
void stored.then((display) => {
  render(<OptionsApp initial={snapshotForScreens(display)} changes={changes} />, document.getElementById('app')!);
});
