import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type ExtensionHandle, expect, test } from './fixtures';
import { ADA, endSession, signInWithPassword, signInWithToken } from './helpers';
import { redact } from './leak-guard';

// Every screen and state, checked by axe against WCAG 2.1 A and AA (and axe's best practices) in both colour
// schemes: the contrast of each colour is checked where it is used, in light and in dark.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
const DAY = 86_400_000;

/** A violation in one line: scheme, rule, impact, where, and the start of the element's markup. */
function describeViolations(scheme: string, violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const html = node.html.replace(/\s+/g, ' ');
      const snippet = html.length > 160 ? `${html.slice(0, 160)}…` : html;
      return `[${scheme}] ${violation.id} (${violation.impact ?? 'no impact given'}) at ${node.target.join(' ')}: ${snippet}`;
    }),
  );
}

/** Runs axe on the page as it is now, in the light and in the dark scheme; fails listing every violation. */
async function expectAccessible(page: Page, extension: ExtensionHandle, state: string): Promise<void> {
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    found.push(...describeViolations(colorScheme, violations));
  }
  await page.emulateMedia({ colorScheme: null });
  // Markup never holds a token (the leak guard checks that); the redaction makes sure of it here too.
  const report = found.map((line) => redact(extension.secrets, line));
  expect(report, `axe violations on ${state}:\n${report.join('\n')}`).toEqual([]);
}

function dateInput(days: number): string {
  const date = new Date(Date.now() + days * DAY);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

test.describe('axe on the popup', () => {
  test('signed out: the token tab, with its optional details open, and the email tab', async ({ extension }) => {
    const popup = await extension.openPopup();
    await expect(popup.getByLabel('Personal access token')).toBeVisible();
    await expectAccessible(popup, extension, 'the token tab');

    await popup.getByText('Name and expiry').click();
    await popup.getByLabel('Expires', { exact: true }).selectOption('date');
    await expect(popup.getByLabel('Expires on')).toBeVisible();
    await expectAccessible(popup, extension, 'the token tab with name and expiry open');

    await popup.getByRole('tab', { name: /email/i }).click();
    await expect(popup.getByLabel('Email')).toBeVisible();
    await expectAccessible(popup, extension, 'the email tab');
  });

  test('a token in the wrong format', async ({ extension }) => {
    const popup = await extension.openPopup();
    await popup.getByLabel('Personal access token').fill('ghp_abcdefghijklmnop');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByRole('alert')).toContainText('tdpat_');
    await expectAccessible(popup, extension, 'the token-format error');
  });

  test('a 403 when signing in', async ({ server, extension }) => {
    server.addUser({ email: 'free@example.com', password: 'free-plan-pass', plan: 'free' });
    const token = server.mintPat('free@example.com');
    extension.secrets.add(token);
    const popup = await extension.openPopup();
    await popup.getByLabel('Personal access token').fill(token);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByRole('alert')).toContainText(/paid TelemetryDeck plan/);
    await expectAccessible(popup, extension, 'the 403 error');
  });

  test('a failed sign-in with email and password', async ({ server, extension }) => {
    server.addUser(ADA);
    extension.secrets.add('wrong password');
    const popup = await extension.openPopup();
    await popup.getByRole('tab', { name: /email/i }).click();
    await popup.getByLabel('Email').fill(ADA.email);
    await popup.getByLabel('Password', { exact: true }).fill('wrong password');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByRole('alert')).toContainText(/email or password is wrong/);
    await expectAccessible(popup, extension, 'the failed sign-in (401)');
  });

  test('signed in with the apps loaded, then a failed refresh, then a rejected token', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    const token = await signInWithToken(popup, server, extension.secrets, { expiryDays: '30', name: 'Browser toolbar' });
    await expect(popup.getByRole('region', { name: 'Your apps' }).getByText('Events 30 d').first()).toBeVisible();
    await expect(popup.getByText(/Fetched just now/)).toBeVisible();
    await expectAccessible(popup, extension, 'the signed-in popup');

    server.fault({ path: '/api/v3/users/info', status: 503 });
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect(popup.getByRole('alert')).toContainText(/not available right now/);
    await expectAccessible(popup, extension, 'the signed-in popup after a failed refresh');

    server.revoke(token);
    await popup.getByRole('button', { name: 'Refresh' }).click();
    await expect(popup.getByRole('alert')).toContainText(/rejected|revoked|expired/);
    await expectAccessible(popup, extension, 'the signed-in popup with a rejected token');
  });

  test('signed in: the copy formats open, a copy made, and the whole token shown', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets, { expiryDays: '30' });
    await popup.getByText('Copy as…').click();
    await expect(popup.getByRole('group', { name: 'Copy the token as' })).toBeVisible();
    await expectAccessible(popup, extension, 'the signed-in popup with the copy formats open');
    await popup.getByRole('button', { name: 'Show token' }).click();
    await expect(popup.getByLabel('The whole token')).toBeVisible();
    await popup.getByRole('button', { name: 'Copy token' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    await expectAccessible(popup, extension, 'the signed-in popup with the whole token shown, after a copy');
  });

  test('a session that ended: Sign in again, then its email form', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithPassword(popup, server, extension.secrets);
    await endSession(await extension.worker());
    await expect(popup.getByRole('button', { name: 'Sign in again' })).toBeVisible();
    await expectAccessible(popup, extension, 'the popup of a session that ended');
    await popup.getByRole('button', { name: 'Sign in again' }).click();
    await expect(popup.getByLabel('Password', { exact: true })).toBeFocused();
    await expectAccessible(popup, extension, 'the email form to sign in again');
  });

  test('signed in: an unverified email, several organizations, usage near and over the limit', async ({ server, extension }) => {
    server.addUser({
      ...ADA,
      emailIsVerified: false,
      organizations: [
        { name: 'Analytical Engines', apps: ['Engine', 'Website'], usagePercentage: 0.85 },
        { name: 'Babbage & Co', namespace: null, apps: ['Legacy Calculator'], usagePercentage: 1.2 },
      ],
    });
    const token = server.mintPat(ADA.email);
    extension.secrets.add(token);
    const popup = await extension.openPopup();
    await popup.getByLabel('Personal access token').fill(token);
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await expect(popup.getByText('not verified')).toBeVisible();
    await expect(popup.getByRole('region', { name: 'Analytical Engines' }).getByText('Events 30 d').first()).toBeVisible();
    await expectAccessible(popup, extension, 'the signed-in popup with two organizations');
  });

  test('signed out after a token was removed: the notice to revoke it', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets);
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await expect(popup.getByText(/still works until you revoke it/)).toBeVisible();
    await expectAccessible(popup, extension, 'the popup signed out with the revoke notice');
  });
});

