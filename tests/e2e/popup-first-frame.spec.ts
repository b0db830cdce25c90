import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type ExtensionHandle, expect, test } from './fixtures';
import { runRevocationWatchNow, signInWithToken } from './helpers';

// The popup paints its first frame from what the worker put in its URL (lib/toolbar/popup-url.ts), before
// storage answers. These tests hold it to its promise: never a frame that disagrees with storage after a
// change made while the popup was closed.

/** How long the popup's storage reads take here: long enough that a frame painted before they answer shows. */
const STORAGE_DELAY_MS = 400;

interface Frame {
  text: string;
  /** Whether storage had answered the page's first read when the frame was painted. */
  storageAnswered: boolean;
}

/**
 * Opens the popup as the toolbar button does (its URL carries what the worker last saw), with storage answering
 * its reads only after STORAGE_DELAY_MS, as on a busy machine, and records the text of each frame, read in
 * `requestAnimationFrame` just before the frame is painted, until a few frames after storage answered.
 */
async function openToolbarPopupRecordingFrames(extension: ExtensionHandle): Promise<{ page: Page; frames: Frame[] }> {
  const url = await extension.toolbarPopupUrl();
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  await page.addInitScript((delayMs) => {
    const frames: { text: string; storageAnswered: boolean }[] = [];
    const state = { storageAnswered: false, done: false };
    Object.assign(window, { recordedFrames: frames, recording: state });
    const local = chrome.storage.local;
    const get = local.get.bind(local) as (keys: unknown) => Promise<unknown>;
    local.get = ((keys: unknown, callback?: (items: unknown) => void) => {
      const answer = get(keys).then(
        (items) =>
          new Promise((resolve) =>
            setTimeout(() => {
              state.storageAnswered = true;
              resolve(items);
            }, delayMs),
          ),
      );
      if (!callback) return answer;
      void answer.then(callback);
    }) as typeof local.get;
    let framesAfterAnswer = 0;
    const record = () => {
      frames.push({ text: document.body?.textContent ?? '', storageAnswered: state.storageAnswered });
      if (state.storageAnswered) framesAfterAnswer++;
      if (framesAfterAnswer < 5) requestAnimationFrame(record);
      else state.done = true;
    };
    requestAnimationFrame(record);
  }, STORAGE_DELAY_MS);
  await page.goto(`chrome-extension://${extension.id}/${url}`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { recording: { done: boolean } }).recording.done)).toBe(true);
  const frames = await page.evaluate(() => (window as unknown as { recordedFrames: Frame[] }).recordedFrames);
  return { page, frames: frames.filter((frame) => frame.text.trim() !== '') };
}

/** What the toolbar's popup URL carries for the first frame, as text. */
async function displayInToolbarUrl(extension: ExtensionHandle): Promise<string> {
  return decodeURIComponent((await extension.toolbarPopupUrl()).split('#')[1] ?? '');
}

/** Waits until the toolbar button points at a popup for what storage holds now, as the worker does. */
async function toolbarFollowsStorage(extension: ExtensionHandle, before: string): Promise<string> {
  await expect.poll(() => extension.toolbarPopupUrl()).not.toBe(before);
  return extension.toolbarPopupUrl();
}

