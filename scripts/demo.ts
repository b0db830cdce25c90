// `npm run demo`: builds the extension against the bundled fake TelemetryDeck, starts that server with a
// demo account, and opens Chromium with the extension loaded. Without a display, it writes screenshots
// of the extension's main states instead.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { type DemoCredentials, seedDemo } from '../tests/fake-server/demo-data.ts';
import { startFakeServer } from '../tests/fake-server/server.ts';
import { chromiumExecutable } from './chromium-path.ts';
import { type ColorScheme, shootStates } from './screenshot-states.ts';

// The fake server's port, baked into the build; TDTM_DEMO_PORT picks another when 8787 is taken.
const PORT = Number(process.env.TDTM_DEMO_PORT || 8787);
const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output-demo', 'chrome-mv3');
// `--screenshots DIR` writes the screenshots even where a display is available (the README's come from here).
const screenshotFlag = process.argv.indexOf('--screenshots');
const screenshotDir = resolve(root, screenshotFlag > 0 ? (process.argv[screenshotFlag + 1] ?? 'demo-screenshots') : 'demo-screenshots');

console.log('Building the extension against the fake server…');
execFileSync('npx', ['wxt', 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, WXT_API_BASE_URL: `http://127.0.0.1:${PORT}`, WXT_OUT_DIR: '.output-demo' },
});

const server = await startFakeServer({ port: PORT }).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(
    `Port ${PORT} is in use (an end-to-end run, or npm run fake-server?). Stop it, or pick another: TDTM_DEMO_PORT=8790 npm run demo`,
  );
  process.exit(1);
});
const demo = seedDemo(server);
printCredentials(server.origin, demo);

const hasDisplay =
  screenshotFlag < 0 &&
  (process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tdtm-demo-')), {
  executablePath: chromiumExecutable(),
  headless: !hasDisplay,
  viewport: hasDisplay ? null : { width: 360, height: 600 },
  args: [
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const popupUrl = `chrome-extension://${new URL(worker.url()).host}/popup.html`;

if (hasDisplay) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(popupUrl);
  console.log(`\nChromium is open with the extension. The popup is also at ${popupUrl}`);
  console.log('Close the browser or press Ctrl-C to stop.');
  await new Promise<void>((done) => {
    context.on('close', () => done());
    process.once('SIGINT', () => done());
  });
} else {
  if (screenshotFlag < 0) console.log('\nNo display available, so no browser window can open.');
  console.log(`Writing screenshots of the extension's main states to ${screenshotDir}/`);
  mkdirSync(screenshotDir, { recursive: true });
  // The README's set comes in both colour schemes; a demo without a display needs only one.
  const schemes: ColorScheme[] = screenshotFlag > 0 ? ['light', 'dark'] : ['light'];
  await shootStates({ context, extensionId: new URL(worker.url()).host, server, demo, dir: screenshotDir, schemes });
}
await context.close().catch(() => {});
await server.close();

function printCredentials(origin: string, demo: DemoCredentials) {
  console.log(`\nFake TelemetryDeck API at ${origin}`);
  console.log(`  Personal access token (${demo.paid.name}): ${demo.paid.pat}`);
  console.log(`  Email and password: ${demo.paid.email} / ${demo.paid.password}`);
  console.log(`  Free plan (answers 403): ${demo.free.email} / ${demo.free.password}`);
  console.log(`  Google/GitHub sign-in, no password: ${demo.sso.email}`);
}
