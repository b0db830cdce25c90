import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isPolyfillModule, keepPolyfillNamespaces, WRAPPED_NAMESPACES } from '../../modules/polyfill-metadata';

const source = readFileSync(createRequire(import.meta.url).resolve('webextension-polyfill'), 'utf8');

/** The polyfill's API list, as the trimmed source would build it. */
function metadataOf(code: string): Record<string, unknown> {
  const start = code.indexOf('const apiMetadata = ') + 'const apiMetadata = '.length;
  return JSON.parse(code.slice(start, code.indexOf(';', start)).trim().replace(/;$/, '')) as Record<string, unknown>;
}

describe("trimming webextension-polyfill's list of wrapped APIs", () => {
  it('keeps exactly the namespaces named, with their call signatures, and the rest of the polyfill as it was', () => {
    const trimmed = keepPolyfillNamespaces(source, WRAPPED_NAMESPACES);
    const full = metadataOf(
      source.replace(
        /const apiMetadata = ([\s\S]*?\n {6}});/,
        (_all, literal: string) => `const apiMetadata = ${JSON.stringify(JSON.parse(literal))};`,
      ),
    );
    const kept = metadataOf(trimmed);
    expect(Object.keys(kept).sort()).toEqual([...WRAPPED_NAMESPACES].sort());
    for (const namespace of WRAPPED_NAMESPACES) expect(kept[namespace]).toEqual(full[namespace]);
    // Messaging keeps its own wrappers, which do not depend on the list; the polyfill still knows itself.
    expect(trimmed).toContain('onMessage: wrapEvent(onMessageWrappers)');
    expect(trimmed).toContain('This script should only be loaded in a browser extension.');
    expect(trimmed.length).toBeLessThan(source.length - 5_000);
    expect(() => new Function(trimmed)).not.toThrow();
  });

  it("finds the polyfill in the worker's bundle and in each page's own copy of it", () => {
    const file = '/repo/node_modules/webextension-polyfill/dist/browser-polyfill.js';
    expect(isPolyfillModule(file)).toBe(true);
    expect(isPolyfillModule(`${file}?page=popup`)).toBe(true);
    expect(isPolyfillModule(`${file}?page=options`)).toBe(true);
    expect(isPolyfillModule('/repo/node_modules/webextension-polyfill/dist/browser-polyfill.js.map')).toBe(false);
    expect(isPolyfillModule('/repo/lib/state/keys.ts?page=popup')).toBe(false);
  });

  it('fails loudly when the polyfill no longer has the list where it was', () => {
    expect(() => keepPolyfillNamespaces('const somethingElse = {};', WRAPPED_NAMESPACES)).toThrow(/no longer has the API list/);
  });
});
