import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage, useLanguage } from './test-language';

// The fake browser has no i18n: it answers from the real catalogs.
fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;

afterEach(() => useLanguage('en'));
