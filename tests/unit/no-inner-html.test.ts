import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|html)$/.test(entry.name) ? [path] : [];
  });
}

describe('markup from strings', () => {
  // web-ext lint flags the innerHTML assignment behind Preact's dangerouslySetInnerHTML (README, "web-ext
  // lint warnings"); it stays dead code only while nothing of ours uses either.
  it('is never set: no dangerouslySetInnerHTML, innerHTML, outerHTML or insertAdjacentHTML in the extension', () => {
    const offenders = ['entrypoints', 'components', 'lib']
      .flatMap(sources)
      .filter((file) =>
        /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(
          readFileSync(join(ROOT, file), 'utf8'),
        ),
      );
    expect(offenders).toEqual([]);
  });
});

describe('messages from outside the extension', () => {
  // Firefox ignores `externally_connectable`: there, that no listener exists is what keeps other extensions out.
  it('reach no listener: nothing registers runtime.onMessageExternal or runtime.onConnectExternal', () => {
    const listeners = ['entrypoints', 'components', 'lib']
      .flatMap(sources)
      .filter((file) => /onMessageExternal|onConnectExternal/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(listeners).toEqual([]);
  });
});
