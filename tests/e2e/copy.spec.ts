import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { type ExtensionHandle, expect, test } from './fixtures';
import { ADA, endSession, signInWithPassword, signInWithToken } from './helpers';

/**
 * The system clipboard, as a script would see it: a page of an ordinary origin (never the extension's), with the
 * clipboard permissions granted to that origin.
 */
async function openClipboard(extension: ExtensionHandle) {
  const server = createServer((_request, response) => response.end('<!doctype html><title>clipboard</title>'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await extension.context.newPage();
  await page.goto(origin);
  return {
    async read(): Promise<string> {
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    },
    async write(text: string): Promise<void> {
      await page.bringToFront();
      await page.evaluate((value) => navigator.clipboard.writeText(value), text);
    },
    async close(): Promise<void> {
      await page.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** A day `days` from today, as `<input type="date">` takes it. */
function dateInDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Chooses how long a copied token may stay in the clipboard, in the options page. */
async function clearAfter(extension: ExtensionHandle, label: string): Promise<void> {
  const options = await extension.openOptions();
  await options.getByLabel('Clear the clipboard after').selectOption({ label });
  await expect(options.getByRole('region', { name: 'Clipboard' }).getByRole('status')).toHaveText('Saved.');
  await options.close();
}

/** The stored pending clear, read in the worker: gone once the worker has dealt with it. */
async function pendingClear(extension: ExtensionHandle): Promise<unknown> {
  return (await extension.storage('session')).pendingClipboardClear;
}

async function copyFromPopup(popup: Page, control: 'Copy token' | RegExp): Promise<void> {
  await popup.bringToFront();
  if (control === 'Copy token') {
    await popup.getByRole('button', { name: 'Copy token' }).click();
  } else {
    await popup.getByText('Copy as…').click();
    await popup.getByRole('group', { name: 'Copy the token as' }).getByRole('button', { name: control }).click();
  }
}

test.describe('with the permission to read the clipboard', () => {
  test.use({ grantedPermissions: ['clipboardRead'] });

  test('each format puts exactly its text on the clipboard, and the popup says so', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    const token = await signInWithToken(popup, server, extension.secrets);
    const clipboard = await openClipboard(extension);
    const formats: ['Copy token' | RegExp, string][] = [
      ['Copy token', token],
      [/^Token only$/, token],
      [/header/, `Authorization: Bearer ${token}`],
      [/curl/, `curl -H 'Authorization: Bearer ${token}' ${server.origin}/api/v3/users/info`],
      [/^Shell/, `export TELEMETRYDECK_TOKEN='${token}'`],
      [/PowerShell/, `$env:TELEMETRYDECK_TOKEN = '${token}'`],
    ];
    for (const [control, text] of formats) {
      await clipboard.write('something else');
      await copyFromPopup(popup, control);
      await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied. The clipboard clears in 30 s');
      expect(await clipboard.read()).toBe(text);
    }
    await clipboard.close();
  });

  test('the clipboard is empty after the shortest delay', async ({ server, extension }) => {
    await clearAfter(extension, '10 s');
    const popup = await extension.openPopup();
    const token = await signInWithToken(popup, server, extension.secrets);
    const clipboard = await openClipboard(extension);
    await copyFromPopup(popup, /curl/);
    await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied. The clipboard clears in 10 s');
    expect(await clipboard.read()).toContain(token);
    await expect.poll(() => clipboard.read(), { timeout: 30_000 }).toBe('');
    await clipboard.close();
  });

  test('text copied after the extension copied survives the clear', async ({ server, extension }) => {
    await clearAfter(extension, '10 s');
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets);
    const clipboard = await openClipboard(extension);
    await copyFromPopup(popup, 'Copy token');
    await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    await clipboard.write('a commit message the user copied since');
    // Once the worker has dealt with the clear, the pending one is gone; what the user copied is still there.
    await expect.poll(() => pendingClear(extension), { timeout: 30_000 }).toBeUndefined();
    expect(await clipboard.read()).toBe('a commit message the user copied since');
    await clipboard.close();
  });

  test('a worker stopped during the wait still clears, woken by its alarm', async ({ server, extension }) => {
    await clearAfter(extension, '10 s');
    const popup = await extension.openPopup();
    await signInWithToken(popup, server, extension.secrets);
    const clipboard = await openClipboard(extension);
    await copyFromPopup(popup, /header/);
    await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    await popup.close();
    await extension.stopWorker();
    await expect.poll(() => clipboard.read(), { timeout: 40_000 }).toBe('');
    await clipboard.close();
  });
});

test('without the permission to read the clipboard, copying works and the popup says clearing is off', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets);
  const clipboard = await openClipboard(extension);
  await copyFromPopup(popup, 'Copy token');
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toHaveText(
    'Copied. Clearing the clipboard is off until you allow it on the options page.',
  );
  expect(await clipboard.read()).toBe(token);
  expect(await pendingClear(extension)).toBeUndefined();
  await clipboard.close();
});

test('the formats are reached by Tab and by the arrow keys, and Escape closes them without closing the popup', async ({
  server,
  extension,
}) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  await popup.getByRole('button', { name: 'Copy token' }).focus();
  await popup.keyboard.press('Tab');
  await expect(popup.getByText('Copy as…')).toBeFocused();
  await popup.keyboard.press('Enter');
  const formats = popup.getByRole('group', { name: 'Copy the token as' });
  await expect(formats).toBeVisible();
  await popup.keyboard.press('Tab');
  await expect(formats.getByRole('button', { name: 'Token only' })).toBeFocused();
  await popup.keyboard.press('Tab');
  await expect(formats.getByRole('button', { name: /header/ })).toBeFocused();
  await popup.keyboard.press('ArrowDown');
  await expect(formats.getByRole('button', { name: /curl/ })).toBeFocused();
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  // Past the last, the arrows come round to the first.
  await expect(formats.getByRole('button', { name: 'Token only' })).toBeFocused();
  await popup.keyboard.press('ArrowUp');
  await expect(formats.getByRole('button', { name: /PowerShell/ })).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(formats).toBeHidden();
  await expect(popup.getByText('Copy as…')).toBeFocused();
  expect(popup.isClosed()).toBe(false);
});

