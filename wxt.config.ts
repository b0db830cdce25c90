import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { hostPermissionFor, OFFICIAL_API_ORIGINS } from './lib/api/origins';

/** `WXT_API_BASE_URL` (an origin) becomes the default API server and gains a host permission. */
function buildTimeApiOrigin(): string | undefined {
  const raw = process.env.WXT_API_BASE_URL?.trim();
  if (!raw) return undefined;
  const url = new URL(raw);
  return url.origin;
}

const extraOrigin = buildTimeApiOrigin();

/** `<origin>/*` for each API origin; in Firefox, whose patterns cannot name a port, `<scheme>://<host>/*`. */
const hostPermissions = (browser: string) =>
  [...OFFICIAL_API_ORIGINS, ...(extraOrigin ? [extraOrigin] : [])]
    .map((origin) => hostPermissionFor(origin, browser === 'firefox' ? 'firefox' : 'chrome'))
    .filter((pattern, index, all) => all.indexOf(pattern) === index);

/**
 * `npm run bench` builds with TDTM_BENCH_BUILD=1, which adds its baseline page, bench-blank.html, copied as is
 * (never through Vite, so the real pages are bundled exactly as in any other build). Other builds lack it.
 */
const isBenchBuild = process.env.TDTM_BENCH_BUILD === '1';

/**
 * Vite wraps every `import()` in a helper that first fetches the imported chunk's CSS and
 * static imports. The popup's lazily loaded view (the other state's, entrypoints/popup/popup-views.ts) imports
 * only what its page's one file already holds (modules/one-file-per-page.ts), and all CSS is in each page
 * (`cssCodeSplit: false`), so the helper has nothing to do: this makes it a plain call.
 */
const plainDynamicImports = {
  name: 'plain-dynamic-imports',
  enforce: 'pre' as const,
  load: (id: string) => (id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : undefined),
};
const BENCH_PAGES = ['bench-blank.html', 'bench-floor.html', 'bench-floor.js'].map((name) => ({
  absoluteSrc: resolve(import.meta.dirname, 'scripts', name),
  relativeDest: name,
}));

/**
 * Firefox only. What the extension transmits, as addons.mozilla.org asks it to be declared: the token (and,
 * for an email sign-in, the email and password once) goes to TelemetryDeck's API, which answers with the
 * account's name, email and organization. That is the service the user signed in to; nothing is sent to
 * anyone else, and there is no analytics, telemetry or crash reporting.
 */
const GECKO_SETTINGS = {
  gecko: {
    id: 'telemetrydeck-token-manager@token-manager.dev',
    strict_min_version: '128.0',
    data_collection_permissions: { required: ['authenticationInfo', 'personallyIdentifyingInfo'] },
  },
};

export default defineConfig({
  outDir: process.env.WXT_OUT_DIR || '.output',
  // Every `browser.*` call goes through webextension-polyfill (`wxt/browser` resolves to it): one promise-based
  // API in Chrome and Firefox alike, down to a listener's returned promise being its answer.
  modules: ['@wxt-dev/webextension-polyfill'],
  // Manifest V3 for every browser, Firefox included (WXT would default Firefox to V2, which has no
  // `optional_host_permissions` and no `browser.action`).
  manifestVersion: 3,
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      if (isBenchBuild) files.push(...BENCH_PAGES);
    },
  },
  vite: () => ({
    plugins: [preact(), plainDynamicImports],
    define: {
      __BUILD_API_ORIGIN__: JSON.stringify(extraOrigin ?? ''),
    },
    build: {
      // Each page is one script (modules/one-file-per-page.ts): nothing to preload, and no preload polyfill.
      modulePreload: { polyfill: false },
      // One stylesheet for every page, written into each page (modules/one-file-per-page.ts), so that no CSS is
      // fetched lazily either.
      cssCodeSplit: false,
    },
  }),
  manifest: ({ browser }) => ({
    // Every word of the manifest comes from the catalogs in public/_locales, like every word on screen.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // clipboardWrite: the keyboard command copies, and a copied token is cleared, with no page open; Chrome's
    // worker does both through an offscreen document. clipboardRead, asked for in the options page: a clear
    // first checks that the clipboard still holds what the extension copied.
    permissions: ['storage', 'alarms', 'notifications', 'clipboardWrite', ...(browser === 'firefox' ? [] : ['offscreen'])],
    optional_permissions: ['clipboardRead'],
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    host_permissions: hostPermissions(browser),
    action: {
      default_title: '__MSG_extName__',
    },
    // No web page and no other extension may message or connect to this one: only its own pages speak to
    // its worker (whose receiver also checks every sender). Without the key, any other extension could.
    externally_connectable: { ids: [], matches: [] },
    commands: {
      // Opens the popup, as a click on the toolbar button does; users may change it in the browser.
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandOpenPopup__',
      },
      // Copies the token without opening the popup (lib/clipboard/worker/clipboard-service.ts).
      'copy-token': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_commandCopyToken__',
      },
    },
    // Chrome 116 is the first to answer every API this extension calls (notifications included) with a promise.
    ...(browser === 'firefox' ? { browser_specific_settings: GECKO_SETTINGS } : { minimum_chrome_version: '116' }),
  }),
});
