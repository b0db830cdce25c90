// Builds the extension for the end-to-end tests, with the fake TelemetryDeck's origin as its API server.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const origin = 'http://127.0.0.1:8787';
console.log(`Building the extension for end-to-end tests (API server ${origin}) into .output-e2e/chrome-mv3`);
execFileSync('npx', ['wxt', 'build'], {
  cwd: resolve(import.meta.dirname, '..'),
  stdio: 'inherit',
  env: { ...process.env, WXT_API_BASE_URL: origin, WXT_OUT_DIR: '.output-e2e' },
});
