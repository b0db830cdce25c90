import type { WxtBrowser } from 'wxt/browser';

const globals = globalThis as { browser?: WxtBrowser; chrome?: WxtBrowser };

/**
 * The extension API as the pages (popup and options) use it: Firefox's own `browser`, else Chrome's
 * `chrome`. Both return promises for every call the pages make (storage, runtime messages, the options
 * page, permissions), so the pages load no webextension-polyfill: it alone would be 2.6 kB of the popup's
 * 12 kB gzipped budget. The background worker keeps the polyfill (`wxt/browser`).
 */
export const browser: WxtBrowser = globals.browser?.runtime?.id ? globals.browser : globals.chrome!;
