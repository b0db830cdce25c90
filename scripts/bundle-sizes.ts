// What each entry of a built extension loads, in bytes, raw and gzipped; and the byte budgets.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { POPUP_PAGES } from '../lib/toolbar/popup-page.ts';
import { passFail, textTable } from './text-table.ts';

/** 1 kB = 1000 bytes, as WXT and Vite print sizes. */
const KB = 1000;

/**
 * Gzipped JavaScript per entry. Budgets with room for the next features rather than a record of the last
 * build: a quiet popup is the goal, not a full budget. Each includes webextension-polyfill, and the worker's
 * includes zod/mini.
 */
const JS_GZIP_BUDGETS: Record<EntryName, number> = {
  popup: 20 * KB,
  options: 28 * KB,
  background: 32 * KB,
};

/** A sentence only webextension-polyfill's code holds: where it is, the bundle has the polyfill. */
const POLYFILL_SIGNATURE = 'This script should only be loaded in a browser extension.';

/** The entries with a page whose JavaScript, as loaded before it runs, lacks webextension-polyfill. */
export function entriesWithoutPolyfill(buildDir: string, size: ExtensionSize): EntryName[] {
  const hasPolyfill = (files: FileSize[]) =>
    files.some((file) => file.path.endsWith('.js') && readFileSync(join(buildDir, file.path), 'utf8').includes(POLYFILL_SIGNATURE));
  return size.entries.filter(({ pages }) => !pages.every((page) => hasPolyfill(page.files))).map(({ entry }) => entry);
}

/**
 * The popup comes as one page per state (lib/toolbar/popup-page.ts): the toolbar opens the page of the state
 * the background last saw, and that page's one file holds its own state's view. Each page also names the other
 * state's view through `import()`, which it loads only when it was opened for the wrong state: those lazy
 * chunks, by the name of the module imported, are not counted. The popup's budget counts, for each state, what
 * that state's page loads before it runs (and any other lazy chunk in full), and holds the heavier to it.
 */
const OTHER_STATES_VIEWS: Partial<Record<EntryName, string[]>> = {
  popup: ['signed-in-view', 'sign-in-view'],
};

/** Files that only the benchmark adds to its own build: never part of the extension's size. */
const BENCH_ONLY_FILES = new Set(['bench-blank.html', 'bench-floor.html', 'bench-floor.js']);

export type EntryName = 'popup' | 'options' | 'background';

export interface Bytes {
  raw: number;
  /** Each file gzipped on its own (level 9), then summed: files load one by one. */
  gzip: number;
}

export interface FileSize extends Bytes {
  /** Relative to the build directory, with `/`. */
  path: string;
}

export interface PageSize {
  /** The HTML page, or the worker's script. */
  source: string;
  /** The JavaScript it loads in its own state: before it runs, and every lazy chunk but the other state's view. */
  js: Bytes;
  /** The JavaScript it loads before it runs. */
  eagerJs: Bytes;
  /** Its stylesheets: written into the page, or files it links. */
  css: Bytes;
  /** Every script and stylesheet file it loads before it runs. */
  files: FileSize[];
  /** Scripts it may load later through `import()`. */
  lazyJs: Bytes;
  lazyFiles: FileSize[];
  /** The other state's view, which it loads only when opened for that state (not counted). */
  otherStateFiles: FileSize[];
}

/** An entry: its heaviest page's sizes (its `js` is the budgeted figure), and each of its pages. */
export interface EntrySize extends PageSize {
  entry: EntryName;
  /** The popup's page for each state (`signedIn`, `signIn`); one page, unnamed, for the others. */
  pages: (PageSize & { state?: string })[];
}

export interface ExtensionSize {
  entries: EntrySize[];
  total: Bytes & { files: number };
}

export function sizeOf(path: string): Bytes {
  const content = readFileSync(path);
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

function sum(sizes: Bytes[]): Bytes {
  return sizes.reduce((total, size) => ({ raw: total.raw + size.raw, gzip: total.gzip + size.gzip }), { raw: 0, gzip: 0 });
}

/** What `<style>` elements of an HTML page hold. */
function inlineStyles(html: string): string {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1]!).join('\n');
}

/** `<script src>`, `<link rel=modulepreload href>` and `<link rel=stylesheet href>` of an HTML page. */
function assetsOfHtml(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag)) {
      const src = attribute('src');
      if (src) found.push(src);
    } else {
      const rel = (attribute('rel') ?? '').toLowerCase().split(/\s+/);
      const href = attribute('href');
      if (href && (rel.includes('modulepreload') || rel.includes('stylesheet'))) found.push(href);
    }
  }
  return found;
}

