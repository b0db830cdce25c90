import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBudgets, chunkName, type ExtensionSize, measureBuild, sizeOf } from '../../scripts/bundle-sizes';

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

  it("holds each of the popup's pages, one per state, to the budget by what it loads in its own state", () => {
    const root = build(
      { action: { default_popup: 'popup.html' } },
      {
        'popup.html': '<script type="module" src="/chunks/popup-AAAAAAAA.js"></script><style>main { color: red }</style>',
        'popup-sign-in.html': '<script type="module" src="/chunks/popup-sign-in-BBBBBBBB.js"></script>',
        'chunks/popup-AAAAAAAA.js': `${filler('signedIn', 4000)}const other = () => import("./sign-in-view-CCCCCCCC.js");\n`,
        'chunks/popup-sign-in-BBBBBBBB.js': `${filler('signIn', 2000)}const other = () => import("./signed-in-view-DDDDDDDD.js");\n`,
        'chunks/sign-in-view-CCCCCCCC.js': `import "./popup-AAAAAAAA.js";\n${filler('forms', 1000)}`,
        'chunks/signed-in-view-DDDDDDDD.js': `import "./popup-sign-in-BBBBBBBB.js";\n${filler('account', 3000)}`,
      },
    );
    const [popup] = measureBuild(root).entries;
    const gzip = (path: string) => sizeOf(join(root, path)).gzip;
    expect(popup!.pages.map((page) => [page.state, page.source])).toEqual([
      ['signedIn', 'popup.html'],
      ['signIn', 'popup-sign-in.html'],
    ]);
    const [signedIn, signIn] = popup!.pages;
    // The other state's view is loaded only by a page opened for that state: not counted.
    expect(signedIn!.js.gzip).toBe(gzip('chunks/popup-AAAAAAAA.js'));
    expect(signedIn!.otherStateFiles.map((file) => file.path)).toEqual(['chunks/sign-in-view-CCCCCCCC.js']);
    expect(signIn!.js.gzip).toBe(gzip('chunks/popup-sign-in-BBBBBBBB.js'));
    // The budgeted figure is the heavier page's.
    expect(popup!.js.gzip).toBe(Math.max(signedIn!.js.gzip, signIn!.js.gzip));
    expect(popup!.source).toBe('popup.html');
    // A stylesheet written into the page counts as its CSS.
    expect(signedIn!.css.raw).toBe('main { color: red }'.length);
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

describe('the budgets', () => {
  /** An extension whose entries load these many gzipped bytes of JavaScript. */
  const sized = (gzip: Record<'popup' | 'options' | 'background', number>): ExtensionSize =>
    ({
      entries: Object.entries(gzip).map(([entry, bytes]) => ({ entry, js: { raw: bytes, gzip: bytes } })),
      total: { raw: 0, gzip: 0, files: 0 },
    }) as unknown as ExtensionSize;

  it('hold the popup to 20 kB, the options page to 28 kB and the worker to 32 kB of gzipped JavaScript', () => {
    const within = checkBudgets(sized({ popup: 20_000, options: 28_000, background: 32_000 }));
    expect(within.map(({ entry, budget, pass }) => [entry, budget, pass])).toEqual([
      ['popup', 20_000, true],
      ['options', 28_000, true],
      ['background', 32_000, true],
    ]);
    const over = checkBudgets(sized({ popup: 20_001, options: 28_001, background: 32_001 }));
    expect(over.map(({ pass }) => pass)).toEqual([false, false, false]);
  });
});
