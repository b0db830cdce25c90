// Runs `wxt build` into a directory of its own, quietly, for the size check and the benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

export interface BuildOptions {
  /** Relative to the repository root, e.g. `.output-sizes`; the extension lands in `<outDir>/chrome-mv3`. */
  outDir: string;
  /** Baked in as the API server (WXT_API_BASE_URL); none for a production build. */
  apiOrigin?: string;
  /** Adds the benchmark's blank page (TDTM_BENCH_BUILD=1; see wxt.config.ts). */
  withBenchPage?: boolean;
}

/** Builds the extension and returns the absolute path of the unpacked Chrome build. Exits on failure. */
export function buildExtension({ outDir, apiOrigin, withBenchPage = false }: BuildOptions): string {
  const env: NodeJS.ProcessEnv = { ...process.env, WXT_OUT_DIR: outDir };
  // A production build must not inherit a test server or the bench page from the caller's environment.
  delete env.WXT_API_BASE_URL;
  delete env.TDTM_BENCH_BUILD;
  if (apiOrigin) env.WXT_API_BASE_URL = apiOrigin;
  if (withBenchPage) env.TDTM_BENCH_BUILD = '1';

  const localWxt = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'wxt.cmd' : 'wxt');
  const [command, args] = existsSync(localWxt) ? [localWxt, ['build']] : ['npx', ['--no-install', 'wxt', 'build']];
  const described = [apiOrigin && `WXT_API_BASE_URL=${apiOrigin}`, withBenchPage && 'TDTM_BENCH_BUILD=1', `WXT_OUT_DIR=${outDir}`, command.endsWith('npx') ? 'npx wxt build' : 'wxt build']
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
  return join(ROOT, outDir, 'chrome-mv3');
}
