// The screens the README shows, taken from the real built extension against the fake TelemetryDeck, in
// light and dark: `npm run screenshots` (and `npm run demo` where no display is available, light only).
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { DemoCredentials } from '../tests/fake-server/demo-data.ts';
import type { FakeServer } from '../tests/fake-server/server.ts';

export type ColorScheme = 'light' | 'dark';

const DAY_MS = 24 * 60 * 60 * 1000;

function dateInput(daysAhead: number): string {
  const date = new Date(Date.now() + daysAhead * DAY_MS);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Walks through the extension's main states and writes `<name>-<scheme>.png` for each: the popup signed
 * out, signed in with its apps, with the copy formats open, with a token TelemetryDeck rejected; the options
 * page with reminders, a token to revoke and a tracked token.
 */
export async function shootStates(options: {
  context: BrowserContext;
  extensionId: string;
  server: FakeServer;
  demo: DemoCredentials;
  dir: string;
  schemes: readonly ColorScheme[];
}): Promise<string[]> {
  const { context, extensionId, server, demo, dir, schemes } = options;
  const written: string[] = [];
  /** The popup's whole body, or on the options page the stretch from one section to another. */
  const shoot = async (page: Page, name: string, sections?: [first: string, last: string]) => {
    for (const colorScheme of schemes) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.mouse.move(0, 0);
      const path = join(dir, `${name}-${colorScheme}.png`);
      if (sections) {
        const [top, bottom] = await Promise.all(sections.map((heading) => page.getByRole('region', { name: heading }).boundingBox()));
        const margin = 12;
        // Bounding boxes are relative to the viewport; a full-page clip is relative to the page.
        const scrollY = await page.evaluate(() => window.scrollY);
        const clip = {
          x: top!.x - margin,
          y: top!.y + scrollY - margin,
          width: top!.width + 2 * margin,
          height: bottom!.y + bottom!.height - top!.y + 2 * margin,
        };
        await page.screenshot({ path, clip, fullPage: true });
      } else {
        await page.locator('body').screenshot({ path });
      }
      written.push(path);
      console.log(`  ${name}-${colorScheme}.png`);
    }
  };

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByLabel('Personal access token').waitFor();
  await shoot(popup, 'popup-signed-out');

  // A token signed in and signed out again leaves a reminder to revoke it.
  const retired = server.mintPat(demo.paid.email);
  await signIn(popup, retired, 'CI export script', '90');
  await popup.getByRole('button', { name: 'Sign out' }).click();
  await popup.getByRole('tab', { name: /token/i }).waitFor();

  await signIn(popup, demo.paid.pat, 'Browser toolbar', '30');
  await popup.getByRole('region', { name: 'Your apps' }).getByRole('link').first().waitFor();
  await shoot(popup, 'popup-signed-in');

  // The token put to work: the formats it copies as, open under "Copy as…".
  await popup.getByText('Copy as…').click();
  await popup.getByRole('group', { name: 'Copy the token as' }).waitFor();
  await shoot(popup, 'popup-copy-menu');
  await popup.getByText('Copy as…').click();

  const settings = await context.newPage();
  await settings.setViewportSize({ width: 760, height: 900 });
  await settings.goto(`chrome-extension://${extensionId}/options.html`);
  await settings.getByLabel('Token name').last().fill('Assistant (MCP server)');
  await settings.getByLabel('Expires on').fill(dateInput(9));
  await settings.getByRole('button', { name: 'Add token' }).click();
  await settings.getByText('now tracking').waitFor();
  await shoot(settings, 'options-token', ['Current token', 'Reminders']);
  await shoot(settings, 'options-revoke-and-track', ['Tokens to revoke', 'Tracked tokens']);
  await settings.close();

  server.revoke(demo.paid.pat);
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await popup.getByRole('alert').first().waitFor();
  await shoot(popup, 'popup-rejected');
  await popup.close();
  return written;
}

async function signIn(popup: Page, token: string, name: string, expiryDays: string): Promise<void> {
  await popup.getByLabel('Personal access token').fill(token);
  await popup.getByText('Name and expiry').click();
  await popup.getByLabel('Token name').fill(name);
  await popup.getByLabel('Expires', { exact: true }).selectOption(expiryDays);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await popup.getByRole('button', { name: 'Sign out' }).waitFor();
}
