// webextension-polyfill lists the call signatures of every API it wraps in Chrome (bookmarks, devtools,
// history, webRequest…), in each bundle, mostly for APIs this extension never calls.
// A WXT module (WXT loads every file of modules/): it keeps the polyfill's list to the namespaces named here.
// A namespace left out is not lost: the polyfill hands it to Chrome as it is, whose Manifest V3 APIs answer
// with promises themselves; the listed ones keep the polyfill's wrapping, messaging's above all.
import { addViteConfig, defineWxtModule } from 'wxt/modules';

/**
 * Every namespace whose asynchronous calls the extension makes through `browser.*` (i18n's are synchronous):
 * add a namespace here when code starts calling one.
 */
export const WRAPPED_NAMESPACES = ['alarms', 'notifications', 'permissions', 'storage'] as const;

// A page's own copy of a module carries a query (`?page=popup`, modules/one-file-per-page.ts): trimmed all the same.
const POLYFILL_FILE = /[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js(\?.*)?$/;

/** Whether a module id is the polyfill, in the worker's bundle or in a page's own copy. */
export function isPolyfillModule(id: string): boolean {
  return POLYFILL_FILE.test(id);
}
const METADATA_START = 'const apiMetadata = ';

/**
 * The polyfill's source with its API list reduced to `keep`. The list is a JSON object literal between
 * `const apiMetadata = ` and the first line that closes it; anything else fails loudly rather than guess.
 */
export function keepPolyfillNamespaces(source: string, keep: readonly string[]): string {
  const start = source.indexOf(METADATA_START);
  const end = start < 0 ? -1 : source.indexOf('\n      };', start);
  if (start < 0 || end < 0) throw new Error('polyfill-metadata: the polyfill no longer has the API list this module trims');
  const literal = source.slice(start + METADATA_START.length, end + '\n      }'.length);
  const metadata = JSON.parse(literal) as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(metadata).filter(([namespace]) => keep.includes(namespace)));
  return `${source.slice(0, start)}${METADATA_START}${JSON.stringify(kept)}${source.slice(end + '\n      }'.length)}`;
}

export default defineWxtModule({
  name: 'polyfill-metadata',
  setup(wxt) {
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'polyfill-metadata',
          transform: (code: string, id: string) => (isPolyfillModule(id) ? keepPolyfillNamespaces(code, WRAPPED_NAMESPACES) : undefined),
        },
      ],
    }));
  },
});