test.describe('axe on the options page', () => {
  test('signed out', async ({ extension }) => {
    const options = await extension.openOptions();
    await expect(options.getByRole('heading', { name: 'No token yet' })).toBeVisible();
    await expectAccessible(options, extension, 'the options page signed out');
  });

  test('signed in with a personal access token whose expiry is set, saved', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets, { name: 'Browser toolbar' });
    const options = await extension.openOptions();
    await options.getByLabel('Expiry date').fill(dateInput(20));
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect(options.getByText(/Expires in (19|20) days/).first()).toBeVisible();
    await expectAccessible(options, extension, 'the options page with a personal access token');
  });

  test('reminders: a new lead time, a refused one, notifications off', async ({ extension }) => {
    const options = await extension.openOptions();
    await options.getByLabel('Days or hours before expiry').fill('14');
    await options.getByRole('button', { name: 'Add reminder' }).click();
    await expect(options.getByRole('listitem').filter({ hasText: '14 days before expiry' })).toBeVisible();
    await options.getByLabel('Days or hours before expiry').fill('0');
    await options.getByRole('button', { name: 'Add reminder' }).click();
    await expect(options.getByRole('alert')).toBeVisible();
    await options.getByLabel('Show reminders as notifications').uncheck();
    await expectAccessible(options, extension, 'the options page with reminders');
  });

  test('a revocation reminder', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets, { name: 'CI export script' });
    const options = await extension.openOptions();
    await options.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(options.getByRole('button', { name: /I revoked it/ })).toBeVisible();
    await expectAccessible(options, extension, 'the options page with a revocation reminder');
  });

  test('tracked tokens, one expired and one being edited', async ({ extension }) => {
    const options = await extension.openOptions();
    for (const [name, days] of [
      ['CI export script', 20],
      ['Claude assistant', 3],
    ] as const) {
      await options.getByLabel('Token name').fill(name);
      await options.getByLabel('Expires on').fill(dateInput(days));
      await options.getByRole('button', { name: 'Add token' }).click();
    }
    const list = options.getByRole('list', { name: /Tracked tokens/ });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    // A tracked token that has since expired (the form refuses past dates, so it is aged in storage). The worker
    // may still be writing the reminders after the last add, so the write is repeated until it holds.
    const worker = await extension.worker();
    await expect(async () => {
      await worker.evaluate(async (day) => {
        const { reminders } = (await chrome.storage.local.get('reminders')) as {
          reminders: { tracked: { name: string; expiresAt: number }[] };
        };
        for (const tracked of reminders.tracked) if (tracked.name === 'Claude assistant') tracked.expiresAt = Date.now() - 2 * day;
        await chrome.storage.local.set({ reminders });
      }, DAY);
      await expect(list.getByText('Expired', { exact: true })).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await expectAccessible(options, extension, 'the options page with tracked tokens');

    await options.getByRole('button', { name: 'Edit CI export script' }).click();
    await expect(options.getByRole('form', { name: 'Edit CI export script' })).toBeVisible();
    await expectAccessible(options, extension, 'the options page editing a tracked token');
  });

  test('a custom server that is refused', async ({ extension }) => {
    const options = await extension.openOptions();
    await options.getByLabel('Custom server', { exact: true }).check();
    await options.getByLabel('Custom server address').fill('http://api.example.com');
    await options.getByRole('button', { name: 'Use this server' }).click();
    await expect(options.getByRole('alert')).toContainText(/http:\/\/ is allowed only for localhost/);
    await expectAccessible(options, extension, 'the custom-server error');
  });

  test('the Forget-everything confirmation', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets);
    const options = await extension.openOptions();
    await options.getByRole('button', { name: 'Forget everything' }).click();
    await expect(options.getByRole('button', { name: 'Yes, forget everything' })).toBeVisible();
    await expectAccessible(options, extension, 'the Forget-everything confirmation');
  });
});

