// Each page of the extension loads one script and no stylesheet file: every module it uses is bundled into its
// own file, and the stylesheet is written into the page. A WXT module (WXT loads every file of modules/).
//
// Why: an extension page pays for every file it loads before its first frame, a round trip to the browser
// process each, and a second round for a file that only a script names. Paired with the benchmark's floor page
// (one script, one storage read), the signed-in popup made of a shared chunk, its own chunk, a stylesheet and a
// view chunk took a median 1.4-1.7 times as long in five runs; the same code as one script with the stylesheet
// in the page, 1.05-1.3 times, with as many tasks on the page's main thread as the floor page (README, Performance).
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

/** The query that makes a module the copy of one page: `…/i18n.ts?page=popup`. */
const PAGE_QUERY = 'page=';
const PAGE_QUERY_PATTERN = /[?&]page=([^&]*)/;

/** The page a module belongs to: named in its id, or the page itself (`entrypoints/<page>/index.html`, `<page>.html`). */
function pageOf(id: string): string | undefined {
  const named = PAGE_QUERY_PATTERN.exec(id)?.[1];
  if (named) return named;
  const path = id.split('?')[0]!;
  if (!path.endsWith('.html')) return undefined;
  return basename(path) === 'index.html' ? basename(dirname(path)) : basename(path, '.html');
}

function withoutPage(id: string): string {
  return id.replace(PAGE_QUERY_PATTERN, '').replace(/\?$/, '');
}

/**
 * Every module a page imports, directly or not, becomes that page's own copy (its id carries the page's name),
 * so that the bundler has nothing to share between pages and puts each page's code in one file. Lazily
 * imported code (the popup's other view) still gets a chunk of its own. Stylesheets are not copied: they are
 * one stylesheet for every page (cssCodeSplit: false), written into each page by `stylesheetInPage`.
 */
function pageCopies(): Plugin {
  return {
    name: 'tdtm:page-copies',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const page = importer && pageOf(importer);
      if (!page || PAGE_QUERY_PATTERN.test(source)) return null;
      // A virtual module: Vite's own `import()` helper (see plainDynamicImports), WXT's `virtual:wxt-html-plugins`.
      if (source.startsWith('\0')) return `${source}?${PAGE_QUERY}${page}`;
      const resolved = await this.resolve(source, withoutPage(importer), { ...options, skipSelf: true });
      if (!resolved || resolved.external) return resolved;
      const { id } = resolved;
      // Ids that carry a query of their own (`?html-proxy`) stay as they are.
      if (id.includes('?') || id.endsWith('.css')) return resolved;
      return { ...resolved, id: `${id}?${PAGE_QUERY}${page}` };
    },
    // A virtual module's copy holds what its own plugin loads under its own id.
    async load(id) {
      if (!id.startsWith('\0') || !PAGE_QUERY_PATTERN.test(id)) return null;
      const original = await this.load({ id: withoutPage(id) });
      return original.code ?? null;
    },
  };
}

/**
 * webextension-polyfill ships as UMD, a CommonJS module to the bundler, whose interop helpers the bundler keeps
 * in one chunk shared by every page: a second file for each. Given a `module` of its own, the same code is an
 * ES module, and each page keeps its copy in its one file.
 */
function polyfillAsEsModule(): Plugin {
  const polyfill = /\/node_modules\/webextension-polyfill\/dist\/browser-polyfill(\.min)?\.js$/;
  return {
    name: 'tdtm:polyfill-as-es-module',
    enforce: 'pre',
    load(id) {
      const path = id.split('?')[0]!;
      if (!polyfill.test(path)) return null;
      const code = readFileSync(path, 'utf8');
      return `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`;
    },
  };
}

/** The page's `<link rel="stylesheet">` to a stylesheet of the build becomes a `<style>` holding it: no file to load. */
function stylesheetInPage(): Plugin {
  return {
    name: 'tdtm:stylesheet-in-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const inlined = new Set<string>();
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
        page.source = String(page.source).replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (link) => {
          const href = /\bhref="\/?([^"]+)"/.exec(link)?.[1];
          const stylesheet = href ? bundle[href] : undefined;
          if (!href || stylesheet?.type !== 'asset') return link;
          inlined.add(href);
          return `<style>${String(stylesheet.source).trim()}</style>`;
        });
      }
      // Gone from the build once no script names it either (none does: cssCodeSplit is off).
      const named = (fileName: string) => Object.values(bundle).some((file) => file.type === 'chunk' && file.code.includes(fileName));
      for (const fileName of inlined) if (!named(fileName)) delete bundle[fileName];
    },
  };
}

export default defineWxtModule({
  name: 'one-file-per-page',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [pageCopies(), polyfillAsEsModule(), stylesheetInPage()] }));
  },
});
