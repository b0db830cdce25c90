import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  test as base,
  type CDPSession,
  type ConsoleMessage,
  chromium,
  expect,
  type Page,
  type Worker,
} from '@playwright/test';
import { chromiumExecutable } from '../../scripts/chromium-path.ts';
import { type FakeServer, startFakeServer } from '../fake-server/server.ts';
import { buildGranting } from '../manifest-grants.ts';
import { findLeaks, type PageSnapshot, SecretRegistry, type StorageSnapshot, secretsIn } from './leak-guard.ts';

/**
 * The port the end-to-end build bakes in as its API server (see scripts/build-for-tests.ts): 8787, or
 * TDTM_E2E_PORT for a run beside another one, which then uses its own build in .output-e2e-<port>.
 */
const E2E_API_PORT = Number(process.env.TDTM_E2E_PORT || 8787);
export const E2E_API_ORIGIN = `http://127.0.0.1:${E2E_API_PORT}`;
const EXTENSION_DIR = resolve(
  import.meta.dirname,
  '../..',
  E2E_API_PORT === 8787 ? '.output-e2e' : `.output-e2e-${E2E_API_PORT}`,
  'chrome-mv3',
);

const LAUNCH_WORKER_TIMEOUT_MS = 15_000;
const WAKE_TIMEOUT_MS = 20_000;

export interface Badge {
  text: string;
  /** `[r, g, b, a]`, as `chrome.action.getBadgeBackgroundColor` gives it. */
  color: [number, number, number, number];
  title: string;
}

export type StorageArea = 'local' | 'session' | 'sync';

export interface ExtensionHandle {
  /** The current browser context (a new one after `relaunch()`). */
  readonly context: BrowserContext;
  /** The extension's id (the host of its `chrome-extension://` URLs); the same after `relaunch()`. */
  readonly id: string;
  /** The unpacked build the browser loads, and loads again from disk on `relaunch()`. */
  readonly dir: string;
  /** A service worker handle that answers `evaluate`; starts the worker first if it is stopped. */
  worker(): Promise<Worker>;
  /** `popup.html`, or the popup's other page (`popup-sign-in.html`), in a new tab (360×600). */
  openPopup(page?: string): Promise<Page>;
  /** The popup page the toolbar button opens now (`popup.html`, `popup-sign-in.html`). */
  toolbarPopup(): Promise<string>;
  /** The same with what the screens show in its fragment, exactly as the toolbar button opens it (`popup.html#…`). */
  toolbarPopupUrl(): Promise<string>;
  /** `options.html` in a new tab. */
  openOptions(): Promise<Page>;
  badge(): Promise<Badge>;
  /** Stops the service worker over CDP, as Chrome does when it idles; returns once it has stopped. */
  stopWorker(): Promise<void>;
  /** Closes the browser and starts it again on the same profile. */
  relaunch(): Promise<void>;
  /** `chrome.storage[area].get(null)`, read in the service worker. */
  storage(area: StorageArea): Promise<Record<string, unknown>>;
  /**
   * Every console message and uncaught error of every page and service worker, across relaunches.
   * Chromium's own log adds, when a browser closes, what Playwright cannot see: uncaught errors in the
   * service worker and what it logged before Playwright attached.
   */
  readonly consoleMessages: string[];
  /** Values that may travel only in `Authorization`: checked after every test. */
  readonly secrets: SecretRegistry;
  /** Fails if `value` (JSON-stringified unless a string) holds a registered secret. */
  expectNoSecretIn(value: unknown, where?: string): void;
}

/** What the leak guard checks after each test; the extension fixture fills it. */
interface LeakLog {
  secrets: SecretRegistry;
  consoleMessages: string[];
  /** Arguments of console calls as JSON, for what `ConsoleMessage.text()` abbreviates. */
  consoleDetails: string[];
  storage: StorageSnapshot[];
  pages: PageSnapshot[];
}

/**
 * The id Chromium gives an unpacked extension: the first 32 hex digits of the SHA-256 of its folder's real path,
 * written with the letters a to p. The same folder keeps the same id, whatever it holds.
 */
export function unpackedExtensionId(dir: string): string {
  const digest = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...digest].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