test('Show reveals the whole token, which is hidden by default and again on Hide', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets);
  await expect(popup.getByLabel('The whole token')).toHaveCount(0);
  await expect(popup.locator('body')).not.toContainText(token);
  await popup.getByRole('button', { name: 'Show token' }).click();
  await expect(popup.getByLabel('The whole token')).toHaveValue(token);
  await popup.getByRole('button', { name: 'Hide token' }).click();
  await expect(popup.getByLabel('The whole token')).toHaveCount(0);
  // A popup opened afterwards shows the masked token only.
  await popup.close();
  const again = await extension.openPopup();
  await expect(again.getByRole('button', { name: 'Show token' })).toBeVisible();
  await expect(again.getByLabel('The whole token')).toHaveCount(0);
});

test('a rejected token can still be copied, with a warning that it will not work', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets);
  server.revoke(token);
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect(popup.getByText('TelemetryDeck rejected this token: a copy of it will not work.')).toBeVisible();
  const clipboard = await openClipboard(extension);
  await copyFromPopup(popup, 'Copy token');
  await expect(popup.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await clipboard.read()).toBe(token);
  await clipboard.close();
});

test.describe('the keyboard command', () => {
  test.use({ grantedPermissions: ['clipboardRead'] });

  test('copies the token without opening the popup, and says so', async ({ server, extension }) => {
    const popup = await extension.openPopup();
    const token = await signInWithToken(popup, server, extension.secrets);
    await popup.close();
    const clipboard = await openClipboard(extension);
    await clipboard.write('before');
    await pressCopyShortcut(extension);
    await expect.poll(() => clipboard.read()).toBe(token);
    const worker = await extension.worker();
    // The notification follows the write: wait for it rather than assume it is already there.
    await expect.poll(() => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()))).toContain('copy-token');
    await clipboard.close();
  });

  test('copies nothing while signed out', async ({ extension }) => {
    const clipboard = await openClipboard(extension);
    await clipboard.write('what the user had');
    await pressCopyShortcut(extension);
    const worker = await extension.worker();
    // The command was handled: it left its notification, and the clipboard as it was.
    await expect.poll(() => worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()))).toContain('copy-token');
    expect(await clipboard.read()).toBe('what the user had');
    await clipboard.close();
  });
});

/**
 * Presses the browser's shortcut for the copy command on an ordinary page, as raw key events: the browser, not the
 * page, takes the keys, as it does when a person presses them.
 */
