// Runs `wxt build` into a directory of its own, quietly, for the size check, the benchmark and the Firefox tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export interface BuildOptions {
  /** Relative to the repository root, e.g. `.output-sizes`; the extension lands in `<outDir>/<browser>-mv3`. */
  outDir: string;
  /** `chrome` unless told. */
  browser?: 'chrome' | 'firefox';
  /** Baked in as the API server (WXT_API_BASE_URL); none for a production build. */
  apiOrigin?: string;
  /** Adds the benchmark's blank page (TDTM_BENCH_BUILD=1; see wxt.config.ts). */
  withBenchPage?: boolean;
}

/** Builds the extension and returns the absolute path of the unpacked build. Exits on failure. */
export function buildExtension({ outDir, browser = 'chrome', apiOrigin, withBenchPage = false }: BuildOptions): string {
  const env: NodeJS.ProcessEnv = { ...process.env, WXT_OUT_DIR: outDir };
  // A production build must not inherit a test server or the bench page from the caller's environment.
  delete env.WXT_API_BASE_URL;
  delete env.TDTM_BENCH_BUILD;
  if (apiOrigin) env.WXT_API_BASE_URL = apiOrigin;
  if (withBenchPage) env.TDTM_BENCH_BUILD = '1';

  const localWxt = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'wxt.cmd' : 'wxt');
  const browserArgs = browser === 'chrome' ? [] : ['-b', browser];
  const [command, args] = existsSync(localWxt)
    ? [localWxt, ['build', ...browserArgs]]
    : ['npx', ['--no-install', 'wxt', 'build', ...browserArgs]];
  const described = [
    apiOrigin && `WXT_API_BASE_URL=${apiOrigin}`,
    withBenchPage && 'TDTM_BENCH_BUILD=1',
    `WXT_OUT_DIR=${outDir}`,
    `${command.endsWith('npx') ? 'npx ' : ''}wxt ${['build', ...browserArgs].join(' ')}`,
  ]
    .filter(Boolean)
    .join(' ');
  console.log(`Building: ${described}`);
  const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error || result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    console.error(`wxt build failed: ${result.error?.message ?? result.signal ?? `exit code ${result.status}`}`);
    process.exit(1);
  }
  return join(ROOT, outDir, `${browser}-mv3`);
}
