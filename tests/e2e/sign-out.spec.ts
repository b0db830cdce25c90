import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ADA, signInWithToken } from './helpers';

/** Holds this page's next sign-out intent until the test lets it go, so the busy state can be seen. */
async function holdSignOut(page: Page): Promise<void> {
  await page.evaluate(() => {
    const runtime = chrome.runtime as unknown as { sendMessage: (...args: unknown[]) => unknown };
    const send = runtime.sendMessage.bind(chrome.runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      if ((args[0] as { type?: string } | undefined)?.type !== 'signOut') return send(...args);
      return new Promise((resolve) => {
        (window as unknown as { letSignOutGo: () => void }).letSignOutGo = () => resolve(send(...args));
      });
    };
  });
}

test('Sign out pressed in two popups at once leaves one revocation reminder', async ({ server, extension }) => {
  const first = await extension.openPopup();
  await signInWithToken(first, server, extension.secrets, { name: 'Browser toolbar' });
  const second = await extension.openPopup();
  await expect(second.getByText(`${ADA.firstName} ${ADA.lastName}`)).toBeVisible();

  // Both pressed, each intent held on its way until both are, then let go together: they reach the worker at once.
  // (A mouse presses only the tab in front, so the presses are dispatched to the buttons.)
  for (const popup of [first, second]) {
    await holdSignOut(popup);
    await popup.getByRole('button', { name: 'Sign out' }).dispatchEvent('click');
    await expect(popup.getByRole('button', { name: 'Sign out' })).toHaveAttribute('aria-busy', 'true');
  }
  await Promise.all(
    [first, second].map((popup) => popup.evaluate(() => (window as unknown as { letSignOutGo: () => void }).letSignOutGo())),
  );
  await expect(first.getByLabel('Personal access token')).toBeVisible();
  await expect(second.getByLabel('Personal access token')).toBeVisible();
  const { reminders } = (await extension.storage('local')) as { reminders: { revocations: { name: string }[] } };
  expect(reminders.revocations.map((reminder) => reminder.name)).toEqual(['Browser toolbar']);
});

test('Sign out shows that it is busy until the background has signed out', async ({ server, extension }) => {
  const popup = await extension.openPopup();
  await signInWithToken(popup, server, extension.secrets, { name: 'Browser toolbar' });
  await holdSignOut(popup);
  const signOut = popup.getByRole('button', { name: 'Sign out' });
  await signOut.click();
  await expect(signOut).toHaveAttribute('aria-busy', 'true');
  await expect(signOut).toBeDisabled();
  // A second press while busy sends nothing more.
  await signOut.click({ force: true });
  await popup.evaluate(() => (window as unknown as { letSignOutGo: () => void }).letSignOutGo());
  await expect(popup.getByLabel('Personal access token')).toBeVisible();
  const { reminders } = (await extension.storage('local')) as { reminders: { revocations: unknown[] } };
  expect(reminders.revocations).toHaveLength(1);
});
