// What each entry of a built extension loads, in bytes, raw and gzipped; and the byte budgets.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { passFail, textTable } from './text-table.ts';

/** 1 kB = 1000 bytes, as WXT and Vite print sizes. */
const KB = 1000;

/**
 * Gzipped JavaScript per entry: the benchmark's issue (#5) set 12, 20 and 20 kB; each rose by what bringing
 * back webextension-polyfill measured in that bundle (2.80, 2.80 and 2.78 kB), rounded up to the next 0.5 kB.
 */
const POLYFILL_ALLOWANCE = 3 * KB;
const JS_GZIP_BUDGETS: Record<EntryName, number> = {
  popup: 12 * KB + POLYFILL_ALLOWANCE,
  options: 20 * KB + POLYFILL_ALLOWANCE,
  background: 20 * KB + POLYFILL_ALLOWANCE,
};

/** A sentence only webextension-polyfill's code holds: where it is, the bundle has the polyfill. */
const POLYFILL_SIGNATURE = 'This script should only be loaded in a browser extension.';

/** The entries whose JavaScript, as loaded before it runs, lacks webextension-polyfill. */
export function entriesWithoutPolyfill(buildDir: string, size: ExtensionSize): EntryName[] {
  return size.entries
    .filter(
      ({ files }) =>
        !files.some((file) => file.path.endsWith('.js') && readFileSync(join(buildDir, file.path), 'utf8').includes(POLYFILL_SIGNATURE)),
    )
    .map(({ entry }) => entry);
}

/**
 * Lazy chunks (`import()`) that an entry loads one at a time, never together, by the name of the module
 * imported: the popup loads the view of the state it finds (entrypoints/popup/popup-views.ts). Its budget
 * counts the heaviest of them; every other lazy chunk counts in full, as if it were always loaded.
 */
const ONE_AT_A_TIME: Partial<Record<EntryName, string[]>> = {
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

export interface EntrySize {
  entry: EntryName;
  /**
   * The JavaScript it loads in its heaviest state: before it runs, every lazy chunk, except that of the
   * chunks it loads one at a time only the heaviest counts. The budgeted figure.
   */
  js: Bytes;
  /** The HTML page, or the worker's script. */
  source: string;
  /** The JavaScript it loads before it runs. */
  eagerJs: Bytes;
  css: Bytes;
  /** Every script and stylesheet it loads before it runs, shared chunks included. */
  files: FileSize[];
  /** Scripts it may load later through `import()`. */
  lazyJs: Bytes;
  lazyFiles: FileSize[];
  /** The lazy chunks it loads one at a time, each with what it imports that is not loaded yet. */
  views: { name: string; js: Bytes; files: FileSize[] }[];
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

/** Sizes of the unpacked build in `buildDir` (e.g. `.output/chrome-mv3`), as the manifest names its entries. */
export function measureBuild(buildDir: string): ExtensionSize {
  const measured = (paths: string[]) => paths.map((path) => ({ path, ...sizeOf(join(buildDir, path)) }));
  const jsOf = (files: FileSize[]) => sum(files.filter((file) => file.path.endsWith('.js')));
  const entries = entrySources(buildDir).map(([entry, source]): EntrySize => {
    const { eager, lazy, imported } = filesLoadedBy(buildDir, source);
    const files = measured(eager);
    const lazyFiles = measured(lazy);
    const oneAtATime = ONE_AT_A_TIME[entry] ?? [];
    const isView = (target: string) => oneAtATime.includes(chunkName(target));
    const views = imported
      .filter(({ target }) => isView(target))
      .map(({ target, files }) => ({ name: chunkName(target), files: measured(files) }))
      .map((view) => ({ ...view, js: jsOf(view.files) }))
      .sort((a, b) => b.js.gzip - a.js.gzip);
    // Counted in full: every lazy chunk that no view brings in; then the heaviest view.
    const inViews = new Set(views.flatMap((view) => view.files.map((file) => file.path)));
    const counted = [...files, ...lazyFiles.filter((file) => !inViews.has(file.path)), ...(views[0]?.files ?? [])];
    return {
      entry,
      js: jsOf(counted),
      source,
      eagerJs: jsOf(files),
      css: sum(files.filter((file) => file.path.endsWith('.css'))),
      files,
      lazyJs: jsOf(lazyFiles),
      lazyFiles,
      views,
    };
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
  const rows = size.entries.map(({ entry, js, eagerJs, css }) => {
    const check = checks.get(entry)!;
    return [entry, kb(js.raw), kb(js.gzip), kb(eagerJs.gzip), kb(css.raw), kb(css.gzip), `≤ ${kb(check.budget)}`, passFail(check.pass)];
  });
  const list = (files: FileSize[]) => files.map((file) => `${file.path} ${kb(file.raw)}/${kb(file.gzip)}`).join(', ');
  const files = size.entries.map(({ entry, source, files, lazyFiles, views }) => {
    const inViews = new Set(views.flatMap((view) => view.files.map((file) => file.path)));
    const always = lazyFiles.filter((file) => !inViews.has(file.path));
    return [
      `  ${entry} (${source}): ${list(files)}`,
      ...(always.length ? [`    later, through import(): ${list(always)}`] : []),
      ...(views.length ? [`    later, one of: ${views.map((view) => `${view.name} (${list(view.files)})`).join('; ')}`] : []),
    ].join('\n');
  });
  return [
    textTable(['entry', 'JS raw', 'JS gzip', 'before it runs', 'CSS raw', 'CSS gzip', 'JS gzip budget', ''], rows),
    '',
    'JS: what each entry loads in its heaviest state, lazy chunks included; of the chunks it loads one at a',
    "time (the popup's view of its state), only the heaviest counts. Files (raw/gzip kB):",
    ...files,
    '',
    `Whole extension: ${kb(size.total.raw)} kB raw, ${kb(size.total.gzip)} kB gzipped file by file, ${size.total.files} files.`,
  ].join('\n');
}
