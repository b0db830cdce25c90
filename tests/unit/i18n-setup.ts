import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage, getUILanguage, useLanguage } from './test-language';

// The fake browser has no i18n: it answers from the real catalogs.
fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = getUILanguage;

afterEach(() => useLanguage('en'));
