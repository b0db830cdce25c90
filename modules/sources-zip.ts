// The sources zip that addons.mozilla.org asks for beside the Firefox package (`npm run zip:firefox`):
// exactly the files needed to rebuild the package, listed here, and a check of the zip that was made.
// A WXT module (WXT loads every file of modules/): it gives `wxt zip` the list and checks what it zipped.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { defineWxtModule } from 'wxt/modules';

/**
 * Everything the Firefox package is built from, and nothing else: no tests, benchmarks, logs, screenshots
 * or build output. A name ending in `/` stands for every file below that folder.
 */
export const SOURCES_ALLOWLIST = [
  'SOURCE-CODE-REVIEW.md',
  'README.md',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'wxt.config.ts',
  // WXT modules, this list among them.
  'modules/',
  'entrypoints/',
  'components/',
  'lib/',
  'public/',
] as const;

/** Files that must never be in the sources zip, even inside an allowlisted folder. */
const NEVER = [
  /(^|\/)node_modules\//,
  /(^|\/)\.[^/]*/, // hidden files and folders: .git, .env, .output…, .wxt
  /\.log$/i,
  /\.(zip|tgz|tar|gz)$/i,
  /\.(test|spec)\.[cm]?[jt]sx?$/,
  /^(tests|bench|docs|test-results|playwright-report|demo-screenshots|coverage)\//,
];

/** The allowlist as the glob patterns WXT's `zip.includeSources` takes. */
export function includeSourcesGlobs(allowlist: readonly string[] = SOURCES_ALLOWLIST): string[] {
  return allowlist.map((entry) => (entry.endsWith('/') ? `${entry}**` : entry));
}

export function isAllowlisted(path: string, allowlist: readonly string[] = SOURCES_ALLOWLIST): boolean {
  return allowlist.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry));
}

export function isNeverShipped(path: string): boolean {
  return NEVER.some((pattern) => pattern.test(path));
}

/** The names of the files in a zip archive, from its central directory (no Zip64: sources zips are small). */
export function zipEntryNames(archive: Buffer): string[] {
  const END_SIGNATURE = 0x06054b50;
  const ENTRY_SIGNATURE = 0x02014b50;
  let end = -1;
  for (let at = archive.length - 22; at >= Math.max(0, archive.length - 22 - 0xffff); at--) {
    if (archive.readUInt32LE(at) === END_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    if (archive.readUInt32LE(at) !== ENTRY_SIGNATURE) throw new Error(`broken central directory at byte ${at}`);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    names.push(archive.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The files git tracks under `root`, or null outside a git work tree (say, in an unpacked sources zip). */
export function trackedFiles(root: string): Set<string> | null {
  try {
    const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return new Set(out.split('\0').filter(Boolean));
  } catch {
    return null;
  }
}

/** What is wrong with a sources zip's list of files: each problem in words, none when it is right. */
export function sourcesZipProblems(names: readonly string[], tracked: Set<string> | null): string[] {
  const problems: string[] = [];
  for (const name of names) {
    if (!isAllowlisted(name)) problems.push(`${name}: not in the allowlist (modules/sources-zip.ts)`);
    else if (isNeverShipped(name)) problems.push(`${name}: a test, log, build output or hidden file`);
    else if (tracked && !tracked.has(name))
      problems.push(`${name}: not tracked by git (git add it if it belongs to the project, else remove it)`);
  }
  for (const entry of SOURCES_ALLOWLIST) {
    const present = entry.endsWith('/') ? names.some((name) => name.startsWith(entry)) : names.includes(entry);
    if (!present) problems.push(`${entry}: allowlisted but missing from the zip`);
  }
  if (tracked) {
    for (const file of tracked) {
      if (isAllowlisted(file) && !isNeverShipped(file) && !names.includes(file))
        problems.push(`${file}: tracked and allowlisted, but missing from the zip`);
    }
  }
  return problems;
}

/** Fails (throws) unless the sources zip at `zipPath` holds exactly the allowlisted files. */
function checkSourcesZip(zipPath: string, root: string): string[] {
  const names = zipEntryNames(readFileSync(zipPath));
  const problems = sourcesZipProblems(names, trackedFiles(root));
  if (problems.length) {
    throw new Error(`The sources zip ${zipPath} does not hold exactly the files needed to rebuild:\n  ${problems.join('\n  ')}`);
  }
  return names;
}

export default defineWxtModule({
  name: 'sources-zip',
  setup(wxt) {
    // For addons.mozilla.org's review: exactly the files needed to rebuild (see SOURCE-CODE-REVIEW.md).
    wxt.config.zip.includeSources = includeSourcesGlobs();
    // `wxt zip -b firefox` fails unless the sources zip holds exactly the allowlisted files.
    wxt.hook('zip:sources:done', (wxt, zipPath) => {
      const files = checkSourcesZip(zipPath, wxt.config.root);
      wxt.logger.info(`Sources zip checked: ${files.length} files, all allowlisted in modules/sources-zip.ts`);
    });
  },
});
