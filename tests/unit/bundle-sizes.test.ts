import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkName, measureBuild, sizeOf } from '../../scripts/bundle-sizes';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A built extension in a temporary directory: `files` by path, the manifest made from `manifest`. */
function build(manifest: object, files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'tdtm-sizes-'));
  for (const [path, content] of Object.entries({ 'manifest.json': JSON.stringify(manifest), ...files })) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A module of `length` letters that gzip cannot shrink much, so that sizes follow lengths. */
function filler(label: string, length: number): string {
  let seed = length;
  const letters = Array.from({ length }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return String.fromCharCode(97 + (seed % 26));
  });
  return `export const ${label} = "${letters.join('')}";\n`;
}

describe('what an entry is counted for', () => {
  it('names a chunk by its module', () => {
    expect(chunkName('chunks/sign-in-view-BvRl0y2j.js')).toBe('sign-in-view');
    expect(chunkName('chunks/signed-in-view-Cg6Bwwkv.js')).toBe('signed-in-view');
    expect(chunkName('background.js')).toBe('background');
  });

  it('counts the popup before it runs, plus the heavier of the two views it loads one at a time', () => {
    const root = build(
      { action: { default_popup: 'popup.html' } },
      {
        'popup.html':
          '<script type="module" src="/chunks/popup-AAAAAAAA.js"></script><link rel="modulepreload" href="/chunks/shared-BBBBBBBB.js">',
        'chunks/popup-AAAAAAAA.js': `import "./shared-BBBBBBBB.js";\nconst views = { a: () => import("./signed-in-view-CCCCCCCC.js"), b: () => import("./sign-in-view-DDDDDDDD.js") };\n`,
        'chunks/shared-BBBBBBBB.js': filler('shared', 2000),
        'chunks/signed-in-view-CCCCCCCC.js': `import "./shared-BBBBBBBB.js";\n${filler('big', 4000)}`,
        'chunks/sign-in-view-DDDDDDDD.js': `import "./pat-expiry-EEEEEEEE.js";\n${filler('small', 1000)}`,
        'chunks/pat-expiry-EEEEEEEE.js': filler('expiry', 500),
      },
    );
    const [popup] = measureBuild(root).entries;
    const gzip = (path: string) => sizeOf(join(root, path)).gzip;
    const eager = gzip('chunks/popup-AAAAAAAA.js') + gzip('chunks/shared-BBBBBBBB.js');
    expect(popup!.eagerJs.gzip).toBe(eager);
    expect(popup!.views.map((view) => view.name)).toEqual(['signed-in-view', 'sign-in-view']);
    expect(popup!.js.gzip).toBe(eager + gzip('chunks/signed-in-view-CCCCCCCC.js'));
  });

  it('counts every other lazy chunk in full', () => {
    const root = build(
      { options_ui: { page: 'options.html' } },
      {
        'options.html': '<script type="module" src="/chunks/options-AAAAAAAA.js"></script>',
        'chunks/options-AAAAAAAA.js': `const later = () => import("./extra-BBBBBBBB.js");\n`,
        'chunks/extra-BBBBBBBB.js': filler('extra', 1000),
      },
    );
    const [options] = measureBuild(root).entries;
    expect(options!.js.gzip).toBe(
      sizeOf(join(root, 'chunks/options-AAAAAAAA.js')).gzip + sizeOf(join(root, 'chunks/extra-BBBBBBBB.js')).gzip,
    );
  });
});