async function pressCopyShortcut(extension: ExtensionHandle): Promise<void> {
  const worker = await extension.worker();
  const shortcut = await worker.evaluate(
    async () => (await chrome.commands.getAll()).find((command) => command.name === 'copy-token')?.shortcut,
  );
  expect(shortcut).toBe('Alt+Shift+Y');
  const page = await extension.context.newPage();
  await page.goto('about:blank');
  await page.bringToFront();
  const cdp = await extension.context.newCDPSession(page);
  const ALT_AND_SHIFT = 1 | 8;
  for (const type of ['rawKeyDown', 'keyUp'] as const) {
    await cdp.send('Input.dispatchKeyEvent', {
      type,
      modifiers: ALT_AND_SHIFT,
      key: 'Y',
      code: 'KeyY',
      windowsVirtualKeyCode: 89,
      nativeVirtualKeyCode: 89,
    });
  }
  await cdp.detach();
  await page.close();
}

test('a session that ended offers Sign in again, with the email filled in; signing in keeps tracked tokens and settings', async ({
  server,
  extension,
}) => {
  const popup = await extension.openPopup();
  await signInWithPassword(popup, server, extension.secrets);

  // A tracked token and a setting of the user's own, which signing in again must keep.
  const options = await extension.openOptions();
  await options.getByLabel('Clear the clipboard after').selectOption({ label: '2 min' });
  await expect(options.getByRole('region', { name: 'Clipboard' }).getByRole('status')).toHaveText('Saved.');
  await options.getByLabel('Token name').last().fill('CI export script');
  await options.getByLabel('Expires on').fill(dateInDays(20));
  await options.getByRole('button', { name: 'Add token' }).click();
  await expect(options.getByText('now tracking')).toBeVisible();
  await endSession(await extension.worker());
  const before = (await extension.storage('local')).tokenState as { token: { addedAt: number } };

  const again = await extension.openPopup();
  await expect(again.getByText('This session has ended.')).toBeVisible();
  await again.getByRole('button', { name: 'Sign in again' }).click();
  await expect(again.getByLabel('Email')).toHaveValue(ADA.email);
  await expect(again.getByLabel('Password', { exact: true })).toBeFocused();
  await again.getByLabel('Password', { exact: true }).fill(ADA.password);
  await again.getByRole('button', { name: 'Sign in' }).click();
  await expect(again.getByRole('button', { name: 'Sign in again' })).toHaveCount(0);
  await expect(again.getByRole('button', { name: 'Copy token' })).toBeVisible();

  const local = await extension.storage('local');
  const after = local.tokenState as { token: { kind: string; addedAt: number; expiresAt: number } };
  expect(after.token.kind).toBe('session');
  expect(after.token.addedAt).not.toBe(before.token.addedAt);
  expect(after.token.expiresAt).toBeGreaterThan(Date.now());
  const reminders = local.reminders as { tracked: { name: string }[]; revocations: unknown[] };
  expect(reminders.tracked.map((tracked) => tracked.name)).toEqual(['CI export script']);
  // A session is not a personal access token: nothing to revoke in the dashboard.
  expect(reminders.revocations).toEqual([]);
  expect((local.settings as { clipboardClearAfterMs: number }).clipboardClearAfterMs).toBe(120_000);
});

test('the options page sets the clearing delay, says when clearing is off, and lists both shortcuts', async ({ extension }) => {
  // The browser's permission prompt cannot be answered from a test: here it is declined.
  await extension.context.addInitScript(() => {
    if (location.pathname === '/options.html') chrome.permissions.request = (async () => false) as typeof chrome.permissions.request;
  });
  const options = await extension.openOptions();
  const section = options.getByRole('region', { name: 'Clipboard' });
  const select = section.getByLabel('Clear the clipboard after');
  await expect(select).toHaveValue('30000');
  expect(await select.locator('option').allTextContents()).toEqual(['never', '10 s', '20 s', '30 s', '1 min', '2 min', '5 min']);
  await expect(section.getByText(/Clearing is off/)).toBeVisible();
  await select.selectOption({ label: '10 s' });
  await expect(section.getByText('Not allowed, so clearing stays off. Copying still works.')).toBeVisible();
  await expect(section.getByRole('button', { name: 'Allow reading the clipboard' })).toBeVisible();
  await select.selectOption({ label: 'never' });
  await expect(section.getByText(/clearing stays off|Clearing is off/)).toHaveCount(0);
  const shortcuts = options.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByText('Copy the token with Alt+Shift+Y.')).toBeVisible();
});