/** Static `import … from "x"`, `import "x"` and `export … from "x"` of a built module; not `import("x")`. */
function staticImportsOfScript(code: string): string[] {
  const pattern = /\b(?:import|export)\s*(?:[^"'`;()]*?\bfrom\s*)?["'`]([^"'`]+\.js)["'`]/g;
  return [...code.matchAll(pattern)].map((match) => match[1]!);
}

/** `import("x")` of a built module: loaded when the code gets there, if ever. */
function dynamicImportsOfScript(code: string): string[] {
  return [...code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g)].map((match) => match[1]!);
}

/** Build-relative path of `reference`, found in the build-relative file `from`. */
function resolveReference(from: string, reference: string): string {
  const clean = reference.replace(/[?#].*$/, '');
  return clean.startsWith('/') ? clean.slice(1) : posix.normalize(posix.join(posix.dirname(from), clean));
}

/** `files` and everything they import statically, in the order found. */
function withStaticImports(buildDir: string, files: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) {
      const imports = staticImportsOfScript(readFileSync(join(buildDir, file), 'utf8'));
      queue.push(...imports.map((reference) => resolveReference(file, reference)));
    }
  }
  return [...seen];
}

/** The chunk a built file holds, by the name of its module: `chunks/sign-in-view-Ab12.js` → `sign-in-view`. */
export function chunkName(path: string): string {
  return posix.basename(path).replace(/(-[\w-]{8})?\.js$/, '');
}

/**
 * What `start` (an HTML page, or a script) loads: `eager`, before it runs (what its HTML names, then every
 * static import); `lazy`, what `import()` may add later (with its static imports), not already eager;
 * `imported`, each `import()` target with its static imports that are not eager.
 */
function filesLoadedBy(
  buildDir: string,
  start: string,
): { eager: string[]; lazy: string[]; imported: { target: string; files: string[] }[] } {
  const named = start.endsWith('.html')
    ? assetsOfHtml(readFileSync(join(buildDir, start), 'utf8')).map((asset) => resolveReference(start, asset))
    : [start];
  const eager = withStaticImports(buildDir, named);
  const lazy = new Set<string>();
  const imported = new Map<string, string[]>();
  const scan = [...eager];
  while (scan.length > 0) {
    const file = scan.shift()!;
    if (!file.endsWith('.js')) continue;
    const targets = dynamicImportsOfScript(readFileSync(join(buildDir, file), 'utf8')).map((reference) =>
      resolveReference(file, reference),
    );
    for (const target of targets) {
      if (!imported.has(target))
        imported.set(
          target,
          withStaticImports(buildDir, [target]).filter((loaded) => !eager.includes(loaded)),
        );
    }
    for (const loaded of withStaticImports(buildDir, targets)) {
      if (eager.includes(loaded) || lazy.has(loaded)) continue;
      lazy.add(loaded);
      scan.push(loaded);
    }
  }
  return { eager, lazy: [...lazy], imported: [...imported].map(([target, files]) => ({ target, files })) };
}

interface Manifest {
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  background?: { service_worker?: string };
}

function entrySources(buildDir: string): [EntryName, string][] {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  const sources: [EntryName, string | undefined][] = [
    ['popup', manifest.action?.default_popup],
    ['options', manifest.options_ui?.page ?? manifest.options_page],
    ['background', manifest.background?.service_worker],
  ];
  return sources.filter((pair): pair is [EntryName, string] => Boolean(pair[1]));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(/[\\/]/).join('/'));
}

/** The pages an entry is made of: the popup's page for each state, or the one page (or script) the manifest names. */
function pagesOf(entry: EntryName, source: string): { state?: string; source: string }[] {
  if (entry !== 'popup') return [{ source }];
  return Object.entries(POPUP_PAGES).map(([state, page]) => ({ state, source: page }));
}

