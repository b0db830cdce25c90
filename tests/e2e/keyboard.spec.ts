import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADA, signInWithToken, userInfoRequests } from './helpers';

const DAY = 86_400_000;

function dateInput(days: number): string {
  const date = new Date(Date.now() + days * DAY);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** A focusable element as a failure names it: its place in the document, tag, id and name (never a field's value). */
interface Stop {
  index: number;
  label: string;
}

/** Every element Tab should reach, in document order: enabled, shown, not taken out with tabindex -1, one radio per group. */
async function tabbablesInDocumentOrder(page: Page): Promise<Stop[]> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const label = (element: Element) => {
      const field = element as HTMLInputElement;
      const name = element.getAttribute('aria-label') ?? field.labels?.[0]?.textContent ?? element.textContent ?? '';
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} “${name.trim().replace(/\s+/g, ' ').slice(0, 40)}”`;
    };
    const radioGroups = new Set<string>();
    const stops: { index: number; label: string }[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')) {
      if (element.tabIndex < 0 || (element as HTMLButtonElement).disabled || !element.checkVisibility()) continue;
      const input = element as HTMLInputElement;
      if (input.type === 'hidden') continue;
      if (input.type === 'radio') {
        const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${input.name}"]`)];
        const stop = group.find((radio) => radio.checked) ?? group[0];
        if (stop !== input || radioGroups.has(input.name)) continue;
        radioGroups.add(input.name);
      }
      stops.push({ index: all.indexOf(element), label: label(element) });
    }
    return stops;
  });
}

