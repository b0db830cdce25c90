// Chromium with the benchmark's build of the extension: pages, the service worker, and stopping it over CDP
// as Chrome does when it idles. The same launch as tests/e2e/fixtures.ts, without the tests' bookkeeping.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from '@playwright/test';
import { chromiumExecutable } from './chromium-path.ts';

const WAKE_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export function sleep(ms: number): Promise<void> {
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

export class BenchBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  private readonly profileDir: string;
  /** On a blank tab kept for the whole run; never an extension page. */
  private readonly cdp: CDPSession;
  private worker: Worker | null = null;
  /** Service worker versions by id, as CDP's ServiceWorker domain reports them. */
  private readonly versions = new Map<string, { scriptURL: string; runningStatus: string }>();

  private constructor(context: BrowserContext, extensionId: string, profileDir: string, cdp: CDPSession) {
    this.context = context;
    this.extensionId = extensionId;
    this.profileDir = profileDir;
    this.cdp = cdp;
  }

  static async launch(extensionDir: string): Promise<BenchBrowser> {
    const profileDir = mkdtempSync(join(tmpdir(), 'tdtm-bench-profile-'));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumExecutable(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
    });
    const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 15_000 }));
    const controlPage = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(controlPage);
    const browser = new BenchBrowser(context, new URL(worker.url()).host, profileDir, cdp);
    browser.adopt(worker);
    context.on('serviceworker', (candidate) => browser.adopt(candidate));
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) browser.versions.set(version.versionId, version);
    });
    await cdp.send('ServiceWorker.enable');
    return browser;
  }

  private adopt(worker: Worker): void {
    if (new URL(worker.url()).host !== this.extensionId) return;
    this.worker = worker;
    worker.on('close', () => {
      if (this.worker === worker) this.worker = null;
    });
  }

  url(path: string): string {
    return `chrome-extension://${this.extensionId}/${path}`;
  }

  /** What the toolbar button opens now (`popup.html` or `popup-sign-in.html`, see lib/toolbar/popup-page.ts), relative to the extension. */
  async toolbarPopupPath(): Promise<string> {
    const url = await this.inExtensionPage((page) => page.evaluate(() => chrome.action.getPopup({})));
    return url.startsWith(this.url('')) ? url.slice(this.url('').length) : url;
  }

  /** "HeadlessChrome/…" and the like, from the browser itself. */
  async version(): Promise<string> {
    const { product } = await this.cdp.send('Browser.getVersion');
    return product;
  }

  private ourVersions() {
    const prefix = this.url('');
    return [...this.versions.values()].filter((version) => version.scriptURL.startsWith(prefix));
  }

  /** A worker handle that answers `evaluate`, starting the worker over CDP first if it is stopped. */
  async runningWorker(): Promise<Worker> {
    const deadline = Date.now() + WAKE_TIMEOUT_MS;
    for (;;) {
      const candidate = this.worker;
      if (candidate && (await answers(candidate, 1_000))) return candidate;
      if (Date.now() > deadline) throw new Error(`The service worker did not answer within ${WAKE_TIMEOUT_MS / 1000} s.`);
      await this.cdp.send('ServiceWorker.startWorker', { scopeURL: this.url('') });
      if (!this.worker) await this.context.waitForEvent('serviceworker', { timeout: 3_000 }).catch(() => null);
    }
  }

  /** Stops the service worker as Chrome does when it idles; returns once CDP reports it stopped. */
  async stopWorker(): Promise<void> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (this.ourVersions().some((version) => version.runningStatus !== 'stopped')) {
      if (Date.now() > deadline) throw new Error(`The service worker did not stop within ${STOP_TIMEOUT_MS / 1000} s.`);
      await sleep(10);
    }
  }

  /** A new tab, not yet navigated. */
  async newPage(viewport: { width: number; height: number }): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize(viewport);
    return page;
  }

  /**
   * Runs `task` in an extension page opened for it (the blank page), then closes that page, so that no
   * extension page stays open to keep the extension's process alive between measurements.
   */
  async inExtensionPage<T>(task: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.context.newPage();
    try {
      await page.goto(this.url('bench-blank.html'));
      return await task(page);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    rmSync(this.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