test('a popup opened with nothing changed paints the account from its URL before storage answers', async ({ server, extension }) => {
  const first = await extension.openPopup();
  await signInWithToken(first, server, extension.secrets);
  await expect(first.getByText('Ada Lovelace')).toBeVisible();
  expect(await extension.toolbarPopupUrl()).toMatch(/^popup\.html#/);
  await expect.poll(() => displayInToolbarUrl(extension)).toContain('ada@example.com');
  await first.close();

  const { frames } = await openToolbarPopupRecordingFrames(extension);
  // The account is painted before storage has answered: from the URL.
  expect(frames[0]).toMatchObject({ text: expect.stringContaining('Ada Lovelace'), storageAnswered: false });
  // Never a secret in it: the URL carries what the screens show.
  extension.expectNoSecretIn(await extension.toolbarPopupUrl(), "the popup's URL");
  extension.expectNoSecretIn(await displayInToolbarUrl(extension), "the popup's URL, decoded");
});

test('a revocation the background found while the popup was closed is in the first frame, and the account was never shown valid', async ({
  server,
  extension,
}) => {
  const first = await extension.openPopup();
  const token = await signInWithToken(first, server, extension.secrets);
  await expect(first.getByText('Ada Lovelace')).toBeVisible();
  await expect(first.getByRole('alert')).toHaveCount(0);
  const before = await extension.toolbarPopupUrl();
  await first.close();

  // The background's own check finds the token revoked, with no page open.
  server.revoke(token);
  await runRevocationWatchNow(await extension.worker());
  await expect.poll(async () => (await extension.badge()).text).toBe('!');
  await toolbarFollowsStorage(extension, before);

  const { page, frames } = await openToolbarPopupRecordingFrames(extension);
  await expect(page.getByRole('alert')).toContainText(/rejected|revoked|expired/);
  const rejectedAlert = await page.getByRole('alert').textContent();
  // Every frame with the account shows it rejected: none painted the cache from before the revocation.
  const withAccount = frames.filter((frame) => frame.text.includes('Ada Lovelace'));
  expect(withAccount.length).toBeGreaterThan(0);
  for (const frame of withAccount) expect(frame.text).toContain(rejectedAlert ?? 'an alert');
});

test('a sign-out from the options page drops the account from the popup URL, and the popup never shows it again', async ({
  server,
  extension,
}) => {
  const first = await extension.openPopup();
  await signInWithToken(first, server, extension.secrets);
  await expect(first.getByText('Ada Lovelace')).toBeVisible();
  await expect.poll(() => displayInToolbarUrl(extension)).toContain('ada@example.com');
  const before = await extension.toolbarPopupUrl();
  await first.close();

  const options = await extension.openOptions();
  await options.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect.poll(() => extension.storage('local')).not.toHaveProperty('tokenState');
  await options.close();
  await toolbarFollowsStorage(extension, before);
  expect(await displayInToolbarUrl(extension)).not.toContain('ada@example.com');
  expect(await extension.toolbarPopupUrl()).toMatch(/^popup-sign-in\.html#/);

  const { page, frames } = await openToolbarPopupRecordingFrames(extension);
  await expect(page.getByLabel('Personal access token')).toBeVisible();
  expect(frames.length).toBeGreaterThan(0);
  for (const frame of frames) expect(frame.text).not.toContain('Ada Lovelace');
});

test('Forget everything drops the account from the popup URL', async ({ server, extension }) => {
  const first = await extension.openPopup();
  await signInWithToken(first, server, extension.secrets);
  await expect.poll(() => displayInToolbarUrl(extension)).toContain('ada@example.com');
  await first.close();

  const options = await extension.openOptions();
  await options.getByRole('button', { name: 'Forget everything' }).click();
  await options.getByRole('button', { name: 'Yes, forget everything' }).click();
  await expect.poll(() => extension.storage('local')).not.toHaveProperty('tokenState');
  await expect.poll(() => displayInToolbarUrl(extension)).not.toContain('ada@example.com');
  expect(await displayInToolbarUrl(extension)).not.toContain('Lovelace');
});

test.describe('a label changed in the catalog', () => {
  test.use({ ownBuild: true });

  test('shows in the popup as soon as the extension is loaded again, with no earlier page keeping the old one', async ({
    server,
    extension,
  }) => {
    const first = await extension.openPopup();
    await signInWithToken(first, server, extension.secrets);
    await expect(first.getByRole('button', { name: 'Copy token', exact: true })).toBeVisible();
    await first.close();
    // A popup opened again, in the same browser, as the one a reader would have seen before the change.
    const again = await extension.openPopup(await extension.toolbarPopupUrl());
    await expect(again.getByRole('button', { name: 'Copy token', exact: true })).toBeVisible();
    await again.close();

    // The catalog changes on disk, as a rebuild writes it; the browser loads the extension from there again.
    const catalogPath = join(extension.dir, '_locales', 'en', 'messages.json');
    const catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as Record<string, { message: string }>;
    catalog.copyToken!.message = 'Copy the token now';
    writeFileSync(catalogPath, JSON.stringify(catalog));
    await extension.relaunch();

    const popup = await extension.openPopup(await extension.toolbarPopupUrl());
    await expect(popup.getByRole('button', { name: 'Copy the token now', exact: true })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Copy token', exact: true })).toHaveCount(0);
  });
});
