import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { chromiumExecutable } from '../../scripts/chromium-path.ts';
import { startFakeServer, type FakeServer } from '../fake-server/server.ts';

/** The port the end-to-end build bakes in as its API server (see scripts/build-for-tests.ts). */
export const E2E_API_PORT = 8787;
export const E2E_API_ORIGIN = `http://127.0.0.1:${E2E_API_PORT}`;
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output-e2e/chrome-mv3');

export interface Badge {
  text: string;
  color: number[];
  title: string;
}

export interface ExtensionHandle {
  readonly context: BrowserContext;
  readonly id: string;
  worker(): Promise<Worker>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  badge(): Promise<Badge>;
  /** Stops the service worker over CDP (as Chrome does when it idles), then wakes it with a message. */
  stopWorker(): Promise<void>;
  /** Closes the browser and starts it again on the same profile. */
  relaunch(): Promise<void>;
  storage(area: 'local' | 'session' | 'sync'): Promise<Record<string, unknown>>;
  /** Every console message and page error of every page and worker, across relaunches. */
  readonly consoleMessages: string[];
  /** Values that must never leak: checked after every test against consoles and the fake server's log. */
  readonly secrets: Set<string>;
}

function launchArgs(extensionDir: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

function mask(secret: string): string {
  return secret.length <= 8 ? '…' : `${secret.slice(0, 6)}…${secret.slice(-2)}`;
}

/** The asserts the suite runs after every test: a secret only ever travels in `Authorization`. */
export function assertNoLeaks(secrets: Iterable<string>, consoleMessages: string[], server: FakeServer): void {
  for (const secret of secrets) {
    for (const message of consoleMessages) {
      expect(message.includes(secret), `a secret (${mask(secret)}) appeared in a console message`).toBe(false);
    }
    for (const request of server.requests) {
      expect(request.url.includes(secret) || request.url.includes(encodeURIComponent(secret)), `a secret (${mask(secret)}) was in a URL`).toBe(false);
      expect(request.body.includes(secret), `a secret (${mask(secret)}) was in a request body`).toBe(false);
      for (const [name, value] of Object.entries(request.headers)) {
        if (name.toLowerCase() === 'authorization') continue;
        expect(value.includes(secret), `a secret (${mask(secret)}) was in the ${name} header`).toBe(false);
      }
    }
  }
}

class ChromiumWithExtension implements ExtensionHandle {
  context!: BrowserContext;
  id = '';
  readonly consoleMessages: string[] = [];
  readonly secrets = new Set<string>();
  private currentWorker: Worker | null = null;

  constructor(
    private readonly profileDir: string,
    private readonly extensionDir: string,
  ) {}

  async launch(): Promise<void> {
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: chromiumExecutable(),
      headless: true,
      args: launchArgs(this.extensionDir),
    });
    this.context.on('page', (page) => this.watchPage(page));
    for (const page of this.context.pages()) this.watchPage(page);
    this.context.on('serviceworker', (worker) => this.adoptWorker(worker));
    const worker = this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker'));
    this.adoptWorker(worker);
    this.id = new URL(worker.url()).host;
  }

  private watchPage(page: Page): void {
    page.on('console', (message) => this.consoleMessages.push(message.text()));
    page.on('pageerror', (error) => this.consoleMessages.push(`${error.name}: ${error.message}`));
  }

  private adoptWorker(worker: Worker): void {
    if (!worker.url().startsWith('chrome-extension://')) return;
    this.currentWorker = worker;
    worker.on('console', (message) => this.consoleMessages.push(message.text()));
  }

  async worker(): Promise<Worker> {
    // Playwright keeps one handle per worker URL; after a stop it talks to the restarted worker.
    return this.currentWorker ?? this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker'));
  }

  /** Wakes the worker with a real event: a message from an extension page. */
  private async wakeWorker(): Promise<void> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.id}/popup.html`);
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'wake-up' }).catch(() => undefined));
    await page.close();
  }

  async openPopup(): Promise<Page> {
    const page = await this.context.newPage();
    await page.setViewportSize({ width: 360, height: 600 });
    await page.goto(`chrome-extension://${this.id}/popup.html`);
    return page;
  }

  async openOptions(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.id}/options.html`);
    return page;
  }

  async badge(): Promise<Badge> {
    const worker = await this.worker();
    return worker.evaluate(async () => ({
      text: await chrome.action.getBadgeText({}),
      color: await chrome.action.getBadgeBackgroundColor({}),
      title: await chrome.action.getTitle({}),
    }));
  }

  async stopWorker(): Promise<void> {
    const page = await this.context.newPage();
    const cdp = await this.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.close();
    await this.wakeWorker();
  }

  async relaunch(): Promise<void> {
    await this.context.close();
    this.currentWorker = null;
    await this.launch();
  }

  async storage(area: 'local' | 'session' | 'sync'): Promise<Record<string, unknown>> {
    const worker = await this.worker();
    return worker.evaluate((name) => chrome.storage[name].get(null), area);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
  }
}

export const test = base.extend<{ extension: ExtensionHandle }, { server: FakeServer }>({
  server: [
    async ({}, use) => {
      const server = await startFakeServer({ port: E2E_API_PORT });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extension: async ({ server }, use) => {
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No extension build at ${EXTENSION_DIR}: run npm run test:e2e, which builds it first.`);
    }
    server.reset();
    const profileDir = mkdtempSync(join(tmpdir(), 'tdtm-e2e-'));
    const extension = new ChromiumWithExtension(profileDir, EXTENSION_DIR);
    await extension.launch();
    await use(extension);
    await extension.close();
    rmSync(profileDir, { recursive: true, force: true });
    assertNoLeaks(extension.secrets, extension.consoleMessages, server);
  },
});

export function builtManifest(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
}

export { expect };