test('the toolbar icons keep their outline on a light and on a dark toolbar', async ({ extension }) => {
  const popup = await extension.openPopup();
  // Along every row and column through the middle half of an icon, coming in from each side, the first pixel
  // that contrasts 3:1 with the toolbar (WCAG 1.4.11) must lie in the outer 1/16 of the icon (1 px at 16 px):
  // then the icon's outline reads, not only the glyph in its middle.
  const insets = await popup.evaluate(async () => {
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const results: { size: number; toolbar: string; deepest: number }[] = [];
    for (const size of [16, 32, 48, 128]) {
      const image = new Image();
      image.src = `/icon/${size}.png`;
      await image.decode();
      const context = new OffscreenCanvas(size, size).getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, size, size);
      for (const [toolbar, rgb] of [
        ['#ffffff', [255, 255, 255]],
        ['#202124', [32, 33, 36]],
      ] as const) {
        const background = luminance([...rgb]);
        const standsOut = ([x, y]: [number, number]) => {
          const at = (y * size + x) * 4;
          const alpha = data[at + 3]! / 255;
          const shown = luminance([0, 1, 2].map((channel) => data[at + channel]! * alpha + rgb[channel]! * (1 - alpha)));
          return (Math.max(shown, background) + 0.05) / (Math.min(shown, background) + 0.05) >= 3;
        };
        const firstStandingOut = (pixel: (step: number) => [number, number]) => {
          for (let step = 0; step < size; step += 1) if (standsOut(pixel(step))) return step;
          return size;
        };
        let deepest = 0;
        for (let line = Math.floor(size / 4); line < Math.ceil((size * 3) / 4); line += 1) {
          deepest = Math.max(
            deepest,
            firstStandingOut((step) => [step, line]),
            firstStandingOut((step) => [size - 1 - step, line]),
            firstStandingOut((step) => [line, step]),
            firstStandingOut((step) => [line, size - 1 - step]),
          );
        }
        results.push({ size, toolbar, deepest });
      }
    }
    return results;
  });
  for (const { size, toolbar, deepest } of insets) {
    expect(deepest, `the ${size} px icon on a ${toolbar} toolbar: pixels before its outline`).toBeLessThanOrEqual(Math.max(1, size / 16));
  }
});