/** The focused element, and whether it shows a focus ring: an outline that is not none and at least 2px wide. */
async function focused(page: Page): Promise<(Stop & { ring: boolean }) | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const name = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '';
    const style = getComputedStyle(element);
    return {
      index: [...document.querySelectorAll('*')].indexOf(element),
      label: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} “${name.trim().replace(/\s+/g, ' ').slice(0, 40)}”`,
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

/**
 * Starts at the first tabbable element and presses Tab until focus leaves the page or comes back round; checks
 * that the stops are the document's tabbable elements in document order, each showing a focus ring.
 */
async function expectTabOrderFollowsReadingOrder(page: Page): Promise<void> {
  const expected = await tabbablesInDocumentOrder(page);
  expect(expected.length).toBeGreaterThan(2);
  await page.evaluate((index) => (document.querySelectorAll('*')[index] as HTMLElement).focus(), expected[0]!.index);
  const stops: Stop[] = [expected[0]!];
  const withoutRing: string[] = [];
  for (let presses = 0; presses < expected.length * 4; presses += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (!now || now.index === expected[0]!.index) break;
    if (!now.ring) withoutRing.push(now.label);
    // A date field's day, month and year each take a Tab inside the one element.
    if (now.index !== stops.at(-1)!.index) stops.push({ index: now.index, label: now.label });
  }
  expect(stops.map((stop) => stop.label)).toEqual(expected.map((stop) => stop.label));
  expect(withoutRing, 'focused by Tab without a visible focus ring').toEqual([]);
}

async function positiveTabIndexes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[tabindex]')]
      .filter((element) => element.tabIndex > 0)
      .map((element) => element.outerHTML.slice(0, 80)),
  );
}

test.describe('the popup by keyboard', () => {
  test('focus starts in the token field, and choosing the email tab moves it to the email field', async ({ extension }) => {
    const popup = await extension.openPopup();
    await expect(popup.getByLabel('Personal access token')).toBeFocused();

    await popup.getByRole('tab', { name: /email/i }).click();
    await expect(popup.getByLabel('Email')).toBeFocused();
    await popup.getByRole('tab', { name: /token/i }).focus();
    await popup.keyboard.press('Enter');
    await expect(popup.getByLabel('Personal access token')).toBeFocused();
    await popup.getByRole('tab', { name: /email/i }).focus();
    await popup.keyboard.press('Space');
    await expect(popup.getByLabel('Email')).toBeFocused();
  });

  test('the sign-in tabs follow the arrow keys, Home and End, keeping focus on the tabs', async ({ extension }) => {
    const popup = await extension.openPopup();
    const tokenTab = popup.getByRole('tab', { name: /token/i });
    const emailTab = popup.getByRole('tab', { name: /email/i });
    await expect(popup.getByLabel('Personal access token')).toBeFocused();
    await popup.keyboard.press('Shift+Tab');
    await expect(tokenTab).toBeFocused();
    // Only the selected tab is a Tab stop (roving tabindex).
    await expect(tokenTab).toHaveAttribute('tabindex', '0');
    await expect(emailTab).toHaveAttribute('tabindex', '-1');

    await popup.keyboard.press('ArrowRight');
    await expect(emailTab).toBeFocused();
    await expect(emailTab).toHaveAttribute('aria-selected', 'true');
    await expect(popup.getByLabel('Email')).toBeVisible();
    await popup.keyboard.press('ArrowRight');
    await expect(tokenTab).toBeFocused();
    await expect(tokenTab).toHaveAttribute('aria-selected', 'true');
    await popup.keyboard.press('ArrowLeft');
    await expect(emailTab).toBeFocused();
    await popup.keyboard.press('Home');
    await expect(tokenTab).toBeFocused();
    await popup.keyboard.press('End');
    await expect(emailTab).toBeFocused();
    await expect(emailTab).toHaveAttribute('tabindex', '0');
    await expect(tokenTab).toHaveAttribute('tabindex', '-1');
    // Tab leaves the tab list for the chosen panel's first field.
    await popup.keyboard.press('Tab');
    await expect(popup.getByLabel('Email')).toBeFocused();
  });

  test('Enter in the token field signs in', async ({ server, extension }) => {
    server.addUser(ADA);
    const token = server.mintPat(ADA.email);
    extension.secrets.add(token);
    const popup = await extension.openPopup();
    await expect(popup.getByLabel('Personal access token')).toBeFocused();
    await popup.keyboard.insertText(token);
    await popup.keyboard.press('Enter');
    await expect(popup.getByText(`${ADA.firstName} ${ADA.lastName}`)).toBeVisible();
    expect(userInfoRequests(server)).toHaveLength(1);
  });

  test('Enter in the password field signs in with email and password', async ({ server, extension }) => {
    server.addUser(ADA);
    extension.secrets.add(ADA.password);
    const popup = await extension.openPopup();
    await popup.getByRole('tab', { name: /email/i }).click();
    await expect(popup.getByLabel('Email')).toBeFocused();
    await popup.keyboard.insertText(ADA.email);
    await popup.keyboard.press('Tab');
    await expect(popup.getByLabel('Password', { exact: true })).toBeFocused();
    await popup.keyboard.insertText(ADA.password);
    await popup.keyboard.press('Enter');
    await expect(popup.getByText(`${ADA.firstName} ${ADA.lastName}`)).toBeVisible();
  });

  test('Escape closes the popup, unless a control took the key for itself', async ({ extension }) => {
    const popup = await extension.openPopup();
    await expect(popup.getByLabel('Personal access token')).toBeFocused();
    // A control with its own use for Escape (none in the popup today) marks the event handled.
    await popup.evaluate(() => {
      const field = document.getElementById('pat')!;
      field.addEventListener('keydown', function keep(event) {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        field.removeEventListener('keydown', keep);
      });
    });
    await popup.keyboard.press('Escape');
    await popup.waitForTimeout(500);
    expect(popup.isClosed()).toBe(false);
    await expect(popup.getByLabel('Personal access token')).toBeVisible();

    await popup.getByRole('tab', { name: /email/i }).click();
    // window.close() closes an extension page that is a tab, as the popup is here, just as it closes the popup.
    // The page may be gone before the key is released, so the press itself may fail.
    await Promise.all([popup.waitForEvent('close'), popup.keyboard.press('Escape').catch(() => {})]);
    expect(popup.isClosed()).toBe(true);
  });

  test('Tab follows reading order, signed out and signed in, with a focus ring at every stop', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await expect(popup.getByLabel('Personal access token')).toBeFocused();
    await popup.getByText('Name and expiry').click();
    await popup.getByLabel('Expires', { exact: true }).selectOption('date');
    expect(await positiveTabIndexes(popup)).toEqual([]);
    await expectTabOrderFollowsReadingOrder(popup);

    await popup.getByRole('tab', { name: /email/i }).click();
    // Choosing the tab moves focus to its first field: the walk starts once it has, or the move would cut in.
    await expect(popup.getByLabel('Email')).toBeFocused();
    await expectTabOrderFollowsReadingOrder(popup);

    await popup.getByRole('tab', { name: /token/i }).click();
    await expect(popup.getByLabel('Personal access token')).toBeFocused();
    await signInWithToken(popup, server, extension.secrets);
    await expect(popup.getByRole('region', { name: 'Your apps' }).getByText('Events 30 d').first()).toBeVisible();
    expect(await positiveTabIndexes(popup)).toEqual([]);
    await expectTabOrderFollowsReadingOrder(popup);
  });
});

test.describe('the options page by keyboard', () => {
  test('Tab follows reading order with a focus ring at every stop', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets, { name: 'Browser toolbar' });
    const options = await extension.openOptions();
    await options.getByLabel('Token name').fill('CI export script');
    await options.getByLabel('Expires on').fill(dateInput(20));
    await options.getByRole('button', { name: 'Add token' }).click();
    await expect(options.getByRole('list', { name: /Tracked tokens/ }).getByRole('listitem')).toHaveCount(1);
    expect(await positiveTabIndexes(options)).toEqual([]);
    await expectTabOrderFollowsReadingOrder(options);
  });

  test('Enter submits each form', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets, { name: 'Browser toolbar' });
    const options = await extension.openOptions();

    await options.getByLabel('Name', { exact: true }).fill('Toolbar');
    await options.getByLabel('Name', { exact: true }).press('Enter');
    await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expect
      .poll(async () => ((await extension.storage('local')).tokenState as { token: { name?: string } }).token.name)
      .toBe('Toolbar');

    await options.getByLabel('Days or hours before expiry').fill('14');
    await options.getByLabel('Days or hours before expiry').press('Enter');
    await expect(options.getByRole('listitem').filter({ hasText: '14 days before expiry' })).toBeVisible();

    await options.getByLabel('Repeat revocation reminders every (days)').fill('3');
    await options.getByLabel('Repeat revocation reminders every (days)').press('Enter');
    await expect
      .poll(
        async () =>
          ((await extension.storage('local')).settings as { reminders: { revocationRepeatMs: number } }).reminders.revocationRepeatMs,
      )
      .toBe(3 * DAY);

    await options.getByLabel('Token name').fill('CI export script');
    await options.getByLabel('Expires on').fill(dateInput(20));
    await options.getByLabel('Token name').press('Enter');
    const list = options.getByRole('list', { name: /Tracked tokens/ });
    await expect(list.getByRole('listitem')).toHaveCount(1);

    await options.getByRole('button', { name: 'Edit CI export script' }).press('Enter');
    const editing = options.getByRole('form', { name: 'Edit CI export script' });
    await expect(editing.getByLabel('Token name')).toBeFocused();
    await options.keyboard.press('ControlOrMeta+a');
    await options.keyboard.insertText('CI export (nightly)');
    await options.keyboard.press('Enter');
    await expect(list.getByRole('listitem').first()).toContainText('CI export (nightly)');
    await expect(options.getByRole('button', { name: 'Edit CI export (nightly)' })).toBeFocused();

    await options.getByLabel('Custom server', { exact: true }).check();
    await options.getByLabel('Custom server address').fill('http://api.example.com');
    await options.getByLabel('Custom server address').press('Enter');
    await expect(options.getByRole('alert')).toContainText(/http:\/\/ is allowed only for localhost/);
  });
});

test('a button reached by Tab shows a focus ring that contrasts with the page, in light and dark', async ({ extension }) => {
  const popup = await extension.openPopup();
  await expect(popup.getByLabel('Personal access token')).toBeFocused();
  // From the token field: the dashboard link, the details' summary, then the Sign in button.
  const signIn = popup.getByRole('button', { name: 'Sign in' });
  for (let presses = 0; presses < 5 && !(await signIn.evaluate((button) => button === document.activeElement)); presses += 1) {
    await popup.keyboard.press('Tab');
  }
  await expect(signIn).toBeFocused();
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    const ring = await signIn.evaluate((button) => {
      const style = getComputedStyle(button);
      const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (colour: string) => {
        const [r, g, b] = channels(colour).map((value) => {
          const c = value / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const page = getComputedStyle(document.body).backgroundColor;
      const [light, dark] = [luminance(style.outlineColor), luminance(page)].sort((a, b) => b - a);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), contrast: (light! + 0.05) / (dark! + 0.05) };
    });
    expect(ring.style, colorScheme).not.toBe('none');
    expect(ring.width, colorScheme).toBeGreaterThanOrEqual(2);
    // WCAG 1.4.11: 3:1 for what identifies a control's state.
    expect(ring.contrast, colorScheme).toBeGreaterThanOrEqual(3);
  }
});

test('with reduced motion asked for, nothing transitions or animates', async ({ extension }) => {
  const popup = await extension.openPopup();
  await expect(popup.getByLabel('Personal access token')).toBeVisible();
  await popup.emulateMedia({ reducedMotion: 'reduce' });
  const motion = await popup.evaluate(() => {
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]);
    const reduceRule = rules.find(
      (rule) => rule instanceof CSSMediaRule && rule.conditionText.includes('prefers-reduced-motion: reduce'),
    ) as CSSMediaRule | undefined;
    const moving = [...document.querySelectorAll('*')].flatMap((element) =>
      [null, '::before', '::after'].flatMap((pseudo) => {
        const style = getComputedStyle(element, pseudo);
        const longest = (durations: string) => Math.max(...durations.split(',').map((duration) => parseFloat(duration)));
        return longest(style.transitionDuration) > 0 || (style.animationName !== 'none' && longest(style.animationDuration) > 0)
          ? [`${element.tagName.toLowerCase()}${pseudo ?? ''}.${element.className}`]
          : [];
      }),
    );
    return { hasReduceRule: Boolean(reduceRule), matches: matchMedia('(prefers-reduced-motion: reduce)').matches, moving };
  });
  expect(motion).toEqual({ hasReduceRule: true, matches: true, moving: [] });
});