function launchArgs(extensionDirs: readonly string[], profileDir: string, language: string | undefined): string[] {
  return [
    // The browser's language, which the extension's messages follow (English when not given).
    ...(language ? [`--lang=${language}`] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDirs.join(',')}`,
    `--load-extension=${extensionDirs.join(',')}`,
    // Chromium writes every console message, uncaught service-worker errors included, to this file.
    '--enable-logging',
    '--v=0',
    `--log-file=${browserLogPath(profileDir)}`,
  ];
}

function browserLogPath(profileDir: string): string {
  return join(profileDir, 'chrome_debug.log');
}

/** The console entries of a Chromium log: `[pid:tid:time:INFO:CONSOLE:n] "text", source: url (line)`. */
function consoleEntriesOfBrowserLog(log: string): string[] {
  const entries: string[] = [];
  let current: string | null = null;
  const flush = () => {
    if (current === null) return;
    const body = current.replace(/^\[[^\]]*:CONSOLE[^\]]*\]\s*/, '');
    const end = body.lastIndexOf('", source:');
    entries.push(body.startsWith('"') && end > 0 ? body.slice(1, end) : body);
    current = null;
  };
  for (const line of log.split('\n')) {
    if (/^\[\d+:\d+:/.test(line)) {
      flush();
      if (/^\[[^\]]*:CONSOLE[(:\]]/.test(line)) current = line;
    } else if (current !== null) {
      current += `\n${line}`;
    }
  }
  flush();
  return entries;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** True if the worker runs `evaluate` within `ms` (a stopped worker queues it until it starts again). */
async function answers(worker: Worker, ms: number): Promise<boolean> {
  return Promise.race([
    worker
      .evaluate(() => true)
      .then(
        () => true,
        () => false,
      ),
    sleep(ms).then(() => false),
  ]);
}

interface WorkerVersion {
  scriptURL: string;
  runningStatus: string;
}

/** Chromium with the extension loaded on a persistent profile; see ExtensionHandle. */
class ChromiumWithExtension implements ExtensionHandle {
  private currentContext: BrowserContext | null = null;
  private extensionId = '';
  private currentWorker: Worker | null = null;
  private control: { page: Page; cdp: CDPSession } | null = null;
  private readonly versions = new Map<string, WorkerVersion>();
  private readonly pendingDetails = new Set<Promise<void>>();
  /** Ours among the loaded extensions, known before any of them starts a worker. */
  private readonly expectedId: string;

  constructor(
    private readonly profileDir: string,
    private readonly extensionDir: string,
    private readonly log: LeakLog,
    private readonly language: string | undefined,
    private readonly otherExtensionDirs: readonly string[] = [],
  ) {
    this.expectedId = unpackedExtensionId(extensionDir);
  }

  get context(): BrowserContext {
    if (!this.currentContext) throw new Error('The browser is not running (closed, or relaunch() failed).');
    return this.currentContext;
  }

  get id(): string {
    return this.extensionId;
  }

  get dir(): string {
    return this.extensionDir;
  }

  get consoleMessages(): string[] {
    return this.log.consoleMessages;
  }

  get secrets(): SecretRegistry {
    return this.log.secrets;
  }

  expectNoSecretIn(value: unknown, where = 'the value'): void {
    const found = secretsIn(this.log.secrets, value, where);
    expect(found, `a registered secret appeared in ${where}`).toEqual([]);
  }

  async launch(): Promise<void> {
    const context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: chromiumExecutable(),
      headless: true,
      ...(this.language ? { locale: this.language } : {}),
      args: launchArgs([this.extensionDir, ...this.otherExtensionDirs], this.profileDir, this.language),
    });
    this.currentContext = context;
    context.on('page', (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
    context.on('serviceworker', (worker) => this.adoptWorker(worker));
    for (const worker of context.serviceWorkers()) this.adoptWorker(worker);

    if (!this.currentWorker) {
      const timeout = this.extensionId ? 5_000 : LAUNCH_WORKER_TIMEOUT_MS;
      await context.waitForEvent('serviceworker', { predicate: (w) => this.isOurs(w), timeout }).catch(() => null);
    }
    if (!this.currentWorker && !this.extensionId) {
      throw new Error(`The extension in ${this.extensionDir} started no service worker within ${LAUNCH_WORKER_TIMEOUT_MS / 1000} s.`);
    }
    // On a relaunch Chromium need not start the worker; worker() wakes it when asked.
  }

  private isOurs(worker: Worker): boolean {
    const url = new URL(worker.url());
    return url.protocol === 'chrome-extension:' && url.host === this.expectedId;
  }

  private watchPage(page: Page): void {
    page.on('console', (message) => this.record(message));
    page.on('pageerror', (error) => this.log.consoleMessages.push(`Uncaught ${error.name}: ${error.message}`));
  }

  private adoptWorker(worker: Worker): void {
    if (!this.isOurs(worker)) return;
    this.extensionId ||= new URL(worker.url()).host;
    if (this.currentWorker === worker) return;
    this.currentWorker = worker;
    worker.on('console', (message) => this.record(message));
    worker.on('close', () => {
      if (this.currentWorker === worker) this.currentWorker = null;
    });
  }

  /** The message's text now, and its arguments as JSON once they arrive (text() abbreviates objects). */
  private record(message: ConsoleMessage): void {
    this.log.consoleMessages.push(message.text());
    const args = message.args();
    if (args.length === 0) return;
    const detail = Promise.all(args.map((arg) => arg.jsonValue().catch(() => '[unavailable]')))
      .then((values) => {
        this.log.consoleDetails.push(JSON.stringify(values));
      })
      .catch(() => {});
    this.pendingDetails.add(detail);
    void detail.finally(() => this.pendingDetails.delete(detail));
  }

  /** A CDP session with the ServiceWorker domain on, kept on one blank tab for the browser's lifetime. */
  private async controlSession(): Promise<CDPSession> {
    if (this.control && !this.control.page.isClosed()) return this.control.cdp;
    const blank = this.context.pages().find((page) => page.url() === 'about:blank' && page !== this.control?.page);
    const page = blank ?? (await this.context.newPage());
    const cdp = await this.context.newCDPSession(page);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        this.versions.set(version.versionId, { scriptURL: version.scriptURL, runningStatus: version.runningStatus });
      }
    });
    await cdp.send('ServiceWorker.enable');
    this.control = { page, cdp };
    return cdp;
  }

  private ourVersions(): WorkerVersion[] {
    const prefix = `chrome-extension://${this.extensionId}/`;
    return [...this.versions.values()].filter((version) => version.scriptURL.startsWith(prefix));
  }

  private async startWorker(): Promise<void> {
    const cdp = await this.controlSession();
    await cdp.send('ServiceWorker.startWorker', { scopeURL: `chrome-extension://${this.extensionId}/` });
  }

  async worker(): Promise<Worker> {
    const deadline = Date.now() + WAKE_TIMEOUT_MS;
    let woken = false;
    for (;;) {
      const candidate = this.currentWorker;
      if (candidate && (await answers(candidate, woken ? 3_000 : 1_000))) return candidate;
      if (Date.now() > deadline) {
        throw new Error(`The extension's service worker did not answer within ${WAKE_TIMEOUT_MS / 1000} s, even after being started.`);
      }
      // The same Worker handle comes back to life when Chromium restarts the worker in the same target;
      // a new target shows up as a `serviceworker` event, which adoptWorker() takes.
      await this.startWorker();
      woken = true;
      if (!this.currentWorker) {
        await this.context.waitForEvent('serviceworker', { predicate: (w) => this.isOurs(w), timeout: 3_000 }).catch(() => null);
      }
    }
  }

  async openPopup(path = 'popup.html'): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    await page.goto(`chrome-extension://${this.extensionId}/${path}`);
    return page;
  }

  async toolbarPopup(): Promise<string> {
    return (await this.toolbarPopupUrl()).replace(/#.*/, '');
  }

  async toolbarPopupUrl(): Promise<string> {
    const worker = await this.worker();
    const url = await worker.evaluate(() => chrome.action.getPopup({}));
    return url.replace(`chrome-extension://${this.extensionId}/`, '');
  }

  async openOptions(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/options.html`);
    return page;
  }

  async badge(): Promise<Badge> {
    const worker = await this.worker();
    return worker.evaluate(async () => ({
      text: await chrome.action.getBadgeText({}),
      color: (await chrome.action.getBadgeBackgroundColor({})) as [number, number, number, number],
      title: await chrome.action.getTitle({}),
    }));
  }

  async stopWorker(): Promise<void> {
    const cdp = await this.controlSession();
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10_000;
    while (this.ourVersions().some((version) => version.runningStatus !== 'stopped')) {
      if (Date.now() > deadline) throw new Error('The service worker did not stop within 10 s.');
      await sleep(50);
    }
  }

  async relaunch(): Promise<void> {
    await this.close();
    await this.launch();
  }

  async storage(area: StorageArea): Promise<Record<string, unknown>> {
    const worker = await this.worker();
    return worker.evaluate((name) => chrome.storage[name].get(null), area);
  }

  /** Reads every storage area for the leak guard while the browser still runs. */
  async snapshotStorage(): Promise<void> {
    if (!this.currentContext) return;
    const areas = await Promise.race([
      this.worker().then((worker) =>
        worker.evaluate(async () => ({
          local: await chrome.storage.local.get(null),
          session: await chrome.storage.session.get(null),
          sync: await chrome.storage.sync.get(null),
        })),
      ),
      sleep(10_000).then(() => Promise.reject(new Error('timed out after 10 s'))),
    ]);
    for (const area of ['local', 'session', 'sync'] as const) this.log.storage.push({ area, data: areas[area] });
  }

  /**
   * Reads every open page of the extension for the leak guard: its markup and the values of its fields, except
   * the sign-in fields, which hold what the user typed (a token is only guarded from the DOM once stored), and the
   * popup's reveal field, the one place the whole token may be shown, at the user's request.
   */
  async snapshotPages(): Promise<void> {
    if (!this.currentContext) return;
    for (const page of this.currentContext.pages()) {
      if (!page.url().startsWith('chrome-extension://')) continue;
      const text = await page
        .evaluate(() => {
          const signInFields = new Set(
            [...document.querySelectorAll('form')]
              .filter((form) => /sign in|anmelden/i.test(form.querySelector('button[type="submit"]')?.textContent ?? ''))
              .flatMap((form) => [...form.querySelectorAll('input, textarea')]),
          );
          const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
            .filter((field) => !signInFields.has(field) && field.id !== 'revealed-token')
            .map((field) => field.value);
          return [document.documentElement.outerHTML, ...values].join('\n');
        })
        .catch(() => null);
      if (text !== null) this.log.pages.push({ url: page.url(), text });
    }
  }

  /** Closes the browser, then adds Chromium's log entries that the Playwright events did not already give. */
  async close(): Promise<void> {
    if (!this.currentContext) return;
    const context = this.currentContext;
    await Promise.race([Promise.allSettled([...this.pendingDetails]), sleep(2_000)]);
    this.currentContext = null;
    this.currentWorker = null;
    this.control = null;
    this.versions.clear();
    await context.close().catch(() => {});
    this.absorbBrowserLog();
  }

  private absorbBrowserLog(): void {
    const path = browserLogPath(this.profileDir);
    if (!existsSync(path)) return;
    const unseen = new Map<string, number>();
    for (const message of this.log.consoleMessages) unseen.set(message, (unseen.get(message) ?? 0) + 1);
    for (const entry of consoleEntriesOfBrowserLog(readFileSync(path, 'utf8'))) {
      const count = unseen.get(entry) ?? 0;
      if (count > 0) unseen.set(entry, count - 1);
      else this.log.consoleMessages.push(`[chromium log] ${entry}`);
    }
    // Chromium truncates the file on its next start; what was read must not be read twice meanwhile.
    rmSync(path, { force: true });
  }
}

interface TestFixtures {
  /** The browser's language, such as `de` (`test.use({ uiLanguage: 'de' })`); English when not given. */
  uiLanguage: string | undefined;
  /**
   * Optional permissions the browser has granted (`test.use({ grantedPermissions: ['clipboardRead'] })`): a
   * copy of the build whose manifest asks for them outright, since a permission prompt cannot be answered.
   */
  grantedPermissions: string[];
  /** Other unpacked extensions (folders with their manifest.json) that the browser loads beside ours. */
  otherExtensions: string[];
  /** A copy of the build for this test alone (`test.use({ ownBuild: true })`), which it may change on disk. */
  ownBuild: boolean;
  /** The worker's fake TelemetryDeck, reset before this test. */
  server: FakeServer;
  /** A fresh Chromium user-data directory, removed after the test. */
  profile: string;
  /** Secrets of this test: the same registry as `extension.secrets`. */
  secrets: SecretRegistry;
  extension: ExtensionHandle;
  leakLog: LeakLog;
  // biome-ignore lint/suspicious/noConfusingVoidType: Playwright's type for an automatic fixture that gives no value
  leakGuard: void;
}

interface WorkerFixtures {
  /** One fake TelemetryDeck per Playwright worker, on the port the test build baked in. */
  workerServer: FakeServer;
  /** The absolute path of the test build, `.output-e2e/chrome-mv3`. */
  extensionDir: string;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  uiLanguage: [undefined, { option: true }],
  grantedPermissions: [[], { option: true }],
  otherExtensions: [[], { option: true }],
  ownBuild: [false, { option: true }],

  workerServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from its destructured first argument
    async ({}, use) => {
      let server: FakeServer;
      try {
        server = await startFakeServer({ port: E2E_API_PORT, host: '127.0.0.1' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new Error(
            `Port ${E2E_API_PORT} is in use (another end-to-end run, or npm run fake-server?). ` +
              `The test build talks to ${E2E_API_ORIGIN}, so the fake server must listen there.`,
          );
        }
        throw error;
      }
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  extensionDir: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from its destructured first argument
    async ({}, use) => {
      const manifestPath = join(EXTENSION_DIR, 'manifest.json');
      if (!existsSync(manifestPath)) {
        throw new Error(`No extension build at ${EXTENSION_DIR}: run npm run test:e2e, which builds it first.`);
      }
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
      if (!manifest.host_permissions?.includes(`${E2E_API_ORIGIN}/*`)) {
        throw new Error(
          `The build in ${EXTENSION_DIR} was not made for the fake server (no ${E2E_API_ORIGIN}/* host permission): ` +
            'run npm run test:e2e, which builds it first.',
        );
      }
      await use(EXTENSION_DIR);
    },
    { scope: 'worker' },
  ],

  server: async ({ workerServer }, use) => {
    workerServer.reset();
    await use(workerServer);
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from its destructured first argument
  profile: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'tdtm-e2e-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  },

  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from its destructured first argument
  leakLog: async ({}, use) => {
    await use({ secrets: new SecretRegistry(), consoleMessages: [], consoleDetails: [], storage: [], pages: [] });
  },

  secrets: async ({ leakLog }, use) => {
    await use(leakLog.secrets);
  },

  // Runs for every test, and tears down last: after the browser has closed and its log has been read.
  leakGuard: [
    async ({ server, leakLog }, use) => {
      await use();
      leakLog.secrets.addFromAuthorizationHeaders(server.requests);
      const leaks = findLeaks(leakLog.secrets, {
        consoleMessages: leakLog.consoleMessages,
        consoleArguments: leakLog.consoleDetails,
        requests: server.requests,
        storage: leakLog.storage,
        pages: leakLog.pages,
      });
      expect(leaks, 'Leak guard: a secret appeared outside the Authorization header').toEqual([]);
    },
    { auto: true },
  ],

  extension: async ({ extensionDir, profile, leakLog, uiLanguage, grantedPermissions, ownBuild, otherExtensions }, use) => {
    const shared = grantedPermissions.length ? buildGranting(extensionDir, grantedPermissions) : extensionDir;
    const dir = ownBuild ? join(mkdtempSync(join(tmpdir(), 'tdtm-e2e-build-')), 'chrome-mv3') : shared;
    if (ownBuild) cpSync(shared, dir, { recursive: true });
    const extension = new ChromiumWithExtension(profile, dir, leakLog, uiLanguage, otherExtensions);
    try {
      await extension.launch();
      await use(extension);
      await extension.snapshotPages();
      await extension.snapshotStorage().catch((error: Error) => {
        // A test that broke the browser still gets the console and request checks.
        test.info().annotations.push({ type: 'leak guard', description: `storage not checked: ${error.message}` });
      });
    } finally {
      await extension.close();
      if (ownBuild) rmSync(join(dir, '..'), { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  },
});

export function builtManifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

export { expect };