/** Sizes of the unpacked build in `buildDir` (e.g. `.output/chrome-mv3`), as the manifest names its entries. */
export function measureBuild(buildDir: string): ExtensionSize {
  const measured = (paths: string[]) => paths.map((path) => ({ path, ...sizeOf(join(buildDir, path)) }));
  const jsOf = (files: FileSize[]) => sum(files.filter((file) => file.path.endsWith('.js')));
  const cssOf = (source: string, files: FileSize[]) => {
    const linked = sum(files.filter((file) => file.path.endsWith('.css')));
    if (!source.endsWith('.html')) return linked;
    const inline = Buffer.from(inlineStyles(readFileSync(join(buildDir, source), 'utf8')));
    return sum([linked, { raw: inline.length, gzip: inline.length ? gzipSync(inline, { level: 9 }).length : 0 }]);
  };
  const measurePage = (entry: EntryName, source: string): PageSize => {
    const { eager, lazy, imported } = filesLoadedBy(buildDir, source);
    const files = measured(eager);
    const lazyFiles = measured(lazy);
    const otherViews = OTHER_STATES_VIEWS[entry] ?? [];
    const otherStatePaths = new Set(imported.filter(({ target }) => otherViews.includes(chunkName(target))).flatMap(({ files }) => files));
    const otherStateFiles = lazyFiles.filter((file) => otherStatePaths.has(file.path));
    // Counted: what it loads before it runs, and every lazy chunk but the other state's view.
    const counted = [...files, ...lazyFiles.filter((file) => !otherStatePaths.has(file.path))];
    return {
      source,
      js: jsOf(counted),
      eagerJs: jsOf(files),
      css: cssOf(source, files),
      files,
      lazyJs: jsOf(lazyFiles),
      lazyFiles,
      otherStateFiles,
    };
  };
  const entries = entrySources(buildDir).map(([entry, source]): EntrySize => {
    const pages = pagesOf(entry, source).map((page) => ({ ...page, ...measurePage(entry, page.source) }));
    const heaviest = [...pages].sort((a, b) => b.js.gzip - a.js.gzip)[0]!;
    const { state: _state, ...size } = heaviest;
    return { entry, ...size, pages };
  });
  const all = filesUnder(buildDir).filter((path) => !BENCH_ONLY_FILES.has(path));
  return { entries, total: { ...sum(all.map((path) => sizeOf(join(buildDir, path)))), files: all.length } };
}

export interface BudgetCheck {
  entry: EntryName;
  gzip: number;
  budget: number;
  pass: boolean;
}

export function checkBudgets(size: ExtensionSize): BudgetCheck[] {
  return size.entries.map(({ entry, js }) => ({
    entry,
    gzip: js.gzip,
    budget: JS_GZIP_BUDGETS[entry],
    pass: js.gzip <= JS_GZIP_BUDGETS[entry],
  }));
}

export function kb(bytes: number): string {
  return (bytes / KB).toFixed(1);
}

/** For messages: where a build directory is, relative to the working directory. */
export function shortPath(path: string): string {
  return relative(process.cwd(), path) || '.';
}

/** The table `npm run check-sizes` and `npm run bench` print. */
export function sizeReport(size: ExtensionSize): string {
  const checks = new Map(checkBudgets(size).map((check) => [check.entry, check]));
  const rows = size.entries.flatMap(({ entry, pages }) => {
    const check = checks.get(entry)!;
    return pages.map(({ state, js, eagerJs, css }) => [
      state ? `${entry}, ${state}` : entry,
      kb(js.raw),
      kb(js.gzip),
      kb(eagerJs.gzip),
      kb(css.raw),
      kb(css.gzip),
      `≤ ${kb(check.budget)}`,
      passFail(js.gzip <= check.budget),
    ]);
  });
  const list = (files: FileSize[]) => files.map((file) => `${file.path} ${kb(file.raw)}/${kb(file.gzip)}`).join(', ') || 'none';
  const files = size.entries.flatMap(({ entry, pages }) =>
    pages.map(({ state, source, files, lazyFiles, otherStateFiles }) => {
      const counted = lazyFiles.filter((file) => !otherStateFiles.includes(file));
      return [
        `  ${state ? `${entry}, ${state}` : entry} (${source}): ${list(files)}`,
        ...(counted.length ? [`    later, through import(): ${list(counted)}`] : []),
        ...(otherStateFiles.length ? [`    only if opened for the other state, not counted: ${list(otherStateFiles)}`] : []),
      ].join('\n');
    }),
  );
  return [
    textTable(['entry', 'JS raw', 'JS gzip', 'before it runs', 'CSS raw', 'CSS gzip', 'JS gzip budget', ''], rows),
    '',
    'JS: what each page loads in its own state, lazy chunks included; the popup is one page per state (the toolbar',
    "opens the page of the state the background last saw), each held to the popup's budget. CSS: written into the",
    'page or linked. Files (raw/gzip kB):',
    ...files,
    '',
    `Whole extension: ${kb(size.total.raw)} kB raw, ${kb(size.total.gzip)} kB gzipped file by file, ${size.total.files} files.`,
  ].join('\n');
}
