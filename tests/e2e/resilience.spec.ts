import { expect, test } from './fixtures';
import { signInWithToken } from './helpers';

test('stored data that does not parse is dropped with a notice, never a crash', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  const token = await signInWithToken(popup, server, extension.secrets);
  await popup.close();
  const worker = await extension.worker();
  await worker.evaluate(() => chrome.storage.local.set({ tokenState: '{"schemaVersion":1,"token":' }));

  const damaged = await extension.openPopup();
  await expect(damaged.getByRole('status')).toContainText(/could not be read/);
  await expect(damaged.getByRole('tab', { name: /token/i })).toBeVisible();

  // The worker, on its next start, removes the broken half of the sign-in as well.
  await extension.stopWorker();
  await expect.poll(async () => JSON.stringify(await extension.storage('local'))).not.toContain(token);
  const repaired = await extension.openPopup();
  await expect(repaired.getByRole('status')).toContainText(/could not be read/);
  await repaired.getByRole('button', { name: 'Dismiss' }).click();
  await expect(repaired.getByRole('status')).toHaveCount(0);
});

test('a server that never answers is reported after the 15-second timeout, and the popup stays usable', async ({ server, extension }) => {
  test.setTimeout(90_000);
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets);
  server.fault({ path: '/api/v3/users/info', delayMs: 60_000 });
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect(popup.getByRole('alert')).toContainText(/did not answer within 15 seconds/, { timeout: 30_000 });
  await expect(popup.getByText('Ada Lovelace')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Sign out' })).toBeEnabled();
});
