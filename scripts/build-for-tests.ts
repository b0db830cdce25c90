// Builds the extension for the end-to-end tests: the fake TelemetryDeck's origin is its API server
// (and gets a host permission), and the build lands in .output-e2e/chrome-mv3, apart from `npm run build`'s.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
// TDTM_E2E_PORT lets a second run go side by side with another (its own port and build); see tests/e2e/fixtures.ts.
const port = process.env.TDTM_E2E_PORT || '8787';
const origin = `http://127.0.0.1:${port}`;
const outDir = port === '8787' ? '.output-e2e' : `.output-e2e-${port}`;
const extensionDir = join(root, outDir, 'chrome-mv3');
const localWxt = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'wxt.cmd' : 'wxt');
const [command, args] = existsSync(localWxt) ? [localWxt, ['build']] : ['npx', ['--no-install', 'wxt', 'build']];

console.log(`build-for-tests: WXT_API_BASE_URL=${origin} WXT_OUT_DIR=${outDir} ${[command, ...args].join(' ')}`);
const result = spawnSync(command, args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WXT_API_BASE_URL: origin, WXT_OUT_DIR: outDir },
});
if (result.error) {
  console.error(`build-for-tests: could not run wxt: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`build-for-tests: wxt build failed (${result.signal ?? `exit code ${result.status}`})`);
  process.exit(result.status || 1);
}

const manifestPath = join(extensionDir, 'manifest.json');
const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] }) : null;
if (!manifest?.host_permissions?.includes(`${origin}/*`)) {
  console.error(`build-for-tests: ${manifestPath} is missing or lacks the host permission ${origin}/*`);
  process.exit(1);
}
console.log(`build-for-tests: the extension for end-to-end tests is in ${extensionDir}`);
