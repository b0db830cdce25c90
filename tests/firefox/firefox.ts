// Headless Firefox with the built extension installed as a temporary add-on, driven over WebDriver BiDi by
// puppeteer-core (which downloads no browser: it uses the Firefox found below).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';

/** FIREFOX_PATH, else the system's Firefox ESR, else its Firefox; undefined when there is none. */
export function firefoxExecutable(): string | undefined {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  return ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => existsSync(path));
}

/**
 * The extension's internal UUID, fixed through a pref so that its pages' moz-extension:// URLs are known
 * before it is installed (Firefox otherwise picks a random one per profile).
 */
const EXTENSION_UUID = '3b9c7f1e-6a2d-4c55-9e0b-7d1f2a4c8e61';

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>/` */
  baseUrl: string;
  /** Opens one of the extension's pages (`popup.html`, `options.html`) in a new tab, once it has rendered `ready`. */
  open(path: string, ready: string): Promise<Page>;
  /** Uncaught errors of the pages opened so far. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(executablePath: string, extensionDir: string): Promise<FirefoxWithExtension> {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true, // in a fresh profile of its own, removed on close
    protocol: 'webDriverBiDi',
    // BiDi navigates only to "webdriver-safe" URLs (http, https, file, blob, about:blank) unless allowed to
    // reach privileged ones: moz-extension:// pages need it.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      // Firefox's own notification windows: the system's (libnotify over D-Bus) are missing in headless
      // Firefox, where a notification is closed the moment it is created and notifications.getAll() is empty.
      'alerts.useSystemBackend': false,
    },
  });
  try {
    // BiDi webExtension.install with a path: a temporary add-on, as about:debugging loads one.
    await browser.installExtension(resolve(extensionDir)); // an absolute path, or Firefox refuses it
  } catch (error) {
    await browser.close();
    throw error;
  }
  const baseUrl = `moz-extension://${EXTENSION_UUID}/`;
  const pageErrors: string[] = [];

  return {
    browser,
    baseUrl,
    pageErrors,
    async open(path, ready) {
      const page = await browser.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${path}: ${error instanceof Error ? error.message : String(error)}`));
      await page.setViewport({ width: 360, height: 600 });
      await page.bringToFront();
      // Not page.goto(): for a moz-extension:// document Firefox never sends the load events puppeteer waits
      // for, so goto times out although the page has rendered. BiDi's navigate returns once it is interactive.
      await bidiContext(page).navigate(new URL(path, baseUrl).href, 'interactive');
      // biome-ignore lint/performance/useDomNodeTextContent: the words a person sees, not those of hidden elements
      await page.waitForFunction((text) => document.body?.innerText.includes(text), { timeout: 10_000 }, ready);
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

interface BidiBrowsingContext {
  navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown>;
}

/** The BiDi browsing context behind a page: puppeteer-core's BidiFrame has it, but its public types do not say so. */
function bidiContext(page: Page): BidiBrowsingContext {
  const context = (page.mainFrame() as unknown as { browsingContext?: BidiBrowsingContext }).browsingContext;
  if (typeof context?.navigate !== 'function') {
    throw new Error('puppeteer-core no longer exposes the BiDi browsing context of a frame (Frame.browsingContext)');
  }
  return context;
}

/**
 * The visible element `selector` finds (say `::-p-aria(Personal access token)`, by accessible name). Not
 * puppeteer's Locator: its checks for a stable, in-view box wait forever in headless Firefox over BiDi.
 */
async function visible(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.waitForSelector(selector, { visible: true, timeout: 10_000 });
  if (!handle) throw new Error(`Nothing visible matches ${selector}`);
  // Firefox's accessibility tree names a <label> too, and the ARIA query may find it before its field.
  const control = await handle.evaluateHandle(
    (element) => (element.tagName === 'LABEL' && (element as HTMLLabelElement).control) || element,
  );
  return control.asElement() as ElementHandle<Element>;
}

export async function click(page: Page, selector: string): Promise<void> {
  await (await visible(page, selector)).click();
}

/** Types into a text field, picks an option of a `<select>`, or sets a date field (typing one depends on the locale). */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  const field = await visible(page, selector);
  const kind = await field.evaluate((element) =>
    element.tagName === 'SELECT' ? 'select' : (element.getAttribute('type') ?? element.tagName.toLowerCase()),
  );
  if (kind === 'select') {
    await field.select(value);
  } else if (kind === 'date') {
    await field.evaluate((element, date) => {
      const input = element as HTMLInputElement;
      input.value = date;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  } else {
    await field.click();
    await field.type(value);
  }
}
