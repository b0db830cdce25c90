// The lower bound of a page's time to content: the page's first frame saved as a static page, with its
// stylesheet and without any script, timed against the floor like the page itself. What the static copy
// costs is what painting the content costs; the rest of the page's time is its code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchBrowser } from './bench-browser.ts';
import type { ContentProbe } from './bench-time-to-content.ts';

/** Writes `bench-static-<name>.html` into the (unpacked, so read from disk) bench build; returns its probe. */
export async function writeStaticCopy(
  browser: BenchBrowser,
  extensionDir: string,
  options: { name: string; path: string; probe: ContentProbe; viewport: { width: number; height: number } },
): Promise<ContentProbe> {
  const page = await browser.newPage(options.viewport);
  try {
    await page.goto(browser.url(options.path));
    await page.locator(options.probe.selector, { hasText: options.probe.text }).first().waitFor();
    for (const more of options.probe.alongWith ?? []) await page.locator(more.selector).first().waitFor();
    const html = await page.evaluate(() => {
      for (const script of document.querySelectorAll('script')) script.remove();
      return `<!doctype html>\n${document.documentElement.outerHTML}`;
    });
    const fileName = `bench-static-${options.name}.html`;
    writeFileSync(join(extensionDir, fileName), html);
    return { ...options.probe, label: `${options.probe.label}, as a static page`, path: fileName };
  } finally {
    await page.close();
  }
}
