import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  includeSourcesGlobs,
  isAllowlisted,
  isNeverShipped,
  SOURCES_ALLOWLIST,
  sourcesZipProblems,
  trackedFiles,
  zipEntryNames,
} from '../../modules/sources-zip';

const ROOT = resolve(import.meta.dirname, '../..');

/** The repository's files: git's list where there is one, else every file outside hidden folders and node_modules. */
function repositoryFiles(): string[] {
  const tracked = trackedFiles(ROOT);
  if (tracked) return [...tracked];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = dir ? `${dir}/${name}` : name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk('');
  return files;
}

/** A zip archive of empty stored files, enough for a central directory to read. */
function zipOf(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Relative imports of a source file: `from './x'`, `import('./x')`, `import './x.css'`, `src="./x.tsx"`. */
function relativeImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|src=)["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]!);
  return found.map((specifier) => {
    // A query (`./x.css?inline`) asks the bundler for another form of the same file.
    const base = normalize(join(dirname(file), specifier.split('?')[0]!));
    const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`];
    const hit = candidates.find((candidate) => existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile());
    if (!hit) throw new Error(`${file} imports ${specifier}, which is not a file`);
    return relative(ROOT, join(ROOT, hit)).split('\\').join('/');
  });
}

describe('the sources zip allowlist', () => {
  const files = repositoryFiles();

  it('names only files and folders the repository has', () => {
    for (const entry of SOURCES_ALLOWLIST) {
      const present = entry.endsWith('/') ? files.some((file) => file.startsWith(entry)) : files.includes(entry);
      expect(present, `${entry} is allowlisted but not in the repository`).toBe(true);
    }
  });

  it('holds no test, benchmark, log, screenshot or build output', () => {
    const shipped = files.filter((file) => isAllowlisted(file));
    expect(shipped.filter((file) => isNeverShipped(file))).toEqual([]);
    expect(shipped.filter((file) => /^(tests|bench|docs)\/|\.log$|\.png$/.test(file) && !file.startsWith('public/icon/'))).toEqual([]);
    expect(shipped.filter((file) => file.startsWith('scripts/'))).toEqual([]);
  });

  it('is closed under imports: everything the build reads from the repository is allowlisted', () => {
    const start = ['wxt.config.ts', ...files.filter((file) => file.startsWith('entrypoints/') || file.startsWith('modules/'))];
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(isAllowlisted(file), `${file} is read by the build but not allowlisted`).toBe(true);
      if (/\.(ts|tsx|html|css)$/.test(file)) queue.push(...relativeImports(file));
    }
    expect(seen.has('lib/api/origins.ts')).toBe(true);
    expect(seen.has('modules/sources-zip.ts')).toBe(true);
  });

  it('gives WXT a folder as everything below it', () => {
    expect(includeSourcesGlobs(['lib/', 'package.json'])).toEqual(['lib/**', 'package.json']);
  });
});

describe('the check of a sources zip', () => {
  const complete = [
    'SOURCE-CODE-REVIEW.md',
    'README.md',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'wxt.config.ts',
    'modules/sources-zip.ts',
    'entrypoints/background.ts',
    'components/Alert.tsx',
    'lib/badge.ts',
    'public/icon/16.png',
  ];

  it('reads the names in a zip archive', () => {
    expect(zipEntryNames(zipOf(['a.txt', 'lib/ü.ts']))).toEqual(['a.txt', 'lib/ü.ts']);
    expect(() => zipEntryNames(Buffer.from('not a zip'))).toThrow(/not a zip/);
  });

  it('accepts exactly the allowlisted files', () => {
    expect(sourcesZipProblems(complete, null)).toEqual([]);
    expect(sourcesZipProblems(complete, new Set(complete))).toEqual([]);
  });

  it('refuses files outside the allowlist, logs and hidden files inside it, untracked and missing files', () => {
    expect(sourcesZipProblems([...complete, 'tests/e2e/smoke.spec.ts'], null)).toEqual([
      expect.stringMatching(/^tests\/e2e\/smoke\.spec\.ts: not in the allowlist/),
    ]);
    expect(sourcesZipProblems([...complete, 'lib/build.log'], null)).toEqual([expect.stringMatching(/^lib\/build\.log: a test, log/)]);
    expect(sourcesZipProblems([...complete, 'lib/.env'], null)).toEqual([expect.stringMatching(/^lib\/\.env: a test, log/)]);
    expect(sourcesZipProblems([...complete, 'lib/notes.ts'], new Set(complete))).toEqual([
      expect.stringMatching(/^lib\/notes\.ts: not tracked by git/),
    ]);
    expect(
      sourcesZipProblems(
        complete.filter((name) => name !== 'package-lock.json'),
        null,
      ),
    ).toEqual([expect.stringMatching(/^package-lock\.json: allowlisted but missing/)]);
    expect(sourcesZipProblems(complete, new Set([...complete, 'lib/dates.ts']))).toEqual([
      expect.stringMatching(/^lib\/dates\.ts: tracked and allowlisted, but missing/),
    ]);
  });
});
